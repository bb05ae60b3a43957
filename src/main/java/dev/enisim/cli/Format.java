package dev.enisim.cli;

/** Small text formats for the terminal. */
final class Format {

    private Format() {
    }

    /** Simulated microseconds as {@code 2h}, {@code 90s}, {@code 14d 3h}... */
    static String duration(long micros) {
        long s = micros / 1_000_000;
        if (s == 0) {
            return (micros / 1000.0) + "ms";
        }
        if (micros % 1_000_000 != 0) {
            return String.format(java.util.Locale.ROOT, "%.3fs", micros / 1e6);
        }
        long d = s / 86_400;
        long h = (s % 86_400) / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        StringBuilder b = new StringBuilder();
        if (d > 0) {
            b.append(d).append("d ");
        }
        if (h > 0) {
            b.append(h).append("h ");
        }
        if (m > 0) {
            b.append(m).append("m ");
        }
        if (sec > 0) {
            b.append(sec).append("s ");
        }
        return b.toString().trim();
    }

    /** {@code hh:mm:ss} of simulated time (days folded into hours). */
    static String clock(long micros) {
        long s = micros / 1_000_000;
        return String.format("%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }
}
