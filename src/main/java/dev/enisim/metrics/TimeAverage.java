package dev.enisim.metrics;

/**
 * Time-weighted mean (and, if asked for, variance) of a level that changes at instants (in-flight invocations,
 * connections): the integrals of the level and of its square over time, from time 0.
 *
 * <p>The level's integral is an exact integer (level x microseconds, a long): a change costs a multiply-add, no
 * conversion to double. It equals what a double accumulates whenever that accumulation is exact, i.e. while the
 * integral stays below 2^53 level-microseconds (a level of 1,000 for 104 days): the same means. The square's
 * integral, which passes 2^53 far sooner, stays a double, kept only by an average made {@link #withVariance}.
 */
final class TimeAverage {

    private final boolean squares;
    private long current;
    private long lastMicros;
    private long area;
    private double squareArea;

    /** A mean only ({@link #variance} is not kept). */
    TimeAverage() {
        this(false);
    }

    private TimeAverage(boolean squares) {
        this.squares = squares;
    }

    /** A mean and a variance. */
    static TimeAverage withVariance() {
        return new TimeAverage(true);
    }

    /** The level becomes {@code value} at {@code nowMicros}. */
    void update(long value, long nowMicros) {
        long dt = nowMicros - lastMicros;
        if (dt > 0) {
            long level = current;
            area += level * dt;
            if (squares) {
                squareArea += (double) level * level * dt;
            }
            lastMicros = nowMicros;
        }
        current = value;
    }

    long current() {
        return current;
    }

    double mean(long endMicros) {
        return endMicros <= 0 ? 0 : (double) area / endMicros;
    }

    double variance(long endMicros) {
        if (!squares) {
            throw new IllegalStateException("a mean-only average keeps no variance");
        }
        double m = mean(endMicros);
        return endMicros <= 0 ? 0 : Math.max(0, squareArea / endMicros - m * m);
    }
}
