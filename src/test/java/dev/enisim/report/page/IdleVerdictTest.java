package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Session 43's teacher read of idle-reclaim's page: the verdict counted 4 ResourceNotReadyExceptions and did not say
 * which function went idle and which kept warm. It now says so from the run: the functions that went Inactive for
 * idleness, whether their ENIs were reclaimed or kept by a function sharing their key, and those kept warm.
 */
class IdleVerdictTest {

    @Test
    void theIdleAndTheWarmAreNamed() throws Exception {
        String v = Verdicts.of("idle-reclaim");
        assertTrue(v.contains(" Not invoked for 14d (hyperplane.idleReclaimAfter), batch-report went Inactive (Idle)"
                + " 2 times, first at 14d 00:10:00, its ENIs reclaimed (4 deleted in all); batch-ledger went Inactive"
                + " (Idle) 2 times, first at 14d 00:10:00, its ENIs kept by ledger-ping, which uses the same subnet"
                + " and security groups (batch-ledger went Inactive all the same: idleness is per function, an"
                + " assumption; AWS does not document what a shared key does to an idle function); ledger-ping was"
                + " invoked often enough never to go idle (kept warm)."), v);
    }

    @Test
    void noWordOfIdlenessWhenNoFunctionWentIdle() throws Exception {
        assertFalse(Verdicts.of("teardown").contains("idleReclaimAfter"));
        assertFalse(Verdicts.of("redeploy-new-subnets").contains("kept warm"));
        // Inactive from the start (existing: Inactive): its idleness came before the run
        assertFalse(Verdicts.of("async-inactive-function").contains("idleReclaimAfter"));
    }
}
