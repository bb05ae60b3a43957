package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.ReportWriter;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The teacher's findings on the page, in the browser: az-outage's player at the outage (its failures listed there,
 * the AZ's subnet and ENIs unavailable, the one-AZ function unable to serve), the player's labels readable on their
 * fills (WCAG 4.5:1), and every chart's canvas with an accessible name and a text alternative.
 */
class TeacherFindingsBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(1280, 900);

    private static Path page(String scenario) throws Exception {
        Path dir = Path.of("target/browser/teacher-" + scenario);
        ReportWriter.write(new Simulation(ScenarioLoader.load(Path.of("scenarios/" + scenario + ".yaml")), 0).run(),
                dir, Path.of("").toAbsolutePath());
        return dir.resolve("report.html");
    }

    private static String attr(String id, String name) {
        return browser.driver.findElement(By.cssSelector("#topology-svg [data-id='" + id + "']")).getAttribute(name);
    }

    @Test
    void azOutagesPlayerShowsTheOutageAtItsStep() throws Exception {
        browser.open(page("az-outage"));
        Object step = browser.driver.executeScript("var p = window.enisim.player;"
                + " var i = p.steps.indexOf(1800); p.show(i); return i;");
        assertTrue(((Number) step).intValue() > 0);
        String now = browser.driver.findElement(By.id("player-now")).getText();
        assertTrue(now.contains("Availability Zone us-east-1a down"), now);
        assertTrue(now.contains("7,067 invocations of reports-single-az failed with ServiceException"), now);
        assertTrue(!now.contains("succeeded, 00:01:08 to 02:00:00"), now);
        assertEquals("false", attr("subnet-1a", "data-available"));
        assertEquals("true", attr("subnet-1b", "data-available"));
        assertEquals("false", attr("fn:reports-single-az", "data-serving"));
        assertEquals("true", attr("fn:payments", "data-serving"), "payments has a subnet in us-east-1b");
        assertTrue(browser.driver.findElement(By.cssSelector("#topology-svg [data-id='eni-0003']")).getText()
                .contains("AZ down"));
        browser.elementShot("#topology", "teacher-az-outage-down");
        browser.driver.findElement(By.cssSelector("#topology-svg [data-id='subnet-1a'] rect")).click();
        String history = browser.driver.findElement(By.id("history")).getText();
        assertTrue(history.contains("Availability Zone us-east-1a down") && history.contains("back up"), history);
        browser.driver.executeScript("var p = window.enisim.player; p.show(p.steps.indexOf(5400));");
        assertEquals("true", attr("subnet-1a", "data-available"));
        assertEquals("true", attr("fn:reports-single-az", "data-serving"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** The lowest contrast of a function's or ENI's label on its fill over every step of the player. */
    private static final String LOWEST_CONTRAST = """
            function rgb(c) { return c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number); }
            function lumOf(m) {
              m = m.map(function (v) {
                v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2];
            }
            function lum(c) { return lumOf(rgb(c)); }
            // a hatched fill (url(#id)): the darker and the lighter of its colour and its lines over it, the label
            // read on both
            function fills(rect) {
              var f = getComputedStyle(rect).fill, m = f.match(/url\\("?#([^")]+)"?\\)/);
              if (!m) { return [lum(f)]; }
              var p = document.getElementById(m[1]), base = rgb(getComputedStyle(p.querySelector('rect')).fill);
              var line = p.querySelector('line'), ink = rgb(getComputedStyle(line).stroke);
              var a = Number(line.getAttribute('stroke-opacity'));
              return [lumOf(base), lumOf(base.map(function (v, i) { return (1 - a) * v + a * ink[i]; }))];
            }
            var p = window.enisim.player, worst = 99, where = '';
            for (var i = 0; i < p.steps.length; i++) {
              p.show(i);
              document.querySelectorAll('#topology-svg .node.eni, #topology-svg .node.function').forEach(function (g) {
                var rect = g.querySelector('rect');
                g.querySelectorAll('text').forEach(function (t) {
                  var b = lum(getComputedStyle(t).fill);
                  fills(rect).forEach(function (a) {
                    var r = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                    if (r < worst) { worst = r; where = 'step ' + i + ' ' + t.textContent + ' on ' + getComputedStyle(rect).fill; }
                  });
                });
              });
            }
            return worst.toFixed(2) + ' ' + where;""";

    @Test
    void thePlayersLabelsAreReadableOnEveryFill() throws Exception {
        for (String s : List.of("quickstart", "az-outage")) {
            browser.open(page(s));
            String worst = (String) browser.driver.executeScript(LOWEST_CONTRAST);
            assertTrue(Double.parseDouble(worst.substring(0, worst.indexOf(' '))) >= 4.5, s + ": " + worst);
        }
        browser.driver.executeScript("window.enisim.player.show(0)");
        browser.elementShot("#topology", "teacher-az-outage-step0");
    }

    @Test
    void everyChartHasAnAccessibleNameAndATextAlternative() throws Exception {
        browser.open(page("quickstart"));
        @SuppressWarnings("unchecked")
        List<String> bare = (List<String>) browser.driver.executeScript("var out = [];"
                + " document.querySelectorAll('#chart-list canvas').forEach(function (c) {"
                + "   var box = c.closest('.chart'), title = box.querySelector('.head').firstChild.textContent;"
                + "   var name = c.getAttribute('aria-label') || '';"
                + "   if (c.getAttribute('role') !== 'img' || name.indexOf(title) !== 0 || !/highest|no data/.test(name)"
                + "       || c.textContent !== name) { out.push(box.id + ': ' + name); } });"
                + " return out;");
        assertEquals(List.of(), bare);
        long canvases = (Long) browser.driver.executeScript("return document.querySelectorAll('#chart-list canvas')"
                + ".length");
        assertTrue(canvases >= 5, canvases + " charts");
    }
}
