package dev.enisim.cli;

import dev.enisim.model.SpanParts;

/** Small text formats for the terminal. */
final class Format {

    private Format() {
    }

    /**
     * Simulated microseconds as {@code 2h}, {@code 90s}, {@code 14d 3h}... (whole seconds split and told by
     * {@link SpanParts}); under a second in milliseconds ({@code 250.0ms}), with a fraction in seconds
     * ({@code 90.250s}).
     */
    static String duration(long micros) {
        long s = micros / 1_000_000;
        if (s == 0) {
            return (micros / 1000.0) + "ms";
        }
        if (micros % 1_000_000 != 0) {
            return String.format(java.util.Locale.ROOT, "%.3fs", micros / 1e6);
        }
        return SpanParts.of(micros).text();
    }

    /** {@code hh:mm:ss} of simulated time (days folded into hours). */
    static String clock(long micros) {
        long s = micros / 1_000_000;
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }
}
