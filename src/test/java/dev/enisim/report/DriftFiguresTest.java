package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.check.Baseline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * check --baseline --html: the drift page showed the summaries' figures in full (0.006833200000000001,
 * 3.804952291752034E-4), which made quickstart's drift (its subnet-a's otherUsedIps from 7 to 5) 1,300 px wide, its
 * change column off a laptop's window, and no figure readable at a glance. Now each is shown with the fewest
 * significant digits (4 at the least) that still tell it from the other side's, its whole part whole, thousands
 * separated, no exponent; the exact figure is the cell's tooltip.
 */
class DriftFiguresTest {

    @Test
    void figuresAreShortReadableAndStillToldApart() {
        assertEquals("0.0001", DriftPage.shown("1.0E-4", "2.0E-4"));
        assertEquals("0.0003805", DriftPage.shown("3.804952291752034E-4", "0.0"));
        assertEquals("0.006833", DriftPage.shown("0.006833200000000001", "0.0"));
        assertEquals("0", DriftPage.shown("0.0", "34166"));
        assertEquals("1,085,156", DriftPage.shown("1085156", "1119326"), "a whole number keeps every digit");
        assertEquals("3,778", DriftPage.shown("3777.760659", "3600.0"));
        assertEquals("22.37053", DriftPage.shown("22.37052755111111", "22.37051"),
                "as many digits as it takes to tell the two apart");
        assertEquals("-12.5", DriftPage.shown("-12.5", "3"));
        assertEquals("Failed", DriftPage.shown("Failed", "Active"));
        assertEquals("null", DriftPage.shown("null", "250.068"));
        assertEquals("(none)", DriftPage.shown("(none)", "3"));
    }

    @Test
    void thePageShowsTheShortFigureWithTheExactOneAsItsTooltip() {
        Map<String, List<Baseline.Diff>> drifts = new LinkedHashMap<>();
        drifts.put("scenarios/quickstart.yaml", List.of(
                new Baseline.Diff("subnets.subnet-a.otherUsedIps", "7", "5"),
                new Baseline.Diff("functions.notifications.coldStarts.probability", "0.0", "3.804952291752034E-4"),
                new Baseline.Diff("averageConcurrentExecutions", "22.37052755111111", "23.555703815138887"),
                new Baseline.Diff("functions.notifications.transitions[1].cause",
                        "no ENI could be created for subnet-a+[sg-notify]", "all ENIs ready")));
        String html = DriftPage.html(drifts, "baselines", 0);
        assertTrue(html.contains("<td class=\"n\">7</td><td class=\"n\">5</td>"), "short figures stay as they are");
        assertTrue(html.contains("<td class=\"n\" title=\"0.0\">0</td><td class=\"n\" title=\"3.804952291752034E-4\">"
                + "0.0003805</td>"), html);
        assertTrue(html.contains("<td class=\"n\" title=\"22.37052755111111\">22.37</td>"
                + "<td class=\"n\" title=\"23.555703815138887\">23.56</td>"), html);
        assertFalse(html.contains(">22.37052755111111<"), "no 16-digit figure in a cell");
        assertTrue(html.contains("<td>no ENI could be created for subnet-a+[sg-notify]</td><td>all ENIs ready</td>"),
                "a text wraps, not in a figure's unbroken cell");
        assertFalse(html.matches("(?s).*>[0-9.]+E-?[0-9]+<.*"), "no exponent in a cell");
    }
}
