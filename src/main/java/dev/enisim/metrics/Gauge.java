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
    private long peak;
    private long low;

    Gauge(int buckets, boolean max, long initial) {
        this.extremes = new long[buckets];
        this.max = max;
        this.current = initial;
        this.peak = initial;
        this.low = initial;
        extremes[0] = initial;
    }

    void set(int bucket, long value) {
        if (bucket > lastBucket) {
            carryTo(bucket);
        }
        current = value;
        if (max ? value > extremes[bucket] : value < extremes[bucket]) {
            extremes[bucket] = value;
        }
        if (value > peak) {
            peak = value;
        }
        if (value < low) {
            low = value;
        }
    }

    private void carryTo(int bucket) {
        Arrays.fill(extremes, lastBucket + 1, bucket + 1, current);
        lastBucket = bucket;
    }

    long current() {
        return current;
    }

    long peak() {
        return peak;
    }

    long low() {
        return low;
    }

    /** The per-bucket extremes, every bucket filled up to the end. */
    long[] values() {
        carryTo(extremes.length - 1);
        return extremes.clone();
    }
}
