package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyCountsTest {

    private static final Histogram PLAIN = new Histogram(2);

    /** Two values share a bucket of LatencyCounts exactly when they share one in HdrHistogram's Histogram(2). */
    @Property(tries = 2000)
    void bucketsAreHistogramTwosBuckets(@ForAll @LongRange(min = 0, max = 1L << 45) long v) {
        int i = LatencyCounts.index(v);
        assertEquals(PLAIN.lowestEquivalentValue(v), LatencyCounts.lowestValue(i), "lowest value of " + v);
        assertEquals(i, LatencyCounts.index(PLAIN.highestEquivalentValue(v)));
        assertEquals(i + 1, LatencyCounts.index(PLAIN.highestEquivalentValue(v) + 1), "next bucket after " + v);
        assertEquals(i, LatencyCounts.index(LatencyCounts.lowestValue(i)));
    }

    @Test
    void smallValuesAreTheirOwnBuckets() {
        for (long v = 0; v < 600; v++) {
            assertEquals(PLAIN.lowestEquivalentValue(v), LatencyCounts.lowestValue(LatencyCounts.index(v)));
        }
    }

    /** Percentiles, maximum and total are those of a Histogram(2) fed the same values, however they arrive. */
    @Test
    void figuresAreThoseOfAHistogram() {
        double[] percentiles = {0.1, 1, 10, 25, 50, 75, 90, 99, 99.9, 100};
        for (int seed = 0; seed < 200; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            Histogram h = new Histogram(2);
            Histogram part = new Histogram(2);
            LatencyCounts c = new LatencyCounts();
            LatencyCounts other = new LatencyCounts();
            int n = rng.nextInt(1, 3000);
            double scale = Math.pow(10, rng.nextInt(0, 7));
            for (int k = 0; k < n; k++) {
                long v = rng.nextInt(40) == 0 ? 0 : (long) (Math.exp(rng.nextGaussian() * 1.5) * scale);
                h.recordValue(v);
                switch (rng.nextInt(3)) {
                    case 0 -> c.record(v);
                    case 1 -> part.recordValue(v);
                    default -> other.record(v);
                }
            }
            c.add(part);
            c.add(other);
            assertEquals(h.getTotalCount(), c.totalCount());
            assertEquals(h.getMaxValue(), c.maxValue(), "seed " + seed);
            for (double p : percentiles) {
                assertEquals(h.getValueAtPercentile(p), c.valueAtPercentile(p), "seed " + seed + " p" + p);
            }
        }
    }

    @Test
    void emptyIsZero() {
        LatencyCounts c = new LatencyCounts();
        assertEquals(0, c.totalCount());
        assertEquals(0, c.maxValue());
        assertEquals(0, c.valueAtPercentile(50));
    }

    /** Counts past an int's range move to longs without losing any. */
    @Test
    void countsBeyondAnInt() {
        Histogram h = new Histogram(2);
        h.recordValueWithCount(5_000, 3_000_000_000L);
        h.recordValueWithCount(70, 1_000_000_000L);
        LatencyCounts c = new LatencyCounts();
        c.record(9_000_000);
        c.add(h);
        c.add(h);
        h.add(h);
        h.recordValue(9_000_000);
        assertEquals(h.getTotalCount(), c.totalCount());
        for (double p : new double[] {10, 50, 80, 99.99, 100}) {
            assertEquals(h.getValueAtPercentile(p), c.valueAtPercentile(p), "p" + p);
        }
        assertEquals(h.getMaxValue(), c.maxValue());
    }

    /**
     * Values decades apart, arriving upwards, downwards and after the counts went wide (past an int): the window
     * of counts grows to cover each, and every figure is still a Histogram(2)'s.
     */
    @Test
    void valuesFarApartInEveryOrder() {
        long[][] orders = {
            {1, 1L << 40, 7, 1L << 20},      // up far, then down
            {1L << 40, 1, 1L << 30, 300},    // down far first
            {5_000, 3, 1L << 44, 0},         // up from the middle, down to 0
            {5_000, 70_000, 2_000, 60_000},  // pages 12, 20 (up from page 12), 9 (down, not to 0), 20 again
            {70_000, 2_000, 1L << 30, 3},    // down from page 20 to 9, up past the table, down to page 0
        };
        for (long[] values : orders) {
            Histogram h = new Histogram(2);
            LatencyCounts c = new LatencyCounts();
            for (long v : values) {
                h.recordValue(v);
                c.record(v);
            }
            assertFigures(h, c, java.util.Arrays.toString(values));
        }
        // wide first (a count past an int's range), then values far below and far above its window
        Histogram h = new Histogram(2);
        h.recordValueWithCount(5_000, 3_000_000_000L);
        LatencyCounts c = new LatencyCounts();
        c.add(h);
        for (long v : new long[] {1, 1L << 42, 2}) {
            h.recordValue(v);
            c.record(v);
        }
        assertFigures(h, c, "wide");
    }

    /**
     * What a histogram holds: 40 bytes, then a table of pages (16 + 4 per page it spans) and each page made (16 +
     * 4 x 64 ints, or 16 + 8 x 64 longs once counts went past an int). 5,000 µs is in page 12, 70,000 in page 20,
     * 2,000 in page 9.
     */
    @Test
    void footprintIsTheTableAndThePagesMade() {
        LatencyCounts c = new LatencyCounts();
        assertEquals(40, c.footprintBytes());
        c.record(5_000);
        assertEquals(40 + (16 + 4) + (16 + 4 * 64), c.footprintBytes());
        c.record(5_001);
        assertEquals(40 + (16 + 4) + (16 + 4 * 64), c.footprintBytes(), "the same page");
        c.record(70_000);
        assertEquals(40 + (16 + 4 * 9) + 2 * (16 + 4 * 64), c.footprintBytes(), "pages 12 to 20, two made");
        c.record(2_000);
        assertEquals(40 + (16 + 4 * 12) + 3 * (16 + 4 * 64), c.footprintBytes(), "pages 9 to 20, three made");
        c.recordIndex(LatencyCounts.index(2_000), Integer.MAX_VALUE);
        assertEquals(40 + 2 * (16 + 4 * 12) + 3 * (16 + 8 * 64), c.footprintBytes(), "wide: longs, both tables");
        assertEquals(Integer.MAX_VALUE + 4L, c.totalCount());
    }

    private static void assertFigures(Histogram h, LatencyCounts c, String what) {
        assertEquals(h.getTotalCount(), c.totalCount(), what);
        assertEquals(h.getMaxValue(), c.maxValue(), what);
        for (double p : new double[] {1, 25, 50, 75, 99, 100}) {
            assertEquals(h.getValueAtPercentile(p), c.valueAtPercentile(p), what + " p" + p);
        }
    }

    /** A latency is never negative: refused, not counted in some bucket. */
    @Test
    void aNegativeLatencyIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> LatencyCounts.index(-1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new LatencyCounts().record(-5));
    }

    /**
     * Counts recorded a close's way ({@link LatencyCounts#recordIncreasing}: increasing indices with their counts,
     * pages found once per run) leave what recording each index alone leaves: batches of random indices (near each
     * other, or decades apart, below and above what is already counted), sometimes with counts that take the total
     * past an int (one by one then, and longs from there on), every figure and the footprint compared.
     */
    @Property(tries = 300)
    void countsRecordedInIncreasingRunsAreCountsRecordedOneByOne(@ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        LatencyCounts runs = new LatencyCounts();
        LatencyCounts single = new LatencyCounts();
        int[] indices = new int[LatencyRecorder.INDICES];
        long[] counts = new long[LatencyRecorder.INDICES];
        for (int batch = rng.nextInt(1, 12); batch > 0; batch--) {
            int centre = rng.nextInt(LatencyRecorder.INDICES);
            int spread = rng.nextBoolean() ? 200 : LatencyRecorder.INDICES;
            java.util.TreeSet<Integer> picked = new java.util.TreeSet<>();
            for (int k = rng.nextInt(0, 80); k > 0; k--) {
                picked.add(Math.floorMod(centre + rng.nextInt(-spread, spread + 1), LatencyRecorder.INDICES));
            }
            int n = 0;
            long added = 0;
            for (int index : picked) {
                indices[n] = index;
                counts[n] = rng.nextInt(30) == 0 ? rng.nextLong(1, 1L << 32) : rng.nextLong(1, 5);
                added += counts[n++];
            }
            runs.recordIncreasing(indices, counts, n, added);
            for (int i = 0; i < n; i++) {
                single.recordIndex(indices[i], counts[i]);
            }
            assertEquals(single.totalCount(), runs.totalCount());
            assertEquals(single.maxValue(), runs.maxValue());
            assertEquals(single.footprintBytes(), runs.footprintBytes());
            for (double p = 0.5; p <= 100; p += 0.5) {
                assertEquals(single.valueAtPercentile(p), runs.valueAtPercentile(p), "p" + p);
            }
        }
    }
}
