package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.plan.Plan;
import org.junit.jupiter.api.Test;

/** The plan's check one prefix smaller: its failures, or why it was not run. */
class PlanSmallerSubnetTest {

    private static Plan.SubnetAdvice advice(long oneSmaller) {
        return new Plan.SubnetAdvice("subnet-b", "10.0.2.0/24", 251, 40, 12, 12, 26, 59, 199, 0, oneSmaller);
    }

    @Test
    void aSmallerSubnetThatCannotHoldItsOthersIsSaidSoNotCounted() {
        assertEquals("; not checked at /27: a /27 has 32 addresses, 5 of them reserved by AWS, so 27 usable, fewer"
                + " than the 40 that other ENIs use in this subnet",
                PlanReport.smallerText(advice(Plan.SubnetAdvice.OTHERS_DO_NOT_FIT), "; "));
        assertEquals(", 35,937 at /27", PlanReport.smallerText(advice(35_937), ", "));
        assertEquals("", PlanReport.smallerText(advice(-1), ", "), "the smallest already: nothing to check");
    }

    /**
     * A product manager's review: "0 failures at /26 in 20 runs, 35,566 at /27" read as if /27 had run 20 times; it
     * was one run, and says so when the two figures' runs differ.
     */
    @Test
    void eachFigureSaysHowManyRunsItIsFrom() {
        Plan.SubnetAdvice twenty = new Plan.SubnetAdvice("subnet-b", "10.0.2.0/24", 251, 40, 12, 12, 26, 59, 199, 0,
                35_566, 20, 20, 0, 1, 1, 0, 0, null, 0, java.util.List.of());
        assertEquals(", 35,566 at /27 in 1 run", PlanReport.smallerText(twenty, ", "));
        Plan.SubnetAdvice both = new Plan.SubnetAdvice("subnet-b", "10.0.2.0/24", 251, 40, 12, 12, 26, 59, 199, 0,
                35_566, 20, 20, 0, 20, 20, 0, 0, null, 0, java.util.List.of());
        assertEquals(", 35,566 at /27 in 20 runs", PlanReport.smallerText(both, ", "));
    }
}
