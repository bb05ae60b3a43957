package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A schedule's expected count in closed form: the same as counting phase by phase, cycle after cycle (the former
 * way, kept here as the reference), and as quick for 10^11 cycles as for one.
 */
class ScheduleMeanCountTest {

    private static final long SEC = 1_000_000L;

    /** The former count: phase by phase, cycle after cycle. */
    private static double byCycles(ArrivalSpec.Schedule s, long a, long b) {
        long cycle = s.cycleMicros();
        long end = Math.min(b, s.repeat() ? s.untilMicros() : Math.min(s.untilMicros(), s.fromMicros() + cycle));
        double n = 0;
        long first = a <= s.fromMicros() ? 0 : (a - s.fromMicros()) / cycle;
        for (long c = s.fromMicros() + first * cycle; c < end; c += cycle) {
            long start = c;
            for (int i = 0; i < s.phaseMicros().length && start < end; i++) {
                long lo = Math.max(a, start);
                long hi = Math.min(end, start + s.phaseMicros()[i]);
                n += s.ratesPerSecond()[i] * (hi > lo ? (hi - lo) / 1e6 : 0);
                start += s.phaseMicros()[i];
            }
            if (!s.repeat()) {
                break;
            }
        }
        return n;
    }

    @Test
    void theClosedFormIsTheCountCycleByCycle() {
        SplittableRandom r = new SplittableRandom(7);
        int checked = 0;
        for (int k = 0; k < 20_000; k++) {
            int phases = r.nextInt(1, 5);
            long[] lengths = new long[phases];
            double[] rates = new double[phases];
            for (int i = 0; i < phases; i++) {
                lengths[i] = r.nextInt(3) == 0 ? r.nextLong(1, 100) : r.nextLong(1, 3600) * SEC;
                rates[i] = r.nextInt(3) == 0 ? 0 : r.nextInt(2) == 0 ? r.nextInt(1, 500) : r.nextDouble(0, 50);
            }
            rates[0] = rates[0] == 0 ? 1 : rates[0];
            long from = r.nextInt(2) == 0 ? 0 : r.nextLong(0, 10 * 3600 * SEC);
            long until = r.nextInt(3) == 0 ? Long.MAX_VALUE : from + r.nextLong(1, 100 * 3600 * SEC);
            ArrivalSpec.Schedule s = new ArrivalSpec.Schedule(lengths, rates, r.nextBoolean(), from, until);
            long a = r.nextLong(0, 50 * 3600 * SEC);
            long b = a + r.nextLong(0, 100 * 3600 * SEC);
            if ((Math.min(b, until) - Math.max(a, from)) / s.cycleMicros() > 100_000) {
                continue; // the reference would take long, and its sum of that many terms drifts (1e-7 at 1e9)
            }
            checked++;
            double expected = byCycles(s, a, b);
            assertEquals(expected, s.meanCount(a, b), Math.abs(expected) * 1e-9, s + " over [" + a + ", " + b + ")");
        }
        assertTrue(checked > 15_000, checked + " checked");
    }

    /** Counts of whole numbers (rates per second over whole seconds) are exact either way: bit for bit the same. */
    @Test
    void wholeCountsAreTheSameBitForBit() {
        ArrivalSpec.Schedule s = new ArrivalSpec.Schedule(new long[] {2 * SEC, 3 * SEC, 7 * SEC},
                new double[] {10, 0, 3}, true, 5 * SEC, Long.MAX_VALUE);
        for (long b = 0; b < 200 * SEC; b += SEC / 2) {
            assertEquals(byCycles(s, 3 * SEC, b), s.meanCount(3 * SEC, b));
        }
    }

    /** 4.3 x 10^11 cycles of 2 us (10 days): counted at once (the loop ran for hours). */
    @Test
    void microsecondCyclesOverDaysAreCountedAtOnce() {
        ArrivalSpec.Schedule s = new ArrivalSpec.Schedule(new long[] {1, 1}, new double[] {0, 1.0 / 86_400}, true, 0,
                Long.MAX_VALUE);
        double n = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> s.meanCount(0, 10 * 86_400 * SEC));
        assertEquals(5.0, n, 1e-9, "half the time at 1/d for 10 days");
    }
}
