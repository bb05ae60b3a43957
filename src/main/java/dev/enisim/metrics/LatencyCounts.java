package dev.enisim.metrics;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A latency histogram with the buckets of HdrHistogram's {@code new Histogram(2)} (two significant digits, unit
 * 1 µs) kept as counts in pages of {@link #PAGE} bucket indices, a page made when one of its indices is first
 * counted: a function whose latencies span three decades holds about 1,300 counts (5 KB), one never invoked holds
 * none, and recording is an index computation and an increment (a {@link org.HdrHistogram.PackedHistogram}, as
 * compact, pays a packed-array lookup for each and is slow to scan). Counts reaching a new range add a page and
 * copy nothing (a window of counts grown by copying allocated about three times what it kept, with thousands of
 * functions the bulk of a run's allocation). {@link #valueAtPercentile} and {@link #maxValue} give exactly what
 * the same values in a {@code Histogram(2)} give ({@link AbstractHistogram#getValueAtPercentile},
 * {@link AbstractHistogram#getMaxValue}): a bucket's upper edge, up to 1% above the value. The figures reported
 * use {@link #estimateAtPercentile} instead: the value at a percentile read inside its bucket by linear
 * interpolation on rank ({@link #estimate}) and clamped to the exact minimum and maximum of the values, so that a
 * constant latency reads exactly and a percentile is not stuck to a bucket's edge.
 */
final class LatencyCounts {

    /** Histogram(2)'s layout: 256 sub-buckets (2 * 10^2 rounded up to a power of 2), half of them per bucket. */
    private static final int SUB_BUCKET_HALF_MAGNITUDE = 7;
    private static final int SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_MAGNITUDE;
    private static final long SUB_BUCKET_MASK = 2 * SUB_BUCKET_HALF_COUNT - 1;
    private static final int LEADING_ZERO_COUNT_BASE = 64 - SUB_BUCKET_HALF_MAGNITUDE - 1;
    /** Highest values equivalent to a bucket's (HdrHistogram computes them; the layout is the same). */
    private static final Histogram EQUIVALENCE = new Histogram(2);

    /** Bucket indices per page. */
    static final int PAGE = 64;
    private static final int PAGE_BITS = Integer.numberOfTrailingZeros(PAGE);

    private int firstPage;     // the page number of pages[0]
    private int[][] pages;     // null until a value is recorded; a page null until one of its indices is counted
    private long[][] wide;     // replaces pages (same layout) once a count would overflow an int
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
        for (int t = 0, n = other.pageCount(); t < n; t++) {
            for (int j = 0; j < PAGE; j++) {
                long c = other.count(t, j);
                if (c > 0) {
                    add(((other.firstPage + t) << PAGE_BITS) + j, c);
                }
            }
        }
    }

    /**
     * Records {@code counts[i]} values of bucket index {@code indices[i]} for {@code i < n}, the indices increasing
     * (a closing bucket's, by index): the same as {@code n} calls of {@link #recordIndex}, in a loop of a few
     * instructions per index that finds a page once per run of its indices. With thousands of functions each page is
     * a cache miss; the short loop lets the processor have many of them in flight at once. {@code added} is the sum
     * of the counts (a closing bucket's values: the caller has it, so no pass adds them up).
     */
    void recordIncreasing(int[] indices, long[] counts, int n, long added) {
        if (n == 0) {
            return;
        }
        if (wide != null || total + added >= Integer.MAX_VALUE) { // a count might pass an int: one by one
            for (int i = 0; i < n; i++) {
                add(indices[i], counts[i]);
            }
            return;
        }
        int last = indices[n - 1];
        cover(indices[0] >> PAGE_BITS);
        cover(last >> PAGE_BITS);         // the table now reaches every page between
        int[][] table = pages;
        int first = firstPage;
        int current = -1;
        int[] page = null;
        for (int i = 0; i < n; i++) {
            int index = indices[i];
            int p = index >> PAGE_BITS;
            if (p != current) {
                current = p;
                page = table[p - first];
                if (page == null) {
                    page = new int[PAGE];
                    table[p - first] = page;
                }
            }
            page[index & (PAGE - 1)] += (int) counts[i]; // no count passes total + added < Integer.MAX_VALUE
        }
        total += added;
        if (last > maxIndex) {
            maxIndex = last;
        }
    }

    private void add(int index, long n) {
        int t = cover(index >> PAGE_BITS);
        int j = index & (PAGE - 1);
        if (wide != null) {
            wide[t][j] += n;
        } else if (pages[t][j] + n < Integer.MAX_VALUE) {
            pages[t][j] += (int) n;
        } else {
            widen();
            wide[t][j] += n;
        }
        total += n;
        if (index > maxIndex) {
            maxIndex = index;
        }
    }

    /** Moves every count to longs (a count would overflow an int). */
    private void widen() {
        wide = new long[pages.length][];
        for (int t = 0; t < pages.length; t++) {
            if (pages[t] != null) {
                wide[t] = new long[PAGE];
                for (int j = 0; j < PAGE; j++) {
                    wide[t][j] = pages[t][j];
                }
            }
        }
        pages = new int[wide.length][];
    }

    /** Pages in the table (made or not), from {@link #firstPage}. */
    private int pageCount() {
        return pages == null ? 0 : pages.length;
    }

    /** The count of index {@code j} of the table's page {@code t} (0 for a page not made). */
    private long count(int t, int j) {
        if (wide != null) {
            return wide[t] == null ? 0 : wide[t][j];
        }
        return pages[t] == null ? 0 : pages[t][j];
    }

    /**
     * Makes page {@code page} (a page number) exist: the table of pages grown to reach it (the pages themselves are
     * kept, not copied), the page made if it was not. Returns its place in the table.
     */
    private int cover(int page) {
        if (pages == null) {
            firstPage = page;
            pages = new int[1][];
        }
        int n = pages.length;
        if (page < firstPage || page >= firstPage + n) {
            int from = Math.min(page, firstPage);
            int to = Math.max(page + 1, firstPage + n);
            int shift = firstPage - from;
            int[][] table = new int[to - from][];
            System.arraycopy(pages, 0, table, shift, n);
            pages = table;
            if (wide != null) {
                long[][] w = new long[to - from][];
                System.arraycopy(wide, 0, w, shift, n);
                wide = w;
            }
            firstPage = from;
        }
        int t = page - firstPage;
        if (wide != null) {
            if (wide[t] == null) {
                wide[t] = new long[PAGE];
            }
        } else if (pages[t] == null) {
            pages[t] = new int[PAGE];
        }
        return t;
    }

    long totalCount() {
        return total;
    }

    /** As {@link AbstractHistogram#getValueAtPercentile} (for a percentile above 0), 0 when empty. */
    long valueAtPercentile(double percentile) {
        if (total == 0) {
            return 0;
        }
        return highestEquivalentValue(lowestValue(at(percentile).index()));
    }

    /** Where a percentile's rank lies: its bucket index, the rank, the count of lower buckets, the bucket's own. */
    private record At(int index, long rank, long below, long count) {
    }

    /** The bucket holding the rank of {@code percentile} (not empty). */
    private At at(double percentile) {
        long rank = rank(percentile, total);
        long seen = 0;
        for (int t = 0, n = pageCount(); t < n; t++) {
            for (int j = 0; j < PAGE; j++) {
                long c = count(t, j);
                seen += c;
                if (seen >= rank) {
                    return new At(((firstPage + t) << PAGE_BITS) + j, rank, seen - c, c);
                }
            }
        }
        throw new IllegalStateException("percentile beyond the recorded values");
    }

    /**
     * The value at a percentile read inside its histogram bucket (see {@link #estimate}) and kept within the exact
     * {@code [min, max]} of the values counted (µs; pass 0 and {@link Long#MAX_VALUE} when unknown); {@code min}
     * itself when its rank is at most {@code ties}, the number of values known to equal {@code min} (0 if unknown);
     * {@code top} at the last rank, the largest value when known ({@link Long#MAX_VALUE} otherwise); 0 when empty.
     */
    long estimateAtPercentile(double percentile, long min, long ties, long max, long top) {
        if (total == 0) {
            return 0;
        }
        At a = at(percentile);
        return readOut(a.index(), a.rank(), a.below(), a.count(), total, min, ties, max, top);
    }

    /**
     * The value of rank {@code rank} (from 1) of {@code total}, in bucket {@code index} which holds {@code count} of
     * them above the {@code below} of lower buckets: the exact {@code min} when the rank is among the {@code ties}
     * values known to equal it; {@code top} when it is the last rank and the largest value is known to be {@code top}
     * (the exact maximum; {@link Long#MAX_VALUE}: unknown); otherwise {@link #estimate}.
     */
    static long readOut(int index, long rank, long below, long count, long total, long min, long ties, long max,
            long top) {
        if (rank <= ties) {
            return min;
        }
        if (rank == total && top != Long.MAX_VALUE) {
            return top;
        }
        return estimate(index, rank - below, count, min, max);
    }

    /** The width (µs) of a bucket index: the values it holds, from {@link #lowestValue} on. */
    static long width(int index) {
        return 1L << Math.max(0, (index >> SUB_BUCKET_HALF_MAGNITUDE) - 1);
    }

    /**
     * The {@code k}-th smallest ({@code 1 <= k <= count}) of {@code count} values in bucket {@code index}, estimated
     * by linear interpolation on rank (the values taken as spread evenly over the bucket, the k-th at the middle of
     * its share): {@code lowestValue + floor((k - 1/2) / count * width)}, which lies in the bucket; then clamped to
     * {@code [min, max]}, the exact extremes of the values (which, holding the k-th value, overlap the bucket: the
     * result stays in it). A bucket of width 1 (values below 256 µs) gives its value exactly; a bucket whose values
     * are all equal gives that value when {@code min} and {@code max} are exact.
     */
    static long estimate(int index, long k, long count, long min, long max) {
        long w = width(index);
        long within = w == 1 ? 0 : Math.min(w - 1, (long) Math.floor((k - 0.5) / count * w));
        long v = lowestValue(index) + within;
        return Math.max(Math.min(v, max), min);
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

    /** Bytes held: the object, the table of pages and the pages made. */
    long footprintBytes() {
        long n = 40;
        for (int t = 0, tables = pageCount(); t < tables; t++) {
            n += pages[t] != null ? 16 + 4L * PAGE : wide != null && wide[t] != null ? 16 + 8L * PAGE : 0;
        }
        return n + (pages == null ? 0 : 16 + 4L * pages.length) + (wide == null ? 0 : 16 + 4L * wide.length);
    }
}
