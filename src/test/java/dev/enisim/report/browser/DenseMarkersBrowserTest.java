package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Browser review (session 41), h3 finding 2: quota-500's 110 creations, 30 s apart over two hours, were drawn as
 * dashed lines about 4 px apart on every chart, a solid band in which no marker could be read. A line is drawn at
 * least 10 px from the one before; the actions nearer are counted in a label's "+N more", so every marker in view is
 * still labelled or counted.
 */
class DenseMarkersBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(1280, 900);

    @Test
    @SuppressWarnings("unchecked")
    void quota500sMarkersAreLinesApartAndEachIsTold() throws Exception {
        browser.open(ChartsFitBrowserTest.report("quota-500"));
        assertEquals(List.of(), browser.consoleErrors());
        List<Map<String, Object>> charts = (List<Map<String, Object>>) browser.driver.executeScript(
                ChartsFitBrowserTest.MARKER_COUNTS);
        assertTrue(charts.size() >= 5, charts.toString());
        for (Map<String, Object> c : charts) {
            List<Number> lines = (List<Number>) c.get("lines");
            assertTrue(lines != null && !lines.isEmpty(), c.get("id") + ": the lines drawn");
            long markers = ((Number) c.get("markers")).longValue();
            assertTrue(lines.size() < markers / 2, c.get("id") + ": " + lines.size() + " lines for " + markers
                    + " actions");
            for (int i = 1; i < lines.size(); i++) {
                double gap = lines.get(i).doubleValue() - lines.get(i - 1).doubleValue();
                assertTrue(gap >= 9.5, c.get("id") + ": lines " + gap + " px apart at " + lines.get(i));
            }
            if (c.get("panelOf") == null) { // a panel's chart labels its markers
                assertEquals(markers, ((Number) c.get("told")).longValue(), c.get("id") + ": every marker told");
            }
        }
        browser.screenshot("dense-markers-quota-500");
    }
}
