package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code scaling.provisionedConcurrency.requestRateCap} [assumed]: how "10 x allocated provisioned concurrency"
 * (gettingstarted-limits.html) is read. {@code allRequests} (the default, {@link ProvisionedRequestRateTest}):
 * every request counts, spillover included, and the excess is throttled. {@code provisionedOnly}: only what the
 * provisioned environments serve is capped; the rest spills over to on-demand environments ("If the invocation
 * rate exceeds 1,000 requests per second, some cold starts can occur", troubleshooting-invocation.html).
 */
class ProvisionedRateCapReadingTest {

    private static final ProvisionedAllocation PROVISIONED_ONLY =
            new ProvisionedAllocation(90 * SEC, 6000, true, false);

    /** The reproducer p19's shape: 1,000 requests/s of 0.5 ms with provisioned concurrency 5 (cap 50/s). */
    @Test
    void underProvisionedOnlyTheExcessSpillsOverInsteadOfBeingThrottled() {
        WorldHarness h = harness(PROVISIONED_ONLY);
        int f = created(h, 5);
        for (long t = SEC; t < 6 * SEC; t += 1000) {
            h.advanceTo(t);
            assertEquals(Outcome.SUCCESS, h.world().invoke(f, t, 500), "at " + t + " us");
        }
        assertEquals(null, h.outcomes.get(Outcome.THROTTLED_RATE), "nothing throttled");
        assertTrue(h.coldStarts >= 1, "the spillover runs on on-demand environments, made by cold starts");
    }

    /** The default reading on the same traffic throttles all but 10 x 5 per second (unchanged behaviour). */
    @Test
    void theDefaultReadingThrottlesTheSameTraffic() {
        WorldHarness h = harness(ProvisionedAllocation.DEFAULT);
        int f = created(h, 5);
        for (long t = SEC; t < 6 * SEC; t += 1000) {
            h.advanceTo(t);
            h.world().invoke(f, t, 500);
        }
        assertEquals(5000 - 300, h.outcomes.get(Outcome.THROTTLED_RATE), 1);
        assertEquals(0, h.coldStarts);
    }

    /** Under the cap (40/s of 50/s) the provisioned environments serve everything: no spillover, no cold start. */
    @Test
    void underProvisionedOnlyTrafficWithinTheCapStaysOnProvisionedEnvironments() {
        WorldHarness h = harness(PROVISIONED_ONLY);
        int f = created(h, 5);
        for (long t = SEC; t < 11 * SEC; t += 25_000) {
            h.advanceTo(t);
            assertEquals(Outcome.SUCCESS, h.world().invoke(f, t, 500));
        }
        assertEquals(0, h.coldStarts);
    }

    /** The account's cap (10 x its concurrency limit) still applies to the spillover: limit 10, so 100/s. */
    @Test
    void theSpilloverStillCountsAgainstTheAccountsCap() {
        WorldHarness h = new WorldHarness(10, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT, null, PROVISIONED_ONLY);
        int f = created(h, 5);
        for (long t = SEC; t < 6 * SEC; t += 1000) {
            h.advanceTo(t);
            h.world().invoke(f, t, 500);
        }
        assertEquals(5000 - (100 + 5 * 100), h.outcomes.get(Outcome.THROTTLED_RATE), 1,
                "one window's 100 at once, then 100 per second");
    }

    private static WorldHarness harness(ProvisionedAllocation provisioning) {
        return new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT, null, provisioning);
    }

    /** A function outside any VPC with this provisioned concurrency, created at 0 and Active at 1 s. */
    private static int created(WorldHarness h, int provisioned) {
        int f = h.function("f", 128, List.of(), List.of(), 0, provisioned, 0);
        h.create(f, 0);
        h.advanceTo(SEC);
        return f;
    }
}
