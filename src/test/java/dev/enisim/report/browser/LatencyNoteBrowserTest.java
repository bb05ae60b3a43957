package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Session 42's leftover: the latency chart's note was written once (all functions together, with a word on every
 * function's own equal percentiles) and stayed as it was whichever function the list beside the title drew. It follows
 * the pick now, on the page and in the chart's text alternative; "all functions" brings the chart's own note back.
 */
class LatencyNoteBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(1280, 900);

    private static String note() {
        return browser.driver.findElement(By.cssSelector("#chart-latency p.note")).getText();
    }

    private static String canvasLabel() {
        return browser.driver.findElement(By.cssSelector("#chart-latency canvas")).getAttribute("aria-label");
    }

    /** Picks the list's {@code i}th entry as a reader does (the list's change event); returns its text. */
    private static String pick(int i) {
        return (String) browser.driver.executeScript("var s = document.querySelector('#chart-latency select');"
                + " s.selectedIndex = arguments[0]; s.dispatchEvent(new Event('change'));"
                + " return s.options[arguments[0]].textContent;", i);
    }

    @Test
    void theNoteFollowsTheFunctionPicked() throws Exception {
        for (String scenario : List.of("burst-scaling", "az-outage")) {
            browser.open(ChartsFitBrowserTest.report(scenario));
            assertEquals(List.of(), browser.consoleErrors(), scenario);
            String all = note();
            assertTrue(all.contains("The list beside the title shows all functions together"), scenario + ": " + all);
            long n = (Long) browser.driver.executeScript(
                    "return document.querySelector('#chart-latency select').options.length");
            assertTrue(n >= 2, scenario);
            for (int i = 1; i < n; i++) {
                String fn = pick(i);
                String one = note();
                assertTrue(one.startsWith("Drawn: " + fn + " on its own"), scenario + " " + fn + ": " + one);
                assertTrue(!one.contains("for all functions together"), scenario + " " + fn + ": " + one);
                assertTrue(canvasLabel().endsWith(" " + one), scenario + " " + fn + ": " + canvasLabel());
                // the same values are named when this function's lines lie on one another, and only then
                @SuppressWarnings("unchecked")
                List<Object> dashed = (List<Object>) browser.driver.executeScript("return window.enisim.charts"
                        + ".filter(function (c) { return c.spec.id === 'latency'; })[0].series"
                        + ".filter(function (s) { return s.dash; })");
                assertEquals(!dashed.isEmpty(), one.contains("Same values throughout"), scenario + " " + fn + ": "
                        + one);
            }
            pick(0);
            assertEquals(all, note(), scenario);
            browser.elementShot("#chart-latency", "latency-note-" + scenario);
        }
    }
}
