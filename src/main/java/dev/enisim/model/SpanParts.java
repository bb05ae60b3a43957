package dev.enisim.model;

/**
 * A span of simulated time split into whole days, hours, minutes and seconds and the microseconds left over, and
 * those parts told as the terminal tells them ("19d 23h 45m", "3m 0.25s"): the one place the split is made, for the
 * narrative's exact spans ({@code Lifecycle.exactSpan}) and the terminal's durations ({@code cli.Format.duration}).
 * Each caller keeps its own choice of when to say a span otherwise ("14 days", "250.0ms", "90.250s").
 *
 * <p>A record, with no state, so that the CLI may name it (LayeringTest: outside the model, only the model's
 * records, enums, interfaces and its entry are named). Each part is Java's truncating division and remainder of
 * {@code micros}, so a negative span has negative parts.
 *
 * @param days whole days
 * @param hours whole hours after the days (0 to 23)
 * @param minutes whole minutes after the hours (0 to 59)
 * @param seconds whole seconds after the minutes (0 to 59)
 * @param fractionMicros microseconds after the whole seconds (0 to 999,999)
 */
public record SpanParts(long days, long hours, long minutes, long seconds, long fractionMicros) {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    /** The parts of a span of {@code micros} microseconds. */
    public static SpanParts of(long micros) {
        long s = micros / MICROS_PER_SECOND;
        return new SpanParts(s / 86_400, s % 86_400 / 3_600, s % 3_600 / 60, s % 60, micros % MICROS_PER_SECOND);
    }

    /** How many of the days, hours, minutes and seconds are above zero (the fraction not counted). */
    public int unitsAboveZero() {
        return (days > 0 ? 1 : 0) + (hours > 0 ? 1 : 0) + (minutes > 0 ? 1 : 0) + (seconds > 0 ? 1 : 0);
    }

    /**
     * The parts above zero, each with its unit, largest first: "19d 23h 45m", "7d 2m 46s"; with a fraction, the
     * seconds to the microsecond without trailing zeros, even when they are 0 ("3m 0.25s", "0.5s"). A span with no
     * part above zero and no fraction (0) gives "".
     */
    public String text() {
        StringBuilder b = new StringBuilder();
        unit(b, days, "d");
        unit(b, hours, "h");
        unit(b, minutes, "m");
        if (fractionMicros != 0) {
            b.append(String.format(java.util.Locale.ROOT, "%d.%06d", seconds, fractionMicros).replaceAll("0+$", ""))
                    .append('s');
        } else {
            unit(b, seconds, "s");
        }
        return b.toString().trim();
    }

    private static void unit(StringBuilder b, long value, String name) {
        if (value > 0) {
            b.append(value).append(name).append(' ');
        }
    }
}
