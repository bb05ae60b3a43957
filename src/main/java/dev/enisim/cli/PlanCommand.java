package dev.enisim.cli;

import dev.enisim.scenario.Problem;
import dev.enisim.plan.Plan;
import dev.enisim.plan.Planner;
import dev.enisim.report.PlanReport;
import dev.enisim.report.ReportWriter;
import dev.enisim.scenario.AssumptionPreset;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Answers the capacity questions for a scenario.", "",
            "Runs variants of the scenario:",
            "  1. the smallest prefix for each subnet with no invocation failing for IPs",
            "     at the peak after --warm-up, the most over --replications runs (verified",
            "     on as many other runs: no failure at the recommended size, some one size",
            "     smaller);",
            "  2. peak Hyperplane ENIs per VPC against the quota, by key, and what one",
            "     security-group set per subnet would save;",
            "  3. the traffic multiplier at which the first ENI, IP, connections (65,000",
            "     per ENI), concurrency, scaling-rate, request-rate (10 x concurrency",
            "     requests per second) or EC2-request-rate (hyperplane.ec2RequestLimit)",
            "     limit is hit in any of up to 3 replications (to the search's 5%%;",
            "     --headroom-searches such searches on other replications, the lowest",
            "     given); when EC2's request limit refuses the deployment, also the",
            "     headroom of a rollout in waves it accepts;",
            "  4. how long deleting every function waits for Lambda's ENIs (p50, p99",
            "     over replications);",
            "  5. the longest quiet period before an invocation fails (the idle rule),",
            "     and a keep-warm interval.",
            "Writes plan.json (and plan.html with --html) into --out; with --assumptions both, plan-documented.json"
            + " and plan-field.json (and their pages), and the answers side by side.",
            "Exit codes: 0 answered, 2 bad input or an output folder enisim did not write, 3 internal error (a bug in"
            + " enisim)."})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "Scenario file.")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/<name>-plan).")
    Path out;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "20",
            description = "Replications N: the subnet sizes take the most demand over N runs and are checked on N"
                + " others; the teardown wait's quantiles are over N runs (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--headroom-searches", paramLabel = "S", defaultValue = "1",
            description = "Traffic-headroom searches, each on its own replications (search k: replications 3k to"
                + " 3k+2, fewer with a smaller --replications): the answer is the lowest first limit, and each"
                + " search's is said, so the spread over random numbers shows. With 1 the answer is one seed's and"
                + " says so: other random numbers move it (the quickstart's first limit from x10.4 to x11.3 over five"
                + " searches). Each search takes as long as the"
                + " first (default: ${DEFAULT-VALUE}).")
    int headroomSearches;

    @Option(names = "--html", description = "Also write plan.html.")
    boolean html;

    @Option(names = "--both-network-models",
            description = "Also size the subnets under the other network model (legacy or Hyperplane).")
    boolean bothModels;

    @Option(names = "--assumptions", paramLabel = "PRESET",
            description = "Answer under this assumption preset: documented (AWS's current text), field (the field"
                + " reports) or both (each in turn, then side by side); a field the scenario sets itself wins over"
                + " either (default: the scenario's own assumptions, field when it names none).")
    String assumptions;

    @Option(names = "--warm-up", paramLabel = "DURATION", defaultValue = "5m",
            description = "Throttles, failures and peaks in this long from the run's start, or from a function's"
                + " turning Active, are left out of the plan's judgements (the traffic headroom's limits, the failures"
                + " as it is, the peak IPs and ENIs of sections 1 and 2) and said apart: the simulation starts every"
                + " function with no warm environment, a ramp a deployed function does not go through. The"
                + " recommended subnet sizes still hold the ENIs the warm-up made (each keeps its address). Applies"
                + " when the run is longer than twice it (else the plan says it did not); 0 judges the whole run"
                + " (default: ${DEFAULT-VALUE}).")
    String warmUp;

    @Option(names = "--max-failed-fraction", paramLabel = "FRACTION", defaultValue = "0",
            description = "A class of failures (a limit's throttles or errors) of at most this fraction of the run's"
                + " invocations does not count: not the scenario failing as it is (said apart, with its fraction),"
                + " not a limit hit in the traffic headroom; a function that ends Failed always counts. A fraction"
                + " such as 0.001 or a percentage such as 0.1%%; 0 counts any failure, however rare, so the answer"
                + " moves with the run's length (default: ${DEFAULT-VALUE}).")
    String maxFailedFraction;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N",
            description = "Simulations run at once (default: one per core; 1: one after the other). The plan is the"
                + " same whatever N: each run's numbers come from its replication alone and are used in order.")
    Integer threads;

    @Mixin
    Overriding overriding;

    @Mixin
    Budget budget;

    @Override
    public Integer call() throws ScenarioException, IOException {
        // every problem of the options, the scenario and the output folder at once (exit 2): a lone bad option was
        // said on its own, and hid the others
        Set<String> problems = new LinkedHashSet<>();
        if (replications < 1) {
            problems.add("enisim: --replications must be at least 1");
        }
        if (headroomSearches < 1) {
            problems.add("enisim: --headroom-searches must be at least 1, got " + headroomSearches);
        }
        if (threads != null && threads < 1) {
            problems.add("enisim: --threads must be at least 1, got " + threads);
        }
        long warmUp = 0;
        double maxFailed = 0;
        List<String> presets = java.util.Collections.singletonList(null); // the scenario's own, to say its problems
        try {
            warmUp = warmUpMicros();
        } catch (UserInputException e) {
            problems.add(Main.userMessage(e));
        }
        try {
            maxFailed = maxFailedFraction();
        } catch (UserInputException e) {
            problems.add(Main.userMessage(e));
        }
        try {
            presets = presets();
        } catch (UserInputException e) {
            problems.add(Main.userMessage(e));
        }
        if (budget.problem() != null) {
            problems.add("enisim: " + budget.problem());
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (String preset : presets) {
            List<String> sets = new ArrayList<>(overriding.sets);
            if (preset != null) {
                sets.add("assumptions=" + preset);
            }
            try {
                scenarios.add(ScenarioLoader.load(file, sets, null));
            } catch (ScenarioException e) {
                problems.add(Main.userMessage(e)); // the same file's under another preset: said once
            }
        }
        Path home = Main.workingDir(spec);
        Path dir = out != null ? out : scenarios.isEmpty() ? null : home.resolve("reports").resolve(
                scenarios.get(0).name() + "-plan");
        InputProblems.checkFolder(problems, dir, home);
        if (!problems.isEmpty()) {
            throw new InputProblems(problems);
        }
        OtherOutput.warn(dir, "plan", spec.commandLine().getErr());
        Scenario s = scenarios.get(0);
        int answers = presets.size();
        // the most runs the plan can take under each preset (Planner.mostRuns): the figure its progress lines count
        // against ("run 1 of at most 149"), so that the budget's line says the same number
        int[] mostRuns = new int[scenarios.size()];
        double events = 0;
        long allRuns = 0;
        for (int i = 0; i < mostRuns.length; i++) {
            mostRuns[i] = Planner.mostRuns(scenarios.get(i), replications, bothModels, headroomSearches);
            events += Budget.events(scenarios.get(i)) * mostRuns[i];
            allRuns += mostRuns[i];
        }
        String runs = "at most " + allRuns + " run" + (allRuns == 1 ? "" : "s");
        if (scenarios.size() > 1) { // "at most 298 runs: 149 documented, 149 field"
            List<String> each = new ArrayList<>();
            for (int i = 0; i < mostRuns.length; i++) {
                each.add(mostRuns[i] + " " + scenarios.get(i).assumptions().label());
            }
            runs += ": " + String.join(", ", each);
        }
        // the memory warning from the longest run the plan may take (its teardown's, longer than the scenario), not
        // the scenario's alone
        Scenario longest = Planner.longestRun(s, replications);
        budget.check(s, events, s.name() + " (" + runs + ")", longest, s.name() + "'s teardown runs (the scenario"
                + " and up to " + Format.duration(longest.durationMicros() - s.durationMicros()) + " after it)",
                spec.commandLine().getErr());
        List<Plan> plans = new ArrayList<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario sc = scenarios.get(i);
            String label = sc.assumptions().label();
            int most = mostRuns[i];
            Planner[] planner = new Planner[1];
            planner[0] = new Planner(sc, replications, bothModels, line -> {
                if (!quiet) { // the run about to start, of the most the plan can take (searches often stop sooner)
                    spec.commandLine().getErr().println("  run " + (planner[0].runsStarted() + 1) + " of at most "
                            + most + (answers > 1 ? " (" + label + ")" : "") + ": " + line);
                }
            });
            Plan plan = planner[0].warmUp(warmUp).maxFailedFraction(maxFailed)
                    .headroomSearches(headroomSearches)
                    .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
                    .heap(Budget::need, Parallelism.heapRoom()) // runs at once as fit in the heap, as check's
                    .plan();
            plans.add(plan);
            String stem = presets.size() > 1 ? "plan-" + label : "plan";
            // the user's --set (not the preset added above: the plan names its assumptions itself)
            files.put(stem + ".json", PlanReport.json(plan, overriding.sets).getBytes(StandardCharsets.UTF_8));
            if (html) {
                files.put(stem + ".html", PlanReport.html(plan, overriding.sets).getBytes(StandardCharsets.UTF_8));
            }
        }
        ReportWriter.writeFiles(files, dir, home);
        PrintWriter o = spec.commandLine().getOut();
        for (Plan plan : plans) {
            o.print(PlanReport.text(plan, overriding.sets));
            o.println();
        }
        if (plans.size() > 1) {
            o.print(PlanReport.contrast(plans));
            o.println();
        }
        o.println("Written: " + dir.resolve(files.keySet().iterator().next()) + files.keySet().stream().skip(1)
                .map(f -> ", " + f).collect(Collectors.joining()));
        return 0;
    }

    private long warmUpMicros() {
        try {
            long w = warmUp.trim().equals("0") ? 0 : dev.enisim.scenario.Units.durationMicros(warmUp.trim());
            if (w < 0) {
                throw new IllegalArgumentException("negative");
            }
            return w;
        } catch (RuntimeException e) {
            throw new UserInputException("--warm-up: expected a duration such as 5m, 90s or 0, got " + Problem.quote(warmUp));
        }
    }

    /** --max-failed-fraction as a fraction: "0.001" or "0.1%", from 0 to under 1. */
    double maxFailedFraction() {
        String t = maxFailedFraction.trim();
        try {
            double f = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
                    : Double.parseDouble(t);
            if (f >= 0 && f < 1) {
                return f;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UserInputException("--max-failed-fraction: expected a fraction from 0 to under 1 (such as 0.001)"
                + " or a percentage (such as 0.1%), got " + Problem.quote(maxFailedFraction));
    }

    /** The presets to answer under: the scenario's own (null), one named, or every one. */
    private List<String> presets() {
        if (assumptions == null) {
            return java.util.Collections.singletonList(null);
        }
        if (assumptions.equals("both")) {
            return AssumptionPreset.labels();
        }
        if (AssumptionPreset.of(assumptions) == null) {
            throw new UserInputException("--assumptions: expected documented, field or both, got "
                    + Problem.quote(assumptions));
        }
        return List.of(assumptions);
    }
}
