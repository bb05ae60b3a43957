package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the values, each percentile reported (over the run, and of each time bucket) lies within the exact
 * [min, max] of the values and within the histogram bucket of the value truly at its rank; and values that are a
 * constant but for fewer than 1% above it read as that constant (cold starts above a constant duration).
 */
class LatencyReadOutProperties {

    private static final long S = Seconds.MICROS;
    private static final double[] P = {50, 90, 99};
    private static final Metric[] M = {Metric.LATENCY_P50, Metric.LATENCY_P90, Metric.LATENCY_P99};

    @Property(tries = 200)
    void everyPercentileIsWithinTheExtremesAndTheTrueBucket(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int buckets, @ForAll boolean logged) {
        SplittableRandom rng = new SplittableRandom(seed);
        LatencyRecorder r = logged ? new LatencyRecorder(buckets * 60 * S, 60 * S, 1, 1 << 15)
                : new LatencyRecorder(buckets * 60 * S, 60 * S);
        r.attach(List.of("f"));
        long[][] perBucket = new long[buckets][];
        long[] all = new long[0];
        for (int b = 0; b < buckets; b++) {
            int n = 1 + rng.nextInt(rng.nextBoolean() ? 30 : 6_000);
            long[] v = new long[n];
            int shape = rng.nextInt(4);
            long base = rng.nextLong(1L << (1 + rng.nextInt(31)));
            for (int i = 0; i < n; i++) {
                v[i] = switch (shape) {
                    case 0 -> base;                                                   // a constant
                    case 1 -> base + rng.nextLong(1 + base / 50);                     // a narrow band
                    case 2 -> (long) Math.exp(rng.nextGaussian() * 2 + Math.log(1 + base)); // log-normal
                    default -> rng.nextInt(10) == 0 ? base * 3 + rng.nextLong(1000) : base; // a constant and outliers
                };
                r.latency(0, v[i], rng.nextInt(8) == 0, b * 60 * S + i);
            }
            perBucket[b] = v;
            long[] joined = Arrays.copyOf(all, all.length + n);
            System.arraycopy(v, 0, joined, all.length, n);
            all = joined;
        }
        RunSummary.Latency l = r.functionLatency().get("f");
        double[] got = {l.p50(), l.p90(), l.p99()};
        for (int k = 0; k < 3; k++) {
            check(all, P[k], Math.round(got[k] * 1000), "run");
        }
        List<Series> series = r.series();
        for (int k = 0; k < 3; k++) {
            int m = k;
            long[] values = series.stream().filter(s -> s.metric() == M[m] && s.scope() == Metric.Scope.FUNCTION)
                    .findFirst().orElseThrow().values();
            for (int b = 0; b < buckets; b++) {
                check(perBucket[b], P[k], values[b], "bucket " + b);
            }
        }
    }

    /** A constant with fewer than 1% of the values above it (any of them, any amount): p50, p90, p99 read it exactly. */
    @Property(tries = 200)
    void aConstantWithFewOutliersReadsExactly(@ForAll @IntRange(min = 0, max = 2_000_000_000) int constant,
            @ForAll @IntRange(min = 100, max = 20_000) int n, @ForAll long seed, @ForAll boolean logged) {
        SplittableRandom rng = new SplittableRandom(seed);
        LatencyRecorder r = logged ? new LatencyRecorder(60 * S, 60 * S, 1, 1 << 15) : new LatencyRecorder(60 * S, 60 * S);
        r.attach(List.of("f"));
        int outliers = rng.nextInt(Math.max(1, (n - 1) / 100));
        for (int i = 0; i < n; i++) {
            boolean above = i < outliers;
            r.latency(0, above ? constant + 1 + rng.nextLong(10_000_000) : constant, above, i);
        }
        RunSummary.Latency l = r.functionLatency().get("f");
        assertEquals(constant / 1000.0, l.p50(), l.toString());
        assertEquals(constant / 1000.0, l.p90(), l.toString());
        assertEquals(constant / 1000.0, l.p99(), l.toString());
        assertEquals(constant, series(r)[0]);
    }

    private static long[] series(LatencyRecorder r) {
        return r.series().stream().filter(s -> s.metric() == Metric.LATENCY_P99 && s.scope() == Metric.Scope.FUNCTION)
                .findFirst().orElseThrow().values();
    }

    /** The estimate {@code got} (µs) of percentile {@code p} of {@code values}: within [min, max] and the true bucket. */
    private static void check(long[] values, double p, long got, String what) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        long truth = sorted[(int) LatencyCounts.rank(p, sorted.length) - 1];
        long min = sorted[0];
        long max = sorted[sorted.length - 1];
        int index = LatencyCounts.index(truth);
        long low = LatencyCounts.lowestValue(index);
        long high = LatencyCounts.highestEquivalentValue(truth);
        if (max < LatencyRecorder.EXACT_UP_TO) { // beyond 35 minutes the maximum is not kept exactly: no clamp
            assertTrue(got >= min && got <= max, what + " p" + p + ": " + got + " outside [" + min + ", " + max + "]");
        }
        assertTrue(got >= low && got <= high, what + " p" + p + ": " + got + " outside the bucket of " + truth
                + " [" + low + ", " + high + "]");
    }
}
