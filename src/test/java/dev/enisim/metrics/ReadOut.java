package dev.enisim.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The latency figures as documented, worked out from raw values independently of the recorder's counts (tests): a
 * plain {@code Histogram(2)} of the values beside their exact minimum, the number equal to it, and their exact
 * maximum. A percentile of rank r (HdrHistogram's, from 1) is the minimum when r is at most the ties at it; otherwise
 * the maximum when r is the last rank; otherwise its bucket's lowest value plus floor((k - 1/2) / c x width) (the
 * k-th of the bucket's c values; kept in the bucket), clamped to [min, max]. The maximum is the exact one (the bucket's edge past {@link LatencyRecorder#EXACT_UP_TO},
 * where the minimum too is taken as unknown when every value is past it).
 */
final class ReadOut {

    final Histogram histogram = new Histogram(2);
    long min = Long.MAX_VALUE;
    long ties;
    long max = -1;

    void record(long v) {
        histogram.recordValue(v);
        if (v < min) {
            min = v;
            ties = 0;
        }
        if (v == min) {
            ties++;
        }
        max = Math.max(max, v);
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The lower bound a percentile is clamped to (0 when every value is past the exact range). */
    long least() {
        return min < LatencyRecorder.EXACT_UP_TO ? min : 0;
    }

    /** The upper bound a percentile is clamped to (none past the exact range). */
    long most() {
        return max < LatencyRecorder.EXACT_UP_TO ? max : Long.MAX_VALUE;
    }

    /** The maximum reported (µs). */
    long maximum() {
        return max < LatencyRecorder.EXACT_UP_TO ? max : histogram.getMaxValue();
    }

    /** The percentile reported (µs), -1 when empty. */
    long percentile(double p) {
        return percentile(p, least(), min < LatencyRecorder.EXACT_UP_TO ? ties : 0, most(), most());
    }

    private long percentile(double p, long least, long tied, long most, long top) {
        long n = histogram.getTotalCount();
        if (n == 0) {
            return -1;
        }
        long rank = Math.max((long) Math.ceil(Math.min(Math.max(Math.nextDown(p), 0.0), 100.0) * n / 100.0), 1);
        if (rank <= tied) {
            return least;
        }
        if (rank == n && top != Long.MAX_VALUE) {
            return top;
        }
        long seen = 0;
        for (HistogramIterationValue v : histogram.recordedValues()) {
            long c = v.getCountAtValueIteratedTo();
            seen += c;
            if (seen >= rank) {
                long low = histogram.lowestEquivalentValue(v.getValueIteratedTo());
                long width = histogram.sizeOfEquivalentValueRange(low);
                long k = rank - (seen - c);
                long within = Math.min(width - 1, (long) Math.floor((k - 0.5) / c * width));
                return Math.max(Math.min(low + within, most), least);
            }
        }
        throw new AssertionError("rank " + rank + " of " + n);
    }
}
