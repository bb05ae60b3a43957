package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The bucket-major and fast-path layouts give exactly the figures of the straightforward ones. */
class BucketLayoutProperties {

    /** GaugeColumns holds, per dimension, what a Gauge of its own would: per-bucket maxima and the peak. */
    @Property(tries = 300)
    void gaugeColumnsAreGauges(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int dims,
            @ForAll @IntRange(min = 1, max = 40) int buckets) {
        SplittableRandom rng = new SplittableRandom(seed);
        GaugeColumns columns = new GaugeColumns(dims, buckets);
        Gauge[] gauges = new Gauge[dims];
        for (int d = 0; d < dims; d++) {
            gauges[d] = new Gauge(buckets, true, 0);
        }
        int bucket = 0;
        for (int i = 0, n = rng.nextInt(400); i < n; i++) {
            if (rng.nextInt(10) == 0) {
                bucket = Math.min(buckets - 1, bucket + rng.nextInt(1, 6)); // quiet stretches too
            }
            int d = rng.nextInt(dims);
            int v = rng.nextInt(20);
            columns.set(d, bucket, v);
            gauges[d].set(bucket, v);
        }
        for (int d = 0; d < dims; d++) {
            assertEquals(gauges[d].peak(), columns.peak(d));
            assertArrayEquals(gauges[d].values(), columns.values(d), "dimension " + d);
        }
    }

    /**
     * KeyConnections holds, per key, what a maximum Gauge and a TimeAverage with variance of its own would: the
     * per-bucket maxima, the peak, the mean and the variance (bit for bit), keys added during the run as well,
     * changes at shared instants, quiet stretches, the last bucket, and values read back more than once.
     */
    @Property(tries = 300)
    void keyConnectionsAreGaugesAndTimeAverages(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int keys,
            @ForAll @IntRange(min = 1, max = 30) int buckets) {
        SplittableRandom rng = new SplittableRandom(seed);
        long bucketMicros = 1_000;
        KeyConnections rows = new KeyConnections(bucketMicros, buckets);
        Gauge[] gauges = new Gauge[keys];
        TimeAverage[] averages = new TimeAverage[keys];
        int known = 1 + rng.nextInt(keys);
        rows.ensureKey(known - 1);
        for (int k = 0; k < keys; k++) {
            gauges[k] = new Gauge(buckets, true, 0);
            averages[k] = TimeAverage.withVariance();
        }
        long now = 0;
        for (int i = 0, n = rng.nextInt(300); i < n; i++) {
            now += rng.nextInt(4) == 0 ? 0 : rng.nextLong(1, rng.nextInt(10) == 0 ? 5 * bucketMicros : 400);
            if (rng.nextInt(12) == 0) {
                now = (now / bucketMicros + rng.nextInt(1, 3)) * bucketMicros; // exactly on an edge
            }
            int bucket = (int) Math.min(buckets - 1, now / bucketMicros);
            if (known < keys && rng.nextInt(20) == 0) {
                known += rng.nextInt(1, keys - known + 1);
                rows.ensureKey(known - 1);
            }
            int k = rng.nextInt(known);
            int v = rng.nextInt(1_000_000);
            rows.set(k, v, now);
            gauges[k].set(bucket, v);
            averages[k].update(v, now);
        }
        rows.ensureKey(keys - 1);
        long end = now + rng.nextLong(0, 3 * bucketMicros);
        for (int k = 0; k < keys; k++) {
            assertEquals(gauges[k].peak(), rows.peak(k), "key " + k);
            assertArrayEquals(gauges[k].values(), rows.values(k), "key " + k);
            assertArrayEquals(gauges[k].values(), rows.values(k), "key " + k + ", read again");
            averages[k].update(averages[k].current(), end);
            assertEquals(Double.doubleToLongBits(averages[k].mean(end)), Double.doubleToLongBits(rows.mean(k, end)));
            assertEquals(Double.doubleToLongBits(averages[k].variance(end)),
                    Double.doubleToLongBits(rows.variance(k, end)), "key " + k);
        }
    }

    /**
     * {@code lower} (an invocation's end: the level usually drops, so no maximum moves) gives what {@code set}
     * gives, whatever the level: a gauge and a column told by {@code lower} at random against ones told by
     * {@code set} only (maximum and minimum gauges; levels up and down, quiet stretches).
     */
    @Property(tries = 300)
    void lowerIsSet(@ForAll long seed, @ForAll boolean max, @ForAll @IntRange(min = 1, max = 40) int buckets) {
        SplittableRandom rng = new SplittableRandom(seed);
        Gauge bySet = new Gauge(buckets, max, 5);
        Gauge byLower = new Gauge(buckets, max, 5);
        GaugeColumns columnsBySet = new GaugeColumns(2, buckets);
        GaugeColumns columnsByLower = new GaugeColumns(2, buckets);
        int bucket = 0;
        for (int i = 0, n = rng.nextInt(200); i < n; i++) {
            if (rng.nextInt(8) == 0) {
                bucket = Math.min(buckets - 1, bucket + rng.nextInt(1, 4));
            }
            int v = rng.nextInt(12);
            int d = rng.nextInt(2);
            bySet.set(bucket, v);
            columnsBySet.set(d, bucket, v);
            if (rng.nextBoolean()) {
                byLower.lower(bucket, v);
                columnsByLower.lower(d, bucket, v);
            } else {
                byLower.set(bucket, v);
                columnsByLower.set(d, bucket, v);
            }
            assertEquals(bySet.current(), byLower.current());
        }
        assertEquals(max ? bySet.peak() : bySet.low(), max ? byLower.peak() : byLower.low());
        assertArrayEquals(bySet.values(), byLower.values());
        for (int d = 0; d < 2; d++) {
            assertEquals(columnsBySet.peak(d), columnsByLower.peak(d));
            assertArrayEquals(columnsBySet.values(d), columnsByLower.values(d), "dimension " + d);
        }
    }

    /**
     * GaugeRows (the level and the open bucket's maximum in one long of a function's row) gives GaugeColumns' figures
     * whatever the calls (set and lower, levels up and down, quiet stretches, values and peaks read mid-run and again),
     * and writes no other long of the rows.
     */
    @Property(tries = 300)
    void gaugeRowsAreGaugeColumns(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int dims,
            @ForAll @IntRange(min = 1, max = 40) int buckets) {
        SplittableRandom rng = new SplittableRandom(seed);
        GaugeColumns columns = new GaugeColumns(dims, buckets);
        long[] rows = new long[(dims + 1) * FunctionLines.STRIDE];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i % FunctionLines.STRIDE == FunctionLines.CONCURRENCY ? 0 : rng.nextLong();
        }
        long[] before = rows.clone();
        GaugeRows gauge = new GaugeRows(rows, dims, buckets);
        int bucket = 0;
        for (int i = 0, n = rng.nextInt(400); i < n; i++) {
            if (rng.nextInt(10) == 0) {
                bucket = Math.min(buckets - 1, bucket + rng.nextInt(1, 6));
            }
            int d = rng.nextInt(dims);
            int v = rng.nextInt(1 << rng.nextInt(1, 31)); // levels up to 2^30
            if (rng.nextBoolean()) {
                columns.lower(d, bucket, v);
                gauge.lower(d, bucket, v);
            } else {
                columns.set(d, bucket, v);
                gauge.set(d, bucket, v);
            }
            if (rng.nextInt(20) == 0) {
                int e = rng.nextInt(dims);
                assertEquals(columns.peak(e), gauge.peak(e));
                assertArrayEquals(columns.values(e), gauge.values(e), "mid-run, dimension " + e);
            }
        }
        for (int d = 0; d < dims; d++) {
            assertEquals(columns.peak(d), gauge.peak(d));
            assertArrayEquals(columns.values(d), gauge.values(d), "dimension " + d);
            assertArrayEquals(columns.values(d), gauge.values(d), "read again");
        }
        for (int i = 0; i < rows.length; i++) {
            if (i % FunctionLines.STRIDE != FunctionLines.CONCURRENCY || i / FunctionLines.STRIDE >= dims) {
                assertEquals(before[i], rows[i], "long " + i);
            }
        }
    }

    /** BucketedAverage's per-bucket areas are the level's integral split at bucket edges, added in time order. */
    @Property(tries = 300)
    void bucketedAverageSplitsAtEdges(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int buckets) {
        SplittableRandom rng = new SplittableRandom(seed);
        long bucketMicros = 1 + rng.nextInt(1000);
        long end = buckets * bucketMicros - rng.nextLong(bucketMicros);
        BucketedAverage a = new BucketedAverage(bucketMicros, buckets);
        double[] area = new double[buckets];
        long t = 0;
        long level = 0;
        for (int i = 0, n = rng.nextInt(200); i < n && t < end; i++) {
            long next = Math.min(end, t + (rng.nextInt(4) == 0 ? bucketMicros * rng.nextInt(3) : 0)
                    + rng.nextLong(bucketMicros + 1));
            if (rng.nextInt(8) == 0) {
                next = ((t / bucketMicros) + 1) * bucketMicros; // exactly on an edge
                next = Math.min(end, next);
            }
            for (long s = t; s < next; ) { // the straightforward split
                int b = (int) Math.min(s / bucketMicros, buckets - 1);
                long e = b == buckets - 1 ? next : Math.min(next, (b + 1) * bucketMicros);
                if (level != 0) {
                    area[b] += (double) level * (e - s);
                }
                s = e;
            }
            t = next;
            level = rng.nextInt(4) == 0 ? 0 : rng.nextInt(50);
            a.update(level, t);
        }
        for (long s = t; s < end; ) {
            int b = (int) Math.min(s / bucketMicros, buckets - 1);
            long e = b == buckets - 1 ? end : Math.min(end, (b + 1) * bucketMicros);
            if (level != 0) {
                area[b] += (double) level * (e - s);
            }
            s = e;
        }
        long[] expected = new long[buckets];
        for (int b = 0; b < buckets; b++) {
            long len = Math.min(bucketMicros, end - (long) b * bucketMicros);
            expected[b] = len <= 0 ? 0 : Math.round(area[b] / len * 1000);
        }
        assertArrayEquals(expected, a.bucketMeansMilli(end));
    }

    /**
     * LevelAreas gives, per row and kind, BucketedAverage's per-bucket means and run mean (the straightforward
     * objects, one per row and level, updated at every change), whatever the rows' interleaving, the gaps between
     * changes (within a bucket, across several, exactly on an edge) and the levels (zero included).
     */
    @Property(tries = 300)
    void levelAreasAreBucketedAverages(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int rows,
            @ForAll @IntRange(min = 1, max = 30) int buckets) {
        SplittableRandom rng = new SplittableRandom(seed);
        long bucketMicros = 1 + rng.nextInt(1000);
        long end = buckets * bucketMicros - rng.nextLong(bucketMicros);
        int kinds = LevelAreas.KINDS;
        LevelAreas areas = new LevelAreas(rows, bucketMicros, buckets);
        BucketedAverage[][] reference = new BucketedAverage[rows][kinds];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < kinds; k++) {
                reference[r][k] = new BucketedAverage(bucketMicros, buckets);
            }
        }
        long t = 0;
        for (int i = 0, n = rng.nextInt(300); i < n; i++) {
            t = nextInstant(rng, t, bucketMicros, end);
            int r = rng.nextInt(rows);
            areas.advance(r, t);
            for (int k = 0; k < kinds; k++) {
                if (rng.nextBoolean()) {
                    long level = rng.nextInt(4) == 0 ? 0 : rng.nextInt(50);
                    areas.set(r, k, level);
                    reference[r][k].update(level, t);
                }
                assertEquals(reference[r][k].current(), areas.level(r, k));
            }
        }
        for (int r = 0; r < rows; r++) {
            areas.finish(r, end);
            areas.finish(r, end); // twice: the same
            for (int k = 0; k < kinds; k++) {
                long[] means = new long[buckets];
                for (int b = 0; b < buckets; b++) {
                    long len = Math.min(bucketMicros, end - (long) b * bucketMicros);
                    means[b] = len <= 0 ? 0 : Math.round((double) areas.area(r, k, b) / len * 1000);
                }
                assertArrayEquals(reference[r][k].bucketMeansMilli(end), means, "row " + r + ", kind " + k);
                assertEquals(reference[r][k].mean(end), (double) areas.total(r, k) / end, "row " + r + ", kind " + k);
            }
        }
    }

    /**
     * A random next instant after {@code t}, never past {@code end}: often the same instant, sometimes a bucket or two
     * later, one time in eight exactly on the next bucket edge (shared by the level-area properties).
     */
    static long nextInstant(SplittableRandom rng, long t, long bucketMicros, long end) {
        long next = t + (rng.nextInt(4) == 0 ? bucketMicros * rng.nextInt(3) : 0)
                + (rng.nextInt(3) == 0 ? 0 : rng.nextLong(bucketMicros + 1));
        if (rng.nextInt(8) == 0) {
            next = ((t / bucketMicros) + 1) * bucketMicros; // exactly on an edge
        }
        return Math.min(end, next);
    }
}
