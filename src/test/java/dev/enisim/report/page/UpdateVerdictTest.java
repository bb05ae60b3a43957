package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Session 43's teacher read of redeploy-new-subnets' page: the verdict said only "2 of 1,296,730 invocations did not
 * succeed" (two timeouts), while the scenario's story, the function's move to new subnets and its old ENIs' wait to
 * be deleted, was told only in the teardown table. An update of a function's VpcConfig that released ENIs now leads
 * the verdict as a deletion does: what changed, when, when the new ENIs were ready, how long the old ones took.
 */
class UpdateVerdictTest {

    @Test
    void aVpcConfigUpdateLeadsTheVerdictWithWhatChangedAndTheOldEnisWait() throws Exception {
        String v = Verdicts.of("redeploy-new-subnets");
        assertTrue(v.startsWith("<p class=\"verdict warn\">Updating checkout's VPC config at 01:00:00 (subnets"
                + " subnet-old-a and subnet-old-b to subnet-new-a and subnet-new-b): it served on its old ENIs until"
                + " the new ones were ready at 01:04:22; its 2 old Hyperplane ENIs then took 00:13:20 until Lambda"
                + " had deleted the last of them, each after a deletion delay (a median of 10m, 35m at the 99th"
                + " percentile, at most 45m: hyperplane.eniDeleteTime, field assumptions); until then subnets"
                + " subnet-old-a and subnet-old-b, which it left, could not be deleted. 2 of 1,296,730 invocations"
                + " did not succeed"), v);
    }

    @Test
    void runsWithoutAnUpdateGetNoSuchLead() throws Exception {
        assertFalse(Verdicts.of("teardown").contains("Updating "));
        assertFalse(Verdicts.of("idle-reclaim").contains("Updating "));
    }
}
