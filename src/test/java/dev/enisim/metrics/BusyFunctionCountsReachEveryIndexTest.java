package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * A function whose bucket outgrows its pending values counts them by histogram index in counts of its own, 1,024
 * long at first and doubled as latencies need (up to every index): a latency whose index is exactly the counts'
 * length is counted (the counts grow first), and the function's and the account's figures are those read out of a
 * plain {@code Histogram(2)} and the exact extremes ({@link ReadOut}). A function never invoked has no pending
 * array; a later bucket faster than the first one counts below the first values' indices.
 */
class BusyFunctionCountsReachEveryIndexTest {

    private static final long SEC = 1_000_000L;

    @Test
    void latenciesAtTheCountsEndAreCountedAfterTheCountsGrow() {
        LatencyRecorder r = new LatencyRecorder(60 * SEC, 60 * SEC);
        r.attach(List.of("busy", "idle"));
        ReadOut plain = new ReadOut();
        for (int i = 0; i < LatencyRecorder.PENDING + 4; i++) { // past the pending values: counts of its own
            r.latency(0, 1_000, false, i);
            plain.record(1_000);
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
                plain.record(v);
            }
        }
        RunSummary.Latency busy = r.functionLatency().get("busy");
        assertEquals(plain.count(), busy.count());
        assertEquals(3, busy.coldStarts());
        assertEquals(plain.percentile(50) / 1000.0, busy.p50());
        assertEquals(plain.percentile(99) / 1000.0, busy.p99());
        // 2^38 us is past the exact maximum's range (35 minutes): read inside its bucket, unclamped above
        assertTrue(busy.p99() >= (1L << 38) / 1000.0
                && busy.p99() <= LatencyCounts.highestEquivalentValue(1L << 38) / 1000.0, busy.toString());
        assertEquals(1.0, busy.p90(), "1,000 us exactly: the minimum, 4,100 values of 4,280 equal to it");
        assertEquals(plain.maximum() / 1000.0, busy.max());
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
        // the 36th of 40, the 6th of the 10 values of its bucket (1,998,848 to 2,007,039 us): read as
        // 1,998,848 + floor(5.5 / 10 x 8,192) = 2,003,353, clamped to the maximum
        assertEquals(2000.01, all.p90(), "clamped to the maximum");
        assertEquals(2000.01, all.max(), "the largest latency, 2,000,010 us, as it was");
        assertEquals(all, r.accountLatency());
    }
}
