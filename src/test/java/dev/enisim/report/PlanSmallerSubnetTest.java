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
}
