package dev.enisim.metrics;

import java.util.Arrays;

/**
 * A level that changes at instants (in-flight invocations, ENIs, free IPs), recorded per bucket as its maximum
 * (or minimum) over the bucket, counting the value it had when the bucket began. Untouched buckets carry the
 * last value forward, so quiet periods cost nothing until they are read.
 */
final class Gauge {

    private final long[] extremes;
    private final boolean max;
    private long current;
    private int lastBucket;
    private int peakFrom; // the first bucket {@link #peak} reads ({@link #peakFrom(int)}: a warm-up's end)

    Gauge(int buckets, boolean max, long initial) {
        this.extremes = new long[buckets];
        this.max = max;
        this.current = initial;
        extremes[0] = initial;
    }

    /**
     * The level becomes {@code value} in {@code bucket} (never an earlier bucket than the last call's). Called on
     * every change of in-flight counts and connections, so it does no more than it must: the run's peak or low
     * is read from the buckets when asked for, not kept here.
     */
    void set(int bucket, long value) {
        if (bucket > lastBucket) {
            crossTo(bucket);
        }
        write(bucket, value);
    }

    /**
     * As {@link #set}, in the last bucket begun ({@link #crossTo}: the caller crosses the buckets for all the metrics
     * at once, {@link Observers}): no edge of its own to test.
     */
    void put(long value) {
        write(lastBucket, value);
    }

    private void write(int bucket, long value) {
        current = value;
        long[] x = extremes;
        if (max ? value > x[bucket] : value < x[bucket]) {
            x[bucket] = value;
        }
    }

    /**
     * As {@link #set}, for a maximum gauge's level no higher than its current one (the bucket's maximum is at least
     * that): only the level moves. A higher one, or a minimum gauge's, is {@link #set}.
     */
    void lower(int bucket, long value) {
        if (bucket > lastBucket) {
            crossTo(bucket);
        }
        if (!max || value > current) {
            write(bucket, value);
        } else {
            current = value;
        }
    }

    /** As {@link #lower}, in the last bucket begun (as {@link #put}). */
    void drop(long value) {
        if (!max || value > current) {
            put(value);
        } else {
            current = value;
        }
    }

    /**
     * As {@link #drop}, to a maximum gauge's level less one (a lower level moves no maximum). A minimum gauge's is
     * {@link #put}.
     */
    void decrement() {
        if (!max) {
            throw new IllegalStateException("a minimum gauge's lower level is put");
        }
        current--;
    }

    /** Begins {@code bucket} (no earlier one): the buckets up to it carry the level they began with. */
    void crossTo(int bucket) {
        Arrays.fill(extremes, lastBucket + 1, bucket + 1, current);
        lastBucket = bucket;
    }

    long current() {
        return current;
    }

    /** The highest level so far (a maximum gauge's buckets hold every level it had). */
    long peak() {
        if (!max) {
            throw new IllegalStateException("a minimum gauge keeps no peak");
        }
        long p = extremes[peakFrom];
        for (int i = peakFrom + 1; i <= lastBucket; i++) {
            p = Math.max(p, extremes[i]);
        }
        return p;
    }

    /**
     * {@link #peak} reads the buckets from {@code bucket} on (the one begun last: the warm-up's end, run --warm-up); the
     * buckets' series keep every level.
     */
    void peakFrom(int bucket) {
        if (bucket > lastBucket) {
            crossTo(bucket);
        }
        peakFrom = bucket;
    }

    /** The lowest level so far (a minimum gauge's buckets hold every level it had). */
    long low() {
        if (max) {
            throw new IllegalStateException("a maximum gauge keeps no low");
        }
        long p = extremes[0];
        for (int i = 1; i <= lastBucket; i++) {
            p = Math.min(p, extremes[i]);
        }
        return p;
    }

    /** The per-bucket extremes, every bucket filled up to the end. */
    long[] values() {
        crossTo(extremes.length - 1);
        return extremes.clone();
    }
}
