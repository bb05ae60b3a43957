package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.ReportWriter;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The charts from the keyboard alone (an accessibility review, r1 #5): the legend's entries took the mouse only, so
 * a keyboard user could not hide a line, nor read the values under the cursor or what a marked line is. Each entry
 * is a button (Enter or Space, aria-pressed), each plot a slider whose arrow keys move the cursor, its values read out
 * in a live region; both show a focus ring.
 */
class ChartKeyboardBrowserTest {

    private static final Path DIR = Path.of("target/browser/chart-keyboard");
    @RegisterExtension
    static final Browser browser = new Browser(1280, 900);
    private static Path quickstart;

    @BeforeAll
    static void start() throws Exception {
        Path dir = DIR.resolve("quickstart");
        Files.createDirectories(DIR);
        ReportWriter.write(new Simulation(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 0).run(), dir,
                Path.of("").toAbsolutePath());
        quickstart = dir.resolve("report.html");
    }

    private static Object js(String script) {
        return browser.driver.executeScript(script);
    }

    @Test
    void everyLegendEntryIsAButtonThatEnterAndSpaceToggle() {
        browser.open(quickstart);
        @SuppressWarnings("unchecked")
        List<String> wrong = (List<String>) js("""
                var out = [];
                enisim.charts.forEach(function (c) {
                  var rows = c.u.root.querySelectorAll('.u-legend tr.u-series');
                  for (var i = 1; i < c.u.series.length; i++) {
                    var b = rows[i] && rows[i].querySelector('th button');
                    if (!b) { out.push(c.spec.id + ' ' + c.u.series[i].label + ': no button'); continue; }
                    if (b.getAttribute('aria-pressed') !== String(c.u.series[i].show)) {
                      out.push(c.spec.id + ' ' + c.u.series[i].label + ': aria-pressed ' + b.getAttribute('aria-pressed'));
                    }
                    if (b.textContent.indexOf(c.u.series[i].label) < 0) { out.push(c.spec.id + ': unnamed button'); }
                  }
                });
                return out;""");
        assertEquals(List.of(), wrong);
        WebElement button = browser.driver.findElement(By.cssSelector("#chart-list .u-legend tr.u-series th button"));
        assertEquals(0L, js("return document.querySelectorAll('.u-legend tr.u-series:first-child th button').length"),
                "the time's row is no button");
        button.sendKeys(Keys.ENTER);
        assertEquals(false, js("return enisim.charts[0].u.series[1].show"), "Enter hides the line");
        assertEquals("false", button.getAttribute("aria-pressed"));
        assertEquals(true, js("return document.activeElement.matches(':focus-visible')"
                + " && getComputedStyle(document.activeElement).outlineStyle === 'solid'"), "a focus ring");
        button.sendKeys(Keys.SPACE);
        assertEquals(true, js("return enisim.charts[0].u.series[1].show"), "Space shows it again");
        assertEquals("true", button.getAttribute("aria-pressed"));
        // the filter hides a function's line: its button says so
        js("var f = document.getElementById('filter'); f.value = 'no-such-function';"
                + " f.dispatchEvent(new Event('input'));");
        assertTrue(((Number) js("return document.querySelectorAll('.u-legend button[aria-pressed=\"false\"]')"
                + ".length")).intValue() > 0, "hidden by the filter, not pressed");
    }

    @Test
    void theArrowKeysMoveTheCursorAndItsValuesAreReadOut() {
        browser.open(quickstart);
        WebElement plot = browser.driver.findElement(By.cssSelector("#chart-list .chart .u-over"));
        assertEquals("slider", plot.getAttribute("role"));
        assertEquals("0", plot.getAttribute("tabindex"));
        plot.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertEquals(2L, js("return enisim.charts[0].u.cursor.idx"), "two points on from the first");
        String x2 = String.valueOf(((Number) js("return enisim.data.charts.x[2]")).longValue());
        assertEquals(x2, plot.getAttribute("aria-valuenow"));
        String time = (String) js("return enisim.clock(enisim.data.charts.x[2], true)");
        assertEquals(time, plot.getAttribute("aria-valuetext"));
        String said = (String) js("var r = enisim.charts[0].u.root.querySelector('.cursor-readout');"
                + " return r.getAttribute('aria-live') + '|' + r.textContent");
        String label = (String) js("return enisim.charts[0].u.series[1].label");
        assertTrue(said.startsWith("polite|" + time + ": " + label + " "), said);
        assertTrue(said.matches("(?s).*" + java.util.regex.Pattern.quote(label) + " (\\d[\\d,.]*|no data)[;.].*"),
                said);
        assertEquals(true, js("return getComputedStyle(document.activeElement).outlineStyle === 'solid'"),
                "the plot's focus ring");
        plot.sendKeys(Keys.END);
        assertEquals(((Number) js("return enisim.data.charts.x.length - 1")).longValue(),
                ((Number) js("return enisim.charts[0].u.cursor.idx")).longValue(), "End: the last point");
        // at a timeline action's line, the read-out says what it marks, as the mouse's hover text does
        Number at = (Number) js("""
                var x = enisim.data.charts.x, m = enisim.data.charts.markers[0], best = 0;
                for (var i = 0; i < x.length; i++) { if (Math.abs(x[i] - m.t) < Math.abs(x[best] - m.t)) { best = i; } }
                return best;""");
        plot.sendKeys(Keys.HOME);
        for (int i = 0; i < at.intValue(); i++) {
            plot.sendKeys(Keys.ARROW_RIGHT);
        }
        String marked = (String) js("return enisim.charts[0].u.root.querySelector('.cursor-readout').textContent");
        String action = (String) js("return enisim.data.charts.markers[0].label");
        assertTrue(marked.contains("Timeline action: " + action), marked);
    }
}
