package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan's idle answer ("quiet up to 14.0 days; keep warm every 7.0 days") read as AWS's rule: an on-call
 * engineer whose functions went Inactive after a quiet weekend set a keep-warm schedule on it. 14 days is
 * {@code hyperplane.idleReclaimAfter}, an assumption (AWS: "consecutive weeks"), and 7 days a 2x margin: the text
 * and the page now say both beside the answer.
 */
class PlanIdleAssumptionTest {

    private static Plan withIdle(double quietDays) {
        Plan s = PlanPageTest.shortPlan();
        List<Plan.IdleAdvice> idle = List.of(new Plan.IdleAdvice("checkout", quietDays * 86_400,
                quietDays * 43_200, true, true, 0.000001));
        return new Plan(s.scenario(), s.seed(), s.networkModel(), s.failsAsIs(), s.failedFunctions(), s.subnets(),
                s.subnetsUnderOtherModel(), s.vpcs(), s.headroom(), s.teardown(), idle, s.assumptions());
    }

    @Test
    void theTextSaysTheIdleRuleIsAnAssumption() {
        String text = PlanReport.text(withIdle(14));
        assertTrue(text.contains("quiet up to: hyperplane.idleReclaimAfter, 14d here, an assumption: AWS documents"
                + " only \"consecutive weeks\" of inactivity"), text);
        assertTrue(text.contains("Keep warm: half of it, a 2x margin"), text);
    }

    @Test
    void thePageSaysItTooWithTheScenariosFigure() {
        String html = PlanReport.html(withIdle(2));
        assertTrue(html.contains("hyperplane.idleReclaimAfter, 2d here, an assumption"), html);
    }

    /**
     * A capacity planner's review (session 47): the advice weighed keep-warm pings "against one failed invocation
     * after each longer quiet", while a run of the same scenario failed 92 invocations at 1/s during the restore
     * (domain.md: invocations during restore fail too).
     */
    @Test
    void theKeepWarmCostIsWeighedAgainstEveryFailureUntilTheRestore() {
        String text = PlanReport.text(withIdle(14));
        assertTrue(text.contains("against the failures after each longer quiet: the first invocation and every one"
                + " until its ENIs are restored"), text);
        assertTrue(!text.contains("one failed invocation"), text);
    }
}
