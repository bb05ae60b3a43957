package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The invocation request-rate limits with figures from the docs: requests per second at most 10 x the account's
 * concurrency and 10 x a function's reserved concurrency, and a function's rate rising by at most 10,000 requests per
 * second every 10 s (counted over the default 1 s window).
 */
class RequestRateTest {

    /** Invokes {@code f} every {@code gapMicros} from {@code from} to {@code to} (exclusive); counts successes. */
    private static int drive(WorldHarness h, int f, long from, long to, long gapMicros, long durationMicros) {
        int served = 0;
        for (long t = from; t < to; t += gapMicros) {
            h.advanceTo(t);
            if (h.world().invoke(f, t, durationMicros) == Outcome.SUCCESS) {
                served++;
            }
        }
        return served;
    }

    /** Successes in each of the first three seconds, at 50,000 requests per second of 0.5 ms. */
    private static int[] firstThreeSeconds(WorldHarness h, int f) {
        int[] perSecond = new int[3];
        for (int s = 0; s < 3; s++) {
            perSecond[s] = drive(h, f, s * SEC, (s + 1) * SEC, 20, 500);
        }
        return perSecond;
    }

    @Test
    void anAccountLimitOf10Serves100RequestsPerSecondOf10000() {
        WorldHarness h = new WorldHarness(10, 65_000, 60 * SEC, 5 * SEC);
        int f = h.function("fast", List.of(), List.of());
        h.create(f, 0);
        // 10,000 requests/s of 0.5 ms: 5 in flight, under the concurrency limit of 10
        int first = drive(h, f, 0, 5 * SEC, 100, 500);
        int next = drive(h, f, 5 * SEC, 10 * SEC, 100, 500);
        assertEquals(100 + 5 * 100, first, 1, "one window's 100 at once, then 100 per second");
        assertEquals(5 * 100, next, 1, "10 x 10 = 100 requests per second");
        assertEquals(0, h.outcomes.getOrDefault(Outcome.THROTTLED_ACCOUNT, 0), "never over the concurrency");
        assertEquals(100_000 - first - next, h.outcomes.get(Outcome.THROTTLED_RATE),
                "the rest: TooManyRequestsException, Reason FunctionInvocationRateLimitExceeded");
        assertEquals("FunctionInvocationRateLimitExceeded", Outcome.THROTTLED_RATE.reason());
    }

    @Test
    void reservedConcurrencyOf5Allows50RequestsPerSecondWithItsOwnReason() {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC);
        int f = h.function("reserved", List.of(), List.of(), 5, 1);
        h.create(f, 0);
        int first = drive(h, f, 0, SEC, 1000, 500);
        int served = drive(h, f, SEC, 5 * SEC, 1000, 500);
        assertEquals(50 + 50, first, 1, "one window's 50 at once, then 50 per second");
        assertEquals(4 * 50, served, 1, "10 x 5 = 50 requests per second");
        assertEquals("ReservedFunctionInvocationRateLimitExceeded", Outcome.THROTTLED_RESERVED_RATE.reason());
        assertEquals(5000 - first - served, h.outcomes.get(Outcome.THROTTLED_RESERVED_RATE));
    }

    @Test
    void aFunctionsRateRisesBy10000RequestsPerSecondEvery10Seconds() {
        WorldHarness h = new WorldHarness(10_000, 65_000, 60 * SEC, 5 * SEC);
        int f = h.function("hot", List.of(), List.of());
        h.create(f, 0);
        // 50,000 requests/s offered (account cap 100,000/s): the function starts at 10,000/s and adds 1,000/s each s
        int[] perSecond = firstThreeSeconds(h, f);
        assertEquals(10_000, perSecond[0]);
        assertEquals(11_000, perSecond[1]);
        assertEquals(12_000, perSecond[2]);
    }

    /** The default rule with request rates counted over half a second instead of one. */
    private static final Scaling HALF_SECOND_WINDOW = new Scaling(Scaling.Model.PER_FUNCTION, 1000, 10_000_000L,
            3000, 500, 60_000_000L, Scaling.NEW_REQUESTS_PER_SECOND, SEC / 2);

    /**
     * Counted over 0.5 s, an account limit of 10 still allows 100 requests per second, but the burst at once is one
     * window's: 100 x 0.5 = 50 (not 100, nor 100 / 0.5).
     */
    @Test
    void aHalfSecondWindowHoldsHalfASecondsRequestsAtOnce() {
        WorldHarness h = new WorldHarness(10, 65_000, 60 * SEC, 5 * SEC, HALF_SECOND_WINDOW, null);
        int f = h.function("fast", List.of(), List.of());
        h.create(f, 0);
        int first = drive(h, f, 0, 5 * SEC, 100, 500);
        assertEquals(50 + 5 * 100, first, 1, "one window's 50 at once, then 100 per second");
    }

    /**
     * The rise over 0.5 s windows: the first window allows 10,000/s x 0.5 = 5,000, each next one 250 more (a rise
     * of 1,000 requests/s per second is 500/s more each half second, 250 per window): per second 5,000 + 5,250,
     * then 5,500 + 5,750, then 6,000 + 6,250 (the same 1,000/s more each second as with the 1 s window).
     */
    @Test
    void theRiseIsTheSameOverHalfSecondWindows() {
        WorldHarness h = new WorldHarness(10_000, 65_000, 60 * SEC, 5 * SEC, HALF_SECOND_WINDOW, null);
        int f = h.function("hot", List.of(), List.of());
        h.create(f, 0);
        int[] perSecond = firstThreeSeconds(h, f);
        assertEquals(10_250, perSecond[0]);
        assertEquals(11_250, perSecond[1]);
        assertEquals(12_250, perSecond[2]);
    }
}
