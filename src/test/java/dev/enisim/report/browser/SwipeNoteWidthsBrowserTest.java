package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The "swipe sideways" notes over the topology (920 px) and the lifecycle chart (1,000 px at least) said when a
 * window width in the style sheet guessed the figure ran past its box: the lifecycle's was missing at 1,016 to 1,031
 * px, where the figure ran 1 to 16 px past the page's 984 to 999 px, and the topology's shown at 952 to 959 px,
 * where it fits. Each note is shown exactly where its figure runs past its box, at every width around the edges.
 */
class SwipeNoteWidthsBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(1280, 900);

    private static final String CHECK = "return ['#topology', '#lifecycle'].map(function (id) {"
            + " var box = document.querySelector(id + ' .scroll'), hint = document.querySelector(id + ' .sideways');"
            + " return id + ' ' + (box.scrollWidth > box.clientWidth ? 'runs past' : 'fits') + ', '"
            + " + (hint && hint.offsetParent !== null ? 'said' : 'unsaid'); }).concat([window.innerWidth])";

    @Test
    @SuppressWarnings("unchecked")
    void eachNoteIsShownWhereItsFigureRunsPastItsBoxAndOnlyThere() throws Exception {
        java.nio.file.Path page = ChartsFitBrowserTest.report("quickstart");
        List<String> wrong = new ArrayList<>();
        int runsPast = 0;
        int fits = 0;
        browser.open(page);
        assertEquals(List.of(), browser.consoleErrors());
        for (int width = 930; width <= 1050; width++) {
            if (width > 975 && width < 990) {
                continue;
            }
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            List<Object> seen = (List<Object>) browser.driver.executeScript(CHECK);
            for (Object o : seen.subList(0, 2)) {
                String s = (String) o;
                runsPast += s.contains("runs past") ? 1 : 0;
                fits += s.contains("fits") ? 1 : 0;
                if (s.contains("runs past") != s.endsWith(", said")) {
                    wrong.add(seen.get(2) + " px: " + s);
                }
            }
        }
        assertTrue(runsPast > 30 && fits > 30, "both sides of each edge: " + runsPast + " past, " + fits + " fit");
        assertEquals(List.of(), wrong);
    }
}
