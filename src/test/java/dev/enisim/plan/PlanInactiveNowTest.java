package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An {@code existing: Inactive} function's next invocation fails now (ResourceNotReadyException, then Pending while
 * it is restored: domain.md), and plan gave it keep-warm advice for after its restore without saying so (a platform
 * team's review, item 7). The advice stays (PlanIdleBeforeFirstProbeTest and PlanIdleProvisionedTest hold that an
 * Inactive function gets it), and a note beside it says that its next call fails before any quiet period: in the
 * terminal, on the page and in plan.json ({@code idle[].inactiveNow}). Functions alike are said together past five
 * (PlanIdleManyFunctionsTest): the Inactive ones apart from the others, the note once for them. A few seconds.
 */
class PlanInactiveNowTest {

    private static final String NOTE = "Inactive now (existing: Inactive): its next invocation fails"
            + " (ResourceNotReadyException) and starts its restore (Pending, Restoring), and every invocation fails"
            + " until the restore is over; the keep-warm advice is for after it";

    private static Plan plan() throws Exception {
        return new Planner(ScenarioLoader.parse(PlanInactiveKeysTest.SCENARIO, "asleep-key"), 1, line -> { })
                .warmUp(30_000_000L).plan();
    }

    @Test
    void theAdviceOfAnInactiveFunctionSaysItsNextCallFailsNow() throws Exception {
        Plan p = plan();
        assertEquals(2, p.idle().size(), p.idle().toString());
        Plan.IdleAdvice awake = p.idle().get(0);
        Plan.IdleAdvice asleep = p.idle().get(1);
        assertEquals("asleep", asleep.function());
        assertNull(awake.inactiveNow(), "an Active function's next call does not fail: " + awake);
        assertEquals(NOTE, asleep.inactiveNow());
        // the advice for after the restore is kept, as the idle tests hold
        assertEquals(14 * 86_400, asleep.longestQuietSeconds(), 1e-9);
        assertTrue(asleep.failsAfterLongerQuiet() && asleep.passesAfterShorterQuiet(), asleep.toString());

        String text = PlanReport.text(p);
        assertTrue(text.contains("\n   asleep                   quiet up to 14.0 days; keep warm every 7.0 days or"
                + " less ("), text);
        assertTrue(text.contains("succeeds after a shorter one)\n     (asleep is " + NOTE + ")\n"), text);
        assertEquals(1, text.split("Inactive now", -1).length - 1, "said of asleep only: " + text);
        String page = PlanReport.html(p);
        assertTrue(page.contains("<tr><td>asleep</td><td class=\"n\">14.0 days</td>"), page);
        assertTrue(page.contains("</td></tr>\n<tr class=\"inactive-now\"><td></td><td class=\"bad\" colspan=\"3\">"
                + "asleep is " + NOTE + "</td></tr>\n</table>"), "the row under asleep's advice: " + page);
        String json = PlanReport.json(p);
        assertTrue(json.contains("\"inactiveNow\" : \"" + NOTE + "\""), json);
        assertEquals(1, json.split("inactiveNow", -1).length - 1, "awake has none: " + json);
    }

    /** Eight Active and seven Inactive functions alike: two lines, the note once under the Inactive ones'. */
    @Test
    void inactiveFunctionsAlikeAreSaidApartWithTheNoteOnce() throws Exception {
        Plan s = plan();
        List<Plan.IdleAdvice> idle = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            idle.add(new Plan.IdleAdvice(String.format("fn-%02d", i), 14 * 86_400, 7 * 86_400, true, true, 0.000001,
                    i % 2 == 1 ? Plan.INACTIVE_NOW : null));
        }
        Plan p = new Plan(s.scenario(), s.seed(), s.networkModel(), s.failsAsIs(), s.failedFunctions(), s.subnets(),
                s.subnetsUnderOtherModel(), s.vpcs(), s.headroom(), s.teardown(), idle, s.assumptions());
        String text = PlanReport.text(p);
        assertTrue(text.contains("   8 functions alike        quiet up to 14.0 days;"), text);
        assertTrue(text.contains(": fn-00, fn-02, fn-04, fn-06, fn-08 and 3 more (each in plan.json)\n"
                + "   7 functions alike        quiet up to 14.0 days;"), text);
        assertTrue(text.contains(": fn-01, fn-03, fn-05, fn-07, fn-09 and 2 more (each in plan.json)\n"
                + "     (each is " + NOTE + ")\n"), text);
        assertEquals(1, text.split("Inactive now", -1).length - 1, text);
        String page = PlanReport.html(p);
        assertTrue(page.contains("<tr class=\"inactive-now\"><td></td><td class=\"bad\" colspan=\"3\">each is "
                + NOTE + "</td></tr>"), page);
    }
}
