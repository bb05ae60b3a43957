package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Observers} crosses the series' buckets for every call that writes to them: a run reaches each edge first
 * ({@link Observers#reach}), but a latency or an environment level that is the first call past an edge must still
 * land in the bucket of its instant; and a run of one bucket has no edge at all, so a call at the run's very end stays
 * in that bucket with the rest. Expected values by hand (latencies under 256 us are exact: each percentile is the
 * value at rank ceil(p/100 x n); a bucket's environments are its time-averaged level, in thousandths).
 */
class ObserversCallsPastAnEdgeTest {

    private static final long S = Seconds.MICROS;

    private static long[] series(List<Series> all, Metric m, Metric.Scope scope, String id) {
        for (Series s : all) {
            if (s.metric() == m && s.scope() == scope && s.id().equals(id)) {
                return s.values();
            }
        }
        throw new AssertionError("no " + m + " " + scope + " " + id);
    }

    private static Observers observers(long durationMicros, long bucketMicros, LatencyRecorder latency,
            EnvironmentLevels levels) {
        return OneCrossingTest.observers(new Recorder(durationMicros, bucketMicros), latency, levels);
    }

    /** Buckets of 30 s: 100 us at 10 s, then 7 us at 40 s, no edge reached: bucket 1 holds the 7 us alone. */
    @Test
    void aLatencyFirstPastAnEdgeIsInTheBucketOfItsInstant() {
        LatencyRecorder latency = new LatencyRecorder(60 * S, 30 * S);
        Observers o = observers(60 * S, 30 * S, latency, null);
        o.latency(0, 100, false, 10 * S);
        o.latency(0, 7, true, 40 * S);
        List<Series> all = latency.series();
        assertArrayEquals(new long[] {100, 7}, series(all, Metric.LATENCY_P50, Metric.Scope.FUNCTION, "f0"));
        assertArrayEquals(new long[] {100, 7}, series(all, Metric.LATENCY_MAXIMUM, Metric.Scope.ACCOUNT, ""));
        assertArrayEquals(new long[] {0, 1}, series(all, Metric.COLD_STARTS, Metric.Scope.ACCOUNT, ""));
        assertEquals(1, o.crossedAtCalls());
    }

    /**
     * Buckets of 30 s: 2 busy environments from 0, 4 from 45 s, the change the first call past the edge. Bucket 0's
     * mean is 2; bucket 1's (2 for 15 s, 4 for 15 s) 3.
     */
    @Test
    void anEnvironmentLevelFirstPastAnEdgeIsInTheBucketOfItsInstant() {
        EnvironmentLevels levels = new EnvironmentLevels(60 * S, 30 * S);
        Observers o = observers(60 * S, 30 * S, new LatencyRecorder(60 * S, 30 * S), levels);
        o.environmentLevels(0, 2, 0, 0, 0);
        o.environmentLevels(0, 4, 0, 0, 45 * S);
        List<Series> all = new ArrayList<>();
        levels.addFunctionSeries(all, "f0", 0);
        assertArrayEquals(new long[] {2000, 3000}, series(all, Metric.ENVIRONMENTS_AVERAGE, Metric.Scope.FUNCTION,
                "f0"));
        assertEquals(2.5, levels.function(0).mean(), 1e-12, "2 for 45 s and 4 for 15 s over 60 s");
        assertEquals(1, o.crossedAtCalls());
    }

    /**
     * One bucket of 60 s for a run of 60 s: no edge, so latencies at 10 s, 20 s and at exactly the run's end (as a
     * run delivers an event at its end) are one bucket's three values: p50 100 us, maximum 200 us.
     */
    @Test
    void aRunOfOneBucketHasNoEdge() {
        LatencyRecorder latency = new LatencyRecorder(60 * S, 60 * S);
        Observers o = observers(60 * S, 60 * S, latency, null);
        o.latency(0, 100, false, 10 * S);
        o.latency(0, 200, false, 20 * S);
        o.connections(0, 3, 30 * S);
        o.latency(0, 7, false, 60 * S);
        o.reach(60 * S);
        assertEquals(0, o.crossedAtCalls());
        List<Series> all = latency.series();
        assertArrayEquals(new long[] {100}, series(all, Metric.LATENCY_P50, Metric.Scope.FUNCTION, "f0"));
        assertArrayEquals(new long[] {200}, series(all, Metric.LATENCY_MAXIMUM, Metric.Scope.FUNCTION, "f0"));
        assertEquals(3, latency.functionLatency().get("f0").count());
        assertEquals(Long.MAX_VALUE, o.nextBucketMicros());
    }
}
