package dev.enisim.metrics;

import java.util.Arrays;

/**
 * Maximum gauges of many dimensions (one per function) laid out bucket-major: the current bucket is one array
 * with a slot per dimension, so that an event touches two dense arrays shared by all dimensions rather than a
 * gauge object and a bucket array of its own per dimension (with thousands of functions, those miss the caches).
 * Each bucket holds, per dimension, the highest level over the bucket, counting the level it had when the bucket
 * began, as {@link Gauge} does: the same figures. Levels are {@code int}s (in-flight invocations, environments).
 * Buckets the run passes without a change share one array of the levels as they stood (quiet periods cost an array
 * per quiet stretch, not per bucket); a bucket's array is left alone once a later bucket began.
 */
final class GaugeColumns {

    private final int[][] columns;   // [bucket][dimension], filled up to lastBucket
    private final int[] current;
    private int lastBucket;
    private int peakFrom; // the first bucket {@link #peak} reads ({@link #peakFrom(int)}: a warm-up's end)
    private int[] open;              // columns[lastBucket]: the one array a change writes its maximum to

    GaugeColumns(int dimensions, int buckets) {
        columns = new int[buckets][];
        current = new int[dimensions];
        columns[0] = new int[dimensions];
        open = columns[0];
    }

    /** Dimension {@code d}'s level becomes {@code value} in {@code bucket} (never earlier than the last call's). */
    void set(int d, int bucket, int value) {
        if (bucket > lastBucket) {
            crossTo(bucket);
        }
        raise(d, value);
    }

    /**
     * As {@link #set}, in the open bucket ({@link #crossTo}: the caller crosses the buckets for all the metrics at
     * once, {@link Observers}): no edge of its own to test.
     */
    void raise(int d, int value) {
        current[d] = value;
        int[] c = open;
        if (value > c[d]) {
            c[d] = value;
        }
    }

    /**
     * As {@link #set}, for a level no higher than dimension {@code d}'s current one (the bucket's maximum is at least
     * that): only the level moves. A higher one is {@link #set}.
     */
    void lower(int d, int bucket, int value) {
        if (bucket > lastBucket) {
            crossTo(bucket);
        }
        int[] now = current;
        if (value > now[d]) {
            set(d, bucket, value);
        } else {
            now[d] = value;
        }
    }

    /**
     * Begins {@code bucket} (a later one): the buckets skipped share one copy of the levels; the new one starts from
     * them. A closed column equal to the one before it shares that one's array, and its own is the new bucket's (a
     * quiet bucket's is its levels: crossed one bucket at a time, a quiet stretch still costs one array).
     */
    void crossTo(int bucket) {
        int[] closed = open;
        int[] before = lastBucket == 0 ? null : columns[lastBucket - 1];
        if (bucket - lastBucket > 1) {
            Arrays.fill(columns, lastBucket + 1, bucket, current.clone());
        }
        if (Arrays.equals(closed, before)) {
            columns[lastBucket] = before;
            System.arraycopy(current, 0, closed, 0, closed.length);
            open = closed;
        } else {
            open = current.clone();
        }
        columns[bucket] = open;
        lastBucket = bucket;
    }

    /** The arrays the buckets begun so far hold their columns in (tests: buckets alike may share one). */
    int columnArrays() {
        java.util.Set<int[]> held = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int b = 0; b <= lastBucket; b++) {
            held.add(columns[b]);
        }
        return held.size();
    }

    /** Dimension {@code d}'s highest level so far. */
    int peak(int d) {
        int p = columns[peakFrom][d];
        for (int b = peakFrom + 1; b <= lastBucket; b++) {
            p = Math.max(p, columns[b][d]);
        }
        return p;
    }

    /**
     * {@link #peak} reads the buckets from {@code bucket} on (the one begun last: the warm-up's end, run --warm-up);
     * the series keep every level.
     */
    void peakFrom(int bucket) {
        if (bucket > lastBucket) {
            crossTo(bucket);
        }
        peakFrom = bucket;
    }

    /** Dimension {@code d}'s per-bucket maxima, every bucket filled up to the end (levels carried forward). */
    long[] values(int d) {
        long[] out = new long[columns.length];
        for (int b = 0; b < columns.length; b++) {
            out[b] = b <= lastBucket ? columns[b][d] : current[d];
        }
        return out;
    }
}
