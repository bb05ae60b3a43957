package dev.enisim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.experiment.Assumptions;
import dev.enisim.experiment.Factor;
import dev.enisim.experiment.PointSpec;
import dev.enisim.experiment.Sensitivity;
import dev.enisim.experiment.Sweep;
import dev.enisim.report.SensitivityReport;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Which assumptions does an answer hang on? Global sensitivity of summary metrics to the"
            + " scenario's assumed parameters.", "",
            "By default every assumption of the README's table that can matter in the scenario, over its plausible"
            + " range (README: Sensitivity analysis): the hyperplane.* and legacy.* ENI figures only when a function"
            + " is attached to a VPC, legacy.* only under networkModel: legacy, hyperplane.idleReclaimAfter only in a"
            + " run of 7 days or more, hyperplane.ec2RequestLimit (half to twice its burst and refill) only when the"
            + " scenario gives a bucket; the ones left out are listed with the reason. --vary gives your own ranges"
            + " instead. --set changes the scenario before the design, as run's (--set traffic=F multiplies every"
            + " point's rates); the page and the terminal say so. Morris screening (default, SAMPLES x (d + 1) runs) ranks them cheaply; Sobol (SAMPLES x"
            + " (d + 2) runs) gives first-order and total indices. mu* has a 95%% interval from 4 trajectories on,"
            + " Sobol's indices from 4 base rows (n/a below, with a warning). A metric whose range over the design"
            + " is under 1%% of its mean absolute value barely moves: no assumption is said to hang on it (--floor)."
            + " Writes sensitivity.csv"
            + " (the ranking), points.csv, sensitivity.json (what made the two CSV files: the enisim's version and"
            + " build, the scenario file and its SHA-256, the seed, --set, the ranges, the design, the replications"
            + " and the metrics), a tornado chart per metric and sensitivity.html, which says in words what"
            + " matters and what does not. Before any run, the design's events are estimated (the sum of its"
            + " points' estimates x replications) and a design above --max-events is refused unless --yes."
            + " Completed points are kept in .<out>.progress.jsonl beside the output folder: re-running the same"
            + " command resumes, with the same enisim (points of another version or build are refused, exit 2). A"
            + " finished analysis of another experiment in the output folder is kept, the analysis refused (exit 2),"
            + " unless --replace.",
            "Example:",
            "  enisim sensitivity scenarios/quickstart.yaml \\",
            "    --metric invocations.errors.SubnetIPAddressLimitReachedException",
            "Exit codes: 0 done, 1 a partial result (a --metric some point has no value for has no index; the"
            + " others' are written, sensitivity.json says \"partial\", the progress file is kept), 2 bad input,"
            + " a design estimated above --max-events, or an output"
            + " folder enisim did not write, 3 internal error (a bug in enisim)."})
final class SensitivityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "Scenario file.")
    Path file;

    @Option(names = "--metric", paramLabel = "PATH", required = true,
            description = "Summary metric to explain (repeatable), e.g. enis.peak or teardowns[0].waitSeconds.")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--vary", paramLabel = "PATH=LOW..HIGH",
            description = "A parameter and its range (repeatable; default: the scenario's assumptions).")
    List<String> vary = new ArrayList<>();

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "morris",
            description = "morris (screening, default) or sobol (variance-based indices).")
    String method;

    /** The most points (samples times points per sample) a design may have: millions ran out of memory. */
    static final long MAX_POINTS = 100_000;

    @Option(names = "--samples", paramLabel = "N", description = "Morris trajectories (default 10) or Sobol base"
            + " rows (default 64; a power of 2 is best).")
    Integer samples;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "1",
            description = "Replications per point (their mean is the point's value; every point uses the same seeds) (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--floor", paramLabel = "SHARE", defaultValue = "0.01",
            description = "The floor under 'hangs on it': a metric whose range over the design is under this share of"
                + " its mean absolute value barely moves, and no assumption is said to hang on it; 0 for none (a time"
                + " from the run's start, or a count next to its complement: one change, a smaller share of a larger"
                + " level) (default: ${DEFAULT-VALUE}, 1%%).")
    String floor;

    @Option(names = "--design-seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of the Morris trajectories and of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/<name>-sensitivity).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
    boolean quiet;

    @Mixin
    Budget budget;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    Overriding overriding = new Overriding();

    @Mixin
    WarmUpOption warmUp = new WarmUpOption();

    @Option(names = "--replace", description = "Replace a finished sensitivity analysis of another"
            + " experiment in the output folder (without it, one is kept and the analysis refused, exit 2; the same"
            + " experiment run again rewrites it), and start afresh a progress file enisim does not resume: another"
            + " user's, or one with a corrupt line.")
    boolean replace;

    /** The scenario of {@code tree}, or null when it is refused (said with the other problems). */
    private Scenario scenarioOrNull(JsonNode tree) {
        try {
            return ScenarioLoader.parseTree(tree, file.toString());
        } catch (ScenarioException e) {
            return null;
        }
    }

    @Override
    public Integer call() throws ScenarioException {
        // every problem of the options, the scenario, --vary, --metric and the output folder at once (exit 2): a
        // lone bad option was said on its own, and hid the others
        Set<String> problems = new LinkedHashSet<>();
        Sensitivity.Method m = null;
        if (!List.of("morris", "sobol").contains(method)) {
            problems.add("enisim: --method: expected morris or sobol, got " + Problem.quote(method));
        } else {
            m = Sensitivity.Method.valueOf(method.toUpperCase(Locale.ROOT));
        }
        if (replications < 1) {
            problems.add("enisim: --replications must be at least 1");
        }
        if (samples != null && samples < 2) { // said by the design too, which a broken scenario leaves unmade
            problems.add("enisim: --samples must be at least 2");
        }
        double floorShare = Sensitivity.FLOOR;
        try {
            floorShare = Sensitivity.parseFloor(floor);
        } catch (IllegalArgumentException e) {
            problems.add("enisim: " + e.getMessage());
        }
        engine.check(problems, spec.commandLine().getParseResult());
        if (budget.problem() != null) {
            problems.add("enisim: " + budget.problem());
        }
        JsonNode tree = null;
        double traffic = 1;
        String name = null;
        try {
            Overriding.Applied applied = overriding.apply(file); // --set: the scenario the design varies
            tree = applied.tree();
            traffic = applied.traffic();
            name = ScenarioLoader.parseTree(tree, file.toString()).name();
        } catch (ScenarioException e) {
            problems.add(Main.userMessage(e));
        }
        List<Factor> factors = new ArrayList<>();
        List<String> leftOut = List.of();
        boolean factorsWhole = true;
        if (vary.isEmpty()) {
            if (tree != null) {
                Assumptions.Prepared p = Assumptions.prepare(tree);
                tree = p.tree();
                factors.addAll(p.factors());
                leftOut = p.leftOutLines();
            }
        } else {
            for (String v : vary) {
                try {
                    factors.add(Factor.parse(v));
                } catch (IllegalArgumentException e) {
                    problems.add("enisim: --vary " + e.getMessage());
                    factorsWhole = false;
                }
            }
        }
        Sensitivity.Design design = null;
        int n = samples != null ? samples : m == Sensitivity.Method.MORRIS ? 10 : 64;
        // points per sample: a trajectory of d + 1 (Morris), a base row's d + 2 (Sobol)
        long perSample = factors.size() + (m == Sensitivity.Method.MORRIS ? 1L : 2L);
        if (m != null && factorsWhole && n * perSample > MAX_POINTS) { // 2147483647 ran out of memory building them
            problems.add("enisim: --samples " + n + " with " + factors.size() + (factors.size() == 1 ? " factor"
                    : " factors") + " makes " + n * perSample + " points (" + perSample + " a sample), more than the "
                    + String.format(java.util.Locale.ROOT, "%,d", MAX_POINTS) + " a sensitivity run takes: at most "
                    + MAX_POINTS / perSample);
            factorsWhole = false;
        }
        if (m != null && (tree != null || !vary.isEmpty()) && factorsWhole) {
            try {
                design = Sensitivity.design(m, factors, n, seed);
            } catch (IllegalArgumentException e) {
                problems.add("enisim: " + e.getMessage());
            }
        }
        if (tree != null) {
            // a misspelt --vary path or --metric is said before any point runs (it failed every point, and the
            // message advised narrowing the ranges)
            List<String> bad = new ArrayList<>();
            for (Factor f : factors) {
                if (f.path().equals(Sweep.TRAFFIC)) {
                    continue;
                }
                JsonNode varied;
                try { // a path that selects nothing
                    varied = dev.enisim.scenario.Overrides.apply(tree, List.of(f.path() + "=" + f.value(0.0)),
                            file.toString());
                } catch (ScenarioException e) {
                    e.problems().forEach(p -> bad.add("--vary " + f.path() + ": " + Problem.escape(p.message())));
                    continue;
                }
                try { // or a key the scenario does not have (a value out of range is the range's: said after the runs)
                    ScenarioLoader.parseTree(varied, file.toString());
                } catch (ScenarioException e) {
                    e.problems().stream().filter(p -> p.message().startsWith("unknown key")).forEach(p -> bad.add(
                            "--vary " + f.path() + ": " + Problem.escape(p.message())));
                }
            }
            Scenario checked = ScenarioLoader.parseTree(tree, file.toString()); // with the defaults spelled out
            try {
                Sweep.checkMetrics(checked, metrics);
            } catch (IllegalArgumentException e) {
                bad.add("--metric " + e.getMessage());
            }
            if (!bad.isEmpty()) {
                problems.add("enisim: " + String.join("\n  ", bad));
            }
        }
        Path home = Main.workingDir(spec);
        Path dir = out != null ? out : name == null ? null : home.resolve("reports").resolve(name + "-sensitivity");
        InputProblems.checkFolder(problems, dir, home);
        // --warm-up: against the scenario the design varies, unless it varies its duration or buckets (then each
        // point says when the warm-up does not fit it)
        long warmUpMicros = warmUp.micros(tree == null || factors.stream().anyMatch(f -> f.path().equals("duration")
                || f.path().equals("bucket")) ? null : scenarioOrNull(tree), problems);
        if (!problems.isEmpty()) {
            throw new InputProblems(problems);
        }
        OtherOutput.warn(dir, "sensitivity", spec.commandLine().getErr()); // another command's: said before the runs
        Scenario base = ScenarioLoader.parseTree(tree, file.toString()); // with the defaults spelled out
        for (String w : ScenarioLoader.warnings(base)) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        if (Sensitivity.intervalWarning(design) != null) { // before the runs: the user may stop and add samples
            spec.commandLine().getErr().println("warning: " + Sensitivity.intervalWarning(design));
        }
        PointSpec pointSpec = PointSpec.of(tree, file.toString(), metrics, replications, traffic, warmUpMicros);
        String experiment = dev.enisim.experiment.Experiment.id(pointSpec, design.points());
        // a finished analysis of another experiment is not replaced unasked (the next analysis of a scenario into its
        // default folder replaced the last one's results without a word), refused before anything runs, as sweep's
        ExperimentRun.refuseReplacing(dir, "sensitivity.json", "sensitivity analysis", experiment, replace,
                finished(tree, base, design));
        // a resumed run's rest
        List<Map<String, String>> toRun = ExperimentRun.pending(pointSpec, design.points(), dir, replace);
        long runs = (long) toRun.size() * replications;
        budget.check(events(tree, base, file.toString(), factors, toRun, traffic) * replications,
                name + (runs > 1 ? " (" + runs + " runs)" : ""), runs, "--samples" + (replications > 1 ? " or "
                + Budget.REPLICATIONS : ""), spec.commandLine().getErr());
        List<Path> created = ExperimentRun.missingFolders(dir);
        List<Sweep.Point> points = ExperimentRun.points(pointSpec, design.points(), engine, dir, quiet,
                spec.commandLine().getErr(), replace);
        List<String> failed = new ArrayList<>();
        for (Sweep.Point p : points) {
            if (p.problem() != null && failed.size() < 5) {
                failed.add(p.values() + ": " + p.problem());
            }
        }
        if (!failed.isEmpty()) {
            ExperimentRun.discard(dir, created);
            throw new UserInputException("some points of the design failed, so no indices can be computed (narrow"
                    + " the ranges):\n  " + String.join("\n  ", failed));
        }
        List<String> unmeasured = Sensitivity.unmeasured(metrics, points);
        List<String> measured = new ArrayList<>();
        for (String metric : metrics) {
            if (unmeasured.stream().noneMatch(u -> u.startsWith(metric + ": "))) {
                measured.add(metric);
            }
        }
        if (measured.isEmpty()) {
            ExperimentRun.discard(dir, created);
            throw new UserInputException(NO_INDEX + ":\n  " + String.join("\n  ", unmeasured));
        }
        List<Sensitivity.MetricResult> results = Sensitivity.analyze(design, measured, points, floorShare);
        // points.csv's traffic as it ran: times --set traffic=F
        Map<String, byte[]> files = new LinkedHashMap<>(SensitivityReport.render(name, design, measured,
                Sweep.asRunPoints(points, traffic), results, leftOut, overriding.sets,
                SensitivityReport.costPeriod(base, warmUpMicros, design), warmUp.given() ? warmUp.warmUp.trim()
                : null));
        files.put("sensitivity.json", provenance(tree, base, design, floorShare, leftOut, unmeasured, files,
                experiment));
        if (unmeasured.isEmpty()) {
            ExperimentRun.write(files, dir, home);
        } else {
            // a partial result: the indices of the metrics every point measured; the points stay in the progress
            // file (the whole design ran: discarding it threw away hours for one metric)
            ExperimentRun.writeKeepingProgress(files, dir, home);
        }
        if (!overriding.sets.isEmpty()) {
            spec.commandLine().getOut().println(dev.enisim.report.ReportWriter.overridesLine(overriding.sets));
        }
        if (warmUp.given()) { // the figures below are after it (they read as the whole runs')
            spec.commandLine().getOut().println(WarmUpOption.statisticsLine(warmUp.warmUp));
        }
        spec.commandLine().getOut().printf(java.util.Locale.ROOT, "%d points, %d assumptions -> %s%n", points.size(), factors.size(),
                dir.resolve("sensitivity.html"));
        for (String l : leftOut) {
            spec.commandLine().getOut().println("not varied (cannot matter here): " + l);
        }
        spec.commandLine().getOut().print(SensitivityReport.table(m, results));
        if (!unmeasured.isEmpty()) {
            spec.commandLine().getErr().println("enisim: a partial result (exit 1): " + NO_INDEX + "; the indices of "
                    + String.join(", ", measured) + " are written, sensitivity.json's notComputed names the others,"
                    + " and the points are kept in " + dev.enisim.experiment.Experiment.progressFile(dir) + ":\n  "
                    + String.join("\n  ", unmeasured));
            return 1;
        }
        return 0;
    }

    /** Why a metric some points have no value for has no index, and what to do. */
    private static final String NO_INDEX = "no index can be computed for a metric that some points of the design have"
            + " no value for (in none of their replications: a teardown's wait cut short by the run's end, a latency"
            + " with no successful invocation); lengthen the run (--set duration=...) or leave the metric out";

    /**
     * {@code sensitivity.json}: what made {@code sensitivity.csv} and {@code points.csv} (README: Sensitivity
     * analysis); {@code vary}: the --vary ranges as given or, without them, the scenario's assumptions' ranges.
     */
    private byte[] provenance(JsonNode tree, Scenario base, Sensitivity.Design design, double floorShare,
            List<String> leftOut, List<String> unmeasured, Map<String, byte[]> files, String experiment) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("scenario", dev.enisim.report.Provenance.scenario(file, tree, base.name(), base.seed()));
        f.put("set", overriding.sets);
        f.put("vary", ranges(design));
        f.put("varied", vary.isEmpty() ? "the scenario's assumptions (no --vary)" : "--vary");
        if (!leftOut.isEmpty()) {
            f.put("notVaried", leftOut);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("method", design.method().name().toLowerCase(Locale.ROOT));
        d.put("samples", design.samples());
        d.put("designSeed", design.seed());
        d.put("points", design.points().size());
        f.put("design", d);
        f.put("floor", floorShare);
        f.put("replications", replications);
        if (warmUp.given()) { // each run's statistics after it (--warm-up); absent without one
            f.put("warmUp", warmUp.warmUp.trim());
        }
        f.put("metrics", metrics);
        if (!unmeasured.isEmpty()) { // a partial result: these metrics have no index (README: exit 1)
            f.put("partial", true);
            f.put("notComputed", unmeasured);
        }
        f.put("experiment", experiment); // what a later analysis into this folder is told apart by (--replace)
        Map<String, byte[]> described = new LinkedHashMap<>();
        described.put("sensitivity.csv", files.get("sensitivity.csv"));
        described.put("points.csv", files.get("points.csv"));
        return dev.enisim.report.Provenance.render("sensitivity", f, described);
    }

    /** The ranges varied: --vary's as given; without --vary, the assumptions' ranges. */
    private List<String> ranges(Sensitivity.Design design) {
        List<String> ranges = new ArrayList<>(vary);
        if (vary.isEmpty()) {
            design.factors().forEach(x -> ranges.add(x.path() + "=" + x.range()));
        }
        return ranges;
    }

    /**
     * What this analysis's sensitivity.json will say of what decides its points (dotted keys for nested fields; null:
     * not given), to name what differs from a finished analysis of another experiment in the output folder.
     */
    private Map<String, Object> finished(JsonNode tree, Scenario base, Sensitivity.Design design) {
        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, Object> s = dev.enisim.report.Provenance.scenario(file, tree, base.name(), base.seed());
        f.put("scenario.sha256", s.get("sha256"));
        f.put("scenario.seed", s.get("seed"));
        f.put("set", overriding.sets);
        f.put("vary", ranges(design));
        f.put("design.method", design.method().name().toLowerCase(Locale.ROOT));
        f.put("design.samples", design.samples());
        f.put("design.designSeed", design.seed());
        f.put("replications", replications);
        f.put("warmUp", warmUp.given() ? warmUp.warmUp.trim() : null); // absent from sensitivity.json without one
        f.put("metrics", metrics);
        return f;
    }

    /**
     * The expected events of one replication of every point of the design, summed: each point's own scenario
     * (its values applied, its traffic factor on every rate). A factor that is an assumption's timing
     * ({@link Assumptions#timingOnly}) changes neither the arrivals nor the duration, so the points that differ only
     * in those share one estimate (the default design: the base scenario's, once); a point whose values make an
     * invalid scenario counts as the base (it fails at once, when run, and says why).
     */
    static double events(JsonNode tree, Scenario base, String source, List<Factor> factors,
            List<Map<String, String>> points) {
        return events(tree, base, source, factors, points, 1);
    }

    /** As {@link #events(JsonNode, Scenario, String, List, List)}, every rate multiplied by {@code baseTraffic}. */
    static double events(JsonNode tree, Scenario base, String source, List<Factor> factors,
            List<Map<String, String>> points, double baseTraffic) {
        double baseEvents = baseTraffic == 1 ? Budget.events(base) : Budget.events(Sweep.scaleTraffic(base,
                baseTraffic));
        Map<Map<String, String>, Scenario> parsed = new HashMap<>();
        double sum = 0;
        for (Map<String, String> p : points) {
            Map<String, String> shaping = new LinkedHashMap<>(); // the values that may change the estimate
            double traffic = baseTraffic;
            for (Factor f : factors) {
                String v = p.get(f.path());
                if (f.path().equals(Sweep.TRAFFIC)) {
                    traffic = baseTraffic * Double.parseDouble(v); // checked by the design: a number above 0
                } else if (!Assumptions.timingOnly(f.path())) {
                    shaping.put(f.path(), v);
                }
            }
            Scenario s = shaping.isEmpty() ? base : parsed.computeIfAbsent(shaping, k -> {
                List<String> sets = new ArrayList<>();
                k.forEach((path, v) -> sets.add(path + "=" + v));
                try {
                    return ScenarioLoader.parseTree(dev.enisim.scenario.Overrides.apply(tree, sets, source), source);
                } catch (ScenarioException e) {
                    return null;
                }
            });
            sum += s == null ? baseEvents : traffic == 1 ? Budget.events(s) : Budget.events(Sweep.scaleTraffic(s,
                    traffic));
        }
        return sum;
    }
}
