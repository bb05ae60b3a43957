package dev.enisim.cli;

import dev.enisim.scenario.Problem;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.bench.Bench;
import dev.enisim.bench.CostModel;
import dev.enisim.bench.ForkedJvm;
import dev.enisim.bench.Forks;
import dev.enisim.bench.HeapReferences;
import dev.enisim.bench.MemoryModel;
import dev.enisim.bench.ParallelScaling;
import dev.enisim.bench.ReferenceSimulator;
import dev.enisim.bench.SamplerBench;
import dev.enisim.bench.Warmup;
import dev.enisim.bench.Workloads;
import dev.enisim.report.OutputRefused;
import dev.enisim.report.SafeOutput;
import dev.enisim.report.chart.ChartFiles;
import dev.enisim.report.chart.CostModelChart;
import dev.enisim.report.SummaryJson;
import dev.enisim.scenario.Overrides;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures the simulator's speed and memory on standard workloads.", "",
            "Runs each workload in a JVM of its own (--no-fork: in this one) after a warm-up and prints: simulated "
            + "events (arrivals + completions + the model's other events), invocations, wall seconds, events/s and "
            + "invocations/s (median over --repeat runs, with min and max), peak heap (garbage included), the heap the "
            + "finished run retains, bytes allocated per event (this thread's allocation counter), and events/CPU-s "
            + "(events per second of the simulating thread's CPU time, median over the runs: on a shared machine "
            + "compare these, not the wall rates), with the same (steady B, steady/CPU-s) from a tenth of the "
            + "simulated time to its end, without building the simulation and its result. Workloads "
            + "loss, account and month (and loss-100) are scenarios/bench/<name>.yaml; many-functions (10,000 "
            + "functions, 1,000 ENI keys: 500 security-group sets over 20 subnets; an hour: not run by default) is "
            + "generated; a scenario path works too. For a pure loss workload the throttled fraction is printed beside "
            + "Erlang B, and the reference simulators run on the same workload (--no-references to skip). "
            + "--parallel-scaling and --memory-model add the issue's other figures: how replications scale with "
            + "cores, and memory per function and per ENI key.",
            "Exit codes: 0 done, 2 bad input (an unknown workload, a bad --set), 3 internal error (a bug in enisim)."})
final class BenchCommand implements Callable<Integer> {

    static final List<String> STANDARD = List.of("loss", "account", "month");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WORKLOAD", arity = "0..*", description = "loss, account, month, many-functions (any name of "
            + "scenarios/bench/), or scenario files (default: loss account month; none when any of --samplers, "
            + "--cost-model, --parallel-scaling, --report-time or --memory-model is given).")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", description = "Timed runs per workload "
            + "(default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON (default: not written).")
    Path json;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = {"Override a field of every workload "
            + "(repeatable), e.g. to see how cost grows:", "  --set duration=1d \\",
            "  --set 'functions[*].arrivals.poisson=1900/s'", "(default: none)."})
    List<String> sets = new ArrayList<>();

    @Option(names = "--references", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = {"After each pure loss workload (e.g. loss), run the reference simulators on the same "
                + "M/M/c/c workload and print the model's events/s over theirs, per wall and per CPU second, and "
                + "their lost fractions (default: on). The jar carries a "
                + "minimal java.util.PriorityQueue simulator; .ci/bench adds SSJ 3.3.2 (test scope)."})
    boolean references;

    @Option(names = "--fork", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = {"Measure each workload (with its reference simulators) and each --cost-model point in "
                + "a JVM of its own, started with this JVM's options and class path, as JMH forks: in one JVM a "
                + "workload inherits the JIT profiles of those before it and runs slower than a user's run of it "
                + "would (loss-100 after loss: 0.7x). The other extras (--samplers, --parallel-scaling, "
                + "--report-time, --memory-model) run in this JVM. --no-fork measures everything in this JVM (e.g. "
                + "under a profiler; default: on)."})
    boolean fork;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "1", description = {"Measure each workload in N "
        + "JVMs of its own, one after the other, and print each fork's events/CPU-s with their median, min and max "
        + "(JSON: the workload's \"forks\"); the workload's figures are then the median fork's by events/CPU-s "
        + "(of an even N the upper middle one: give an odd N; JMH would report the mean over all forks): "
        + "the JIT's choices, and with them the rate, differ from one JVM to the next (loss-100: 5.9 to 9.2 M "
        + "events/CPU-s). A reference simulator runs in each of those forks too and is reported the same way: "
        + "its own median fork, its forks' rates under it, the ratios against the workload's median fork. "
        + "Workloads only: not --cost-model points, not the other extras (N above 1 with no WORKLOAD is bad "
        + "input); not with --no-fork (default: ${DEFAULT-VALUE})."})
    int forks;

    @Option(names = "--warmup", paramLabel = "auto|tenth", defaultValue = "auto", converter = WarmupMode.class,
            description = {"The warm-up before each workload's timed runs (and each --cost-model point's and "
                + "reference simulator's): auto runs tenths of its simulated time (each a new world; a reference: "
                + "a tenth of the arrivals) until the JIT is quiet (two tenths in a row during which the compilers "
                + "worked for less than half the tenth's wall time), at most 10; tenth runs one, after which the first "
                + "timed runs may still measure in part how far C2 has got. The warm-up's tenths and compile time are printed under the workload's row "
                + "and the reference's line and written to the JSON (\"warmup\") (default: ${DEFAULT-VALUE})."})
    Warmup.Mode warmup;

    @Option(names = "--samplers", description = {"Also time random draws: enisim's xoshiro256**, SplitMix64, "
        + "duration samplers and arrival processes (a draw: one arrival) beside any others on the class path "
        + "(.ci/bench adds Apache Commons RNG 1.7), in ns per draw; with no WORKLOAD, only the extras asked for "
        + "run."})
    boolean samplers;

    @Option(names = "--cost-model", paramLabel = "SVG", description = {"Also measure the cost model: CPU ns per "
        + "event (the simulating thread's CPU time; wall ns beside it in the table and the JSON) of loss's traffic "
        + "split over 1, 100, 1,000 and 10,000 functions (a key each, and one key for all), and draw the CPU ns "
        + "into SVG; with no WORKLOAD, only the extras asked for run (default: not written)."})
    Path costModel;

    @Option(names = "--cost-model-arrivals", paramLabel = "N", defaultValue = "2000000", description = "Arrivals "
            + "per cost-model run (default: ${DEFAULT-VALUE}).")
    long costModelArrivals;

    @Option(names = "--cost-model-functions", paramLabel = "N", split = ",", description = "Function counts the "
            + "cost model measures (default: 1,100,1000,10000).")
    int[] costModelFunctions = CostModel.FUNCTIONS.clone();

    @Option(names = "--parallel-scaling", paramLabel = "N", description = {"Also measure how "
        + "replications scale with cores: N replications (at least 2) of --parallel-workload cut to "
        + "--parallel-duration, in-process after one untimed warm-up replication, one after another and then on "
        + "every core (what run --replications N --parallel does); prints the wall seconds each way, their "
        + "ratio, the process's CPU seconds, the cores, and whether both ways gave every replication the same "
        + "numbers (default: not measured)."})
    Integer parallelScaling; // null: not asked for (0 was taken as not given)

    @Option(names = "--parallel-workload", paramLabel = "WORKLOAD", defaultValue = "account", description =
            "The workload --parallel-scaling runs, a name or a scenario file, with --set applied (default: "
            + "${DEFAULT-VALUE}).")
    String parallelWorkload;

    @Option(names = "--parallel-duration", paramLabel = "DURATION", defaultValue = "60m", description = "Simulated "
            + "time of each replication --parallel-scaling runs; the ratio grows with it, the JVM's fixed costs "
            + "(compilation) weighing less (default: ${DEFAULT-VALUE}).")
    String parallelDuration;

    @Option(names = "--report-time", description = {"Also time the report of a 30-day run: month (with --set "
        + "applied) simulated once, then its whole report (summary, time series, ENI list, narrative, charts, HTML) "
        + "rendered in memory after one untimed rendering, --repeat times: wall seconds, median with min and max "
        + "(issue 16: under 2 s)."})
    boolean reportTime;

    @Option(names = "--memory-model", description = {"Also measure memory per function and per ENI key: the heap "
        + "a finished many-functions run retains at 1,000 and 2,000 functions (1,000 keys) and at 1,000 functions "
        + "with 100 keys, with --set applied (e.g. --set duration=10m for a quicker, smaller figure; default: the "
        + "hour, 60 one-minute buckets)."})
    boolean memoryModel;

    @Override
    public Integer call() throws ScenarioException, IOException {
        try {
            return measure();
        } catch (ForkFailed f) {
            return f.code;
        }
    }

    private int measure() throws ScenarioException, IOException {
        // every problem of the options, the workloads and the output files at once (exit 2): the first was said
        // alone (an adversarial review: "--repeat 0" hid a workload that does not exist and a --json refused)
        Set<String> problems = new LinkedHashSet<>();
        if (repeat < 1) {
            problems.add("enisim: --repeat must be at least 1");
        }
        if (forks < 1) {
            problems.add("enisim: --forks must be at least 1");
        }
        if (forks > 1 && !fork) {
            problems.add("enisim: --forks " + forks + " needs forked JVMs: --no-fork measures in this JVM");
        }
        Path home = Main.workingDir(spec);
        for (int n : costModelFunctions) {
            if (n < 1) {
                problems.add("enisim: --cost-model-functions: " + n + " is not a function count (>= 1)");
            }
            if (n > Workloads.MAX_SPLIT_FUNCTIONS) { // refused before the workloads run, not out of memory after
                problems.add("enisim: --cost-model-functions must be at most " + Workloads.MAX_SPLIT_FUNCTIONS
                        + " (a key each: each key's ENI takes one of the 65,531 addresses of the cost model's /16"
                        + " subnet), got " + n);
            }
        }
        if (parallelScaling != null && parallelScaling < 2) {
            problems.add("enisim: --parallel-scaling needs at least 2 replications, got " + parallelScaling);
        }
        if (costModelArrivals < 60_000) {
            problems.add("enisim: --cost-model-arrivals must be at least 60000 (a minute of loss traffic: the runs keep 1-minute buckets)");
        }
        if (costModelArrivals > Workloads.MAX_SPLIT_ARRIVALS) { // it was said as an internal workload's bucket
            problems.add("enisim: --cost-model-arrivals must be at most " + Workloads.MAX_SPLIT_ARRIVALS
                    + " (950 arrivals/s over " + dev.enisim.scenario.ScenarioLoader.MAX_BUCKETS + " one-minute"
                    + " buckets, the most a run keeps), got " + costModelArrivals);
        }
        boolean placed = true; // the output files' folders are there (their own checks need them)
        for (Path p : new Path[] {json, costModel}) {
            Path parent = p == null ? null : home.resolve(p).toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                problems.add("enisim: " + p + ": no such directory " + parent);
                placed = false;
            }
        }
        if (placed && json != null && costModel != null && SafeOutput.samePlace(home.resolve(json),
                home.resolve(costModel))) {
            // the chart was written after the workloads, then the JSON refused over it (exit 2 after the hour)
            problems.add("enisim: --json and --cost-model name the same file " + json + "; give each its own");
        }
        // each tried (a trial write), before an hour of workloads: a full disk was found by the write at the end
        try {
            if (json != null && placed) {
                PageOutput.checkFile("--json", json, home, JSON_SIGNATURE);
            }
        } catch (OutputRefused e) {
            problems.add(Main.userMessage(e));
        }
        try {
            if (costModel != null && placed) {
                PageOutput.checkFile("--cost-model", costModel, home, SVG_SIGNATURE);
            }
        } catch (OutputRefused e) {
            problems.add(Main.userMessage(e));
        }
        // the extras asked for alone run alone: a chart or a figure of its own is not an hour of the default workloads
        boolean extrasOnly = workloads.isEmpty()
                && (samplers || costModel != null || parallelScaling != null || memoryModel || reportTime);
        List<String> names = extrasOnly ? List.of() : workloads.isEmpty() ? STANDARD : workloads;
        if (forks > 1 && names.isEmpty()) {
            problems.add("enisim: --forks " + forks + " measures workloads in JVMs of their own, and no "
                    + "workload runs here: a --cost-model point runs in one fork, the other extras in this JVM (give a "
                    + "WORKLOAD, or leave --forks out)");
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (String name : names) {
            // every workload read and checked (with --set) before the first (long) run, forked or not
            scenarios.add(workload(problems, () -> withSets(tree(home, name), name)));
        }
        Scenario monthScenario = reportTime ? workload(problems, () -> withSets(tree(home, "month"), "month")) : null;
        Scenario parallelScenario = parallelScaling == null ? null : workload(problems, () -> {
            JsonNode tree = Overrides.apply(tree(home, parallelWorkload), sets, parallelWorkload);
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("duration", parallelDuration);
            return ScenarioLoader.parseTree(tree, parallelWorkload + " (--parallel-duration " + parallelDuration
                    + ")");
        });
        if (!problems.isEmpty()) {
            throw new InputProblems(problems);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> progress = line -> err.println("  " + line);
        List<String> collectors = collectors();
        out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MiB (object references: %s), collectors: %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, HeapReferences.mode(), String.join(", ", collectors));
        if (!names.isEmpty()) {
            out.printf(Locale.ROOT, "%-14s %12s %12s %7s %28s %26s %5s %8s %7s %12s %8s %12s%n", "workload", "events",
                    "invocations", "wall s", "events/s (min-max)", "invocations/s (min-max)", "peak", "retained",
                    "B/event", "events/CPU-s", "steady B", "steady/CPU-s");
        }
        ObjectMapper mapper = SummaryJson.mapper();
        ArrayNode all = mapper.createArrayNode();
        ArrayNode refs = mapper.createArrayNode();
        java.util.Map<String, Bench.Result> results = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String source = names.get(i);
            Bench.Result r;
            List<Forks.Reference> rs = new ArrayList<>();
            Forks.Spread spread = null;
            if (fork) {
                Forks.Measured m = Forks.measure(source, forks, k -> {
                    JsonNode child = forked(home, source, references, sets, mapper, err);
                    List<Bench.ReferenceResult> childRefs = new ArrayList<>();
                    for (JsonNode ref : child.get("references")) {
                        childRefs.add(mapper.treeToValue(ref, Bench.ReferenceResult.class));
                    }
                    return new Forks.Fork(mapper.treeToValue(child.get("workloads").get(0), Bench.Result.class),
                            childRefs);
                }, progress);
                r = m.median().result();
                rs.addAll(m.references());
                spread = forks > 1 ? m.spread() : null;
            } else {
                r = Bench.run(source, scenarios.get(i), repeat, warmup, progress);
                if (references && r.erlangB() != null) {
                    for (ReferenceSimulator sim : Bench.references()) {
                        rs.add(new Forks.Reference(Bench.reference(sim, r, repeat, warmup, progress), null));
                    }
                }
            }
            print(out, r);
            ObjectNode node = mapper.valueToTree(r);
            String noErlang = r.erlangB() == null ? Bench.whyNoErlangCheck(scenarios.get(i)) : null;
            if (noErlang != null) {
                out.printf(Locale.ROOT, "%14s %s%n", "", noErlang);
                node.put("erlangBNotChecked", noErlang);
            }
            if (spread != null) {
                printForks(out, spread);
                node.set("forks", mapper.valueToTree(spread));
            }
            all.add(node);
            results.put(r.workload(), r);
            for (Forks.Reference measured : rs) {
                Bench.ReferenceResult ref = measured.median();
                out.printf(Locale.ROOT, "%14s vs %-16s %,10.0f events/s (%,.0f-%,.0f), %.1f B/event, lost %.5f%s:"
                        + " enisim is %.2fx (%.2fx per CPU second)%n", "", ref.name(), ref.eventsPerSecond(),
                        ref.eventsPerSecondMin(), ref.eventsPerSecondMax(), ref.bytesPerEvent(),
                        ref.lostFraction(), lostVerdict(ref, r.erlangB()), ref.modelOverReference(),
                        ref.modelOverReferenceCpu());
                if (ref.warmup() != null) {
                    out.printf(Locale.ROOT, "%14s %-19s warm-up: %s%n", "", "", ref.warmup().describe());
                }
                ObjectNode refNode = mapper.valueToTree(ref);
                if (measured.spread() != null && forks > 1) {
                    printReferenceForks(out, measured.spread());
                    refNode.set("forks", mapper.valueToTree(measured.spread()));
                }
                refs.add(refNode);
            }
        }
        ObjectNode split = null;
        Bench.Result loss = results.get("loss");
        Bench.Result loss100 = results.get("loss-100");
        if (loss != null && loss100 != null) {
            // issue 16: the same traffic over 100 functions and keys at least 0.8x as fast as over one
            split = mapper.createObjectNode();
            split.put("eventsPerCpuSecond", loss100.eventsPerCpuSecond() / loss.eventsPerCpuSecond());
            split.put("eventsPerSecond", loss100.eventsPerSecond() / loss.eventsPerSecond());
            out.printf(Locale.ROOT, "loss-100 over loss: %.2fx per CPU second (%.2fx wall)%n",
                    split.get("eventsPerCpuSecond").asDouble(), split.get("eventsPerSecond").asDouble());
        }
        if (!names.isEmpty()) {
            out.println("(peak: heap MiB at its highest, garbage included; retained: MiB the finished run still holds after a"
                + " full collection; B/event: bytes the simulating thread allocated per event over the whole run, building"
                + " the simulation and its result included; steady B: the same from a tenth of the simulated time to its"
                + " end, without the building; steady/CPU-s: events per CPU second over that same part)");
        }
        ArrayNode draws = mapper.createArrayNode();
        if (samplers) {
            out.printf(Locale.ROOT, "%n%-15s %-66s %12s%n", "draw", "candidate", "CPU ns (min-max)");
            for (SamplerBench.Figure f : SamplerBench.measure(SamplerBench.candidates(), 20_000_000, 5, progress)) {
                out.printf(Locale.ROOT, "%-15s %-66s %5.2f (%.2f-%.2f)%n", f.group(), f.name(), f.nsPerDraw(),
                        f.nsMin(), f.nsMax());
                draws.add(mapper.valueToTree(f));
            }
        }
        ArrayNode cost = mapper.createArrayNode();
        if (costModel != null) {
            CostModel.Runner runner = fork ? (name, tree) -> forkedTree(name, tree, mapper, err)
                    : (name, tree) -> Bench.run(name, ScenarioLoader.parseTree(tree, name), repeat, warmup,
                            progress);
            List<CostModel.Point> points = CostModel.measure(costModelFunctions, costModelArrivals, runner);
            out.printf(Locale.ROOT, "%n%-10s %6s %13s %12s %12s %10s %8s %10s%n", "functions", "keys",
                    "wall ns/event", "CPU ns/event", "steady CPU", "B/event", "peak MiB", "retained");
            for (CostModel.Point p : points) {
                out.printf(Locale.ROOT, "%,10d %,6d %13.1f %12.1f %12.1f %10.1f %8d %10.1f%n", p.functions(), p.keys(),
                        p.nsPerEvent(), p.cpuNsPerEvent(), p.steadyCpuNsPerEvent(), p.bytesPerEvent(),
                        p.peakHeapBytes() >> 20, p.retainedHeapBytes() / 1048576.0);
                cost.add(mapper.valueToTree(p));
            }
            SafeOutput.writeMarkedFile(costModel, home, SVG_SIGNATURE, ChartFiles.svg(CostModelChart.of(points), 720, 420));
            out.println("cost model chart: " + costModel);
        }
        ObjectNode scaling = null;
        if (parallelScenario != null) {
            ParallelScaling.Figure f = ParallelScaling.measure(parallelWorkload, parallelScenario, parallelScaling,
                    progress);
            out.printf(Locale.ROOT, "%nparallel scaling: %s cut to %s, %d replications of %,d events, %d cores: serially"
                    + " %.2f s wall (%.2f s CPU), on %d threads %.2f s wall (%.2f s CPU): %.2fx; the same numbers both"
                    + " ways: %s%n", f.workload(), parallelDuration, f.replications(), f.eventsPerReplication(),
                    f.cores(), f.serialWallSeconds(), f.serialCpuSeconds(), f.threads(), f.parallelWallSeconds(),
                    f.parallelCpuSeconds(), f.speedup(), f.identical() ? "yes" : "NO");
            scaling = mapper.valueToTree(f);
        }
        ObjectNode report = null;
        if (monthScenario != null) {
            report = reportTiming(monthScenario, mapper, progress);
            out.printf(Locale.ROOT, "%nreport of month (%.0f days simulated): %d files, %,d bytes, rendered in %.3f s"
                    + " (%.3f-%.3f s over %d)%n", monthScenario.durationMicros() / 86_400e6,
                    report.get("files").asInt(), report.get("bytes").asLong(), report.get("seconds").asDouble(),
                    report.get("secondsMin").asDouble(), report.get("secondsMax").asDouble(), repeat);
        }
        ObjectNode memory = null;
        if (memoryModel) {
            MemoryModel.Figure m;
            try {
                m = MemoryModel.measure(t -> Overrides.apply(t, sets, "many-functions"), progress);
            } catch (ScenarioException e) {
                if (sets.isEmpty() || !e.source().startsWith("memory-")) {
                    throw e;
                }
                // it named the internal workload (memory-1000-functions-1000-keys), not the --set that broke it
                throw new ScenarioException("many-functions (bench --memory-model)", ScenarioLoader.blameSets(
                        e.problems(), Workloads.manyFunctions(MemoryModel.FEW, MemoryModel.MANY_KEYS_GROUPS),
                        e.source(), sets));
            }
            out.printf(Locale.ROOT, "%nmemory (many-functions, %.0f s simulated):%n%10s %6s %12s %10s %9s%n",
                    m.simulatedSeconds(), "functions", "keys", "events", "retained", "peak MiB");
            for (MemoryModel.Point p : m.points()) {
                out.printf(Locale.ROOT, "%,10d %,6d %,12d %8.1f MiB %9d%n", p.functions(), p.keys(), p.events(),
                        p.retainedHeapBytes() / 1048576.0, p.peakHeapBytes() >> 20);
            }
            out.printf(Locale.ROOT, "per function %.1f KiB, per key %.1f KiB (retained, the run's result included)%n",
                    m.bytesPerFunction() / 1024, m.bytesPerKey() / 1024);
            memory = mapper.valueToTree(m);
        }
        if (json != null) {
            ObjectNode root = mapper.createObjectNode();
            root.put("java", System.getProperty("java.version"));
            root.put("cores", Runtime.getRuntime().availableProcessors());
            root.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
            root.put("heapReferences", HeapReferences.mode());
            collectors.forEach(root.putArray("garbageCollectors")::add);
            if (!sets.isEmpty()) { // the workloads were not the standard ones: figures not comparable with those
                sets.forEach(root.putArray("overrides")::add);
            }
            root.set("workloads", all);
            root.set("references", refs);
            root.set("samplers", draws);
            root.set("costModel", cost);
            if (split != null) {
                root.set("loss100OverLoss", split);
            }
            if (scaling != null) {
                root.set("parallelScaling", scaling);
            }
            if (memory != null) {
                root.set("memoryModel", memory);
            }
            if (report != null) {
                root.set("reportWriting", report);
            }
            SafeOutput.writeMarkedFile(json, home, JSON_SIGNATURE, (mapper.writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return 0;
    }

    /**
     * The month's run simulated once, then its report rendered in memory (no disk: what the time is spent on is
     * drawing and formatting) once untimed and {@code repeat} times timed: wall seconds, median, min and max.
     */
    private ObjectNode reportTiming(Scenario month, ObjectMapper mapper, Consumer<String> progress) {
        progress.accept("month: simulated for its report");
        dev.enisim.run.RunResult result = new dev.enisim.run.Simulation(month, 0).run();
        java.util.Map<String, byte[]> files = dev.enisim.report.ReportWriter.render(result);
        double[] seconds = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            progress.accept("month's report: rendering " + (i + 1) + " of " + repeat);
            long t0 = System.nanoTime();
            files = dev.enisim.report.ReportWriter.render(result);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        double[] sorted = seconds.clone();
        java.util.Arrays.sort(sorted);
        ObjectNode n = mapper.createObjectNode();
        n.put("workload", "month");
        n.put("simulatedSeconds", month.durationMicros() / 1e6);
        n.put("files", files.size());
        n.put("bytes", files.values().stream().mapToLong(b -> b.length).sum());
        n.put("repeats", repeat);
        n.put("seconds", sorted[repeat / 2]);
        n.put("secondsMin", sorted[0]);
        n.put("secondsMax", sorted[repeat - 1]);
        return n;
    }

    /**
     * The JVM's garbage collectors by name ("G1 Young Generation", ...): the collector moves the rates (the reference
     * simulators allocate per event, and the collector's barriers are in every store) and was named nowhere in the
     * bench's output, though its figures are quoted for the default G1.
     */
    static List<String> collectors() {
        List<String> names = new ArrayList<>();
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory
                .getGarbageCollectorMXBeans()) {
            names.add(gc.getName());
        }
        return names;
    }

    /**
     * " (Erlang B 0.00365 +- 0.00042: PASS)": whether a reference's lost fraction agrees with Erlang B, within the half
     * width of the model's 95% interval (a run of the same system and length has the same standard error). A
     * reference that does not simulate the loss system is no yardstick; its fraction was printed with no verdict.
     */
    static String lostVerdict(Bench.ReferenceResult ref, Bench.ErlangCheck e) {
        if (e == null) {
            return "";
        }
        double half = (e.ciHigh() - e.ciLow()) / 2;
        return String.format(Locale.ROOT, " (Erlang B %.5f +- %.5f: %s)", e.theory(), half,
                Math.abs(ref.lostFraction() - e.theory()) <= half ? "PASS" : "FAIL");
    }

    /** A forked JVM failed (it said why, and this command said which): the command exits with its code. */
    private static final class ForkFailed extends RuntimeException {
        private final int code;

        ForkFailed(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    /**
     * Measures one workload (and, with {@code refs}, for a loss workload the reference simulators) in a JVM of its
     * own started in {@code workingDir}: this command with {@code --no-fork}, this workload only, its figures
     * written to a JSON file in a temporary folder this method creates and deletes. The fork's progress and
     * messages go to {@code err}. Returns the fork's JSON; when the fork fails, says so and throws
     * {@link ForkFailed}.
     */
    private JsonNode forked(Path workingDir, String source, boolean refs, List<String> overrides, ObjectMapper mapper,
            PrintWriter err) throws IOException {
        Path tmp = temporaryFolder();
        Path file = tmp.resolve("bench.json");
        try {
            List<String> args = new ArrayList<>(List.of("bench", "--no-fork", "--repeat", Integer.toString(repeat),
                    "--warmup", warmup.toString(), "--json", file.toString(),
                    refs ? "--references" : "--no-references"));
            for (String s : overrides) {
                args.add("--set");
                args.add(s);
            }
            args.add("--");
            args.add(source);
            int code = ForkedJvm.run(workingDir, Main.class.getName(), args, err::println);
            if (code != 0) {
                err.println("enisim: the JVM forked to measure " + source + " exited with code " + code
                        + " (--no-fork measures in this JVM)");
                throw new ForkFailed(code);
            }
            JsonNode child = mapper.readTree(file.toFile());
            for (JsonNode w : child.get("workloads")) {
                // the fork's note, which this JVM makes again from the scenario: not one of Bench.Result's fields
                ((ObjectNode) w).remove("erlangBNotChecked");
            }
            return child;
        } finally {
            ForkedJvm.removeFolder(tmp);
        }
    }

    /**
     * A generated scenario (a cost-model point) measured in a JVM of its own: written to {@code <name>.yaml} in a
     * temporary folder (JSON is YAML), measured there by {@link #forked} without references or overrides, both
     * files deleted; the result carries {@code name}.
     */
    private Bench.Result forkedTree(String name, JsonNode tree, ObjectMapper mapper, PrintWriter err)
            throws IOException {
        Path tmp = temporaryFolder();
        Path file = tmp.resolve(name + ".yaml");
        try {
            Files.write(file, mapper.writeValueAsBytes(tree));
            JsonNode child = forked(tmp, file.getFileName().toString(), false, List.of(), mapper, err);
            return mapper.treeToValue(child.get("workloads").get(0), Bench.Result.class).named(name);
        } finally {
            ForkedJvm.removeFolder(tmp);
        }
    }

    /**
     * A temporary folder for a fork's files, named after this process ({@code enisim-bench-<pid>-...}), so that what
     * one bench leaves or deletes is told apart from another's running at the same time; removed with what it holds
     * when done, or by {@link ForkedJvm}'s shutdown hook when the bench is interrupted (SIGINT, SIGTERM).
     */
    static Path temporaryFolder() throws IOException {
        return ForkedJvm.temporaryFolder("enisim-bench-" + ProcessHandle.current().pid() + "-");
    }

    /**
     * An existing --json file is replaced only if it is the bench's JSON: it opens with the Java version, as the
     * bench writes it, and names the heap's reference mode ("workloads" alone was a word any JSON may hold; the
     * field anywhere was held by a user's settings file and by the bench's own source).
     */
    static final SafeOutput.Mark JSON_SIGNATURE = SafeOutput.Mark.startingWith("{\n  \"java\" : \"",
            "\"heapReferences\" : ").sealedBy(SafeOutput.Seal.JSON);

    /**
     * An existing --cost-model file is replaced only if it is the cost-model chart enisim drew: an SVG document
     * (JFreeSVG's prolog) with the chart's title (the title alone was in enisim's own source).
     */
    static final SafeOutput.Mark SVG_SIGNATURE = SafeOutput.Mark.startingWith("<?xml version=\"1.0\"?>\n<!DOCTYPE svg",
            "What an event costs as functions grow").sealedBy(SafeOutput.Seal.XML_COMMENT);

    /** The workload {@code name}'s scenario with --set applied; a problem a --set made says so. */
    /** A workload's scenario, read and checked, or null with its problem added to {@code problems}. */
    private static Scenario workload(Set<String> problems, Reading read) {
        try {
            return read.scenario();
        } catch (ScenarioException | UserInputException e) {
            problems.add(Main.userMessage(e));
            return null;
        }
    }

    /** Reads a workload's scenario. */
    private interface Reading {
        Scenario scenario() throws ScenarioException;
    }

    private Scenario withSets(JsonNode tree, String name) throws ScenarioException {
        try {
            return ScenarioLoader.parseTree(Overrides.apply(tree, sets, name), name);
        } catch (ScenarioException e) {
            if (!e.source().equals(name)) {
                throw e; // a trace's problem: its own file
            }
            throw new ScenarioException(name, ScenarioLoader.blameSets(e.problems(), tree, name, sets));
        }
    }

    /** The workload's scenario tree: generated for {@code many-functions}, else read from its file. */
    private static JsonNode tree(Path home, String name) throws ScenarioException {
        if (name.equals(Workloads.MANY_FUNCTIONS)) {
            return Workloads.manyFunctions(10_000);
        }
        return ScenarioLoader.readTree(file(home, name));
    }

    private static Path file(Path home, String name) {
        Path file = name.endsWith(".yaml") || name.endsWith(".yml") ? home.resolve(name)
                : home.resolve("scenarios").resolve("bench").resolve(name + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("no workload " + Problem.quote(name) + ": expected " + String.join(", ", STANDARD) + ", " + Workloads.MANY_FUNCTIONS
                    + " (scenarios/bench/<name>.yaml, from the project directory) or a scenario file; " + file
                    + " does not exist");
        }
        return file;
    }

    /** The forks' rates in the order they ran, then their median, min and max (the table's row is the median fork's). */
    private static void printForks(PrintWriter out, Forks.Spread s) {
        out.printf(Locale.ROOT, "%14s %d forks, events/CPU-s (M): %s; median %.2f (min %.2f, max %.2f), steady median"
                + " %.2f (min %.2f, max %.2f); warm-up tenths %s; the row above is the median fork's%n", "",
                s.forks(), rates(s.eventsPerCpuSecond()), s.median() / 1e6, s.min() / 1e6, s.max() / 1e6, s.steadyMedian() / 1e6,
                s.steadyMin() / 1e6, s.steadyMax() / 1e6, tenths(s.warmupTenths()));
    }

    /**
     * A reference's forks: its rates in the order they ran, their median, min and max (its line above is its median
     * fork's, the ratios against the workload's median fork).
     */
    private static void printReferenceForks(PrintWriter out, Forks.Spread s) {
        out.printf(Locale.ROOT, "%14s %-19s %d forks, events/CPU-s (M): %s; median %.2f (min %.2f, max %.2f); warm-up"
                + " tenths %s; the line above is its median fork's, against the workload's median fork%n", "", "",
                s.forks(), rates(s.eventsPerCpuSecond()), s.median() / 1e6, s.min() / 1e6, s.max() / 1e6,
                tenths(s.warmupTenths()));
    }

    /** "12.92, 8.93, 13.32": rates in millions, in the order the forks ran. */
    private static String rates(double[] perSecond) {
        StringBuilder b = new StringBuilder();
        for (double rate : perSecond) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", rate / 1e6));
        }
        return b.toString();
    }

    /** "7, 10, 8": each fork's warm-up in tenths, in the order they ran. */
    private static String tenths(int[] tenths) {
        StringBuilder b = new StringBuilder();
        for (int t : tenths) {
            b.append(b.length() == 0 ? "" : ", ").append(t);
        }
        return b.toString();
    }

    /** {@code --warmup}'s value: auto or tenth, in any case; anything else is bad input. */
    static final class WarmupMode implements picocli.CommandLine.ITypeConverter<Warmup.Mode> {
        @Override
        public Warmup.Mode convert(String value) {
            for (Warmup.Mode m : Warmup.Mode.values()) {
                if (m.toString().equalsIgnoreCase(value)) {
                    return m;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected auto or tenth, not " + Problem.quote(value));
        }
    }

    private static void print(PrintWriter out, Bench.Result r) {
        out.printf(Locale.ROOT, "%-14s %,12d %,12d %7.2f %,10.0f (%,.0f-%,.0f) %,9.0f (%,.0f-%,.0f) %5d %8.1f %7.1f %,12.0f %8.3f %,12.0f%n",
                r.workload(), r.events(), r.invocations(), r.wallSeconds(), r.eventsPerSecond(),
                r.eventsPerSecondMin(), r.eventsPerSecondMax(), r.invocationsPerSecond(), r.invocationsPerSecondMin(),
                r.invocationsPerSecondMax(), r.peakHeapBytes() >> 20, r.retainedHeapBytes() / 1048576.0, r.bytesPerEvent(),
                r.eventsPerCpuSecond(), r.steadyBytesPerEvent(), r.steadyEventsPerCpuSecond());
        if (r.warmup() != null) {
            out.printf(Locale.ROOT, "%14s warm-up: %s%n", "", r.warmup().describe());
        }
        if (r.erlangB() != null) {
            Bench.ErlangCheck e = r.erlangB();
            out.printf(Locale.ROOT, "%14s throttled fraction %.5f (95%% CI %.5f-%.5f) vs Erlang B(%d, %.0f) = %.5f: %s%n",
                    "", e.simulated(), e.ciLow(), e.ciHigh(), e.servers(), e.offered(), e.theory(),
                    e.passed() ? "PASS" : "FAIL");
        }
    }
}
