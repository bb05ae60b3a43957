package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The help of --max-events said its default, 1e9 events, took "a few minutes"; at the time estimate's own pace
 * ({@link Budget#eventsPerSecond}: about 4.4 M events/s for one function, 1.3 M for 2,000) it takes about 4 to 13
 * minutes (a review of big runs, fiftieth pass). The help now says so, from the pace itself.
 */
class MaxEventsHelpTest {

    /** The help's text, lines joined (picocli wraps it). */
    private static String help(String command) {
        CliTest.Result r = CliTest.run(command, "--help");
        assertEquals(0, r.code(), r.err());
        return r.out().replaceAll("\\s+", " ");
    }

    @Test
    void theDefaultBudgetsTimeIsSaidAtTheEstimatesPace() {
        long one = Math.round(1e9 / Budget.roundedPace(1) / 60);
        long many = Math.round(1e9 / Budget.roundedPace(2_000) / 60);
        assertEquals(4, one, "1e9 events at one function's pace, in minutes");
        assertEquals(13, many, "and at 2,000 functions'");
        for (String command : new String[] {"run", "sweep", "plan", "check", "sensitivity"}) {
            String h = help(command);
            assertTrue(h.contains("(default: 1e9, about " + one + " minutes at the time estimate's pace for one"
                    + " function (4,400,000 events/s) to " + many + " for 2,000 functions (1,300,000 events/s))"
                    + " unless --yes."), command + ": " + h);
            assertFalse(h.contains("a few minutes"), command);
        }
    }

    /** The words follow the pace: said from it, not written beside it. */
    @Test
    void theWordsAreTheEstimatesOwn() {
        assertEquals("about 4 minutes at the time estimate's pace for one function (4,400,000 events/s) to 13 for"
                + " 2,000 functions (1,300,000 events/s)", Budget.defaultBudgetTime());
        assertEquals(Budget.defaultBudgetTime(), new BudgetHelp().getString("max-events.time"));
    }
}
