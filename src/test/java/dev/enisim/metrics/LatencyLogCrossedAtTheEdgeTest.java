package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run of 64 functions or more keeps its latencies in the shared log ({@link LatencyRecorder#LOGGED_FROM}) until a
 * bucket closes, and no function's track is listed before that: the bucket {@link Observers} crosses at its edge
 * ({@link LatencyRecorder#crossTo}) must still close with the log's values in it, not leave them for the next bucket.
 * Values under 256 us are exact histogram buckets, so each figure is the value at its rank, ceil(p/100 x n), worked out
 * by hand.
 */
class LatencyLogCrossedAtTheEdgeTest {

    private static final long S = Seconds.MICROS;
    private static final int FUNCTIONS = LatencyRecorder.LOGGED_FROM;

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int f = 0; f < FUNCTIONS; f++) {
            names.add("f" + f);
        }
        return names;
    }

    private static long[] series(List<Series> all, Metric m, Metric.Scope scope, String id) {
        for (Series s : all) {
            if (s.metric() == m && s.scope() == scope && s.id().equals(id)) {
                return s.values();
            }
        }
        throw new AssertionError("no " + m + " " + scope + " " + id);
    }

    /**
     * Three buckets of 10 s. f3: 100 us (cold) and 120 us in bucket 0, 7 us in bucket 2; f60: 40 us in bucket 0.
     * Bucket 0 (three values 40, 100, 120): the account's p50 is the 2nd (100), p90 and p99 the 3rd (120); f3's p50
     * the 1st of its two (100), p90 and p99 the 2nd (120). Bucket 1 has no latency. Each bucket crossed at its edge
     * before its first value, as a run crosses them.
     */
    @Test
    void aBucketCrossedAtItsEdgeClosesWithTheLoggedValues() {
        LatencyRecorder r = new LatencyRecorder(30 * S, 10 * S);
        r.attach(names());
        assertTrue(r.logged(), "64 functions: the log");
        r.record(3, 100, true);
        r.record(60, 40, false);
        r.record(3, 120, false);
        r.crossTo(1);
        r.crossTo(2);
        r.record(3, 7, false);
        assertBuckets(r.series());
        assertEquals(4, r.accountLatency().count());
        assertEquals(1, r.accountLatency().coldStarts());
    }

    /** The same latencies through {@link Observers}, which reaches each edge at its first instant. */
    @Test
    void theObserversCrossingClosesTheLoggedBucket() {
        Recorder recorder = new Recorder(30 * S, 10 * S);
        LatencyRecorder latency = new LatencyRecorder(30 * S, 10 * S);
        Observers o = new Observers(recorder, latency, new Journal(), null, null, null);
        recorder.attach(CombinedCallsProperties.world(FUNCTIONS));
        latency.attach(names());
        o.latency(3, 100, true, S);
        o.latency(60, 40, false, 2 * S);
        o.latency(3, 120, false, 10 * S - 1);
        o.reach(10 * S);
        o.reach(20 * S);
        o.latency(3, 7, false, 25 * S);
        assertEquals(0, o.crossedAtCalls(), "every edge reached first");
        assertBuckets(latency.series());
    }

    private static void assertBuckets(List<Series> all) {
        assertArrayEquals(new long[] {100, -1, 7}, series(all, Metric.LATENCY_P50, Metric.Scope.ACCOUNT, ""));
        assertArrayEquals(new long[] {120, -1, 7}, series(all, Metric.LATENCY_P90, Metric.Scope.ACCOUNT, ""));
        assertArrayEquals(new long[] {120, -1, 7}, series(all, Metric.LATENCY_P99, Metric.Scope.ACCOUNT, ""));
        assertArrayEquals(new long[] {120, -1, 7}, series(all, Metric.LATENCY_MAXIMUM, Metric.Scope.ACCOUNT, ""));
        assertArrayEquals(new long[] {1, 0, 0}, series(all, Metric.COLD_STARTS, Metric.Scope.ACCOUNT, ""));
        assertArrayEquals(new long[] {100, -1, 7}, series(all, Metric.LATENCY_P50, Metric.Scope.FUNCTION, "f3"));
        assertArrayEquals(new long[] {120, -1, 7}, series(all, Metric.LATENCY_P99, Metric.Scope.FUNCTION, "f3"));
        assertArrayEquals(new long[] {40, -1, -1}, series(all, Metric.LATENCY_MAXIMUM, Metric.Scope.FUNCTION, "f60"));
    }
}
