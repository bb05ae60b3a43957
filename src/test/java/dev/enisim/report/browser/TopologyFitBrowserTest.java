package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Browser review (session 41), h3 finding 5: at 420 px the topology diagram (about 930 px wide) could only be
 * swiped sideways. A button fits it to the screen (the whole diagram at a glance) and back to its actual size; at
 * 1280 px, where the figure fits, there is no button.
 */
class TopologyFitBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(1280, 900);

    private static final String STATE = "var box = document.querySelector('#topology .scroll'),"
            + " b = document.getElementById('topology-fit'), hint = document.querySelector('#topology .sideways');"
            + " return {button: b ? (b.offsetParent !== null ? b.textContent : 'hidden') : 'none',"
            + " runsPast: box.scrollWidth > box.clientWidth, svgRight: document.getElementById('topology-svg')"
            + ".getBoundingClientRect().right, boxRight: box.getBoundingClientRect().right,"
            + " said: hint !== null && hint.offsetParent !== null};";

    @Test
    @SuppressWarnings("unchecked")
    void aPhonesReaderCanFitTheTopologyToTheScreenAndBack() throws Exception {
        java.nio.file.Path page = ChartsFitBrowserTest.report("diurnal-week");
        try {
            browser.emulatePhone(420, 900);
            browser.open(page);
            assertEquals(List.of(), browser.consoleErrors());
            Map<String, Object> before = (Map<String, Object>) browser.driver.executeScript(STATE);
            assertEquals("Fit the figure to the screen", before.get("button"), before.toString());
            assertEquals(true, before.get("runsPast"), before.toString());
            assertEquals(true, before.get("said"), before.toString());
            browser.driver.findElement(org.openqa.selenium.By.id("topology-fit")).click();
            Map<String, Object> fitted = (Map<String, Object>) browser.driver.executeScript(STATE);
            assertEquals("Actual size (swipe sideways)", fitted.get("button"), fitted.toString());
            assertEquals(false, fitted.get("runsPast"), fitted.toString());
            assertTrue(((Number) fitted.get("svgRight")).doubleValue() <= ((Number) fitted.get("boxRight"))
                    .doubleValue() + 0.5, fitted.toString());
            assertEquals(false, fitted.get("said"), "no swipe hint over a fitted figure: " + fitted);
            assertEquals("true", browser.driver.findElement(org.openqa.selenium.By.id("topology-fit"))
                    .getAttribute("aria-pressed"));
            browser.elementShot("#topology", "topology-fit-420px");
            browser.driver.findElement(org.openqa.selenium.By.id("topology-fit")).click();
            Map<String, Object> back = (Map<String, Object>) browser.driver.executeScript(STATE);
            assertEquals(true, back.get("runsPast"), back.toString());
            assertEquals(true, back.get("said"), back.toString());
        } finally {
            browser.unemulate();
        }
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.open(page);
        Map<String, Object> wide = (Map<String, Object>) browser.driver.executeScript(STATE);
        assertEquals("hidden", wide.get("button"), wide.toString());
    }
}
