package dev.enisim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.check.Baseline;
import dev.enisim.check.Checker;
import dev.enisim.check.JUnitXml;
import dev.enisim.report.ReplicatedSummary;
import dev.enisim.report.SummaryJson;
import dev.enisim.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import dev.enisim.report.SafeOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Runs scenarios and checks their expect: blocks (for CI).", "",
            "Prints one line per assertion. With --baseline, also compares each run's summary with a committed one, "
            + "field by field. Exit codes: 0 all hold, 1 an assertion failed or a baseline differs, 2 bad input."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Scenario files, or folders (their *.yaml and *.yml files, not recursive).")
    List<Path> paths;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report here (default: not written).")
    Path junit;

    @Mixin
    Overriding overriding;

    @Mixin
    Budget budget;

    @Option(names = "--step-summary", paramLabel = "FILE", defaultValue = "${env:GITHUB_STEP_SUMMARY}",
            description = "Append the verdicts as a Markdown table to this file (default: $GITHUB_STEP_SUMMARY, "
                + "GitHub Actions' job summary; unset: none).")
    String stepSummary; // text, not a Path: unset, the environment variable gives an empty default meaning "none"

    @Option(names = "--replications", paramLabel = "N", defaultValue = "1",
            description = "Replications per scenario; assertions then apply to the mean (or ci(...)) (default: ${DEFAULT-VALUE}).")
    int replications;

    @Mixin
    Parallelism parallelism;

    @Option(names = "--baseline", paramLabel = "DIR",
            description = {"Compare each summary with DIR/<scenario name>.summary.json (with --replications N: the "
                + "statistics, as run --replications N writes them) (default: no baseline comparison)."})
    Path baseline;

    @Option(names = "--update-baseline", description = "Write the summaries into --baseline instead of comparing.")
    boolean updateBaseline;

    @Option(names = "--html", paramLabel = "FILE", description = "With --baseline: also write the drift as a page, "
            + "each scenario's differences ranked by cause (changed inputs first), both values side by side "
            + "(replaces only a page enisim wrote) (default: not written).")
    Path html;

    @Option(names = "--tolerance", paramLabel = "PERCENT", defaultValue = "0",
            description = "With --baseline: relative tolerance for non-integer baseline values, a percentage >= 0 "
                + "(default exact).")
    double tolerancePercent;

    @Override
    public Integer call() throws ScenarioException, IOException {
        if (replications < 1) {
            throw new UserInputException("--replications must be at least 1");
        }
        if (!(tolerancePercent >= 0) || Double.isInfinite(tolerancePercent)) { // NaN compares as nothing: it passed
            throw new UserInputException("--tolerance must be a percentage >= 0, got " + tolerancePercent);
        }
        if (updateBaseline && baseline == null) {
            throw new UserInputException("--update-baseline needs --baseline DIR");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--tolerance") && (baseline == null
                || updateBaseline)) { // it was ignored: a check without a baseline compared exactly nothing
            throw new UserInputException("--tolerance applies to the comparison with a baseline: it needs --baseline "
                    + "DIR (and not --update-baseline)");
        }
        if (baseline != null && java.nio.file.Files.exists(baseline)
                && !java.nio.file.Files.isDirectory(baseline)) { // it said "already exists" when writing into it
            throw new UserInputException("--baseline " + baseline + ": expected a folder of <scenario>.summary.json"
                    + " files, got a file");
        }
        Path wd = Main.workingDir(spec);
        if (junit != null && html != null && wd.resolve(junit).toAbsolutePath().normalize().equals(
                wd.resolve(html).toAbsolutePath().normalize())) { // refused only after the runs, for the second
            throw new UserInputException("--junit and --html name the same file " + junit + "; give each its own");
        }
        for (Path f : java.util.Arrays.asList(junit, html)) {
            if (f != null && baseline != null && f.getFileName() != null && f.getFileName().toString().endsWith(
                    ".summary.json") && wd.resolve(baseline).toAbsolutePath().normalize().equals(
                    wd.resolve(f).toAbsolutePath().normalize().getParent())) {
                throw new UserInputException((f == junit ? "--junit " : "--html ") + f + " is a baseline's place in"
                        + " --baseline " + baseline + "; give the report a file of its own");
            }
        }
        if (junit != null) {
            SafeOutput.checkMarkedFile(junit, Main.workingDir(spec), JUNIT_SIGNATURE);
        }
        List<Path> touched = new java.util.ArrayList<>(paths); // what the step summary must not be
        touched.add(junit);
        touched.add(html);
        summaryFile = StepSummary.of(stepSummary, Main.workingDir(spec), "check's verdicts", touched);
        if (html != null) {
            if (baseline == null || updateBaseline) {
                throw new UserInputException("--html shows the drift from a baseline: it needs --baseline DIR (and "
                        + "not --update-baseline)");
            }
            PageOutput.check(spec, html);
        }
        try {
            return checkAll();
        } catch (UserInputException | InputProblems e) {
            // a JUnit file of an earlier run must not stay behind to show its passes: CI reads this one
            if (junit != null) {
                try {
                    write(junit, JUNIT_SIGNATURE, JUnitXml.badInput(Main.userMessage(e)));
                } catch (IOException | RuntimeException w) {
                    e.addSuppressed(w);
                }
            }
            throw e;
        }
    }

    /** A scenario to check: its file as given, the scenario with its expectations, its baseline's summary. */
    private record Checked(Path file, Checker.Loaded loaded, JsonNode baseline) {
    }

    /** Where the verdicts' Markdown is appended (null: nowhere), checked before any run. */
    private Path summaryFile;

    private int checkAll() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int threads = parallelism.threads();
        List<Checked> inputs = inputs();
        if (summaryFile != null) { // a trace a scenario reads is an input too (it had the verdicts appended)
            for (Checked c : inputs) {
                for (Path trace : dev.enisim.scenario.TraceFiles.of(c.file())) {
                    if (StepSummary.same(summaryFile, trace)) {
                        throw new UserInputException("--step-summary " + stepSummary + ": it is the trace " + trace
                                + " that " + c.file() + " reads; give the CI job's summary file");
                    }
                }
            }
        }
        List<Checker.ScenarioCheck> checks = new ArrayList<>();
        Map<String, List<Baseline.Diff>> drifts = new LinkedHashMap<>();
        Map<String, String> toWrite = new LinkedHashMap<>(); // by scenario name, the baselines to write
        // a metric path the runs do not have is bad input too: found for every scenario, then said at once
        Set<String> problems = new LinkedHashSet<>();
        for (Checked in : inputs) {
            Checker.ScenarioCheck c;
            try {
                c = Checker.check(in.loaded(), in.file().toString(), replications, threads);
            } catch (ScenarioException e) {
                problems.add(e.getMessage());
                continue;
            }
            checks.add(c);
            out.printf("%s (%s)%n", c.name(), c.file());
            if (!overriding.sets.isEmpty()) {
                out.println("  " + dev.enisim.report.ReportWriter.overridesLine(overriding.sets));
            }
            if (c.results().isEmpty()) {
                out.println("  (no expectations)");
            }
            for (Checker.Result r : c.results()) {
                // the sentence shows a control character as its escape already; a value of the run may hold one too
                out.printf("  %s  %s   (actual %s)%n", r.passed() ? "PASS" : "FAIL", r.expectation().text(),
                        dev.enisim.check.Expectation.visible(r.actual()));
            }
            if (baseline == null) {
                continue;
            }
            // the summary run would write with the same --set: a baseline records the overrides it was run with
            List<dev.enisim.run.RunResult> runs = c.runs().stream().map(r -> r.withOverrides(overriding.sets))
                    .toList();
            String actual = replications > 1 ? ReplicatedSummary.json(c.scenario(), runs)
                    : SummaryJson.render(runs.get(0).summary());
            if (updateBaseline) {
                toWrite.put(c.name(), actual);
            } else {
                drifts.put(c.file(), compare(in.baseline(), baselineFile(c.name()), actual, out));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputProblems(problems);
        }
        // written only now that every scenario ran with good input: bad input left some baselines new, others old
        for (Map.Entry<String, String> w : toWrite.entrySet()) {
            Path file = baselineFile(w.getKey());
            SafeOutput.writeFile(file, Main.workingDir(spec), baselineSignature(w.getKey()), true,
                    w.getValue().getBytes(StandardCharsets.UTF_8));
            out.println("baseline written: " + file);
        }
        if (replications == 1 && checks.stream().anyMatch(c -> !c.results().isEmpty())) {
            out.println("(one replication: each value is one run's, with no confidence interval)");
        }
        long failed = checks.stream().flatMap(c -> c.results().stream()).filter(r -> !r.passed()).count()
                + drifts.values().stream().filter(d -> !d.isEmpty()).count();
        long total = checks.stream().mapToLong(c -> c.results().size()).sum() + drifts.size();
        out.printf("%d scenario(s), %d assertion(s)%s, %d failed%n", checks.size(), total,
                drifts.isEmpty() ? "" : " (" + drifts.size() + " of them baseline comparisons)", failed);
        if (junit != null) {
            write(junit, JUNIT_SIGNATURE, JUnitXml.render(checks, drifts));
        }
        StepSummary.append(summaryFile, StepSummary.withOverrides(dev.enisim.check.CheckMarkdown.render(checks,
                drifts), overriding.sets));
        if (html != null) {
            PageOutput.write(spec, html, dev.enisim.report.DriftPage.html(drifts, baseline.toString(),
                    tolerancePercent / 100, overriding.sets));
            out.println("drift page: " + html);
        }
        return failed == 0 ? 0 : 1;
    }

    /**
     * Every input of the check, before its first run: each file read and validated with its expect block (as
     * {@code validate} does), one name per scenario, each baseline to compare read and found to be a summary of as
     * many replications, each one to write writable, each run within the budget. Every problem of every file is
     * said at once (exit 2): the first broken file stopped the check after the runs of the files before it, and a
     * bad file sorted after a good one left that one's baseline written.
     */
    private List<Checked> inputs() throws IOException {
        Set<String> problems = new LinkedHashSet<>();
        Map<String, Path> byName = new LinkedHashMap<>();
        List<Checked> out = new ArrayList<>();
        for (Checker.Input in : Checker.loadAll(scenarioFiles(problems), overriding.sets)) {
            if (in.problems() != null) {
                problems.add(in.problems().getMessage());
                continue;
            }
            String name = in.loaded().scenario().name();
            Path other = byName.putIfAbsent(name, in.file());
            if (other != null) { // one baseline file and one JUnit suite per name: the two would overwrite each other
                problems.add("enisim: " + other + " and " + in.file() + " are both scenario '" + name + "': each"
                        + " scenario checked in one run needs its own name (its baseline file and JUnit suite are"
                        + " named after it)");
                continue;
            }
            try {
                JsonNode expected = null;
                if (baseline != null && updateBaseline) {
                    SafeOutput.checkFile(baselineFile(name), Main.workingDir(spec), baselineSignature(name), true);
                } else if (baseline != null) {
                    expected = readBaseline(baselineFile(name));
                }
                budget.check(in.loaded().scenario(), replications, spec.commandLine().getErr());
                out.add(new Checked(in.file(), in.loaded(), expected));
            } catch (UserInputException | dev.enisim.report.OutputRefused e) {
                problems.add(Main.userMessage(e));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputProblems(problems);
        }
        return out;
    }

    private Path baselineFile(String scenario) {
        return baseline.resolve(scenario + ".summary.json");
    }

    /**
     * The baseline of a scenario is the summary.json that {@code run} would write with the same replications: one
     * run's summary, or with {@code --replications N} the statistics of every metric. A file that is not one (JSON
     * of something else) is bad input: it was compared, and every leaf of the run counted as a difference.
     */
    /** A summary.json is kilobytes (a few MiB with thousands of functions); a baseline above this is not one. */
    static final long MAX_BASELINE_BYTES = 256L * 1024 * 1024;

    private JsonNode readBaseline(Path file) {
        if (!Files.exists(file)) {
            throw new UserInputException("no baseline " + file + " (create it with --update-baseline)");
        }
        if (!Files.isRegularFile(file)) { // a device or a pipe (a link to /dev/zero) was read for ever
            throw new UserInputException("baseline " + file + " is not a regular file (a folder, a device or a pipe);"
                    + " expected a summary.json");
        }
        JsonNode expected;
        try {
            if (Files.size(file) > MAX_BASELINE_BYTES) {
                throw new UserInputException("baseline " + file + " is " + Files.size(file) / (1024 * 1024) + " MiB,"
                        + " above the " + MAX_BASELINE_BYTES / (1024 * 1024) + " MiB a summary.json can be; is it the "
                        + "right file?");
            }
            expected = SummaryJson.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UserInputException("baseline " + file + " is not a summary.json: " + e.getMessage());
        }
        String missing = notASummary(expected);
        if (missing != null) {
            throw new UserInputException("baseline " + file + " is not a summary.json: expected what enisim run or "
                    + "check --update-baseline writes, an object with 'scenario', 'seed' and 'invocations' (with "
                    + "replications: 'replications' and 'metrics'); " + missing);
        }
        int written = expected.path("replications").asInt(1);
        if (written != replications) {
            throw new UserInputException("baseline " + file + " holds " + written + " replication(s), this check "
                    + "runs " + replications + " (use the same --replications, or rewrite it with --update-baseline)");
        }
        return expected;
    }

    /** What keeps {@code n} from being a summary (one run's or replicated), or null when it is one. */
    static String notASummary(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "the file is empty";
        }
        if (!n.isObject()) {
            return "it holds " + (n.isArray() ? "a list" : n.isNumber() ? "a number" : n.isTextual() ? "a text"
                    : "a " + n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        boolean replicated = n.has("replications");
        List<String> absent = new ArrayList<>();
        for (String key : replicated ? List.of("scenario", "seed", "replications", "metrics")
                : List.of("scenario", "seed", "invocations")) {
            boolean ok = switch (key) {
                case "scenario" -> n.path(key).isTextual();
                case "seed", "replications" -> n.path(key).isIntegralNumber();
                default -> n.path(key).isObject();
            };
            if (!ok) {
                absent.add("'" + key + "'");
            }
        }
        if (absent.isEmpty()) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(k -> keys.add("'" + k + "'"));
        return "it has no " + String.join(", ", absent) + " as a summary has them (its keys: " + (keys.isEmpty()
                ? "none" : String.join(", ", keys.subList(0, Math.min(keys.size(), 5))) + (keys.size() > 5 ? ", ..."
                : "")) + ")";
    }

    /** The run's summary against its baseline, leaf by leaf, printed. */
    private List<Baseline.Diff> compare(JsonNode expected, Path file, String actual, PrintWriter out)
            throws IOException {
        List<Baseline.Diff> diffs = Baseline.compare(expected, SummaryJson.mapper().readTree(actual),
                tolerancePercent / 100);
        if (diffs.isEmpty()) {
            out.println("  PASS  baseline " + file + " matches");
            return diffs;
        }
        out.printf("  FAIL  baseline %s: %d difference(s) (baseline -> now)%n", file, diffs.size());
        for (Baseline.Diff d : diffs) {
            out.println("        " + (d.input() ? "(input) " : "") + d);
        }
        return diffs;
    }

    /** An existing JUnit file or baseline is replaced only if it is one (enisim wrote it). */
    static final SafeOutput.Mark JUNIT_SIGNATURE = SafeOutput.Mark.startingWith(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"enisim check\"")
            .sealedBy(SafeOutput.Seal.XML_COMMENT);
    /**
     * A baseline enisim wrote begins with its scenario's name, as summary.json does (with or without
     * replications): {@code {\n  "scenario" : "quickstart",}. A file merely holding the word "scenario" is not one.
     */
    static String baselineSignature(String scenario) {
        return "{\n  \"scenario\" : " + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(scenario)
                + ",\n";
    }

    private void write(Path file, SafeOutput.Mark signature, String text) throws IOException {
        SafeOutput.writeMarkedFile(file, Main.workingDir(spec), signature, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The files given and those of the folders given; a folder without any is a problem, kept in {@code problems}. */
    private List<Path> scenarioFiles(Set<String> problems) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> found = s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                            .sorted().toList();
                    if (found.isEmpty()) {
                        problems.add("enisim: no scenario files (*.yaml, *.yml) in " + p);
                    }
                    files.addAll(found);
                }
            } else {
                files.add(p);
            }
        }
        // a file named twice (check scenarios scenarios/x.yaml) is checked once, as first named
        java.util.Set<Path> seen = new java.util.HashSet<>();
        files.removeIf(f -> !seen.add(f.toAbsolutePath().normalize()));
        return files;
    }
}
