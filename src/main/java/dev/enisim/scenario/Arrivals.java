package dev.enisim.scenario;

import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.enisim.workload.ArrivalSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a function's {@code arrivals}: one process (an object) or several that add up (a list), each one of
 * {@code poisson: RATE}, {@code constant: RATE}, {@code diurnal: {...}}, {@code bursts: {...}},
 * {@code trace: {...}} or {@code none: true}, with optional {@code from} / {@code until}. Trace files are read
 * here, relative to the scenario file, and their problems reported with line numbers.
 */
final class Arrivals {

    private static final String[] KINDS = {"poisson", "constant", "diurnal", "bursts", "trace", "none"};

    private Arrivals() {
    }

    static ArrivalSpec read(Fields fn, Path baseDir) {
        if (!fn.has("arrivals")) {
            fn.problem("arrivals", "is required, e.g. {poisson: 50/s}");
            return null;
        }
        if (fn.json().get("arrivals").isArray()) {
            List<ArrivalSpec> parts = new ArrayList<>();
            List<Fields> list = fn.list("arrivals");
            if (list.isEmpty()) {
                fn.problem("arrivals", "an empty list: give at least one process, or {none: true}");
                return null;
            }
            for (Fields f : list) {
                ArrivalSpec a = one(f, baseDir);
                if (a == null) {
                    return null;
                }
                parts.add(a);
            }
            return parts.size() == 1 ? parts.get(0) : new ArrivalSpec.Superposition(parts);
        }
        Fields f = fn.object("arrivals");
        return f == null ? null : one(f, baseDir);
    }

    private static ArrivalSpec one(Fields f, Path baseDir) {
        if (f.json() == null || !f.json().isObject()) {
            f.problem("expected a process such as {poisson: 50/s}");
            return null;
        }
        f.allowOnly("poisson", "constant", "diurnal", "bursts", "trace", "none", "from", "until");
        int kinds = 0;
        String kind = null;
        for (String k : KINDS) {
            if (f.has(k)) {
                kinds++;
                kind = k;
            }
        }
        if (kinds != 1) {
            f.problem("expected exactly one of poisson: RATE, constant: RATE, diurnal: {...}, bursts: {...}, "
                    + "trace: {...} or none: true");
            return null;
        }
        long from = f.duration("from", 0);
        long until = f.duration("until", Long.MAX_VALUE);
        if (until <= from) {
            f.problem("until", "must be after from");
            return null;
        }
        return switch (kind) {
            case "none" -> {
                // "none: false" would otherwise silently mean no traffic
                if (!f.json().get("none").equals(BooleanNode.TRUE)) {
                    f.problem("none", "expected true (none: true means no traffic), got "
                            + Fields.describe(f.json().get("none")));
                    yield null;
                }
                yield new ArrivalSpec.None();
            }
            case "poisson", "constant" -> {
                double rate = f.rate(kind);
                if (Double.isNaN(rate)) {
                    yield null;
                }
                yield kind.equals("poisson") ? new ArrivalSpec.Poisson(rate, from, until)
                        : new ArrivalSpec.Constant(rate, from, until);
            }
            case "diurnal" -> diurnal(f.object("diurnal"), from, until);
            case "bursts" -> bursts(f.object("bursts"), from, until);
            default -> trace(f.object("trace"), baseDir, from, until);
        };
    }

    /** {@code {peak: RATE, trough: RATE, peakAt: DURATION (default 14h), period: DURATION (default 1d)}}. */
    private static ArrivalSpec diurnal(Fields d, long from, long until) {
        if (d == null) {
            return null;
        }
        d.allowOnly("peak", "trough", "peakAt", "period");
        if (!d.has("peak") || !d.has("trough")) {
            d.problem("expected peak: RATE and trough: RATE");
            return null;
        }
        double peak = d.rate("peak");
        double trough = d.rate("trough");
        long peakAt = d.duration("peakAt", 14 * 3_600_000_000L);
        long period = d.duration("period", 86_400_000_000L);
        if (Double.isNaN(peak) || Double.isNaN(trough)) {
            return null;
        }
        if (trough > peak) {
            d.problem("trough", "must not exceed peak");
            return null;
        }
        if (period <= 0) {
            d.problem("period", "must be > 0");
            return null;
        }
        return new ArrivalSpec.Diurnal(peak, trough, peakAt, period, from, until);
    }

    /** {@code {base: RATE, rate: RATE, duration: DURATION, at: [DURATION, ...]}}. */
    private static ArrivalSpec bursts(Fields b, long from, long until) {
        if (b == null) {
            return null;
        }
        b.allowOnly("base", "rate", "duration", "at");
        double base = b.has("base") ? b.rate("base") : 0;
        if (!b.has("rate")) {
            b.problem("rate", "is required: the rate during each burst");
            return null;
        }
        double rate = b.rate("rate");
        Long duration = b.requireDuration("duration");
        List<Fields> at = b.list("at");
        if (at.isEmpty()) {
            b.problem("at", "is required: a list of burst start times");
            return null;
        }
        long[] starts = new long[at.size()];
        for (int i = 0; i < starts.length; i++) {
            Fields t = at.get(i);
            try {
                starts[i] = Units.durationMicros(t.json().asText());
            } catch (IllegalArgumentException e) {
                t.problem(e.getMessage());
                return null;
            }
        }
        Arrays.sort(starts);
        if (Double.isNaN(base) || Double.isNaN(rate) || duration == null) {
            return null;
        }
        for (int i = 1; i < starts.length; i++) {
            if (starts[i] < starts[i - 1] + duration) {
                b.problem("at", "bursts overlap: each lasts " + duration / 1e6 + " s");
                return null;
            }
        }
        return new ArrivalSpec.Bursts(base, rate, duration, starts, from, until);
    }

    /**
     * {@code {file: PATH, format: timestamps | counts, interval: DURATION}}: a CSV of arrival times in seconds, one
     * per line, or of {@code seconds,count} rows giving the count for [seconds, seconds + interval), spread evenly.
     * A first line that is not a number is a header. Lines must be in time order.
     */
    private static ArrivalSpec trace(Fields t, Path baseDir, long from, long until) {
        if (t == null) {
            return null;
        }
        t.allowOnly("file", "format", "interval");
        String file = t.requireText("file");
        String format = t.text("format", "timestamps");
        if (!format.equals("timestamps") && !format.equals("counts")) {
            t.problem("format", "expected 'timestamps' or 'counts', got '" + format + "'");
            return null;
        }
        long interval = t.duration("interval", 60_000_000L);
        if (file == null) {
            return null;
        }
        Path path = baseDir.resolve(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (NoSuchFileException e) {
            t.problem("file", "trace file not found: " + path);
            return null;
        } catch (IOException e) {
            t.problem("file", "cannot read " + path + ": " + e.getMessage());
            return null;
        }
        TraceReader r = new TraceReader(path, t);
        long[] times = format.equals("timestamps") ? r.timestamps(lines) : r.counts(lines, interval);
        return times == null ? null : new ArrivalSpec.Trace(times, 1.0, path.toString(), from, until);
    }
}
