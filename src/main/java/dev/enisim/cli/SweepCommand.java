package dev.enisim.cli;

import dev.enisim.experiment.Designs;
import dev.enisim.experiment.PointSpec;
import dev.enisim.experiment.Sweep;
import dev.enisim.experiment.SweepDesign;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.Scenario;
import dev.enisim.report.SweepReport;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs a grid of variants of a scenario (a parameter sweep).", "",
            "Writes sweep.csv (one row per point: the varied values, durations in seconds and rates per second "
            + "with the unit in the column's name, traffic as it ran, and the chosen metrics with 95%% confidence "
            + "intervals; a cost in US dollars over each point's simulated time, its unit in its columns' names too: "
            + "--metric cost.total gives cost.totalUsdPer1h.mean for a 1h scenario, UsdPerRun when --vary sets "
            + "duration), sweep.json (what made sweep.csv: the enisim's version and build, the scenario file and "
            + "its SHA-256, the seed, --set, --vary, the design, --points, --design-seed, the replications and the "
            + "metrics), runs.csv (each replication's values, with its seed: for paired comparisons), sweep.png/svg "
            + "(the first metric against the parameters) and sweep.html. The metrics by default: the invocations"
            + " that succeeded, invocations.invokeErrors (the Invoke API's errors, such as"
            + " SubnetIPAddressLimitReachedException, summed), functionsFailed (functions that ended the run Failed),"
            + " the throttled invocations, the peak of ENIs and the p99 latency. The terminal's first line, \"What the"
            + " sweep shows\" and sweep.html name the points that ran with failures (invoke errors or a function"
            + " ended Failed), whatever --metric chose. A point that could not run (values the scenario refuses, a run"
            + " that failed) is reported and the rest go on. Exit codes: 0 every point ran (with failures or not: they"
            + " are results), 1 some points could not run (the others are written), 2 bad input or no point could"
            + " run, 3 internal error (a bug in enisim).",
            "With one replication per point there is no interval: ciLow and ciHigh are left empty. At most "
            + "1,000 values per parameter and 10,000 points in all.",
            "Examples:",
            "  --vary 'vpcs[0].subnets[0].cidr=10.0.1.0/28,10.0.1.0/27,10.0.1.0/26'",
            "  --vary 'functions[orders-api].arrivals.poisson=10/s,50/s,100/s'",
            "  --vary traffic=1..4:0.5        (a factor on every arrival rate)",
            "  --design lhs --points 200 --vary 'hyperplane.eniCreateTime.median=30s..4m'",
            "      --vary traffic=0.5..3",
            "--set changes the scenario before the grid, as run's (--set traffic=F multiplies every point's rates,"
            + " with a --vary traffic value too); a --vary of the same path wins. The page and the terminal say so.",
            "Completed points are kept in .<out>.progress.jsonl beside the output folder: re-running the same command"
            + " after an interruption resumes, with the same enisim (version and build, as --version says): points"
            + " of another are refused, exit 2; a second copy of a running command is refused (a lock file beside"
            + " it). A finished sweep of another experiment in the output folder is kept, the sweep refused (exit"
            + " 2), unless --replace. --engine spark runs the points on Apache Spark (README)."})
final class SweepCommand implements Callable<Integer> {

    /** The metrics without --metric: the invocations that succeeded, failed and were throttled first. */
    static final List<String> DEFAULT_METRICS = List.of("invocations.succeeded", Sweep.INVOKE_ERRORS,
            Sweep.FUNCTIONS_FAILED, "invocations.throttled", "enis.peak", "latencyMillis.p99");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "Scenario file.")
    Path file;

    @Option(names = "--vary", paramLabel = "PATH=VALUES", required = true,
            description = "A parameter and its values: V1,V2,... or FROM..TO:STEP (repeatable: a grid).")
    List<String> vary = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "PATH", description = "Summary metrics to report (repeatable; default:"
            + " invocations.succeeded, invocations.invokeErrors, functionsFailed, invocations.throttled, enis.peak,"
            + " latencyMillis.p99).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N", defaultValue = "1", description = "Replications per point (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/<name>-sweep).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
    boolean quiet;

    @Mixin
    Budget budget;

    @Option(names = "--design", paramLabel = "KIND", defaultValue = "grid", description = "grid (every combination,"
            + " default), lhs (Latin hypercube) or sobol (low-discrepancy), the last two over ranges PATH=LOW..HIGH.")
    String design;

    @Option(names = "--points", paramLabel = "N", defaultValue = "100", description = "Points of an lhs or sobol"
            + " design (default 100; refused with a grid).")
    int designPoints;

    @Option(names = "--design-seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of the lhs design (default: ${DEFAULT-VALUE}; refused with a grid or sobol, which have"
            + " no random part).")
    long designSeed;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    Overriding overriding = new Overriding();

    @Mixin
    WarmUpOption warmUp = new WarmUpOption();

    @Option(names = "--replace", description = "Replace a finished sweep of another experiment in the output folder"
            + " (without it, one is kept and the sweep refused, exit 2; the same experiment run again rewrites it),"
            + " and start afresh a progress file enisim does not resume: another user's, or one with a corrupt line.")
    boolean replace;


    @Override
    public Integer call() throws ScenarioException, IOException {
        // every problem of the options, the scenario, the metrics and the output folder at once (exit 2): a lone bad
        // option was said on its own, and hid the others
        Set<String> problems = new LinkedHashSet<>();
        if (replications < 1) {
            problems.add("enisim: --replications must be at least 1");
        }
        // options the design does not read were ignored, unsaid: --points 50 on a grid ran its 2 points, and two
        // --design-seed values on a Sobol design ran the same points twice, which looked like a robustness check
        var parsed = spec.commandLine().getParseResult();
        if (design.equals("grid") && parsed.hasMatchedOption("--points")) {
            problems.add("enisim: --points applies to --design lhs or sobol (over ranges PATH=LOW..HIGH); a grid runs"
                    + " every combination of the --vary values, whatever --points says");
        }
        if ((design.equals("grid") || design.equals("sobol")) && parsed.hasMatchedOption("--design-seed")) {
            problems.add("enisim: --design-seed applies to --design lhs; " + (design.equals("grid")
                    ? "a grid has nothing random to seed" : "the Sobol sequence is fixed: every seed gives the same"
                    + " points") + " (the runs' random numbers come from the scenario's seed: --set seed=N)");
        }
        SweepDesign d = null;
        if (!List.of("grid", "lhs", "sobol").contains(design)) {
            problems.add("enisim: --design: expected grid, lhs or sobol, got " + Problem.quote(design));
        } else {
            try {
                d = SweepDesign.of(vary, Designs.Kind.valueOf(design.toUpperCase(java.util.Locale.ROOT)),
                        designPoints, designSeed);
            } catch (IllegalArgumentException e) {
                problems.add("enisim: --vary/--design " + e.getMessage());
            }
        }
        engine.check(problems, spec.commandLine().getParseResult());
        if (budget.problem() != null) {
            problems.add("enisim: " + budget.problem());
        }
        // the failures by default: a /27 whose runs had 36,133 SubnetIPAddressLimitReachedException and two functions
        // Failed looked leaner than the /26 (fewer ENIs), the errors in none of the metrics (a product manager's review)
        List<String> chosen = metrics.isEmpty() ? DEFAULT_METRICS : metrics;
        Overriding.Applied applied = null;
        Scenario base = null;
        try {
            applied = overriding.apply(file); // --set: the scenario the grid varies
            base = ScenarioLoader.parseTree(applied.tree(), file.toString());
        } catch (ScenarioException e) {
            problems.add(Main.userMessage(e));
        }
        Path home = Main.workingDir(spec);
        Path dir = out != null ? out : base == null ? null : home.resolve("reports").resolve(base.name() + "-sweep");
        InputProblems.checkFolder(problems, dir, home);
        if (base != null) {
            try {
                Sweep.checkMetrics(base, chosen);
            } catch (IllegalArgumentException e) {
                problems.add("enisim: --metric " + e.getMessage());
            }
        }
        // --warm-up: against the scenario the grid varies, unless the grid varies its duration or buckets (then each
        // point says when the warm-up does not fit it)
        long warmUpMicros = warmUp.micros(base == null || d != null && d.axes().stream().anyMatch(a -> a.path()
                .equals("duration") || a.path().equals("bucket")) ? null : base, problems);
        if (!problems.isEmpty()) {
            throw new InputProblems(problems);
        }
        OtherOutput.warn(dir, "sweep", spec.commandLine().getErr()); // another command's: said before the runs
        var tree = applied.tree();
        // each path beside the name of the list element it selects by index (vpcs[0].subnets[1].cidr (lambda-a)) on
        // the charts, the page, the terminal and in sweep.json
        List<Sweep.Axis> axes = Sweep.named(tree, d.axes());
        double traffic = applied.traffic();
        String name = base.name();
        PrintWriter err = spec.commandLine().getErr();
        if (!design.equals("grid")) {
            for (String v : vary) {
                dev.enisim.experiment.Factor.parse(v).repeats(designPoints).ifPresent(w -> err.println("warning: " + w));
            }
        }
        // the failure metrics measured at every point, shown or not: the summary line and "What the sweep shows" name
        // the points that ran with failures whatever --metric chose
        List<String> measured = Sweep.measured(chosen);
        PointSpec pointSpec = PointSpec.of(tree, file.toString(), measured, replications, traffic, warmUpMicros);
        String experiment = dev.enisim.experiment.Experiment.id(pointSpec, d.points());
        // a finished sweep of another experiment is not replaced unasked (the next sweep of a scenario into its
        // default folder replaced the last one's results without a word), refused before anything runs
        ExperimentRun.refuseReplacing(dir, experiment, replace, finished(tree, base, chosen));
        // less a resumed run's done
        List<Map<String, String>> toRun = ExperimentRun.pending(pointSpec, d.points(), dir, replace);
        refusedBeforeRunning(tree, traffic, toRun, err);
        // the memory warning from the point that needs the most heap (its buckets, its functions), named, not the
        // base scenario's alone
        Sweep.Largest largest = Sweep.largest(tree, file.toString(), toRun, traffic, Budget::need);
        budget.check(base, Sweep.events(tree, file.toString(), toRun, replications, s -> Budget.events(s) * traffic),
                (long) toRun.size() * replications, largest == null ? null : largest.scenario(), largest == null
                ? null : name + "'s largest point (" + pointValues(largest.values()) + ")", (design.equals("grid")
                ? "--vary values" : "--points") + (replications > 1 ? " or " + Budget.REPLICATIONS : ""), err);
        List<Path> created = ExperimentRun.missingFolders(dir);
        List<Sweep.Point> points = ExperimentRun.points(pointSpec, d.points(), engine, dir, quiet, err, replace);
        // "could not run": a point whose values or run failed (its problem column), never to be confused with a point
        // that ran and had failed invocations ("8 points (0 failed)" was said of a sweep with 4 such points)
        long couldNotRun = points.stream().filter(p -> p.problem() != null).count();
        if (couldNotRun == points.size()) {
            ExperimentRun.discard(dir, created);
            // said as what failed: "(bad values)" was said of points whose runs failed (a trace not found on a Spark
            // executor); values the scenario refuses are found before anything runs (refusedBeforeRunning)
            err.printf(java.util.Locale.ROOT, "enisim: none of the %d points could run, nothing written;"
                    + " the first: %s%n", points.size(), points.get(0).problem());
            return Main.BAD_INPUT;
        }
        // what ran: a traffic value times --set traffic=F, on every output (sweep.csv said the --vary value alone)
        List<Sweep.Axis> ran = Sweep.asRun(axes, traffic);
        points = Sweep.asRunPoints(points, traffic);
        // the time each point's cost covers, in the cost metrics' names (cost.total (USD per 1h), cost.totalUsdPer1h)
        String costPeriod = SweepReport.costPeriod(base.durationMicros(), warmUpMicros, ran);
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(SweepReport.render(name, base.seed(), ran, chosen,
                points, overriding.sets, costPeriod, warmUp.given() ? warmUp.warmUp.trim() : null));
        files.put("sweep.json", provenance(tree, base, chosen, axes, files.get("sweep.csv"), points.size(),
                experiment));
        ExperimentRun.write(files, dir, home);
        if (!overriding.sets.isEmpty()) {
            spec.commandLine().getOut().println(dev.enisim.report.ReportWriter.overridesLine(overriding.sets));
        }
        if (warmUp.given()) { // the figures below are after it (they read as the whole runs')
            spec.commandLine().getOut().println(WarmUpOption.statisticsLine(warmUp.warmUp));
        }
        spec.commandLine().getOut().println(SweepReport.tally(ran, points) + " -> " + dir.resolve("sweep.csv"));
        // a table to read, figures rounded; sweep.csv keeps them in full (the terminal printed sweep.csv itself)
        spec.commandLine().getOut().print(SweepReport.table(ran, chosen, points, costPeriod));
        if (replications == 1) {
            spec.commandLine().getOut().println("(one replication: no interval; sweep.csv's ciLow and ciHigh are left"
                    + " empty. Use --replications 2 or more for intervals.)");
        }
        String zero = SweepReport.zeroCounts(chosen, points);
        if (!zero.isEmpty()) {
            spec.commandLine().getOut().println("(" + zero + ")");
        }
        for (String v : SweepReport.verdicts(ran, chosen, points, costPeriod)) {
            spec.commandLine().getOut().println("=> " + v);
        }
        // exit 1 when points could not run (the sweep is incomplete); points that ran with failures are results
        // (what the sweep is for), said above, exit 0
        if (couldNotRun > 0) {
            err.printf(java.util.Locale.ROOT, "enisim: %d of %d points could not run (each one's problem in sweep.csv's"
                    + " problem column); the others are in %s%n", couldNotRun, points.size(), dir);
            return Main.FAILED;
        }
        return 0;
    }

    /**
     * The points whose values the scenario refuses, found before any point runs (building a point's scenario is
     * cheap; running the others first wasted them): when every point is refused, that is bad input, every distinct
     * problem said at once with the points it refuses (exit 2, nothing run or written: a path typo refuses them all);
     * when only some are, a warning names them before the runs (they still go to sweep.csv's problem column, as a
     * sweep's combinations the scenario refuses always have). An adversarial user's review: `--vary
     * functions[0].memoryMb=lots,256` ran the good point, then said only "1 of 2 points failed".
     */
    private void refusedBeforeRunning(com.fasterxml.jackson.databind.JsonNode tree, double traffic,
            List<Map<String, String>> toRun, PrintWriter err) {
        Map<String, List<String>> byProblem = new java.util.LinkedHashMap<>();
        for (Map<String, String> values : toRun) {
            String problem = null;
            try {
                Sweep.scenario(tree, file.toString(), values, traffic);
            } catch (ScenarioException e) {
                problem = Main.userMessage(e);
            } catch (IllegalArgumentException e) {
                problem = "enisim: " + Problem.escapeLines(e.getMessage());
            }
            if (problem != null) {
                byProblem.computeIfAbsent(problem, k -> new ArrayList<>()).add(pointValues(values));
            }
        }
        if (byProblem.isEmpty()) {
            return;
        }
        int refused = byProblem.values().stream().mapToInt(List::size).sum();
        List<String> lines = new ArrayList<>();
        byProblem.forEach((problem, points) -> lines.add(problem + "\n  (--vary point" + (points.size() == 1 ? " "
                : "s ") + shortList(points) + ")"));
        if (refused == toRun.size()) {
            List<String> problems = new ArrayList<>();
            problems.add("enisim: every one of the " + toRun.size() + " points is refused by the scenario (bad --vary"
                    + " values or paths), nothing run or written:");
            problems.addAll(lines);
            throw new InputProblems(problems);
        }
        err.printf(java.util.Locale.ROOT, "warning: %d of %d points are refused by the scenario and will not run (each one's problem in"
                + " sweep.csv's problem column):%n", refused, toRun.size());
        lines.forEach(err::println);
    }

    /** Up to five points, then how many more: "memoryMb=lots; memoryMb=-1 and 3 more". */
    private static String shortList(List<String> points) {
        String shown = String.join("; ", points.subList(0, Math.min(5, points.size())));
        return points.size() > 5 ? shown + " and " + (points.size() - 5) + " more" : shown;
    }

    /** A point's values as --vary gives them: "bucket=1s, duration=2h". */
    static String pointValues(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * What sweep.json says of this sweep's command, to name what differs from a finished sweep's in the folder: the
     * scenario's content and seed, --set, --vary, the design, the replications and the metrics.
     */
    private Map<String, Object> finished(com.fasterxml.jackson.databind.JsonNode tree, Scenario base,
            List<String> chosen) {
        Map<String, Object> f = new java.util.LinkedHashMap<>();
        Map<String, Object> s = dev.enisim.report.Provenance.scenario(file, tree, base.name(), base.seed());
        f.put("scenario.sha256", s.get("sha256"));
        f.put("scenario.seed", s.get("seed"));
        f.put("set", overriding.sets);
        f.put("vary", vary);
        f.put("design.kind", design);
        f.put("replications", replications);
        f.put("warmUp", warmUp.given() ? warmUp.warmUp.trim() : null); // absent from sweep.json without one
        f.put("metrics", chosen);
        return f;
    }

    /** {@code sweep.json}: what made {@code sweep.csv} (README: "What made a sweep.csv"). */
    private byte[] provenance(com.fasterxml.jackson.databind.JsonNode tree, Scenario base, List<String> chosen,
            List<Sweep.Axis> axes, byte[] csv, int points, String experiment) {
        Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("scenario", dev.enisim.report.Provenance.scenario(file, tree, base.name(), base.seed()));
        f.put("set", overriding.sets);
        f.put("vary", vary);
        Map<String, String> names = new java.util.LinkedHashMap<>();
        axes.stream().filter(a -> a.name() != null).forEach(a -> names.put(a.path(), a.name()));
        if (!names.isEmpty()) { // a varied path's list element by its name: "vpcs[0].subnets[1].cidr": "lambda-a"
            f.put("varyNames", names);
        }
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("kind", design);
        d.put("points", points);
        if (design.equals("lhs")) {
            d.put("designSeed", designSeed);
        }
        f.put("design", d);
        f.put("replications", replications);
        if (warmUp.given()) { // each run's statistics after it (--warm-up); absent without one
            f.put("warmUp", warmUp.warmUp.trim());
        }
        f.put("metrics", chosen);
        f.put("experiment", experiment); // what a later sweep into this folder is told apart by (--replace)
        return dev.enisim.report.Provenance.render("sweep", f, Map.of("sweep.csv", csv));
    }
}
