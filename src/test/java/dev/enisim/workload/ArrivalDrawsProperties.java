package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.random.Xoshiro256;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

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
