package dev.enisim.workload;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Replays a recorded trace row by row, without expanding it: a row of {@code count} arrivals over an interval
 * yields them one at a time, spread evenly ({@link ArrivalSpec.Trace#spread}), so memory is one entry per row
 * however many arrivals the rows hold. Scaled by a factor other than 1, each recorded arrival is replayed
 * floor(factor) times, plus once more with probability frac(factor), drawn from the process's stream.
 * Allocation-free.
 */
final class Replay implements ArrivalProcess.Source {

    private final long[] starts;
    private final long[] counts;
    private final long interval;
    private final double factor;
    private final RandomGenerator stream;
    private final long from;
    private final long until;
    private int row;
    private long k;
    private long current;
    private int pendingCopies;

    Replay(ArrivalSpec.Trace trace, RandomGenerator stream, long from, long until) {
        this.starts = trace.startsMicros();
        this.counts = trace.counts();
        this.interval = trace.intervalMicros();
        this.factor = trace.factor();
        this.stream = stream;
        this.from = from;
        this.until = until;
        // rows that end before the start are skipped whole, then the first row's early arrivals by bisection
        while (row < starts.length && starts[row] + Math.max(interval, 1) <= from) {
            row++;
        }
        if (row < starts.length) {
            long lo = 0;
            long hi = counts[row];
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                if (ArrivalSpec.Trace.spread(starts[row], interval, counts[row], mid) < from) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            k = lo;
        }
    }

    @Override
    public long next() {
        while (pendingCopies == 0) {
            long t = nextRecorded();
            if (t == ArrivalProcess.NONE) {
                return t;
            }
            current = t;
            if (factor == 1.0) {
                pendingCopies = 1;
            } else {
                int whole = (int) factor;
                pendingCopies = whole + (stream.nextDouble() < factor - whole ? 1 : 0);
            }
        }
        pendingCopies--;
        return current;
    }

    /** The next recorded arrival at or after {@code from}, before {@code until}. */
    private long nextRecorded() {
        while (row < starts.length) {
            if (k >= counts[row]) {
                row++;
                k = 0;
                continue;
            }
            long t = ArrivalSpec.Trace.spread(starts[row], interval, counts[row], k++);
            if (t >= until) {
                row = starts.length;
                return ArrivalProcess.NONE;
            }
            if (t >= from) {
                return t;
            }
        }
        return ArrivalProcess.NONE;
    }
}
