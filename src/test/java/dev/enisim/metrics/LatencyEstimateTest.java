package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link LatencyCounts#estimate}: the value at a rank read inside its bucket (see {@link LatencyReadOutTest}). */
class LatencyEstimateTest {

    /** A bucket's width is HdrHistogram's equivalent range; an estimate stays in its bucket and within [min, max]. */
    @Test
    void anEstimateStaysInItsBucket() {
        org.HdrHistogram.Histogram plain = new org.HdrHistogram.Histogram(2);
        for (int index = 0; index < LatencyRecorder.INDICES - 1; index++) {
            long low = LatencyCounts.lowestValue(index);
            assertEquals(plain.sizeOfEquivalentValueRange(low), LatencyCounts.width(index), "index " + index);
            for (long c : new long[] {1, 2, 7, 1_000_003}) {
                for (long k : new long[] {1, (c + 1) / 2, c}) {
                    long e = LatencyCounts.estimate(index, k, c, 0, Long.MAX_VALUE);
                    assertTrue(e >= low && e <= low + LatencyCounts.width(index) - 1, index + " " + k + "/" + c);
                }
            }
            assertEquals(low, LatencyCounts.estimate(index, 1, 1, low, low), "a bucket of one exact value");
        }
    }
}
