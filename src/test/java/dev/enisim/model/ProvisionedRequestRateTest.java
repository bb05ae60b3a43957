package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: "Invocation requests per function version or alias: 10 x allocated provisioned concurrency"
 * (gettingstarted-limits.html); "Functions with provisioned concurrency have a maximum rate of 10 requests per
 * second per provisioned concurrency" (troubleshooting-invocation.html).
 */
class ProvisionedRequestRateTest {

    /**
     * Provisioned concurrency 5, no reservation: 1,000 requests/s of 0.5 ms (at most one in flight) are served at
     * 10 x 5 = 50 per second (plus one 1 s window's 50 at the start); the rest get FunctionInvocationRateLimitExceeded.
     */
    @Test
    void provisionedConcurrencyOf5Serves50RequestsPerSecond() {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC);
        int f = created(h, 5);
        int served = 0;
        for (long t = SEC; t < 6 * SEC; t += 1000) {
            h.advanceTo(t);
            if (h.world().invoke(f, t, 500) == Outcome.SUCCESS) {
                served++;
            }
        }
        assertEquals(50 + 5 * 50, served, 1, "one window's 50 at once, then 50 per second");
        assertEquals(5000 - served, h.outcomes.get(Outcome.THROTTLED_RATE));
    }

    /** The same traffic without provisioned concurrency is not capped below the account's 10,000 per second. */
    @Test
    void withoutProvisionedConcurrencyTheSameTrafficIsServed() {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC);
        int f = created(h, 0);
        for (long t = SEC; t < 6 * SEC; t += 1000) {
            h.advanceTo(t);
            assertEquals(Outcome.SUCCESS, h.world().invoke(f, t, 500));
        }
    }

    /** A function outside any VPC with this provisioned concurrency, created at 0 and Active at 1 s. */
    private static int created(WorldHarness h, int provisioned) {
        int f = h.function("f", 128, List.of(), List.of(), 0, provisioned, 0);
        h.create(f, 0);
        h.advanceTo(SEC);
        return f;
    }
}
