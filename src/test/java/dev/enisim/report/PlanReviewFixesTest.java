package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner review's wording faults in plan's text and page, on plans built by hand. */
class PlanReviewFixesTest {

    /** No VPC function: no subnet, no VPC, no ENI; no bare table header, no 35-minute wait, no timeout advice. */
    private static Plan noEnis() {
        return new Plan("no-vpc", 1, "hyperplane", List.of(), List.of(), List.of(), List.of(), List.of(),
                new Plan.Headroom(null, List.of(), 64, List.of()), new Plan.TeardownWait(1, 0, 0, 0, 0, 0),
                List.of(), "field");
    }

    @Test
    void aStackWithNoEnisWaitsForNoneAndPrintsNoEmptyTables() {
        String text = PlanReport.text(noEnis());
        assertTrue(text.contains("no ENI to wait for: the deletions wait 0 min for ENIs, and need no timeout"), text);
        assertFalse(text.contains("analytic (max of 0"), text);
        assertFalse(text.contains("plan a timeout"), text);
        assertFalse(text.contains("recommended"), "no bare table header: " + text);
        assertTrue(text.contains("no subnets in this scenario") && text.contains("no VPC in this scenario"), text);
        String html = PlanReport.html(noEnis());
        assertTrue(html.contains("No ENI to wait for") && !html.contains("analytic p99."), html);
    }

    @Test
    void theSideBySideShowsTheAnalyticP99ToPlanOn() {
        Plan field = PlanPageTest.shortPlan(); // 20 runs: simulated 1,900 s, analytic p99 2,000 s
        Plan documented = new Plan(field.scenario(), field.seed(), field.networkModel(), field.failsAsIs(),
                field.failedFunctions(), field.subnets(), field.subnetsUnderOtherModel(), field.vpcs(),
                field.headroom(), new Plan.TeardownWait(20, 5, 600, 1200, 700, 2700), field.idle(), "documented");
        String text = PlanReport.contrast(List.of(documented, field));
        assertTrue(text.contains("teardown wait p99 to plan on (analytic) 45 min | 33 min"), text);
        assertFalse(text.contains("teardown wait p99            "), "no simulated figure called a p99: " + text);
    }

    @Test
    void noSavingIsClaimedWhereThereIsNone() {
        Plan s = PlanPageTest.shortPlan();
        Plan.VpcAdvice one = new Plan.VpcAdvice("vpc-1", 500, 2, List.of(new Plan.KeyUse("s1+[sg-a]", 2, 65_000)),
                2, 0);
        Plan p = new Plan(s.scenario(), s.seed(), s.networkModel(), s.failsAsIs(), s.failedFunctions(), s.subnets(),
                s.subnetsUnderOtherModel(), List.of(one), s.headroom(), s.teardown(), s.idle(), s.assumptions());
        String text = PlanReport.text(p);
        assertTrue(text.contains("one security-group set per subnet would save nothing (2 needed either way)"), text);
        assertFalse(text.contains("saves"), text);
        assertFalse(PlanReport.html(p).contains("saves"));
    }

    @Test
    void theTerminalHeadroomColumnIsTheCurrentSizes() {
        String text = PlanReport.text(PlanPageTest.shortPlan());
        assertTrue(text.contains(" recommended headroom now "), text);
    }
}
