package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Session 43 (h2): teardown's and assumptions-documented's verdict boxes were red, the alarm, for 14 timeouts in
 * 90,415 invocations (0.015%) and for 792 requests sent before the functions were Active, neither the scenario's
 * story; so were dual-stack's 2.4% at creation. The colour now follows {@link Headlines#tone}: red for harm done by
 * the network or lasting harm, or a failure share of 5% or more; amber for other failures; green for none. Checked over
 * scenarios of each kind.
 */
class VerdictToneTest {

    private static String tone(String scenario) throws Exception {
        String v = Verdicts.of(scenario);
        return v.substring("<p class=\"verdict ".length(), v.indexOf('"', "<p class=\"verdict ".length()));
    }

    @Test
    void aFewFailuresThatAreNotTheNetworksAreAmber() throws Exception {
        assertEquals("warn", tone("teardown")); // 14 TaskTimedOut of 90,415
        assertEquals("warn", tone("assumptions-documented")); // 3.7%, invoked while Pending at creation
        assertEquals("warn", tone("dual-stack")); // 2.4%, invoked while Pending at creation
    }

    @Test
    void failuresTheNetworkCausedAreRedHoweverFew() throws Exception {
        assertEquals("bad", tone("legacy-vs-hyperplane")); // 0.135%: no IP, EC2 throttled the ENI's creation
        assertEquals("bad", tone("idle-reclaim")); // Inactive: ResourceNotReadyException
        assertEquals("bad", tone("quickstart")); // a function went Failed
    }

    @Test
    void aShareOfOneInTwentyOrMoreIsRedWhateverTheCause() throws Exception {
        assertEquals("bad", tone("burst-scaling")); // 23.7% throttled
    }

    @Test
    void queuedAttemptsRetriedNoneLostStayAmberAndLostEventsAreRed() throws Exception {
        assertEquals("warn", tone("sqs-burst"));
        assertEquals("bad", tone("async-inactive-function"));
    }

    @Test
    void noFailureIsGreenUnlessEnisWereOrphaned() throws Exception {
        assertEquals("ok", tone("cold-starts-java-python"));
        assertEquals("warn", tone("orphaned-enis"));
    }

    @Test
    void theNetworkCausesAreTheNetworksOnly() {
        assertTrue(Headlines.networkCaused("SubnetIPAddressLimitReachedException"));
        assertTrue(Headlines.networkCaused("Function error NoFreePortOnEni"));
        assertTrue(Headlines.networkCaused("Function error ErrorPortAllocation"));
        assertFalse(Headlines.networkCaused("Function error TaskTimedOut"));
        assertFalse(Headlines.networkCaused("ResourceConflictException"));
        assertFalse(Headlines.networkCaused("TooManyRequestsException (ConcurrentInvocationLimitExceeded)"));
    }
}
