package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.ReportWriter;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * An accessibility review of the run page (r1, session 57), in the browser at 1280 px: a printed page lost the
 * topology's functions and the lifecycle's last half hour and printed the player's controls; the topology's boxes
 * were unnamed groups inside an image, its slider said "15", its history reachable by mouse only; the charts' text
 * gave only each line's highest value; the page had no main landmark, no skip link, unnamed tables and chart titles
 * that were no headings; ids broke at their hyphen.
 */
class AccessibilityReviewBrowserTest {

    private static final Path DIR = Path.of("target/browser/a11y-review");
    @RegisterExtension
    static final Browser browser = new Browser(1280, 900);
    private static Path quickstart;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(DIR);
        quickstart = run("scenarios/quickstart.yaml", "quickstart");
    }

    private static Path run(String scenario, String name) throws Exception {
        Path dir = DIR.resolve(name);
        ReportWriter.write(new Simulation(ScenarioLoader.load(Path.of(scenario)), 0).run(), dir,
                Path.of("").toAbsolutePath());
        return dir.resolve("report.html");
    }

    private static Object js(String script) {
        return browser.driver.executeScript(script);
    }

    /**
     * Printed on paper some 700 px wide (the page laid out at that width under print media): the topology and the
     * lifecycle chart whole within the page's width, nothing scrolled, the screen's controls and pointing hints gone,
     * and headings and figures kept with what follows.
     */
    @Test
    void aPrintedPageKeepsEveryFigureWholeAndNoneOfTheScreensControls() throws Exception {
        browser.open(quickstart);
        try {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 700, "height",
                    1000, "deviceScaleFactor", 1, "mobile", false));
            @SuppressWarnings("unchecked")
            List<String> problems = (List<String>) js("""
                    var out = [];
                    function css(el, p) { return getComputedStyle(el).getPropertyValue(p); }
                    ['.toolbar', '.player', '#topology-fit', '.topology-hint', '.lifecycle-hint', '.key-hint',
                     '.u-legend .u-value'].forEach(function (sel) {
                      var all = document.querySelectorAll(sel);
                      if (!all.length) { out.push(sel + ': none on the page'); }
                      all.forEach(function (el) { if (css(el, 'display') !== 'none') { out.push(sel + ' printed'); } });
                    });
                    var page = document.body.getBoundingClientRect().right + 1;
                    [['#topology-svg', 'topology'], ['.lifecycle-svg', 'lifecycle']].forEach(function (x) {
                      var r = document.querySelector(x[0]).getBoundingClientRect();
                      if (r.right > page) { out.push(x[1] + ' to ' + Math.round(r.right) + ' px of ' + page); }
                      if (r.height < 100) { out.push(x[1] + ' ' + Math.round(r.height) + ' px high'); }
                    });
                    document.querySelectorAll('.chart canvas').forEach(function (c) {
                      var r = c.getBoundingClientRect();
                      if (r.right > page) { out.push(c.closest('.chart').id + ' to ' + Math.round(r.right)); }
                    });
                    document.querySelectorAll('.scroll').forEach(function (s) {
                      if (css(s, 'overflow-x') !== 'visible') { out.push('a scroll box scrolls: ' + css(s, 'overflow-x')); }
                    });
                    document.querySelectorAll('h2, h3, .chart .head, figcaption').forEach(function (h) {
                      if (css(h, 'break-after') !== 'avoid') { out.push(h.textContent.slice(0, 30) + ': break-after '
                        + css(h, 'break-after')); }
                    });
                    document.querySelectorAll('figure, .chart').forEach(function (f) {
                      if (css(f, 'break-inside') !== 'avoid') { out.push((f.id || f.tagName) + ' may break inside'); }
                    });
                    return out;""");
            assertEquals(List.of(), problems);
            browser.windowShot("a11y-print-topology");
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            browser.unemulate();
        }
    }

    /**
     * The topology's boxes are buttons named with what they are and their state; the slider says its time; the time
     * and the step's events are live regions; Enter on a box moves to its history, whose lines are reached with Tab
     * and opened with Enter.
     */
    @Test
    void theTopologyPlayerIsNamedAndWorksFromTheKeyboard() throws Exception {
        browser.open(quickstart);
        assertEquals("group", js("return document.getElementById('topology-svg').getAttribute('role')"));
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) js("""
                return Array.prototype.filter.call(document.querySelectorAll('#topology-svg .node'), function (n) {
                  return n.getAttribute('role') !== 'button' || !/^(subnet|ENI key|ENI|function) \\S/.test(
                    n.getAttribute('aria-label') || '');
                }).map(function (n) { return n.getAttribute('data-id') + ': ' + n.getAttribute('aria-label'); });""");
        assertEquals(List.of(), unnamed);
        String fn = (String) js("return document.querySelector('#topology-svg .node.function').getAttribute("
                + "'aria-label')");
        String state = (String) js("return document.querySelector('#topology-svg .node.function').getAttribute("
                + "'data-state')");
        assertTrue(fn.contains(state), "a function's name says its state (" + state + "): " + fn);
        String valueText = (String) js("return document.getElementById('player-slider').getAttribute("
                + "'aria-valuetext')");
        assertTrue(valueText != null && valueText.matches("\\S*\\d\\d:\\d\\d:\\d\\d, step \\d+ of \\d+"),
                "the slider's value as a time: " + valueText);
        assertEquals("polite", js("return document.getElementById('player-time').getAttribute('aria-live')"));
        assertEquals("polite", js("return document.getElementById('player-now').getAttribute('aria-live')"));

        WebElement box = browser.driver.findElement(By.cssSelector("#topology-svg .node.function"));
        box.sendKeys(Keys.ENTER);
        assertEquals("H3", js("return document.activeElement.tagName"), "Enter on a box moves to its history");
        assertTrue(((String) js("return document.activeElement.textContent")).startsWith("History of "));
        Number lines = (Number) js("return document.querySelectorAll('#history li[tabindex=\"0\"]').length");
        assertTrue(lines.intValue() > 0, "history lines reached with Tab");
        js("enisim.player.show(enisim.player.steps.length - 1)");
        WebElement first = browser.driver.findElement(By.cssSelector("#history li"));
        String before = (String) js("return document.getElementById('player-slider').value");
        first.sendKeys(Keys.ENTER);
        String after = (String) js("return document.getElementById('player-slider').value");
        assertTrue(!before.equals(after), "Enter on a history line went to its step: " + before + " -> " + after);
        // Space on a box opens its history as Enter does
        js("document.getElementById('history').textContent = ''");
        browser.driver.findElement(By.cssSelector("#topology-svg .node.subnet")).sendKeys(Keys.SPACE);
        assertTrue(((String) js("return document.activeElement.textContent")).startsWith("History of "),
                "Space on a box");
    }

    /**
     * Each chart's text alternative tells what its lines did: a free-IP chart when its subnet ran out ("reached 0 at
     * ..."), the timeline actions it marks, and each sentence ends with a full stop before the next.
     */
    @Test
    void chartTextSaysWhenASubnetRanOutAndTheActionsInSentences() throws Exception {
        browser.open(quickstart);
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) js("return enisim.charts.map(function (c) {"
                + " return c.u.ctx.canvas.getAttribute('aria-label'); })");
        String free = labels.stream().filter(l -> l.startsWith("Free IPs in")).filter(l -> l.contains("reached 0 at"))
                .findFirst().orElse(null);
        assertTrue(free != null, "a quickstart subnet runs out, said in its chart's text: " + labels.stream()
                .filter(l -> l.startsWith("Free IPs")).toList());
        assertTrue(free.matches(".*reached 0 at \\d\\d:\\d\\d:\\d\\d.*"), free);
        for (String l : labels) {
            assertTrue(l.contains("Timeline actions marked: ") || l.contains("; panel: "), "the actions: " + l);
            assertTrue(!l.matches("(?s).*[a-z0-9)] (Timeline actions|Lifecycle moments) marked.*"),
                    "a sentence ran into the next: " + l);
            assertTrue(l.endsWith("."), l);
        }
    }

    /** A main landmark and a skip link to it, every table named, the chart titles headings under Charts. */
    @Test
    void thePageHasLandmarksNamedTablesAndChartHeadings() throws Exception {
        browser.open(quickstart);
        assertEquals(1L, js("return document.querySelectorAll('main').length"));
        assertEquals("#main", js("return document.querySelector('a, button, input, [tabindex]').getAttribute('href')"),
                "the first thing reached with Tab skips to the content");
        assertEquals("main", js("return document.querySelector('main').id"));
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) js("""
                return Array.prototype.filter.call(document.querySelectorAll('table'), function (t) {
                  return !(t.caption && t.caption.textContent.trim()) && !t.getAttribute('aria-label')
                    && !t.getAttribute('aria-labelledby');
                }).map(function (t) { return t.className || t.outerHTML.slice(0, 80); });""");
        assertEquals(List.of(), unnamed, "tables with no accessible name");
        @SuppressWarnings("unchecked")
        List<String> heads = (List<String>) js("return Array.prototype.map.call(document.querySelectorAll("
                + "'#chart-list .head'), function (h) { return h.tagName + (h.classList.contains('panel') ? ' panel'"
                + " : ''); })");
        assertTrue(!heads.isEmpty() && heads.stream().allMatch(h -> h.equals("H3") || h.equals("H4 panel")), heads
                .toString());
        assertEquals(2L, js("return document.querySelectorAll('table.vpcs caption, table.subnets caption')"
                + ".length"), "Capacity's tables each named by a caption of its own");
    }

    /** At 1280 px the imported account's ids stand on one line each: "vpc-" and "subnet-" ended lines. */
    @Test
    void idsNeverBreakAtTheirHyphen() throws Exception {
        browser.open(run("scenarios/import-example/scenario.yaml", "import"));
        @SuppressWarnings("unchecked")
        List<String> broken = (List<String>) js("""
                var out = [];
                document.querySelectorAll('table.vpcs td:first-child, table.subnets td:first-child,'
                    + ' table.keys td:first-child').forEach(function (td) {
                  var walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT), n;
                  while ((n = walker.nextNode())) {
                    var re = /(vpc|subnet|sg)-[0-9a-z]+/g, m;
                    while ((m = re.exec(n.nodeValue))) {
                      var r = document.createRange();
                      r.setStart(n, m.index);
                      r.setEnd(n, m.index + m[0].length);
                      var tops = {};
                      Array.prototype.forEach.call(r.getClientRects(), function (x) { tops[Math.round(x.top)] = 1; });
                      if (Object.keys(tops).length > 1) { out.push(m[0]); }
                    }
                  }
                });
                return out;""");
        assertEquals(List.of(), broken, "ids broken over two lines");
        Number ids = (Number) js("return document.querySelectorAll('table.subnets td:first-child').length");
        assertTrue(ids.intValue() > 0, "the subnet table's rows");
        browser.elementShot("#answers", "a11y-ids-1280");
    }
}
