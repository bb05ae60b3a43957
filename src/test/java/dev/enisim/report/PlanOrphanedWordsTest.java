package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The words of an orphaned teardown (plan's section 4) on hand-made figures, for the cases a plan rarely gives: one
 * ENI, one replication, some replications only, no role known, two roles. Milliseconds.
 */
class PlanOrphanedWordsTest {

    private static final double NEVER = Double.POSITIVE_INFINITY;

    private static Plan.TeardownWait orphaned(int replications, int enis, int runs, List<String> roles) {
        return new Plan.TeardownWait(replications, enis, NEVER, NEVER, NEVER, NEVER, 0, 3600, false, false, null,
                List.of("deleteRole r at 1 min"), enis, runs, roles);
    }

    /** What the three sentences of an orphaned teardown {@code t} say. */
    private static void says(Plan.TeardownWait t, String count, String why, String advice) {
        assertEquals(count, PlanReport.orphanedCount(t));
        assertEquals(why, PlanReport.orphanedWhy(t));
        assertEquals(advice, PlanReport.orphanedAdvice(t));
    }

    @Test
    void oneEniInTheOneReplication() {
        says(orphaned(1, 1, 1, List.of("r")), "1 ENI orphaned (in the replication)",
                "Lambda cannot delete it (the execution role r has lost its EC2 permissions), so no wait is long"
                + " enough, and no CloudFormation or Terraform timeout; it keeps its subnet IP and its slot of the VPC's"
                + " ENI quota until deleted by hand",
                "what to do: delete the role last, or keep ec2:DeleteNetworkInterface in its policy until the"
                + " ENIs are gone; ENIs already orphaned: delete them by hand (aws ec2 delete-network-interface)");
    }

    @Test
    void someReplicationsAndTwoRoles() {
        says(orphaned(20, 3, 7, List.of("r", "s")), "3 ENIs orphaned (in 7 of 20 replications)",
                "Lambda cannot delete them (the execution roles r, s have lost their EC2 permissions), so no wait"
                + " is long enough, and no CloudFormation or Terraform timeout; each keeps its subnet IP and its slot of"
                + " the VPC's ENI quota until deleted by hand",
                "what to do: delete the roles last, or keep ec2:DeleteNetworkInterface in their policies until"
                + " the ENIs are gone; ENIs already orphaned: delete them by hand (aws ec2 delete-network-interface)");
    }

    @Test
    void noRoleKnown() {
        Plan.TeardownWait t = orphaned(3, 2, 3, List.of());
        assertEquals("2 ENIs orphaned (in every one of the 3 replications)", PlanReport.orphanedCount(t));
        assertEquals("Lambda cannot delete them (the execution role has lost its EC2 permissions), so no wait is long"
                + " enough, and no CloudFormation or Terraform timeout; each keeps its subnet IP and its slot of the"
                + " VPC's ENI quota until deleted by hand", PlanReport.orphanedWhy(t));
    }

    @Test
    void whatWasKept() {
        assertEquals("with what the scenario's timeline leaves standing at its end: deleteRole r at 1 min; its own"
                + " deletions replaced by deleting every function at its end", PlanReport.keptText(orphaned(1, 1, 1,
                List.of("r"))));
    }
}
