package dev.enisim.metrics;

/**
 * The one conversion between simulated time (integer microseconds, the clock's unit) and the seconds outputs
 * show: summaries, reports and charts call this instead of dividing by a million where they stand.
 */
public final class Seconds {

    /** Microseconds in a second. */
    public static final long MICROS = 1_000_000L;

    private Seconds() {
    }

    /** {@code micros} in seconds. */
    public static double of(long micros) {
        return micros / 1e6;
    }

    /** A quantity per microsecond (an integral over time) per second. */
    public static double of(double micros) {
        return micros / 1e6;
    }

    /** {@code seconds} rounded to whole microseconds. */
    public static long toMicros(double seconds) {
        return Math.round(seconds * 1e6);
    }
}
