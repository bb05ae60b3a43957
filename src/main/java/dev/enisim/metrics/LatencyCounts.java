package dev.enisim.metrics;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A latency histogram with the buckets of HdrHistogram's {@code new Histogram(2)} (two significant digits, unit
 * 1 µs) kept as counts over the window of bucket indices actually used: a function whose latencies span three
 * decades holds about 1,300 counts (5 KB), one never invoked holds none, and recording is an index computation
 * and an increment (a {@link org.HdrHistogram.PackedHistogram}, as compact, pays a packed-array lookup for each
 * and is slow to scan). {@link #valueAtPercentile} and {@link #maxValue} give exactly what the same values in a
 * {@code Histogram(2)} give ({@link AbstractHistogram#getValueAtPercentile}, {@link AbstractHistogram#getMaxValue}).
 */
final class LatencyCounts {

    /** Histogram(2)'s layout: 256 sub-buckets (2 * 10^2 rounded up to a power of 2), half of them per bucket. */
    private static final int SUB_BUCKET_HALF_MAGNITUDE = 7;
    private static final int SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_MAGNITUDE;
    private static final long SUB_BUCKET_MASK = 2 * SUB_BUCKET_HALF_COUNT - 1;
    private static final int LEADING_ZERO_COUNT_BASE = 64 - SUB_BUCKET_HALF_MAGNITUDE - 1;
    /** Highest values equivalent to a bucket's (HdrHistogram computes them; the layout is the same). */
    private static final Histogram EQUIVALENCE = new Histogram(2);

    private int lo;            // the index of counts[0]
    private int[] counts;      // null until a value is recorded; see wide
    private long[] wide;       // replaces counts once a count would overflow an int
    private long total;
    private int maxIndex = -1;

    /** HdrHistogram's bucket index of a value (>= 0). */
    static int index(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative latency " + value);
        }
        int bucket = LEADING_ZERO_COUNT_BASE - Long.numberOfLeadingZeros(value | SUB_BUCKET_MASK);
        int subBucket = (int) (value >>> bucket);
        return ((bucket + 1) << SUB_BUCKET_HALF_MAGNITUDE) + subBucket - SUB_BUCKET_HALF_COUNT;
    }

    /** The lowest value of a bucket index. */
    static long lowestValue(int index) {
        int bucket = (index >> SUB_BUCKET_HALF_MAGNITUDE) - 1;
        int subBucket = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
        if (bucket < 0) {
            subBucket -= SUB_BUCKET_HALF_COUNT;
            bucket = 0;
        }
        return (long) subBucket << bucket;
    }

    /** The highest value equivalent to a value (what a histogram reports for it). */
    static long highestEquivalentValue(long value) {
        return EQUIVALENCE.highestEquivalentValue(value);
    }

    void record(long value) {
        add(index(value), 1);
    }

    /** Records {@code count} values of a bucket index (as {@link #index} gives it). */
    void recordIndex(int index, long count) {
        add(index, count);
    }

    /** Adds a histogram's counts (the same as recording its values one by one). */
    void add(AbstractHistogram h) {
        for (HistogramIterationValue v : h.recordedValues()) {
            add(index(v.getValueIteratedTo()), v.getCountAtValueIteratedTo());
        }
    }

    /** Adds another's counts. */
    void add(LatencyCounts other) {
        for (int j = 0; other.counts != null && j < other.length(); j++) {
            long n = other.count(j);
            if (n > 0) {
                add(other.lo + j, n);
            }
        }
    }

    private void add(int index, long n) {
        cover(index);
        int j = index - lo;
        if (wide != null) {
            wide[j] += n;
        } else if (counts[j] + n < Integer.MAX_VALUE) {
            counts[j] += (int) n;
        } else {
            wide = new long[counts.length];
            for (int i = 0; i < counts.length; i++) {
                wide[i] = counts[i];
            }
            wide[j] += n;
            counts = new int[0];
        }
        total += n;
        if (index > maxIndex) {
            maxIndex = index;
        }
    }

    private int length() {
        return wide != null ? wide.length : counts.length;
    }

    private long count(int j) {
        return wide != null ? wide[j] : counts[j];
    }

    /** Makes the window cover {@code index}, growing it by at least half (indices run 0 to a few thousand). */
    private void cover(int index) {
        if (counts == null) {
            lo = Math.max(0, index - 32);
            counts = new int[64];
            return;
        }
        int n = length();
        if (index >= lo && index < lo + n) {
            return;
        }
        int grow = Math.max(n / 2, 32);
        int newLo = index < lo ? Math.max(0, Math.min(index, lo - grow)) : lo;
        int newHi = index >= lo + n ? Math.max(index + 1, lo + n + grow) : lo + n;
        int shift = lo - newLo;
        if (wide != null) {
            long[] w = new long[newHi - newLo];
            System.arraycopy(wide, 0, w, shift, n);
            wide = w;
            counts = new int[0];
        } else {
            int[] c = new int[newHi - newLo];
            System.arraycopy(counts, 0, c, shift, n);
            counts = c;
        }
        lo = newLo;
    }

    long totalCount() {
        return total;
    }

    /** As {@link AbstractHistogram#getValueAtPercentile} (for a percentile above 0), 0 when empty. */
    long valueAtPercentile(double percentile) {
        if (total == 0) {
            return 0;
        }
        long rank = rank(percentile, total);
        long seen = 0;
        for (int j = 0, n = length(); j < n; j++) {
            seen += count(j);
            if (seen >= rank) {
                return highestEquivalentValue(lowestValue(lo + j));
            }
        }
        throw new IllegalStateException("percentile beyond the recorded values");
    }

    /** As {@link AbstractHistogram#getMaxValue}: the highest value equivalent to the largest recorded, 0 if none. */
    long maxValue() {
        if (maxIndex < 0) {
            return 0;
        }
        long v = lowestValue(maxIndex);
        return v == 0 ? 0 : highestEquivalentValue(v);
    }

    /** The rank (from 1) of the value at a percentile of {@code n} values, as HdrHistogram computes it. */
    static long rank(double percentile, long n) {
        double p = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0.0), 100.0);
        return Math.max((long) Math.ceil(p * n / 100.0), 1);
    }

    long footprintBytes() {
        return 40 + (counts == null ? 0 : 16 + 4L * counts.length) + (wide == null ? 0 : 16 + 8L * wide.length);
    }
}
