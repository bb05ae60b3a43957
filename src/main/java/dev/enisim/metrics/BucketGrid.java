package dev.enisim.metrics;

/**
 * The time buckets of a run: bucket {@code i} covers [i * bucketMicros, (i + 1) * bucketMicros); an event at
 * exactly the end falls in the last bucket. Remembers the current bucket, so that most events need no division.
 */
final class BucketGrid {

    private final long bucketMicros;
    private final int count;
    private int cachedBucket = -1;
    private long cachedStart = 0;
    private long cachedEnd = -1;

    BucketGrid(long durationMicros, long bucketMicros) {
        if (bucketMicros <= 0 || durationMicros <= 0) {
            throw new IllegalArgumentException("duration and bucket must be positive");
        }
        this.bucketMicros = bucketMicros;
        long n = (durationMicros + bucketMicros - 1) / bucketMicros;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many buckets: " + n);
        }
        this.count = (int) n;
    }

    long bucketMicros() {
        return bucketMicros;
    }

    int count() {
        return count;
    }

    /** Whether {@code other} cuts the run into the same buckets. */
    boolean sameAs(BucketGrid other) {
        return other.bucketMicros == bucketMicros && other.count == count;
    }

    /** The bucket of an instant. */
    int of(long nowMicros) {
        if (nowMicros >= cachedStart && nowMicros < cachedEnd) {
            return cachedBucket;
        }
        int b = (int) (nowMicros / bucketMicros);
        if (b >= count) {
            return count - 1;
        }
        cachedBucket = b;
        cachedStart = b * bucketMicros;
        cachedEnd = cachedStart + bucketMicros;
        return b;
    }
}
