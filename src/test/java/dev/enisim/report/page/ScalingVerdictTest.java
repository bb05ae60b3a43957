package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Session 41's browser review of burst-scaling (tile burst-scaling-1400-00): the verdict said "30,800 of 129,800
 * invocations did not succeed (23.7%); most: TooManyRequestsException (FunctionInvocationRateLimitExceeded)" and
 * nothing of the scenario's story: a burst of 3,000 environments at once, the rest throttled, then 500 more a
 * minute up to a peak of 6,000, after which every request is served. The verdict now tells it from the run.
 */
class ScalingVerdictTest {

    @Test
    void burstScalingsVerdictTellsTheBurstAndTheRisingCeiling() throws Exception {
        String v = Verdicts.of("burst-scaling");
        assertTrue(v.contains(" How Lambda scaled, under the legacy burst rule (3,000 environments at first, then 500"
                + " more every 1m): in the 10s from 00:00:00, 3,000 environments started (cold starts) and 8,800"
                + " requests were throttled; concurrency rose to its peak of 6,000 (first in the 10s from 00:06:20),"
                + " below the account's limit of 10,000; every request after 00:05:59 succeeded."), v);
    }

    @Test
    void aRequestRateOverItsCapIsNotToldAsScaling() throws Exception {
        String v = Verdicts.of("request-rate-cap");
        assertFalse(v.contains("How Lambda scaled"), v);
        assertTrue(v.contains(" The cap on requests, not concurrency, throttled them: Lambda accepts at most 10"
                + " requests per second per unit of concurrency (pixel: 10 x the account's limit of 10 = 100 per"
                + " second), and pixel was sent up to 10,000 per second (over 10s) while its concurrency peaked at"
                + " 5."), v);
    }

    @Test
    void aRunWithoutScalingThrottlesTellsNoScaling() throws Exception {
        assertFalse(Verdicts.of("az-outage").contains("How Lambda scaled"));
    }
}
