package dev.enisim.experiment;

import dev.enisim.scenario.Units;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parameter varied over a continuous range, {@code PATH=LOW..HIGH}: durations ({@code 30s..6m}), rates
 * ({@code 10/s..100/s}), integers ({@code 50..400}) or real numbers ({@code 0.5..4}). A point of a design is a
 * number {@code u} in [0, 1], mapped linearly onto the range and written back in the range's own kind, so the
 * value goes through the same path as {@code --set} and the CSV shows what was run.
 */
public record Factor(String path, double low, double high, Kind kind) implements Serializable {

    /** How a value is read and written. */
    public enum Kind { DURATION, RATE, INTEGER, REAL }

    private static final Pattern RANGE = Pattern.compile("(.+?)\\.\\.(.+)");
    /** {@code --vary}'s factor on every arrival rate ({@code dev.enisim.scenario.Overrides#TRAFFIC}). */
    private static final String TRAFFIC = "traffic";
    private static final Pattern INT = Pattern.compile("-?\\d+");
    private static final Pattern REAL_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    public Factor {
        if (!(low < high)) {
            throw new IllegalArgumentException("'" + path + "': the range needs LOW < HIGH");
        }
    }

    /** Is {@code values} a continuous range {@code LOW..HIGH} (no {@code :STEP})? */
    public static boolean isRange(String values) {
        return RANGE.matcher(values.trim()).matches() && !values.contains(":") && !values.contains(",");
    }

    /** Parses {@code PATH=LOW..HIGH}. */
    public static Factor parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected PATH=LOW..HIGH, got '" + spec + "'");
        }
        String path = spec.substring(0, eq).trim();
        String values = spec.substring(eq + 1).trim();
        Matcher m = RANGE.matcher(values);
        if (!m.matches() || values.contains(":") || values.contains(",")) {
            throw new IllegalArgumentException("'" + spec + "': expected a range LOW..HIGH like 30s..6m, 10/s..100/s"
                    + " or 0.5..4");
        }
        String lo = m.group(1).trim();
        String hi = m.group(2).trim();
        // traffic is a factor on the rates, any number above 0: 1..2 is the real range (a planner's review: it ran
        // 1 or 2 only, five points of a Latin hypercube being three runs of one and two of the other)
        if (INT.matcher(lo).matches() && INT.matcher(hi).matches() && !path.equals(TRAFFIC)) {
            return new Factor(path, Long.parseLong(lo), Long.parseLong(hi), Kind.INTEGER);
        }
        if (REAL_NUMBER.matcher(lo).matches() && REAL_NUMBER.matcher(hi).matches()) {
            return new Factor(path, Double.parseDouble(lo), Double.parseDouble(hi), Kind.REAL);
        }
        try {
            if (lo.contains("/") && hi.contains("/")) {
                return new Factor(path, Units.ratePerSecond(lo), Units.ratePerSecond(hi), Kind.RATE);
            }
            return new Factor(path, Units.durationMicros(lo) / 1e6, Units.durationMicros(hi) / 1e6, Kind.DURATION);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + spec + "': both ends must be numbers, durations (30s, 6m) or"
                    + " rates (10/s): " + e.getMessage());
        }
    }

    /**
     * The value at {@code u} in [0, 1] of the range, as the scenario file would spell it. An integer range's
     * {@code high - low + 1} whole numbers each take an equal share of [0, 1] (the last one 1 itself too): rounded
     * instead, {@code 1..3} gave its ends half the share of its middle, and a Latin hypercube of 10 points over it ran
     * 2 five times and 1 and 3 only twice or three times (a methodologist's review).
     */
    public String value(double u) {
        double v = low + u * (high - low);
        return switch (kind) {
            case DURATION -> plain(v, decimals()) + "s";
            case RATE -> plain(v, rateDecimals(v)) + "/s";
            case INTEGER -> Long.toString(level(u));
            case REAL -> new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        };
    }

    /** An integer range's whole number at {@code u}: one of {@code high - low + 1} equal shares of [0, 1]. */
    private long level(double u) {
        long levels = (long) high - (long) low + 1;
        return (long) low + Math.max(0, Math.min(levels - 1, (long) Math.floor(u * levels)));
    }

    /**
     * Where the value run at {@code u} lies in the range, from 0 (low) to 1 (high): {@code u} itself, but for an
     * integer range, whose whole number at {@code u} ({@link #value}) may lie elsewhere (at u = 1/3 of 1..3, 2: the
     * middle). An effect per unit of the range ({@link Morris}) is measured by this, the change that was run.
     */
    public double position(double u) {
        return kind == Kind.INTEGER ? (level(u) - low) / (high - low) : u;
    }

    /**
     * A warning when this is an integer range with fewer whole numbers than the design's {@code points}: some points
     * run the same value (write the ends with a decimal for a real range); empty otherwise.
     */
    public java.util.Optional<String> repeats(int points) {
        long levels = (long) high - (long) low + 1;
        if (kind != Kind.INTEGER || levels >= points) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(path + "=" + range() + " is an integer range: " + levels + " values for " + points
                + " points, so points run the same value (write " + (long) low + ".0.." + (long) high + ".0 for a"
                + " range of real numbers)");
    }

    /** The range as the user would write it, durations in seconds (sensitivity.csv and .json: {@code 180s..1200s}). */
    public String range() {
        return value(0) + ".." + value(1);
    }

    /**
     * The range as the terminal and the page say it: a duration's ends in the units a reader thinks of
     * ({@code 3m..20m}, not {@code 180s..1200s}: {@link Sensitivity#duration}), others as {@link #range}.
     */
    public String readableRange() {
        return kind == Kind.DURATION ? Sensitivity.duration(low) + ".." + Sensitivity.duration(high) : range();
    }

    /**
     * Four decimals, or as many as four significant figures of a rate under 0.1/s need: an EC2 request limit's refill
     * of 1/m halved, 0.008333/s, was 0.0083/s, and 1/d halved 0/s, which no scenario takes.
     */
    private static int rateDecimals(double v) {
        return v > 0 && v < 0.1 ? (int) Math.min(12, 3 - Math.floor(Math.log10(v))) : 4;
    }

    /** Milliseconds, or finer down to microseconds when the range is narrower than a second. */
    private int decimals() {
        return (int) Math.max(3, Math.min(6, 3 - Math.floor(Math.log10(high - low))));
    }

    private static String plain(double v, int decimals) {
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
