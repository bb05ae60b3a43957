package dev.enisim.metrics;

/**
 * A level's time integral over the run and within each time bucket, so that both its mean over the run and
 * its mean within each bucket come out exactly (not from per-bucket maxima). O(buckets crossed) per change.
 *
 * <p>The straightforward layout (an object per level, areas added in doubles), kept as the reference that
 * {@link LevelAreas}, the layout the recorder uses, is held to ({@code BucketLayoutProperties}).
 */
final class BucketedAverage {

    private final long bucketMicros;
    private final double[] area; // level x microseconds, per bucket
    private long current;
    private long lastMicros;
    private double total;
    private int lastBucket;              // the bucket of lastMicros
    private long lastBucketEnd;          // where it ends (the last bucket never does)

    BucketedAverage(long bucketMicros, int buckets) {
        this.bucketMicros = bucketMicros;
        this.area = new double[buckets];
        this.lastBucketEnd = buckets == 1 ? Long.MAX_VALUE : bucketMicros;
    }

    /** The level becomes {@code value} at {@code nowMicros}. */
    void update(long value, long nowMicros) {
        advance(nowMicros);
        current = value;
    }

    long current() {
        return current;
    }

    private void advance(long nowMicros) {
        if (nowMicros <= lastMicros) {
            return;
        }
        if (current != 0) {
            total += (double) current * (nowMicros - lastMicros);
            if (nowMicros <= lastBucketEnd) { // within lastMicros's bucket: what the loop below does in one step
                area[lastBucket] += (double) current * (nowMicros - lastMicros);
                lastMicros = nowMicros;
                if (nowMicros == lastBucketEnd) {
                    locate(nowMicros);
                }
                return;
            }
            long t = lastMicros;
            while (t < nowMicros) {
                int b = (int) Math.min(t / bucketMicros, area.length - 1);
                long end = Math.min(nowMicros, (b + 1) * bucketMicros);
                if (b == area.length - 1) {
                    end = nowMicros;
                }
                area[b] += (double) current * (end - t);
                t = end;
            }
        }
        lastMicros = nowMicros;
        if (nowMicros >= lastBucketEnd) {
            locate(nowMicros);
        }
    }

    private void locate(long nowMicros) {
        lastBucket = (int) Math.min(nowMicros / bucketMicros, area.length - 1);
        lastBucketEnd = lastBucket == area.length - 1 ? Long.MAX_VALUE : (lastBucket + 1) * bucketMicros;
    }

    /** The mean level over [0, end) (call once, at the end). */
    double mean(long endMicros) {
        advance(endMicros);
        return endMicros <= 0 ? 0 : total / endMicros;
    }

    /** The integral of the level over [0, end), in level x seconds. */
    double integralSeconds(long endMicros) {
        advance(endMicros);
        return Seconds.of(total);
    }

    /** Each bucket's mean level, in thousandths (the last bucket may be shorter than the others). */
    long[] bucketMeansMilli(long endMicros) {
        advance(endMicros);
        long[] out = new long[area.length];
        for (int b = 0; b < area.length; b++) {
            long len = Math.min(bucketMicros, endMicros - (long) b * bucketMicros);
            out[b] = len <= 0 ? 0 : Math.round(area[b] / len * 1000);
        }
        return out;
    }
}
