package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.random.RandomStreams;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each arrival shape gives the right counts: the count in a window is compared with the shape's exact expected
 * count ({@link ArrivalSpec#meanCount}, the integral of its rate) within 4 standard deviations of a Poisson
 * count (sqrt(mean)), over fixed seeds; windows and quiet periods are checked exactly.
 */
class ArrivalShapesTest {

    static final long SEC = 1_000_000L;
    static final long HOUR = 3600 * SEC;
    static final long DAY = 24 * HOUR;
    static final long NEVER = Long.MAX_VALUE;

    static long[] all(ArrivalSpec spec, long notBefore, long end) {
        RandomStreams streams = new RandomStreams(9, 0);
        ArrivalProcess p = new ArrivalProcess(spec, i -> streams.stream("shape/" + i), notBefore);
        long[] out = new long[1024];
        int n = 0;
        long last = -1;
        for (long t = p.next(); t != ArrivalProcess.NONE && t < end; t = p.next()) {
            if (t < last) {
                throw new AssertionError("time went back from " + last + " to " + t);
            }
            last = t;
            if (n == out.length) {
                out = Arrays.copyOf(out, 2 * n);
            }
            out[n++] = t;
        }
        return Arrays.copyOf(out, n);
    }

    static long countIn(long[] times, long from, long to) {
        long n = 0;
        for (long t : times) {
            n += t >= from && t < to ? 1 : 0;
        }
        return n;
    }

    /** The count in [from, to) is the shape's expected count, within 4 Poisson standard deviations. */
    static void assertPoissonCount(ArrivalSpec spec, long[] times, long from, long to) {
        double mean = spec.meanCount(from, to);
        long n = countIn(times, from, to);
        assertEquals(mean, n, Math.max(4 * Math.sqrt(mean), 1e-9),
                "arrivals in [" + from / 1e6 + " s, " + to / 1e6 + " s)");
    }

    @Test
    void poissonCountsAreItsRateTimesTheWindow() {
        ArrivalSpec p = new ArrivalSpec.Poisson(40, 100 * SEC, 2100 * SEC);
        long[] t = all(p, 0, NEVER);
        assertEquals(80_000, p.meanCount(0, NEVER), 1e-6);
        assertPoissonCount(p, t, 0, NEVER);
        assertTrue(t[0] >= 100 * SEC && t[t.length - 1] < 2100 * SEC, "inside its window");
        for (long s = 100 * SEC; s < 2100 * SEC; s += 100 * SEC) {
            assertPoissonCount(p, t, s, s + 100 * SEC);
        }
    }

    @Test
    void constantIsExactEvenWithAGapThatIsNotWholeMicroseconds() {
        // 3/s: a gap of 333,333.33 us; a day gives exactly 259,200 arrivals, the k-th at ceil(k x gap)
        long[] t = all(new ArrivalSpec.Constant(3, 0, DAY), 0, NEVER);
        assertEquals(259_200, t.length);
        assertEquals(333_334, t[1]);
        assertEquals((long) Math.ceil(259_199 * (1e6 / 3)), t[259_199]);
        assertEquals(DAY - 333_333, t[259_199], "the last one a gap before the end, no drift over a day");
    }

    @Test
    void schedulePhasesAndQuietPeriodsAreRespectedExactly() {
        // 1 h at 5/s, 30 min quiet, 1 h at 20/s, then the schedule ends
        ArrivalSpec.Schedule s = new ArrivalSpec.Schedule(new long[] {HOUR, HOUR / 2, HOUR},
                new double[] {5, 0, 20}, false, 600 * SEC, NEVER);
        long[] t = all(s, 0, NEVER);
        long start = 600 * SEC;
        assertEquals(0, countIn(t, 0, start), "nothing before from");
        assertEquals(0, countIn(t, start + HOUR, start + HOUR + HOUR / 2), "nothing in the quiet half hour");
        assertEquals(0, countIn(t, start + 5 * HOUR / 2, NEVER), "nothing after the last phase");
        assertEquals(18_000, s.meanCount(start, start + HOUR), 1e-9);
        assertEquals(72_000, s.meanCount(start + HOUR, NEVER), 1e-9);
        assertPoissonCount(s, t, start, start + HOUR);
        assertPoissonCount(s, t, start + HOUR, NEVER);
        assertTrue(t[0] - start < 5 * SEC, "the first phase starts on time");
    }

    @Test
    void aRepeatingScheduleRunsEveryCycleTheSame() {
        // business hours: 8 h quiet, 10 h at 3/s, 6 h quiet, every day for a week
        ArrivalSpec.Schedule s = new ArrivalSpec.Schedule(new long[] {8 * HOUR, 10 * HOUR, 6 * HOUR},
                new double[] {0, 3, 0}, true, 0, 7 * DAY);
        long[] t = all(s, 0, NEVER);
        assertEquals(7 * 3 * 36_000, s.meanCount(0, NEVER), 1e-6);
        for (int d = 0; d < 7; d++) {
            long day = d * DAY;
            assertEquals(0, countIn(t, day, day + 8 * HOUR), "quiet night, day " + d);
            assertEquals(0, countIn(t, day + 18 * HOUR, day + DAY), "quiet evening, day " + d);
            assertPoissonCount(s, t, day + 8 * HOUR, day + 18 * HOUR);
        }
        assertEquals(0, countIn(t, 7 * DAY, NEVER), "until ends it");
        // created on day 3 at noon: the schedule picks up mid-phase, in step with its start
        long[] late = all(s, 3 * DAY + 12 * HOUR, NEVER);
        assertPoissonCount(s, late, 3 * DAY + 12 * HOUR, 3 * DAY + 18 * HOUR);
        assertEquals(0, countIn(late, 0, 3 * DAY + 12 * HOUR));
        assertEquals(0, countIn(late, 3 * DAY + 18 * HOUR, 4 * DAY + 8 * HOUR));
    }

    @Test
    void windowedPhasesAddUpWithQuietGapsBetween() {
        ArrivalSpec phases = new ArrivalSpec.Superposition(List.of(
                new ArrivalSpec.Constant(2, 0, 60 * SEC),
                new ArrivalSpec.Constant(10, 3600 * SEC, 3660 * SEC)));
        long[] t = all(phases, 0, NEVER);
        assertEquals(120 + 600, t.length);
        assertEquals(0, countIn(t, 60 * SEC, 3600 * SEC), "nothing in the quiet hour");
        assertEquals(3600 * SEC, t[120], "the second phase starts on time");
    }

    @Test
    void superposedProcessesAddUp() {
        ArrivalSpec.Poisson a = new ArrivalSpec.Poisson(30, 0, NEVER);
        ArrivalSpec.Diurnal b = new ArrivalSpec.Diurnal(40, 0, 6 * HOUR, DAY, 0, NEVER);
        ArrivalSpec.Constant c = new ArrivalSpec.Constant(5, HOUR, 2 * HOUR);
        ArrivalSpec both = new ArrivalSpec.Superposition(List.of(a, b, c));
        long[] t = all(both, 0, 6 * HOUR);
        assertEquals(a.meanCount(0, 6 * HOUR) + b.meanCount(0, 6 * HOUR) + 18_000, both.meanCount(0, 6 * HOUR),
                1e-6);
        for (long h = 0; h < 6 * HOUR; h += HOUR) {
            assertPoissonCount(both, t, h, h + HOUR);
        }
        // the constant part is exact, so the second hour holds exactly its 18,000 on top of the others
        long[] rest = all(new ArrivalSpec.Superposition(List.of(a, b)), 0, 6 * HOUR);
        assertEquals(18_000, countIn(t, HOUR, 2 * HOUR) - countIn(rest, HOUR, 2 * HOUR));
    }

    @Test
    void addingAProcessLeavesTheFirstProcessArrivalsUnchanged() {
        ArrivalSpec.Poisson first = new ArrivalSpec.Poisson(3, 0, NEVER);
        long[] alone = all(first, 0, HOUR);
        long[] merged = all(new ArrivalSpec.Superposition(List.of(first, new ArrivalSpec.Poisson(7, 0, NEVER))), 0,
                HOUR);
        // the first process draws from stream 0 in both runs, so its arrivals are a subsequence of the merged ones
        int j = 0;
        for (long t : merged) {
            if (j < alone.length && t == alone[j]) {
                j++;
            }
        }
        assertEquals(alone.length, j);
    }

    /** Diurnal: counts in every hour of two days against the exact integral of the sine. */
    @Test
    void diurnalFollowsTheIntegralOfItsSine() {
        ArrivalSpec.Diurnal d = new ArrivalSpec.Diurnal(20, 4, 14 * HOUR, DAY, 0, NEVER);
        long[] t = all(d, 0, 2 * DAY);
        assertEquals(12.0 * 2 * 86_400, d.meanCount(0, 2 * DAY), 1e-6, "whole days: the mean rate x time");
        assertPoissonCount(d, t, 0, 2 * DAY);
        for (long h = 0; h < 2 * DAY; h += HOUR) {
            assertPoissonCount(d, t, h, h + HOUR);
        }
        assertTrue(countIn(t, 13 * HOUR, 15 * HOUR) > 3 * countIn(t, HOUR, 3 * HOUR), "peak hours beat the trough");
    }

    @Test
    void diurnalIntegralAgreesWithNumericalIntegrationOfTheRate() {
        ArrivalSpec.Diurnal d = new ArrivalSpec.Diurnal(90, 0, 15 * HOUR, DAY, 0, NEVER);
        long[][] windows = {{0, HOUR}, {13 * HOUR, 17 * HOUR}, {5 * HOUR + 17 * SEC, 29 * HOUR}, {0, 3 * DAY}};
        for (long[] w : windows) {
            double sum = 0;
            long step = SEC;
            for (long t = w[0]; t < w[1]; t += step) {
                sum += d.rateAt(t + step / 2) * step / 1e6; // midpoint rule, error far below 1e-3
            }
            assertEquals(sum, d.meanCount(w[0], w[1]), 1e-3, "window " + w[0] + ".." + w[1]);
        }
        assertEquals(0, d.rateAt(3 * HOUR), 1e-9, "trough at peakAt - 12 h");
        assertEquals(90, d.rateAt(15 * HOUR + 7 * DAY), 1e-9, "peak every day");
    }

    @Test
    void burstsRaiseTheRateForTheirDurationOnly() {
        ArrivalSpec.Bursts b = new ArrivalSpec.Bursts(1, 200, 30 * SEC, new long[] {600 * SEC, 1800 * SEC}, 0, NEVER);
        long[] t = all(b, 0, HOUR);
        assertEquals(12_000, b.meanCount(600 * SEC, 630 * SEC) + b.meanCount(1800 * SEC, 1830 * SEC), 1e-9);
        assertPoissonCount(b, t, 600 * SEC, 630 * SEC);
        assertPoissonCount(b, t, 1800 * SEC, 1830 * SEC);
        assertPoissonCount(b, t, 0, 600 * SEC);
        assertPoissonCount(b, t, 630 * SEC, 1800 * SEC);
        assertPoissonCount(b, t, 1830 * SEC, HOUR);
        // no base: nothing at all outside the bursts, and adjacent bursts are one long burst
        ArrivalSpec.Bursts only = new ArrivalSpec.Bursts(0, 50, 60 * SEC, new long[] {0, 60 * SEC, DAY}, 0, NEVER);
        long[] o = all(only, 0, NEVER);
        assertEquals(countIn(o, 0, 120 * SEC) + countIn(o, DAY, DAY + 60 * SEC), o.length);
        assertPoissonCount(only, o, 0, 120 * SEC);
        assertPoissonCount(only, o, DAY, NEVER);
    }

    @Test
    void scalingMultipliesEveryRate() {
        ArrivalSpec s = new ArrivalSpec.Superposition(List.of(new ArrivalSpec.Constant(2, 0, 10 * SEC),
                new ArrivalSpec.Diurnal(10, 2, 0, DAY, 0, NEVER),
                new ArrivalSpec.Schedule(new long[] {HOUR, HOUR}, new double[] {4, 0}, true, 0, NEVER)));
        ArrivalSpec tripled = s.scaled(3);
        assertEquals(3 * s.meanCount(0, 5 * DAY), tripled.meanCount(0, 5 * DAY), 1e-6);
        ArrivalSpec.Superposition sp = (ArrivalSpec.Superposition) tripled;
        assertEquals(6, ((ArrivalSpec.Constant) sp.parts().get(0)).ratePerSecond(), 0);
        assertEquals(30, ((ArrivalSpec.Diurnal) sp.parts().get(1)).peakPerSecond(), 0);
        assertEquals(12, ((ArrivalSpec.Schedule) sp.parts().get(2)).ratesPerSecond()[0], 0);
        long[] none = all(new ArrivalSpec.Schedule(new long[] {HOUR}, new double[] {4}, true, 0, NEVER).scaled(0),
                0, NEVER);
        assertEquals(0, none.length, "traffic x0: a repeating schedule with no traffic ends at once");
    }
}
