package dev.enisim.scenario;

import dev.enisim.workload.DistributionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A field of the scenario file read by a table, with no code of its own in the loader: its name in its block, its
 * {@link Kind} (type, bounds, unit), its default as the file writes it, where that default comes from, and the
 * builder setter the value goes to. The loader reads every row of a block's table ({@code Scenario.SETTINGS},
 * {@code Scenario.Hyperplane.SETTINGS}, {@code Scenario.Function.SETTINGS}), the builders start from the rows'
 * defaults, {@link Defaults#TABLE} lists them, and {@code DefaultsTest} holds them against the docs. A new field of
 * a kind the table knows is a record component, its builder setter and a row, all in {@link Scenario}.
 *
 * @param name   the field's key in its block
 * @param kind   what it holds and its bounds
 * @param dflt   its default as the file writes it and scenarios/README.md shows it ({@code 5m}, {@code false})
 * @param value  the default as a value: the text read as the file's would be (so writing it into a file changes
 *               nothing)
 * @param source where the default comes from
 * @param set    the builder's setter
 * @param <B>    the builder the value goes to
 * @param <T>    the value's type
 */
record Setting<B, T>(String name, Kind<T> kind, String dflt, T value, Defaults.Source source,
        BiConsumer<B, T> set) {

    /** A row: its default's value is its text read by its kind. */
    static <B, T> Setting<B, T> of(String name, Kind<T> kind, String dflt, Defaults.Source source,
            BiConsumer<B, T> set) {
        return new Setting<>(name, kind, dflt, kind.parse().apply(dflt), source, set);
    }

    /** Gives the builder the default. */
    void reset(B builder) {
        set.accept(builder, value);
    }

    /** Reads the field into the builder: its default when absent, a problem and the default when bad. */
    void read(Fields block, Limits limits, B builder) {
        set.accept(builder, kind.read(block, name, value, limits));
    }

    /** The row of {@link Defaults#TABLE} for this field, in block {@code prefix} ({@code hyperplane.}). */
    Defaults.Entry entry(String prefix) {
        return new Defaults.Entry(prefix + name, dflt, kind.unit(), source);
    }

    /** The names of a table's fields, after {@code others} (for the block's list of allowed keys). */
    static String[] names(List<? extends Setting<?, ?>> table, String... others) {
        List<String> all = new ArrayList<>(List.of(others));
        table.forEach(s -> all.add(s.name()));
        return all.toArray(new String[0]);
    }

    /** Reads every row of a table into the builder. */
    static <B> void readAll(List<Setting<B, ?>> table, Fields block, Limits limits, B builder) {
        for (Setting<B, ?> s : table) {
            s.read(block, limits, builder);
        }
    }

    /** Gives the builder every row's default. */
    static <B> void resetAll(List<Setting<B, ?>> table, B builder) {
        for (Setting<B, ?> s : table) {
            s.reset(builder);
        }
    }

    /** What a bound may depend on: the scenario's account and {@code hyperplane} block (read before the functions). */
    record Limits(Scenario.Account account, Scenario.Hyperplane hyperplane) {
        static final Limits DEFAULT = new Limits(Scenario.Account.DEFAULT, null);
    }

    /**
     * What a field holds: its unit in {@link Defaults#TABLE}, how its default's text reads, and how the file's value
     * is read and checked.
     */
    record Kind<T>(Defaults.Unit unit, Function<String, T> parse, Reader<T> reader) {
        T read(Fields block, String name, T dflt, Limits limits) {
            return reader.read(block, name, dflt, limits);
        }
    }

    /** Reads a field of a block: its default when absent, a problem and the default when bad. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Fields block, String name, T dflt, Limits limits);
    }

    /** A whole number from {@code min} to {@code max} (the largest may depend on the account or the hyperplane). */
    static Kind<Integer> count(int min, ToIntFunction<Limits> max) {
        return new Kind<>(Defaults.Unit.COUNT, Integer::valueOf,
                (block, name, dflt, limits) -> (int) block.integer(name, dflt, min, max.applyAsInt(limits)));
    }

    static Kind<Integer> count(int min, int max) {
        return count(min, limits -> max);
    }

    /** A whole number of the long range from {@code min} to {@code max} (a seed). */
    static Kind<Long> whole(long min, long max) {
        return new Kind<>(Defaults.Unit.COUNT, Long::valueOf,
                (block, name, dflt, limits) -> block.integer(name, dflt, min, max));
    }

    /** Any duration ({@code 5m}), in microseconds. */
    static Kind<Long> duration() {
        return duration(null, null, null);
    }

    /**
     * A duration from {@code min} to {@code max} as the file writes them ({@code 1s}, {@code 900s}; null: no such
     * bound), in microseconds; {@code why} (may be null) says whose limits they are.
     */
    static Kind<Long> duration(String min, String max, String why) {
        long lo = min == null ? 0 : Units.durationMicros(min);
        long hi = max == null ? Long.MAX_VALUE : Units.durationMicros(max);
        String expected = "expected " + (min == null ? "at most " + max : max == null ? "at least " + min
                : min + " to " + max) + (why == null ? "" : " (" + why + ")") + ", got ";
        return new Kind<>(Defaults.Unit.DURATION, Units::durationMicros, (block, name, dflt, limits) -> {
            long v = block.duration(name, dflt);
            if (v < lo || v > hi) {
                block.problem(name, expected + Units.given(v));
                return dflt;
            }
            return v;
        });
    }

    /** A rate ({@code 5/s}), per second. */
    static Kind<Double> rate() {
        return new Kind<>(Defaults.Unit.RATE, Units::ratePerSecond, (block, name, dflt, limits) -> {
            double v = block.has(name) ? block.rate(name) : dflt;
            return Double.isNaN(v) ? dflt : v;
        });
    }

    /** true or false. */
    static Kind<Boolean> flag() {
        return new Kind<>(Defaults.Unit.FLAG, Boolean::valueOf,
                (block, name, dflt, limits) -> block.flag(name, dflt));
    }

    /** Free text ({@code ""} in the table for the empty text). */
    static Kind<String> text() {
        return text(List.of(), null);
    }

    /** One of {@code choices} (empty: free text); {@code what} names the list in the message ("Lambda's ..."). */
    static Kind<String> text(List<String> choices, String what) {
        return new Kind<>(Defaults.Unit.TEXT, t -> t.equals("\"\"") ? "" : t, (block, name, dflt, limits) -> {
            String v = block.text(name, dflt);
            if (!choices.isEmpty() && !choices.contains(v)) {
                block.problem(name, "expected one of " + choices + " (" + what + "), got " + Problem.quote(v));
                return dflt;
            }
            return v;
        });
    }

    /** A distribution of durations ({@code {dist: lognormal, median: 75s, p99: 5m}}, or one duration). */
    static Kind<DistributionSpec> distribution() {
        return new Kind<>(Defaults.Unit.DISTRIBUTION, Setting::distribution, (block, name, dflt, limits) -> {
            DistributionSpec d = Distributions.read(block, name, dflt);
            return d == null ? dflt : d;
        });
    }

    /** A distribution as the file writes it, read as the loader reads one. */
    private static DistributionSpec distribution(String text) {
        List<Problem> problems = new ArrayList<>();
        DistributionSpec d;
        try {
            d = Distributions.read(new Fields(YamlTree.read("v: " + text), "", problems), "v", null);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
        if (d == null || !problems.isEmpty()) {
            throw new IllegalArgumentException("not a distribution: " + text + " " + problems);
        }
        return d;
    }
}
