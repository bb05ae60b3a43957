package dev.enisim.metrics;

/** Counts per time bucket (a sum over the bucket). */
final class Counter {

    private final long[] values;

    Counter(int buckets) {
        values = new long[buckets];
    }

    void add(int bucket, long n) {
        values[bucket] += n;
    }

    long[] values() {
        return values.clone();
    }
}
