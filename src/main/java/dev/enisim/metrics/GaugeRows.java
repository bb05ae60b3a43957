package dev.enisim.metrics;

import java.util.Arrays;

/**
 * Maximum gauges of many dimensions (one per function) as {@link GaugeColumns} keeps them (the same figures), with the
 * changing part in the functions' {@link FunctionLines} rows: a dimension's level and its maximum in the open bucket
 * share one long ({@link FunctionLines#CONCURRENCY}: the level in the low int, the maximum in the high), on the line
 * that the start's and end's other observers update, so that a change touches no line of its own (with thousands of
 * functions, the columns' level and maximum were two more misses per event). A bucket's column of maxima is made when
 * the next bucket begins, from the rows (work per dimension and bucket, as the columns' copy of the levels was);
 * buckets the run passes without a change share one array of the levels as they stood. Levels are {@code int}s
 * (in-flight invocations).
 */
final class GaugeRows {

    private static final int STRIDE = FunctionLines.STRIDE;
    private static final int AT = FunctionLines.CONCURRENCY;
    private static final long LOW = 0xFFFF_FFFFL;

    private final long[] rows;
    private final int dimensions;
    private final int[][] columns;   // [bucket][dimension], made up to lastBucket - 1; the open one is in the rows
    private int lastBucket;
    private int peakFrom; // the first bucket {@link #peak} reads ({@link #peakFrom(int)}: a warm-up's end)

    /** On {@code rows}' {@link FunctionLines#CONCURRENCY} longs (all zero) of its first {@code dimensions} rows. */
    GaugeRows(long[] rows, int dimensions, int buckets) {
        if (rows.length < dimensions * STRIDE) {
            throw new IllegalArgumentException("rows for " + rows.length / STRIDE + ", not " + dimensions);
        }
        this.rows = rows;
        this.dimensions = dimensions;
        this.columns = new int[buckets][];
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
        long[] r = rows;
        int i = d * STRIDE + AT;
        int max = Math.max((int) (r[i] >> 32), value);
        r[i] = (long) max << 32 | (value & LOW);
    }

    /**
     * As {@link #set}, for a level no higher than dimension {@code d}'s current one (the bucket's maximum is at least
     * that): only the level moves. A higher one is {@link #set}.
     */
    void lower(int d, int bucket, int value) {
        if (bucket > lastBucket) {
            crossTo(bucket);
        }
        drop(d, value);
    }

    /** As {@link #lower}, in the open bucket (as {@link #raise}). */
    void drop(int d, int value) {
        long[] r = rows;
        int i = d * STRIDE + AT;
        long v = r[i];
        if (value > (int) v) {
            raise(d, value);
        } else {
            r[i] = v & ~LOW | (value & LOW);
        }
    }

    /**
     * As {@link #drop}, to dimension {@code d}'s level less one (its level at least 1): the level's int is the
     * row's low half, so the long's decrement moves it alone, the maximum (high half) kept.
     */
    void decrement(int d) {
        rows[d * STRIDE + AT]--;
    }

    /**
     * Closes the open bucket into its column (each dimension's maximum), fills the buckets skipped with one array of
     * the levels, and opens {@code bucket} (a later one) at the levels. A closed column equal to the one before it
     * shares that one's array (a quiet bucket's is its levels: crossed one bucket at a time, a quiet stretch still
     * costs one array, as when it is skipped at once).
     */
    void crossTo(int bucket) {
        long[] r = rows;
        int[] closed = new int[dimensions];
        int[] levels = bucket - lastBucket > 1 ? new int[dimensions] : null;
        for (int d = 0, i = AT; d < dimensions; d++, i += STRIDE) {
            long v = r[i];
            int level = (int) v;
            closed[d] = (int) (v >> 32);
            if (levels != null) {
                levels[d] = level;
            }
            r[i] = (long) level << 32 | (level & LOW);
        }
        int[] before = lastBucket == 0 ? null : columns[lastBucket - 1];
        columns[lastBucket] = Arrays.equals(closed, before) ? before : closed;
        if (levels != null) {
            Arrays.fill(columns, lastBucket + 1, bucket, levels);
        }
        lastBucket = bucket;
    }

    /** Dimension {@code d}'s level now. */
    int level(int d) {
        return (int) rows[d * STRIDE + AT];
    }

    /** Dimension {@code d}'s maximum in the open bucket. */
    private int open(int d) {
        return (int) (rows[d * STRIDE + AT] >> 32);
    }

    /** The arrays the buckets begun so far hold their columns in (tests: buckets alike may share one). */
    int columnArrays() {
        java.util.Set<int[]> held = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int b = 0; b < lastBucket; b++) {
            held.add(columns[b]);
        }
        return held.size();
    }

    /** Dimension {@code d}'s highest level so far. */
    int peak(int d) {
        int p = open(d);
        for (int b = peakFrom; b < lastBucket; b++) {
            p = Math.max(p, columns[b][d]);
        }
        return p;
    }

    /**
     * {@link #peak} reads the buckets from {@code bucket} on (the open one: the warm-up's end, run --warm-up); the
     * series keep every level.
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
            out[b] = b < lastBucket ? columns[b][d] : b == lastBucket ? open(d) : level(d);
        }
        return out;
    }
}
