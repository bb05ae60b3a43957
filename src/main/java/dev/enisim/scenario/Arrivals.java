package dev.enisim.scenario;

import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.enisim.workload.ArrivalSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a function's {@code arrivals}: one process (an object) or several that add up (a list), each one of
 * {@code poisson: RATE}, {@code constant: RATE}, {@code diurnal: {...}}, {@code bursts: {...}},
 * {@code schedule: {...}}, {@code trace: {...}} or {@code none: true}, with optional {@code from} / {@code until}.
 * Trace files are read here, relative to the scenario file, and their problems reported with line numbers.
 */
final class Arrivals {

    private static final String[] KINDS = {"poisson", "constant", "diurnal", "bursts", "schedule", "trace", "none"};
    private static final String KINDS_HINT = "expected exactly one of poisson: RATE, constant: RATE, diurnal: {...}, "
            + "bursts: {...}, schedule: {...}, trace: {...} or none: true";
    /** A zero rate, where one is allowed (a diurnal trough, a burst's base). */
    private static final Pattern ZERO = Pattern.compile("0+(\\.0*)?\\s*/\\s*[smhd]");

    private Arrivals() {
    }

    /**
     * The most phase changes a repeating schedule may make within the run: each costs the simulation a step (and
     * the expected count one term), so phases of microseconds repeated over days never finished. The default event
     * budget (--max-events 1e9), as a run of that many steps takes minutes.
     */
    static final long MAX_PHASE_CHANGES = 1_000_000_000L;

    /** {@code horizon}: the run's end (its duration; Long.MAX_VALUE when not known). */
    static ArrivalSpec read(Fields fn, Path baseDir, long horizon) {
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
            boolean ok = true;
            for (Fields f : list) {
                // every part is read, so that all their problems are reported at once
                ArrivalSpec a = one(f, baseDir, horizon);
                ok &= a != null;
                parts.add(a);
            }
            if (!ok) {
                return null;
            }
            return parts.size() == 1 ? parts.get(0) : new ArrivalSpec.Superposition(parts);
        }
        Fields f = fn.object("arrivals");
        return f == null ? null : one(f, baseDir, horizon);
    }

    private static ArrivalSpec one(Fields f, Path baseDir, long horizon) {
        if (f.json() == null || !f.json().isObject()) {
            f.problem("expected a process such as {poisson: 50/s}");
            return null;
        }
        f.allowOnly("poisson", "constant", "diurnal", "bursts", "schedule", "trace", "none", "from", "until");
        int kinds = 0;
        String kind = null;
        for (String k : KINDS) {
            if (f.has(k)) {
                kinds++;
                kind = k;
            }
        }
        if (kinds != 1) {
            f.problem(KINDS_HINT);
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
            case "schedule" -> schedule(f.object("schedule"), from, until, horizon);
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
        double trough = rateOrZero(d, "trough");
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
        double base = b.has("base") ? rateOrZero(b, "base") : 0;
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
        if (duration <= 0) {
            b.problem("duration", "must be longer than 0s");
            return null;
        }
        for (int i = 1; i < starts.length; i++) {
            if (starts[i] < starts[i - 1] + duration) {
                b.problem("at", "bursts overlap: the one at " + starts[i] / 1e6 + " s starts before the one at "
                        + starts[i - 1] / 1e6 + " s ends (each lasts " + duration / 1e6 + " s)");
                return null;
            }
        }
        return new ArrivalSpec.Bursts(base, rate, duration, starts, from, until);
    }

    /**
     * {@code {phases: [{rate: RATE, for: DURATION} | {quiet: DURATION}, ...], repeat: false}}: Poisson at each
     * phase's rate, one phase after the other from {@code from}; with {@code repeat: true} the phases start over
     * after the last one.
     */
    private static ArrivalSpec schedule(Fields s, long from, long until, long horizon) {
        if (s == null) {
            return null;
        }
        s.allowOnly("phases", "repeat");
        List<Fields> list = s.list("phases");
        if (list.isEmpty()) {
            s.problem("phases", "is required: a list of {rate: RATE, for: DURATION} or {quiet: DURATION}");
            return null;
        }
        boolean repeat = false;
        if (s.has("repeat")) {
            if (!s.json().get("repeat").isBoolean()) {
                s.problem("repeat", "expected true or false, got " + Fields.describe(s.json().get("repeat")));
                return null;
            }
            repeat = s.json().get("repeat").asBoolean();
        }
        long[] lengths = new long[list.size()];
        double[] rates = new double[list.size()];
        boolean ok = true;
        boolean traffic = false;
        for (int i = 0; i < lengths.length; i++) {
            Fields p = list.get(i);
            if (p.json() == null || !p.json().isObject()) {
                p.problem("expected {rate: RATE, for: DURATION} or {quiet: DURATION}, got "
                        + Fields.describe(p.json()));
                ok = false;
                continue;
            }
            p.allowOnly("rate", "for", "quiet");
            boolean quiet = p.has("quiet");
            if (quiet == (p.has("rate") || p.has("for"))) {
                p.problem("expected either {rate: RATE, for: DURATION} or {quiet: DURATION}");
                ok = false;
                continue;
            }
            Long length = p.requireDuration(quiet ? "quiet" : "for");
            double rate = quiet ? 0 : p.has("rate") ? p.rate("rate") : Double.NaN;
            if (!quiet && !p.has("rate")) {
                p.problem("rate", "is required (or write {quiet: DURATION} for a phase without traffic)");
            }
            if (length != null && length <= 0) {
                p.problem(quiet ? "quiet" : "for", "must be longer than 0s");
                length = null;
            }
            if (length == null || Double.isNaN(rate)) {
                ok = false;
                continue;
            }
            lengths[i] = length;
            rates[i] = rate;
            traffic |= rate > 0;
        }
        if (!ok) {
            return null;
        }
        if (!traffic) {
            s.problem("phases", "every phase is quiet: give at least one a rate, or write none: true");
            return null;
        }
        long sum = 0;
        for (long length : lengths) {
            sum += length; // each at most Long.MAX_VALUE / 4: the sum of a few cannot wrap before the check
            if (sum > Long.MAX_VALUE / 4) {
                // a cycle that long wrapped around the long range (a negative cycle)
                s.problem("phases", "the phases add up to more than a duration can be (about 73,000 years)");
                return null;
            }
        }
        ArrivalSpec.Schedule schedule = new ArrivalSpec.Schedule(lengths, rates, repeat, from, until);
        long span = Math.min(until, horizon) - from;
        if (repeat && span > 0 && horizon != Long.MAX_VALUE) {
            long cycle = schedule.cycleMicros();
            double changes = Math.ceil((double) span / cycle) * lengths.length;
            if (changes > MAX_PHASE_CHANGES) {
                s.problem("phases", String.format(java.util.Locale.ROOT, "the phases repeat every %s: over the run's"
                        + " %s that is %.3g phase changes, above the limit of %,d (each costs the simulation a step):"
                        + " write longer phases, or a shorter until", Units.spoken(cycle), Units.spoken(span),
                        changes, MAX_PHASE_CHANGES));
                return null;
            }
        }
        return schedule;
    }

    /**
     * {@code {file: PATH, format: timestamps | counts, interval: DURATION}}: see {@link TraceReader} for the
     * formats; the file is read now, relative to the scenario's folder, and only in or below it or a folder the
     * command line allows ({@link ReadScope}).
     */
    private static ArrivalSpec trace(Fields t, Path baseDir, long from, long until) {
        if (t == null) {
            return null;
        }
        t.allowOnly("file", "format", "interval");
        String file = t.requireText("file");
        String format = t.text("format", "timestamps");
        boolean counts = format.equals("counts");
        if (!counts && !format.equals("timestamps")) {
            t.problem("format", "expected 'timestamps' or 'counts', got " + Problem.quote(format));
            return null;
        }
        if (!counts && t.has("interval")) {
            t.problem("interval", "applies to format: counts only (timestamps are instants)");
            return null;
        }
        long interval = t.duration("interval", 60_000_000L);
        if (interval <= 0) {
            t.problem("interval", "must be longer than 0s");
            return null;
        }
        if (file == null) {
            return null;
        }
        java.nio.file.Path path;
        try {
            path = baseDir.resolve(file);
        } catch (java.nio.file.InvalidPathException e) { // e.g. a NUL character: not a path on any system
            t.problem("file", "not a valid path: " + e.getReason());
            return null;
        }
        String shipped = TraceFiles.shipped(file);
        if (shipped != null) { // read by the driver, which judged where it may read: no copy here
            return TraceReader.read(shipped, path, file, t, counts, interval, from, until);
        }
        String refused = ReadScope.refusal(baseDir, path, file); // only in or below its folder, unless allowed
        if (refused != null) {
            t.problem("file", refused);
            return null;
        }
        return TraceReader.read(path, file, t, counts, interval, from, until);
    }

    /** A rate, or 0 written with a unit ({@code 0/s}), where no traffic is a meaningful value. */
    private static double rateOrZero(Fields f, String name) {
        if (f.json().get(name).isTextual() && ZERO.matcher(f.json().get(name).asText().strip()).matches()) {
            return 0;
        }
        return f.rate(name);
    }
}
