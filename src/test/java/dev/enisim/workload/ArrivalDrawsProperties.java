package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.random.Xoshiro256;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

/**
 * The arrival processes' shortcuts (a gap divided once per step, a thinning candidate kept below the trough
 * without its cosine) give the very numbers of the plain formulas they replace: every output and baseline
 * depends on them. The references below are those formulas, written out the slow way.
 */
class ArrivalDrawsProperties {

    private static final long HOUR = 3_600_000_000L;

    /** Diurnal thinning, as first written: the rate's cosine for every candidate. */
    private static long[] thinningReference(ArrivalSpec.Diurnal d, long seed, long from, int n) {
        Xoshiro256 stream = new Xoshiro256(seed);
        double meanGap = 1e6 / Math.max(d.peakPerSecond(), d.troughPerSecond());
        double clock = from;
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long at;
            while (true) {
                clock -= meanGap * Math.log(1.0 - stream.nextDouble());
                at = (long) Math.ceil(clock);
                if (at >= d.untilMicros()) {
                    at = ArrivalProcess.NONE;
                    break;
                }
                double max = Math.max(d.peakPerSecond(), d.troughPerSecond());
                if (stream.nextDouble() * max < d.rateAt(at)) {
                    break;
                }
            }
            out[i] = at;
            if (at == ArrivalProcess.NONE) {
                break;
            }
        }
        return out;
    }

    private static long[] draw(ArrivalSpec spec, long seed, long from, int n) {
        ArrivalProcess p = new ArrivalProcess(spec, new Xoshiro256(seed), from);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = p.next();
            if (out[i] == ArrivalProcess.NONE) {
                break;
            }
        }
        return out;
    }

    @Property(tries = 200)
    void diurnalThinningDrawsTheSameArrivals(@ForAll long seed, @ForAll @DoubleRange(min = 0, max = 50) double peak,
            @ForAll @DoubleRange(min = 0, max = 50) double trough, @ForAll @IntRange(min = 0, max = 3600) int peakAtS,
            @ForAll @IntRange(min = 0, max = 600) int fromS) {
        if (Math.max(peak, trough) <= 0) {
            return;
        }
        ArrivalSpec.Diurnal d = new ArrivalSpec.Diurnal(peak, trough, peakAtS * 1_000_000L, HOUR, 0, 2 * HOUR);
        long from = fromS * 1_000_000L;
        assertEquals(java.util.Arrays.toString(thinningReference(d, seed, from, 2_000)),
                java.util.Arrays.toString(draw(d, seed, from, 2_000)));
    }

    /**
     * Periods from a second to a day, peaks anywhere, and starts deep into the run (phases of thousands of radians):
     * many segments, the cosine's extrema within some of them, the rounding of large phases.
     */
    @Property(tries = 200)
    void diurnalThinningDrawsTheSameArrivalsOverManyPeriods(@ForAll long seed,
            @ForAll @DoubleRange(min = 0.001, max = 2000) @Scale(4) double peak, @ForAll @DoubleRange(min = 0, max = 1) @Scale(6) double troughShare,
            @ForAll @LongRange(min = 1_000_000L, max = 86_400_000_000L) long period,
            @ForAll @LongRange(min = 0, max = 86_400_000_000L) long peakAt,
            @ForAll @LongRange(min = 0, max = 400L * 86_400_000_000L) long from) {
        ArrivalSpec.Diurnal d = new ArrivalSpec.Diurnal(peak, peak * troughShare, peakAt, period, 0, Long.MAX_VALUE);
        assertArrayEquals(thinningReference(d, seed, from, 3_000), draw(d, seed, from, 3_000));
    }

    /**
     * The bounds themselves, at every candidate time of a segment: nothing kept below the lower bound may have a
     * computed rate under it, nothing at or above the upper bound a computed rate over it (a draw between the two
     * computes the rate). Short periods, so that segments are walked microsecond by microsecond across extrema.
     */
    @Property(tries = 300)
    void segmentBoundsHoldAtEveryMicrosecond(@ForAll @DoubleRange(min = 0.001, max = 1e6) @Scale(4) double peak,
            @ForAll @DoubleRange(min = 0, max = 1) @Scale(6) double troughShare, @ForAll @LongRange(min = 16, max = 100_000) long period,
            @ForAll @LongRange(min = -1_000_000, max = 1_000_000) long peakAt,
            @ForAll @LongRange(min = 0, max = 1L << 50) long start, @ForAll boolean swapped) {
        double trough = peak * troughShare;
        ArrivalSpec.Diurnal d = swapped ? new ArrivalSpec.Diurnal(trough, peak, peakAt, period, 0, Long.MAX_VALUE)
                : new ArrivalSpec.Diurnal(peak, trough, peakAt, period, 0, Long.MAX_VALUE);
        ArrivalProcess.Thinning t = new ArrivalProcess.Thinning(new Xoshiro256(1), 0, Long.MAX_VALUE, d);
        long at = start;
        int bounded = 0;
        for (int segment = 0; segment < 40; segment++) {
            t.enter(at);
            assertTrue(t.segmentEnd() > at);
            if (t.rejectFrom() != Double.POSITIVE_INFINITY) {
                bounded++;
            }
            for (; at < t.segmentEnd() && at < start + 20 * period; at++) {
                double r = d.rateAt(at);
                assertTrue(t.keepBelow() <= r, () -> "kept below " + t.keepBelow() + " but the rate is " + r);
                assertTrue(r <= t.rejectFrom(), () -> "rejected from " + t.rejectFrom() + " but the rate is " + r);
            }
        }
        assertTrue(bounded > 0 || trough == peak, "some segment has no extremum and is bounded");
    }

    /** Equal peak and trough (a flat day), and a trough of zero: the bounds at their edges. */
    @Property(tries = 50)
    void flatAndZeroTroughDaysDrawTheSameArrivals(@ForAll long seed, @ForAll @DoubleRange(min = 0.01, max = 50) double rate) {
        for (ArrivalSpec.Diurnal d : new ArrivalSpec.Diurnal[] {
            new ArrivalSpec.Diurnal(rate, rate, 0, HOUR, 0, HOUR),
            new ArrivalSpec.Diurnal(rate, 0, 0, HOUR, 0, HOUR),
            new ArrivalSpec.Diurnal(0, rate, 0, HOUR, 0, HOUR)}) {
            assertEquals(java.util.Arrays.toString(thinningReference(d, seed, 0, 1_000)),
                    java.util.Arrays.toString(draw(d, seed, 0, 1_000)));
        }
    }

    /** A Poisson process: each gap is 1e6 / r x -ln(1 - u), added to a double clock, rounded up. */
    @Property(tries = 200)
    void poissonDrawsTheSameArrivals(@ForAll long seed, @ForAll @DoubleRange(min = 0.01, max = 1e5) double rate) {
        ArrivalSpec.Poisson spec = new ArrivalSpec.Poisson(rate, 0, Long.MAX_VALUE);
        Xoshiro256 stream = new Xoshiro256(seed);
        double clock = 0;
        long[] expected = new long[2_000];
        for (int i = 0; i < expected.length; i++) {
            clock = clock - 1e6 / rate * Math.log(1.0 - stream.nextDouble());
            expected[i] = (long) Math.ceil(clock);
        }
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(draw(spec, seed, 0, 2_000)));
    }
}
