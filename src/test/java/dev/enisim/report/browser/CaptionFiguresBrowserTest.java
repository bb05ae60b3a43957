package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.ReportWriter;
import dev.enisim.report.chart.MarkerLabelsKeepNamesTest;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The charts' captions tell a figure with the digits it needs (session 52): the latency chart's text alternative read
 * "p99: highest 3,039.232 at 01:56:00" (milliseconds to three decimals), and its legend likewise under the cursor.
 * One decimal now, two significant digits below 1. And the action markers of functions with long names, which
 * differ only at their end, are drawn each with its own end.
 */
class CaptionFiguresBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(1280, 900);

    @SuppressWarnings("unchecked")
    private static List<String> canvasLabels() {
        return (List<String>) browser.driver.executeScript("return Array.prototype.map.call("
                + "document.querySelectorAll('canvas[aria-label]'), function (c) { return c.getAttribute('aria-label'); })");
    }

    @Test
    void captionsTellMillisecondsToOneDecimal() throws Exception {
        browser.open(ChartsFitBrowserTest.report("quickstart"));
        assertEquals(List.of(), browser.consoleErrors());
        String latency = (String) browser.driver.executeScript(
                "return document.querySelector('#chart-latency canvas').getAttribute('aria-label')");
        assertTrue(latency.contains("p50: highest 174.2 at 00:34:00; p90: highest 763.1 at 00:36:00; p99: highest"
                + " 3,039.2 at 01:56:00."), latency);
        for (String label : canvasLabels()) {
            assertFalse(label.matches("(?s).*highest [0-9,]*[1-9][0-9,]*\\.[0-9]{2,}.*"), label);
        }
        // the legend under the cursor: the same figures
        browser.driver.executeScript("var u = window.enisim.charts.filter(function (c) { return c.spec.id === 'latency'; })[0].u;"
                + " u.setCursor({left: u.bbox.width / devicePixelRatio / 2, top: 10});");
        @SuppressWarnings("unchecked")
        List<String> values = (List<String>) browser.driver.executeScript("return Array.prototype.map.call("
                + "document.querySelectorAll('#chart-latency .u-legend .u-value'), function (v) { return v.textContent; })");
        assertTrue(values.size() > 1, values.toString());
        for (String v : values.subList(1, values.size())) {
            assertTrue(v.equals("-") || v.matches("[0-9,]+(\\.[0-9])?|0\\.[0-9]+"), values.toString());
        }
        browser.elementShot("#chart-latency", "caption-figures-latency");
    }

    @Test
    void longNamesKeepTheirEndOnTheCharts() throws Exception {
        Path dir = Path.of("target/browser/long-names");
        ReportWriter.write(new Simulation(ScenarioLoader.parse(MarkerLabelsKeepNamesTest.LONG_NAMES, "long.yaml"), 0)
                .run(), dir, Path.of("").toAbsolutePath());
        browser.open(dir.resolve("report.html"));
        assertEquals(List.of(), browser.consoleErrors());
        browser.elementShot("#chart-enis", "caption-figures-long-names");
    }
}
