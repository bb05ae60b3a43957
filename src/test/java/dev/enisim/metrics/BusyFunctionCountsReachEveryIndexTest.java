package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * A function whose bucket outgrows its pending values counts them by histogram index in counts of its own, 1,024
 * long at first and doubled as latencies need (up to every index): a latency whose index is exactly the counts'
 * length is counted (the counts grow first), and the function's and the account's figures are a plain
 * {@code Histogram(2)}'s. A function never invoked has no pending array; a later bucket faster than the first one
 * counts below the first values' indices.
 */
class BusyFunctionCountsReachEveryIndexTest {

    private static final long SEC = 1_000_000L;

    @Test
    void latenciesAtTheCountsEndAreCountedAfterTheCountsGrow() {
        LatencyRecorder r = new LatencyRecorder(60 * SEC, 60 * SEC);
        r.attach(List.of("busy", "idle"));
        Histogram plain = new Histogram(2);
        for (int i = 0; i < LatencyRecorder.PENDING + 4; i++) { // past the pending values: counts of its own
            r.latency(0, 1_000, false, i);
            plain.recordValue(1_000);
        }
        // the lowest values of indices 1,024, 2,048 and 4,096: each exactly the length the counts have then
        long[] atTheEnd = {LatencyCounts.lowestValue(1_024), LatencyCounts.lowestValue(2_048),
            LatencyCounts.lowestValue(4_096)};
        assertEquals(16_384, atTheEnd[0]);
        assertEquals(4_194_304, atTheEnd[1]);
        assertEquals(1L << 38, atTheEnd[2]);
        for (long v : atTheEnd) {
            for (int k = 0; k < 60; k++) { // 180 of 4,280 values: the p99's rank (4,238) is among the last 60
                r.latency(0, v, k == 0, 10 * SEC);
                plain.recordValue(v);
            }
        }
        RunSummary.Latency busy = r.functionLatency().get("busy");
        assertEquals(plain.getTotalCount(), busy.count());
        assertEquals(3, busy.coldStarts());
        assertEquals(plain.getValueAtPercentile(50) / 1000.0, busy.p50());
        assertEquals(plain.getValueAtPercentile(99) / 1000.0, busy.p99());
        assertEquals(LatencyCounts.highestEquivalentValue(1L << 38) / 1000.0, busy.p99());
        assertEquals(LatencyCounts.highestEquivalentValue(1_000) / 1000.0, busy.p90());
        assertEquals(plain.getMaxValue() / 1000.0, busy.max());
        assertEquals(r.accountLatency().max(), busy.max());
        assertEquals(LatencyRecorder.PENDING, r.pendingCapacity(0));
        assertEquals(0, r.pendingCapacity(1), "never invoked: no pending array");
        assertEquals(0, r.functionLatency().get("idle").count());
    }

    @Test
    void aLaterBucketFasterThanTheFirstCountsBelowIt() {
        LatencyRecorder r = new LatencyRecorder(120 * SEC, 60 * SEC);
        r.attach(List.of("f"));
        Histogram plain = new Histogram(2);
        for (int i = 1; i <= 10; i++) {
            r.latency(0, 2_000_000L + i, false, 5 * SEC); // bucket 0: about 2 s
            plain.recordValue(2_000_000L + i);
        }
        for (int i = 1; i <= 30; i++) {
            r.latency(0, i, false, 70 * SEC); // bucket 1: 1 to 30 us, pages below bucket 0's
            plain.recordValue(i);
        }
        RunSummary.Latency all = r.functionLatency().get("f");
        assertEquals(40, all.count());
        assertEquals(0.02, all.p50()); // the 20th of 40: 20 us
        assertEquals(plain.getValueAtPercentile(90) / 1000.0, 2007.039, "the histogram's: its bucket's edge");
        assertEquals(2000.01, all.p90(), "capped by the maximum");
        assertEquals(2000.01, all.max(), "the largest latency, 2,000,010 us, as it was");
        assertEquals(all, r.accountLatency());
    }
}
