package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * How a percentile is read out of the two-significant-digit histogram (a capacity planner's review: a constant 1 s
 * read 1,003.519 ms, a constant 50 ms 50.175, and the p99 of three replications of 5.4 million log-normal latencies
 * was the same bucket edge to the microsecond, a confidence interval of width 0): a constant latency reads exactly,
 * cold starts above it or not, per bucket and over the run, recorded directly or through the log; and a percentile
 * is read inside its bucket (interpolated on rank), not at its edge.
 */
class LatencyReadOutTest {

    private static final long S = Seconds.MICROS;

    private static long[] series(List<Series> all, Metric m, Metric.Scope scope, String id) {
        return all.stream().filter(s -> s.metric() == m && s.scope() == scope && s.id().equals(id)).findFirst()
                .orElseThrow().values();
    }

    private static LatencyRecorder[] recorders(long duration) {
        return new LatencyRecorder[] {new LatencyRecorder(duration, 60 * S),
            new LatencyRecorder(duration, 60 * S, 1, 1 << 15)};
    }

    @Test
    void aConstantLatencyReadsExactlyWithColdStartsAbove() {
        for (long constant : new long[] {1_000_000, 50_000}) {
            for (LatencyRecorder r : recorders(180 * S)) {
                r.attach(List.of("f", "g"));
                for (int i = 0; i < 12_000; i++) {
                    boolean cold = i % 300 == 0; // 40 cold starts, an init on top
                    r.latency(0, cold ? constant + 250_000 + i : constant, cold, i * 15_000L);
                    r.latency(1, constant, false, i * 15_000L); // g: the constant only
                }
                RunSummary.Latency f = r.functionLatency().get("f");
                assertEquals(constant / 1000.0, f.p50(), f.toString());
                assertEquals(constant / 1000.0, f.p90(), f.toString());
                assertEquals(constant / 1000.0, f.p99(), f.toString());
                RunSummary.Latency g = r.functionLatency().get("g");
                assertEquals(new RunSummary.Latency(12_000, constant / 1000.0, constant / 1000.0, constant / 1000.0,
                        constant / 1000.0, 0, 0, 0), g);
                RunSummary.Latency a = r.accountLatency();
                assertEquals(constant / 1000.0, a.p99(), a.toString());
                List<Series> all = r.series();
                for (Metric m : new Metric[] {Metric.LATENCY_P50, Metric.LATENCY_P90}) {
                    long[] expected = new long[3];
                    Arrays.fill(expected, constant);
                    assertEquals(Arrays.toString(expected), Arrays.toString(series(all, m, Metric.Scope.FUNCTION, "f")));
                    assertEquals(Arrays.toString(expected), Arrays.toString(series(all, m, Metric.Scope.ACCOUNT, "")));
                }
                long[] gMax = series(all, Metric.LATENCY_MAXIMUM, Metric.Scope.FUNCTION, "g");
                assertEquals(List.of(constant, constant, constant), Arrays.stream(gMax).boxed().toList(),
                        "a bucket's maximum is exact (was its bucket's edge)");
            }
        }
    }

    /**
     * Values spread evenly over one bucket (999,424 to 1,003,519 us): the median is read near its middle, not at the
     * bucket's upper edge; uniform values over 1 to 2 s: each percentile within a fraction of a bucket (4 to 8 ms
     * wide there) of the exact one, the error of an edge being up to a whole bucket.
     */
    @Test
    void aPercentileIsReadInsideItsBucket() {
        for (LatencyRecorder r : recorders(60 * S)) {
            r.attach(List.of("f"));
            for (long v = 999_424; v <= 1_003_519; v++) {
                r.latency(0, v, false, S);
            }
            RunSummary.Latency l = r.functionLatency().get("f");
            assertEquals(1001.471, l.p50(), 0.002, l.toString());
            assertEquals(1003.109, l.p90(), 0.002, l.toString());
            assertEquals(999_424 + 2_048 - 1, series(r.series(), Metric.LATENCY_P50, Metric.Scope.FUNCTION, "f")[0]);
        }
        for (int seed = 1; seed <= 5; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            LatencyRecorder r = new LatencyRecorder(60 * S, 60 * S);
            r.attach(List.of("f"));
            long[] values = new long[200_000];
            for (int i = 0; i < values.length; i++) {
                values[i] = 1_000_000 + rng.nextLong(1_000_000);
                r.latency(0, values[i], false, S);
            }
            Arrays.sort(values);
            RunSummary.Latency l = r.functionLatency().get("f");
            double[] got = {l.p50(), l.p90(), l.p99()};
            double[] p = {50, 90, 99};
            for (int k = 0; k < 3; k++) {
                double exact = values[(int) LatencyCounts.rank(p[k], values.length) - 1] / 1000.0;
                assertEquals(exact, got[k], 0.5, "seed " + seed + " p" + p[k] + ": " + l);
            }
        }
    }

    /** Two samples of the same distribution whose p99s share a bucket: read apart, not as the same edge. */
    @Test
    void replicationsDoNotShareABucketsEdge() {
        double[] p99 = new double[2];
        for (int seed = 0; seed < 2; seed++) {
            SplittableRandom rng = new SplittableRandom(seed + 11);
            LatencyRecorder r = new LatencyRecorder(60 * S, 60 * S);
            r.attach(List.of("f"));
            for (int i = 0; i < 100_000; i++) { // uniform over 1.8 to 2 s: p99 1,998 ms, sampling error about 63 us
                r.latency(0, 1_800_000 + rng.nextLong(200_000), false, S);
            }
            p99[seed] = r.functionLatency().get("f").p99();
            // in the bucket of 1,990,656 to 1,998,847 us (wholly inside the values' range: evenly filled), whose
            // edge it was read as before
            assertTrue(p99[seed] >= 1_990.656 && p99[seed] < 1_998.847, "" + p99[seed]);
            assertEquals(1_998_000, p99[seed] * 1000, 300.0, "within sampling error");
        }
        assertNotEquals(p99[0], p99[1]);
    }
}
