package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Latency percentiles of known latencies, worked out by hand: the value at percentile p of n latencies is the
 * ceil(p/100 x n)-th smallest (HdrHistogram's rank, from 1). Latencies below 256 us are their own histogram
 * buckets (two significant digits: 256 sub-buckets), so those figures are exact; a maximum is exact too (1,000 us,
 * though its bucket holds 1,000 to 1,003 us: buckets of 4 us from 512 us; reported as 1,003 until the exact minimum and
 * maximum per bucket). Buckets of 60 s; a latency counts in the bucket of the instant the invocation ended.
 */
class LatencyByHandTest {

    private static final long S = Seconds.MICROS;

    private static long[] series(List<Series> all, Metric m, Metric.Scope scope, String id) {
        return all.stream().filter(s -> s.metric() == m && s.scope() == scope && s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + m + " " + id)).values();
    }

    /**
     * api, 4 buckets of 60 s. Bucket 0: 1..100 us (1..10 cold). Bucket 1: none. Bucket 2: 1..50 us (50 cold).
     * Bucket 3: 1..200 us ten times each (2,000 values: past the pending array, into a histogram of its own; 1 and
     * 101 cold, 20 cold starts), then 1,000 us at the very end of the run. Recorded directly, and through the log
     * used with thousands of functions (here from one function on, the log growing past 1,024 values).
     */
    @Test
    void percentilesOfEachBucketAreTheValuesAtTheirRanks() {
        for (LatencyRecorder r : new LatencyRecorder[] {new LatencyRecorder(240 * S, 60 * S),
            new LatencyRecorder(240 * S, 60 * S, 1, 1 << 15)}) {
            r.attach(List.of("api"));
            for (int v = 1; v <= 100; v++) {
                r.latency(0, v, v <= 10, 10 * S + v);
            }
            for (int v = 50; v >= 1; v--) { // in any order
                r.latency(0, v, v == 50, 120 * S + v);
            }
            for (int i = 0; i < 2000; i++) {
                r.latency(0, 1 + i % 200, i % 100 == 0, 180 * S + i);
            }
            r.latency(0, 1000, false, 240 * S);
            List<Series> all = r.series();
            // bucket 0: ranks 50, 90, 99 of 1..100; bucket 2: ranks 25, 45, 50 of 1..50; bucket 3: ranks 1,001,
            // 1,801, 1,981 of 2,001 values (ten copies of each of 1..200 and 1,000), the maximum 1,000 us as it was
            for (Metric.Scope scope : new Metric.Scope[] {Metric.Scope.FUNCTION, Metric.Scope.ACCOUNT}) {
                String id = scope == Metric.Scope.FUNCTION ? "api" : ""; // the account: its only function's
                assertArrayEquals(new long[] {50, -1, 25, 101}, series(all, Metric.LATENCY_P50, scope, id));
                assertArrayEquals(new long[] {90, -1, 45, 181}, series(all, Metric.LATENCY_P90, scope, id));
                assertArrayEquals(new long[] {99, -1, 50, 199}, series(all, Metric.LATENCY_P99, scope, id));
                assertArrayEquals(new long[] {100, -1, 50, 1000}, series(all, Metric.LATENCY_MAXIMUM, scope, id));
                assertArrayEquals(new long[] {10, 0, 1, 20}, series(all, Metric.COLD_STARTS, scope, id));
            }
            assertEquals(31, r.accountLatency().coldStarts());
            assertEquals(2151, r.functionLatency().get("api").count());
        }
    }

    /**
     * Over the run, 1..100 us and 200 us: 101 values, p50 the 51st (51 us), p90 the 91st, p99 the 100th (100 us),
     * the maximum 200 us. Cold: 1..10 us, p50 the 5th, p99 the 10th.
     */
    @Test
    void theSummarysPercentilesAreOverTheWholeRun() {
        LatencyRecorder r = new LatencyRecorder(180 * S, 60 * S);
        r.attach(List.of("api"));
        for (int v = 1; v <= 100; v++) {
            r.latency(0, v, v <= 10, 10 * S);
        }
        r.latency(0, 200, false, 130 * S);
        RunSummary.Latency l = r.functionLatency().get("api");
        assertEquals(new RunSummary.Latency(101, 0.051, 0.091, 0.1, 0.2, 10, 0.005, 0.01), l);
        assertEquals(l, r.accountLatency());
    }

    /** A latency at exactly a bucket's start is in that bucket; one at the run's end is in the last. */
    @Test
    void eachLatencyCountsInTheBucketOfItsInstant() {
        LatencyRecorder r = new LatencyRecorder(180 * S, 60 * S);
        r.attach(List.of("api"));
        r.latency(0, 7, true, 60 * S - 1);
        r.latency(0, 8, true, 60 * S);
        r.latency(0, 9, false, 60 * S + 1);
        r.latency(0, 11, true, 180 * S);
        List<Series> all = r.series();
        assertArrayEquals(new long[] {7, 9, 11}, series(all, Metric.LATENCY_MAXIMUM, Metric.Scope.FUNCTION, "api"));
        assertArrayEquals(new long[] {7, 8, 11}, series(all, Metric.LATENCY_P50, Metric.Scope.FUNCTION, "api"));
        assertArrayEquals(new long[] {1, 1, 1}, series(all, Metric.COLD_STARTS, Metric.Scope.FUNCTION, "api"));
    }

    /**
     * Two functions in the same buckets: the account's percentiles are those of all their latencies together
     * (api 1..40 us, worker 41..100 us: the account's p50 is the 50th of 1..100, its p90 the 90th, both worker's),
     * and its cold starts the sum of theirs. A function never invoked has no value in any bucket.
     */
    @Test
    void theAccountsPercentilesAreOverAllItsFunctions() {
        LatencyRecorder r = new LatencyRecorder(120 * S, 60 * S);
        r.attach(List.of("api", "worker", "idle"));
        for (int v = 1; v <= 100; v++) {
            r.latency(v <= 40 ? 0 : 1, v, v % 10 == 0, S + v);
        }
        r.latency(1, 5, true, 70 * S);
        List<Series> all = r.series();
        assertArrayEquals(new long[] {50, 5}, series(all, Metric.LATENCY_P50, Metric.Scope.ACCOUNT, ""));
        assertArrayEquals(new long[] {90, 5}, series(all, Metric.LATENCY_P90, Metric.Scope.ACCOUNT, ""));
        assertArrayEquals(new long[] {100, 5}, series(all, Metric.LATENCY_MAXIMUM, Metric.Scope.ACCOUNT, ""));
        assertArrayEquals(new long[] {20, -1}, series(all, Metric.LATENCY_P50, Metric.Scope.FUNCTION, "api"));
        assertArrayEquals(new long[] {40, -1}, series(all, Metric.LATENCY_MAXIMUM, Metric.Scope.FUNCTION, "api"));
        // worker: 41..100 (60 values), p50 the 30th: 70
        assertArrayEquals(new long[] {70, 5}, series(all, Metric.LATENCY_P50, Metric.Scope.FUNCTION, "worker"));
        assertArrayEquals(new long[] {-1, -1}, series(all, Metric.LATENCY_P50, Metric.Scope.FUNCTION, "idle"));
        assertArrayEquals(new long[] {4, 0}, series(all, Metric.COLD_STARTS, Metric.Scope.FUNCTION, "api"));
        assertArrayEquals(new long[] {6, 1}, series(all, Metric.COLD_STARTS, Metric.Scope.FUNCTION, "worker"));
        assertArrayEquals(new long[] {10, 1}, series(all, Metric.COLD_STARTS, Metric.Scope.ACCOUNT, ""));
        assertEquals(11, r.accountLatency().coldStarts());
        assertEquals(0, r.functionLatency().get("idle").count());
        assertEquals(new RunSummary.Latency(0, 0, 0, 0, 0, 0, 0, 0), r.functionLatency().get("idle"));
    }

    /**
     * The memory estimate `bench` prints grows with the buckets and the functions a recorder keeps, and with a
     * function's spread of latencies (its window of counts), never with their number alone.
     */
    @Test
    void footprintGrowsWithBucketsAndFunctions() {
        LatencyRecorder small = new LatencyRecorder(60 * S, 60 * S);
        small.attach(List.of("a"));
        LatencyRecorder manyBuckets = new LatencyRecorder(6000 * S, 60 * S);
        manyBuckets.attach(List.of("a"));
        LatencyRecorder manyFunctions = new LatencyRecorder(60 * S, 60 * S);
        manyFunctions.attach(List.of("a", "b", "c", "d", "e", "f", "g", "h"));
        assertTrue(small.footprintBytes() > 0);
        assertTrue(manyBuckets.footprintBytes() > small.footprintBytes());
        assertTrue(manyFunctions.footprintBytes() > small.footprintBytes());
        LatencyRecorder spread = new LatencyRecorder(60 * S, 60 * S);
        spread.attach(List.of("a"));
        for (int i = 0; i < 2000; i++) {
            small.latency(0, 5, false, S);
            spread.latency(0, 1L << (i % 30), i % 2 == 0, S);
        }
        small.series();
        spread.series();
        assertTrue(spread.footprintBytes() > small.footprintBytes(), "values across 30 powers of two hold more counts");
    }

    /**
     * A run in which nothing succeeded (every invocation throttled, say): no latency in any bucket, for the
     * function or the account (empty cells, not zeros), and a summary of zeros.
     */
    @Test
    void aRunWithoutASuccessHasNoLatencyAnywhere() {
        LatencyRecorder r = new LatencyRecorder(120 * S, 60 * S);
        r.attach(List.of("api"));
        List<Series> all = r.series();
        for (Metric m : new Metric[] {Metric.LATENCY_P50, Metric.LATENCY_P90, Metric.LATENCY_P99,
            Metric.LATENCY_MAXIMUM}) {
            assertArrayEquals(new long[] {-1, -1}, series(all, m, Metric.Scope.ACCOUNT, ""), m.toString());
            assertArrayEquals(new long[] {-1, -1}, series(all, m, Metric.Scope.FUNCTION, "api"), m.toString());
        }
        assertArrayEquals(new long[] {0, 0}, series(all, Metric.COLD_STARTS, Metric.Scope.ACCOUNT, ""));
        assertEquals(new RunSummary.Latency(0, 0, 0, 0, 0, 0, 0, 0), r.accountLatency());
    }
}
