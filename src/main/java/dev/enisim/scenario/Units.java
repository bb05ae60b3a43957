package dev.enisim.scenario;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations and rates as scenarios write them: always with a unit. Pure functions; a bad value throws
 * {@link IllegalArgumentException} whose message says what was expected.
 */
public final class Units {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|m|h|d)");
    /** A compound duration such as {@code 1h30m} or {@code 2d 6h}: parts from the largest unit down. */
    private static final Pattern COMPOUND = Pattern.compile("(?:\\d+(?:\\.\\d+)?\\s*(?:us|ms|s|m|h|d)\\s*)+");
    private static final Pattern EXPONENT_RATE = Pattern.compile("[+]?(\\d+(?:\\.\\d*)?|\\.\\d+)[eE][-+]?\\d+\\s*/\\s*(s|m|h|d)");
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(s|m|h|d)");
    static final String DURATION_HINT = "expected a duration with a unit (us, ms, s, m, h, d), like 90s or 250ms";
    /** The largest arrival rate of one process: 1,000,000 invocations per second. */
    public static final double MAX_RATE_PER_SECOND = 1e6;
    static final String RATE_HINT = "expected a positive rate with a unit, like 50/s or 3000/m";

    private Units() {
    }

    /**
     * {@code 250ms}, {@code 90s}, {@code 1.5h}, {@code 14d}, {@code 1h30m} -> microseconds (rounded to the
     * nearest).
     */
    public static long durationMicros(String text) {
        String t = text == null ? "" : text.trim();
        if (!COMPOUND.matcher(t).matches()) {
            if (t.startsWith("-")) {
                throw new IllegalArgumentException("a duration cannot be negative: " + Problem.quote(text));
            }
            throw new IllegalArgumentException(DURATION_HINT + ", got " + Problem.quote(text));
        }
        BigDecimal micros = BigDecimal.ZERO;
        long previousUnit = Long.MAX_VALUE;
        Matcher m = DURATION.matcher(t);
        while (m.find()) {
            long unit = unitMicros(m.group(2));
            // "1m1h" or "5m5m" is almost surely a typo, not 61 or 10 minutes
            if (unit >= previousUnit) {
                throw new IllegalArgumentException("expected the parts of a duration from the largest unit down, "
                        + "each unit once, like 1h30m, got " + Problem.quote(text));
            }
            previousUnit = unit;
            micros = micros.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
        }
        BigDecimal rounded = micros.setScale(0, java.math.RoundingMode.HALF_UP);
        if (rounded.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) > 0) {
            throw new IllegalArgumentException("duration too long: " + Problem.quote(text));
        }
        return rounded.longValueExact();
    }

    /** {@code 50/s}, {@code 3000/m}, {@code 10/h}, {@code 2/d} -> per second; must be positive. */
    public static double ratePerSecond(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = RATE.matcher(t);
        if (!m.matches()) {
            if (t.startsWith("-")) {
                throw new IllegalArgumentException("a rate must be positive: " + Problem.quote(text));
            }
            if (EXPONENT_RATE.matcher(t).matches()) {
                // "1e-300/s" is positive: saying "expected a positive rate" left the writer guessing
                throw new IllegalArgumentException("a rate is a decimal without an exponent, above 0 and at most "
                        + (long) MAX_RATE_PER_SECOND + "/s, with a unit, like 50/s, 3000/m or 0.001/d, got "
                        + Problem.quote(text));
            }
            throw new IllegalArgumentException(RATE_HINT + ", got " + Problem.quote(text));
        }
        double v = Double.parseDouble(m.group(1));
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException(RATE_HINT + ", got a number too large: " + Problem.quote(text));
        }
        if (v <= 0) {
            throw new IllegalArgumentException("a rate must be positive: " + Problem.quote(text));
        }
        double perSecond = v * 1e6 / unitMicros(m.group(2));
        if (perSecond > MAX_RATE_PER_SECOND) {
            throw new IllegalArgumentException("a rate above " + (long) MAX_RATE_PER_SECOND + "/s is not physically "
                    + "meaningful for one function (Lambda scales by 1,000 environments per 10 s, each serving one "
                    + "request at a time), got " + Problem.quote(text));
        }
        return perSecond;
    }

    /**
     * A value a scenario gave, for an error: whole seconds as {@link #spoken} writes them ({@code 901s}, {@code 2h}),
     * a fraction of a second in seconds with no trailing zeros ({@code 900.001s}, {@code 61.5s}), so that it reads
     * beside limits written in seconds (it printed {@code 901.0s}).
     */
    public static String given(long micros) {
        if (micros % 1_000_000 == 0) {
            return spoken(micros);
        }
        return java.math.BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString() + "s";
    }

    /** A duration as a scenario writes it, in the largest unit that divides it: {@code 2us}, {@code 90s}, {@code 10d}. */
    static String spoken(long micros) {
        long[] units = {86_400_000_000L, 3_600_000_000L, 60_000_000L, 1_000_000L, 1_000L};
        String[] names = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (micros >= units[i] && micros % units[i] == 0) {
                return micros / units[i] + names[i];
            }
        }
        return micros + "us";
    }

    private static long unitMicros(String unit) {
        return switch (unit) {
            case "us" -> 1L;
            case "ms" -> 1_000L;
            case "s" -> 1_000_000L;
            case "m" -> 60_000_000L;
            case "h" -> 3_600_000_000L;
            case "d" -> 86_400_000_000L;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
