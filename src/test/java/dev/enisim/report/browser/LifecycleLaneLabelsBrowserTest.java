package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A teacher's review, C4: in an 800-px window the Lifecycle chart, scaled to the page's width, drew its lane labels
 * ("orders-api", "eni-0001 subnet-a+[sg-app]") at about 7 to 8 px. They are 11 px or more as rendered at 800 px (the
 * figure scrolls sideways, and says so) and at 1,400 px, where it still fits the page.
 */
class LifecycleLaneLabelsBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(800, 900);

    /** The least rendered size of the lane labels (CSS px: their font size times the figure's scale) and the fit. */
    static final String LANES = "var svg = document.querySelector('#lifecycle svg.lifecycle-svg'),"
            + " scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width, least = 1e9, n = 0;"
            + " Array.prototype.forEach.call(svg.querySelectorAll('text'), function (t) {"
            + "   var s = t.textContent; if (s !== 'orders-api' && s.indexOf('eni-0001') !== 0) { return; }"
            + "   n++; least = Math.min(least, parseFloat(getComputedStyle(t).fontSize) * scale); });"
            + " var box = document.querySelector('#lifecycle .scroll'),"
            + " hint = document.querySelector('#lifecycle .sideways');"
            + " return {least: least, labels: n, runsPast: box.scrollWidth > box.clientWidth,"
            + " said: !!hint && hint.offsetParent !== null};";

    @Test
    @SuppressWarnings("unchecked")
    void laneLabelsAreReadableAt800And1400Px() throws Exception {
        for (int width : new int[] {800, 1400}) {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            browser.open(ChartsFitBrowserTest.report("quickstart"));
            assertEquals(List.of(), browser.consoleErrors());
            Map<String, Object> m = (Map<String, Object>) browser.driver.executeScript(LANES);
            assertEquals(2L, ((Number) m.get("labels")).longValue(), m.toString());
            assertTrue(((Number) m.get("least")).doubleValue() >= 11 - 1e-6, width + " px: " + m);
            assertEquals(width < 1000, m.get("runsPast"), width + " px: " + m);
            assertEquals(m.get("runsPast"), m.get("said"), width + " px: the figure says it scrolls sideways: " + m);
            browser.elementShot("#lifecycle", "lifecycle-lanes-" + width);
        }
    }
}
