package dev.enisim.cli;

import dev.enisim.scenario.Problem;
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
            + "field by field. Exit codes: 0 all hold, 1 an assertion failed or a baseline differs, 2 bad input, 3 "
            + "internal error (a bug in enisim)."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Scenario files, or folders (their *.yaml and *.yml files, not recursive; hidden ones, "
                + "such as .gitlab-ci.yml, skipped). A check where no scenario has an expectation and no --baseline "
                + "is given has nothing to check: exit 2.")
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

    @Option(names = "--expect", paramLabel = "FILE", description = "Check the assertions in FILE (a YAML file with"
            + " one key, expect:, a list of sentences as in a scenario) instead of each scenario's own expect: block: for grading others'"
            + " scenarios, the assertions kept out of their files. A failure names FILE and its line; an assertion"
            + " on a function or list element a scenario lacks fails that scenario (exit 1). Default: none (each"
            + " scenario's own expect: block).")
    Path expectFile;

    @Option(names = "--keep-going", description = "Run the scenarios that are sound when others have bad input (each"
            + " bad file said, its problems as usual), instead of running none; exit 2 if any was bad. Scenarios of"
            + " the same name are then checked each by its file when neither --junit nor --baseline needs the names"
            + " to differ.")
    boolean keepGoing;

    @Option(names = "--github-annotations", description = "Also print each failed assertion as a GitHub Actions"
            + " annotation (::error file=FILE,line=LINE::...), which GitHub shows on the pull request's diff at the"
            + " assertion's line (default: not printed).")
    boolean githubAnnotations;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "1",
            description = "Replications per scenario; assertions then apply to the mean (or ci(...)) (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--threads", paramLabel = "N",
            description = "Run the scenarios and their replications on up to N threads at once (default: one per "
                + "core; 1: one after another). The output is the same whatever N; scenarios that may not fit in the "
                + "heap together run fewer at once.")
    Integer threads;

    /** {@code check --parallel} ran the replications on all cores; every run does now: kept for older scripts. */
    @Option(names = "--parallel", hidden = true)
    boolean parallel;

    @Option(names = "--baseline", paramLabel = "DIR",
            description = {"Compare each summary with DIR/<scenario name>.summary.json (with --replications N: the "
                + "statistics, as run --replications N writes them); one cut short or changed by hand since "
                + "--update-baseline wrote it (its last member, enisimSha256, no longer matches) is bad input, unless "
                + "that member is \"edited\" (README, Baselines) (default: no baseline comparison)."})
    Path baseline;

    @Option(names = "--update-baseline", description = "Write the summaries into --baseline instead of comparing "
            + "(all or none: each into a temporary file beside it first, then all moved into place), each ending "
            + "with enisim's checksum of the rest (enisimSha256).")
    boolean updateBaseline;

    @Option(names = "--html", paramLabel = "FILE", description = "With --baseline: also write the drift as a page, "
            + "each scenario's differences ranked by cause (changed inputs first), both values side by side "
            + "(replaces only a page enisim wrote) (default: not written).")
    Path html;

    @Mixin
    WarmUpOption warmUp;

    @Option(names = "--tolerance", paramLabel = "PERCENT", defaultValue = "0",
            description = "With --baseline: relative tolerance for non-integer baseline values, a percentage >= 0 "
                + "(default exact).")
    double tolerancePercent;

    @Override
    public Integer call() throws ScenarioException, IOException {
        // every problem of every input and output is said at once (exit 2), before the first run: an option's too
        // (a lone bad option was said before the rest, and hid the scenarios' problems)
        Set<String> problems = new LinkedHashSet<>();
        if (replications < 1) {
            problems.add("enisim: --replications must be at least 1, got " + replications);
        }
        if (threads != null && threads < 1) {
            problems.add("enisim: --threads must be at least 1, got " + threads);
        }
        if (!(tolerancePercent >= 0) || Double.isInfinite(tolerancePercent)) { // NaN compares as nothing: it passed
            problems.add("enisim: --tolerance must be a percentage >= 0, got " + tolerancePercent);
        }
        if (updateBaseline && baseline == null) {
            problems.add("enisim: --update-baseline needs --baseline DIR");
        }
        warmUp.micros(null, problems); // its syntax; each scenario's duration and buckets with the scenario
        if (spec.commandLine().getParseResult().hasMatchedOption("--tolerance") && (baseline == null
                || updateBaseline)) { // it was ignored: a check without a baseline compared exactly nothing
            problems.add("enisim: --tolerance applies to the comparison with a baseline: it needs --baseline DIR (and"
                    + " not --update-baseline)");
        }
        // an output that could not be written was said alone, and hid the scenarios' problems, a missing baseline,
        // another output
        if (baseline != null && java.nio.file.Files.exists(baseline)
                && !java.nio.file.Files.isDirectory(baseline)) { // it said "already exists" when writing into it
            problems.add("enisim: --baseline " + baseline + ": expected a folder of <scenario>.summary.json files, got"
                    + " a file");
            baselineUsable = false;
        }
        if (baseline != null && updateBaseline && Files.isSymbolicLink(baseline)) {
            // it followed the link (link -> /etc) and wrote the baselines there, where --out and --trace refuse a
            // link (r7, section 8): refused the same way; a link is still read when comparing (nothing written)
            problems.add("enisim: --baseline " + baseline + " is a symbolic link, which --update-baseline does not"
                    + " write through; give the folder itself, or a new one");
            baselineUsable = false;
        }
        Path wd = Main.workingDir(spec);
        junitUsable = junit != null;
        htmlUsable = html != null;
        if (junit != null && html != null && dev.enisim.report.SafeOutput.samePlace(wd.resolve(junit),
                wd.resolve(html))) { // refused only after the runs, for the second (through a linked folder: still)
            problems.add("enisim: --junit and --html name the same file " + junit + "; give each its own");
            junitUsable = false;
            htmlUsable = false;
        }
        for (Path f : java.util.Arrays.asList(junit, html)) {
            if (f != null && baseline != null && f.getFileName() != null && f.getFileName().toString().endsWith(
                    ".summary.json") && wd.resolve(baseline).toAbsolutePath().normalize().equals(
                    wd.resolve(f).toAbsolutePath().normalize().getParent())) {
                problems.add("enisim: " + (f == junit ? "--junit " : "--html ") + f + " is a baseline's place in"
                        + " --baseline " + baseline + "; give the report a file of its own");
                junitUsable &= f != junit;
                htmlUsable &= f != html;
            } else if (f != null && baseline != null && SafeOutput.inside(wd.resolve(f), wd.resolve(baseline))) {
                // a page or JUnit file in the baseline folder is there for a later check to read as a baseline
                problems.add("enisim: " + (f == junit ? "--junit " : "--html ") + f + " is inside --baseline "
                        + baseline + "; give the report a place outside the baseline folder");
                junitUsable &= f != junit;
                htmlUsable &= f != html;
            }
        }
        if (junitUsable) {
            try {
                // tried (a trial write): a CI job learnt its JUnit file could not be written after all the runs
                PageOutput.checkFile("--junit", junit, wd, JUNIT_SIGNATURE);
            } catch (dev.enisim.report.OutputRefused e) {
                problems.add(Main.userMessage(e));
                junitUsable = false; // not replaced by a report of the bad input either
            }
        }
        List<Path> touched = new java.util.ArrayList<>(paths); // what the step summary must not be
        touched.add(junit);
        touched.add(html);
        try {
            summaryFile = StepSummary.of(stepSummary, summaryFromEnvironment(), wd, "check's verdicts", touched);
        } catch (UserInputException e) {
            problems.add(Main.userMessage(e));
            // named as the summary too: on exit 2 it is not written either (it was refused before anything was)
            junitUsable &= junit == null || !StepSummary.same(wd.resolve(stepSummary), wd.resolve(junit));
            htmlUsable &= html == null || !StepSummary.same(wd.resolve(stepSummary), wd.resolve(html));
        }
        if (htmlUsable) {
            if (baseline == null || updateBaseline) {
                problems.add("enisim: --html shows the drift from a baseline: it needs --baseline DIR (and not "
                        + "--update-baseline)");
                htmlUsable = false;
            } else {
                try {
                    PageOutput.check(spec, html);
                } catch (dev.enisim.report.OutputRefused e) {
                    problems.add(Main.userMessage(e));
                    htmlUsable = false;
                }
            }
        }
        try {
            return checkAll(problems);
        } catch (RuntimeException | IOException e) {
            String message = Main.userMessage(e);
            if (message != null) {
                badInputReports(message, e);
            }
            throw e;
        }
    }

    /** Whether the step summary's path came from $GITHUB_STEP_SUMMARY (the option's default), not --step-summary. */
    private boolean summaryFromEnvironment() {
        return !spec.commandLine().getParseResult().hasMatchedOption("--step-summary");
    }

    /** Whether --baseline names something other than a file (a folder, or nothing yet). */
    private boolean baselineUsable = true;
    /** Whether --junit / --html were given and not refused (a refused one is not written, not even on exit 2). */
    private boolean junitUsable;
    private boolean htmlUsable;
    /** Whether the step summary / the page was written to (or tried): on exit 2 after that, not again. */
    private boolean summaryTried;
    private boolean htmlTried;
    /** The verdicts reached, for the reports (on exit 2 too: those of the scenarios that ran are kept). */
    private final List<Checker.ScenarioCheck> checks = new ArrayList<>();
    private final Map<String, List<Baseline.Diff>> drifts = new LinkedHashMap<>();
    /** The files of the scenarios that checked nothing: no expectation, no baseline compared. */
    private final Set<String> unchecked = new LinkedHashSet<>();

    /**
     * On exit 2, CI's reports say it: the JUnit file (an earlier run's passes must not stay behind for CI to read),
     * the job's summary and the drift page (the earlier run's said every summary matched) each hold the message
     * beside the verdicts reached before the check stopped. A report that cannot be written adds to {@code e}.
     */
    private void badInputReports(String message, Exception e) {
        if (junitUsable) {
            try {
                write(junit, JUNIT_SIGNATURE, JUnitXml.render(checks, drifts, unchecked, message));
            } catch (IOException | RuntimeException w) {
                e.addSuppressed(w);
            }
        }
        if (summaryFile != null && !summaryTried) {
            summaryTried = true;
            try {
                StepSummary.append(summaryFile, StepSummary.withOverrides(dev.enisim.check.CheckMarkdown.render(
                        checks, drifts, unchecked, message), overriding.sets));
            } catch (RuntimeException w) {
                e.addSuppressed(w);
            }
        }
        if (htmlUsable && !htmlTried) {
            htmlTried = true;
            try {
                PageOutput.write(spec, html, dev.enisim.report.DriftPage.html(drifts, baseline.toString(),
                        tolerancePercent / 100, overriding.sets, message));
            } catch (IOException | RuntimeException w) {
                e.addSuppressed(w);
            }
        }
    }

    /** A scenario to check: its file as given, the scenario with its expectations, its baseline's summary. */
    private record Checked(Path file, Checker.Loaded loaded, JsonNode baseline) {
    }

    /** Where the verdicts' Markdown is appended (null: nowhere), checked before any run. */
    private Path summaryFile;

    /** With --keep-going: each bad scenario file's problems, said before the runs of the others (exit 2 at the end). */
    private final List<String> badFiles = new ArrayList<>();

    private int checkAll(Set<String> problems) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Checked> inputs = inputs(problems);
        if (summaryFile != null) { // a trace a scenario reads is an input too (it had the verdicts appended)
            for (Checked c : inputs) {
                for (Path trace : dev.enisim.scenario.TraceFiles.of(c.file())) {
                    if (StepSummary.same(summaryFile, trace)) {
                        problems.add("enisim: " + (summaryFromEnvironment() ? "$GITHUB_STEP_SUMMARY (" + stepSummary
                                + ")" : "--step-summary " + stepSummary) + ": it is the trace " + trace + " that "
                                + c.file() + " reads; give the CI job's summary file");
                        summaryFile = null;
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputProblems(problems);
        }
        for (String bad : badFiles) { // --keep-going: each bad file said now; the others run
            spec.commandLine().getErr().println(bad);
        }
        if (!unsealed.isEmpty()) {
            spec.commandLine().getErr().println("enisim: note: " + unsealed.size() + " baseline(s) carry no checksum"
                    + " (written by an enisim from before December 2026, or copied from a run's summary.json), so a"
                    + " file cut short or edited since cannot be told: compared as they stand; --update-baseline "
                    + "rewrites them with one: " + String.join(", ", unsealed));
        }
        if (!editedBaselines.isEmpty()) {
            spec.commandLine().getErr().println("enisim: note: " + editedBaselines.size() + " baseline(s) are marked"
                    + " as edited by hand (\"" + CHECKSUM_MEMBER + "\" : \"" + EDITED + "\"): compared as they "
                    + "stand: " + String.join(", ", editedBaselines));
        }
        Map<String, String> toWrite = new LinkedHashMap<>(); // by scenario name, the baselines to write
        long[] totals = new long[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            totals[i] = inputs.get(i).loaded().scenario().durationMicros();
        }
        try (Parallelism.Pool pool = new Parallelism.Pool(threads(), HEAP_SHARE * Runtime.getRuntime().maxMemory());
                ProgressBar.Heartbeat beat = ProgressBar.Heartbeat.forCheck(spec.commandLine().getErr(),
                        inputs.stream().map(c -> c.loaded().scenario().name()).toList(), totals, replications)) {
            // every replication of every scenario on one pool, the longest (by their estimated events) started
            // first, so that the longest does not start last; each scenario's verdicts said in the scenarios' order,
            // as soon as it and those before it are back (a replication's numbers depend on its seed and index only,
            // not on the thread or the order: the same as one after another)
            List<List<java.util.concurrent.Future<dev.enisim.run.RunResult>>> runs = new ArrayList<>();
            List<Integer> longestFirst = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                runs.add(new ArrayList<>());
                longestFirst.add(i);
            }
            longestFirst.sort(java.util.Comparator.comparingDouble(i -> -Budget.events(inputs.get(i).loaded()
                    .scenario())));
            for (int i : longestFirst) {
                dev.enisim.scenario.Scenario scenario = inputs.get(i).loaded().scenario();
                double bytes = Budget.memoryBytes(scenario);
                long warmUpMicros = warmUp.micros(scenario, problems); // checked with the inputs: no problem now
                for (int r = 0; r < replications; r++) {
                    int replication = r;
                    dev.enisim.run.Progress progress = beat.of(i, replication);
                    runs.get(i).add(pool.submit(bytes, () -> new dev.enisim.run.Simulation(scenario, replication)
                            .warmingUp(warmUpMicros).run(progress)));
                }
            }
            for (int i = 0; i < inputs.size(); i++) {
                beat.waitingFor(i);
                report(inputs.get(i), Parallelism.Pool.awaitAll(runs.get(i)), problems, toWrite, out);
                runs.set(i, null); // its results are the check's now
            }
        }
        if (!problems.isEmpty()) {
            throw new InputProblems(problems);
        }
        // written only now that every scenario ran with good input (bad input left some baselines new, others old),
        // and as a set: each into a temporary file beside it, then all moved into place; a full disk part-way
        // leaves every old one as it was (it left those written new, the rest old)
        List<SafeOutput.Planned> planned = new ArrayList<>();
        for (Map.Entry<String, String> w : toWrite.entrySet()) {
            // sealed: its last member, enisimSha256, is the checksum of the lines above it (read back, checked); an
            // existing baseline is still replaced if it begins as one (edited, or from before the checksum: the
            // team asked for it to be rewritten)
            planned.add(new SafeOutput.Planned(baselineFile(w.getKey()), SafeOutput.Mark.startingWith(
                    baselineSignature(w.getKey())), SafeOutput.Seal.JSON.apply(w.getValue().getBytes(
                    StandardCharsets.UTF_8))));
        }
        if (!planned.isEmpty()) {
            SafeOutput.writeFilesTogether(planned, Main.workingDir(spec));
            for (SafeOutput.Planned p : planned) {
                out.println("baseline written: " + p.file());
            }
        }
        if (replications == 1 && checks.stream().anyMatch(c -> !c.results().isEmpty())) {
            out.println("(one replication: each value is one run's, with no confidence interval)");
        }
        long failed = checks.stream().flatMap(c -> c.results().stream()).filter(r -> !r.passed()).count()
                + drifts.values().stream().filter(d -> !d.isEmpty()).count();
        long total = checks.stream().mapToLong(c -> c.results().size()).sum() + drifts.size();
        out.printf(java.util.Locale.ROOT, "%d scenario(s), %d assertion(s)%s, %d failed%n", checks.size(), total,
                drifts.isEmpty() ? "" : " (" + drifts.size() + " of them baseline comparisons)", failed);
        if (!unchecked.isEmpty()) {
            spec.commandLine().getErr().println("warning: " + unchecked.size() + " of " + checks.size()
                    + " scenario(s) checked nothing (no expect: block, and no --baseline compared): "
                    + String.join(", ", unchecked));
        }
        if (html != null) {
            htmlTried = true;
            PageOutput.write(spec, html, dev.enisim.report.DriftPage.html(drifts, baseline.toString(),
                    tolerancePercent / 100, overriding.sets));
        }
        if (junit != null) {
            write(junit, JUNIT_SIGNATURE, JUnitXml.render(checks, drifts, unchecked, null));
        }
        summaryTried = true;
        StepSummary.append(summaryFile, StepSummary.withOverrides(dev.enisim.check.CheckMarkdown.render(checks,
                drifts, unchecked, null), overriding.sets));
        if (html != null) {
            out.println("drift page: " + html);
        }
        if (!badFiles.isEmpty()) {
            spec.commandLine().getErr().println("enisim: " + badFiles.size() + " scenario file(s) had bad input (said"
                    + " above) and were not checked (--keep-going): exit 2");
            return 2;
        }
        return failed == 0 ? 0 : 1;
    }

    /**
     * A GitHub Actions error annotation ({@code ::error file=F,line=L,title=T::MESSAGE}), its properties and message
     * escaped as GitHub's workflow commands need ({@code %}, line breaks; in properties also {@code :} and {@code ,}).
     */
    static String annotation(String file, Integer line, String message) {
        return "::error file=" + property(file) + (line == null ? "" : ",line=" + line) + ",title=enisim check::"
                + message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A")
                .replace(",", "%2C");
    }

    /** What --threads runs on: the option's, or one thread per core. */
    int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * The share of the JVM's heap the runs going on at once may need by their estimates ({@link Budget#memoryBytes}),
     * as {@link Budget#memory} warns of one run above it: a scenario that would not fit beside those running waits.
     */
    static final double HEAP_SHARE = 0.8;

    /**
     * One scenario's verdicts on its {@code runs}, printed and kept for the reports; its baseline compared, or its
     * summary kept in {@code toWrite}; a metric path the runs do not have is added to {@code problems} (found for
     * every scenario, then said at once).
     */
    private void report(Checked in, List<dev.enisim.run.RunResult> runs, Set<String> problems,
            Map<String, String> toWrite, PrintWriter out) throws IOException {
        Checker.ScenarioCheck c;
        try {
            c = Checker.checked(in.loaded(), in.file().toString(), runs);
        } catch (ScenarioException e) {
            problems.add(e.getMessage());
            return;
        }
        checks.add(c);
        out.printf(java.util.Locale.ROOT, "%s (%s)%n", c.name(), c.file());
        if (!overriding.sets.isEmpty()) {
            out.println("  " + dev.enisim.report.ReportWriter.overridesLine(overriding.sets));
        }
        if (c.results().isEmpty()) {
            out.println(baseline == null ? "  (no expectations: nothing checked)" : "  (no expectations)");
        }
        if (c.results().isEmpty() && baseline == null) {
            unchecked.add(c.file());
        }
        for (int i = 0; i < c.results().size(); i++) {
            Checker.Result r = c.results().get(i);
            // the sentence shows a control character as its escape already; a value of the run may hold one too; a
            // failure says where its assertion is written (FILE:LINE: expect[i], as bad input does: a link in editors
            // and CI logs)
            out.printf(java.util.Locale.ROOT, "  %s  %s%s   (%s)%n", r.passed() ? "PASS" : "FAIL", r.passed() ? "" : c.where(i) + ": ",
                    r.expectation().text(), r.detail());
            if (githubAnnotations && !r.passed()) {
                out.println(annotation(c.fileOf(i) == null ? c.file() : c.fileOf(i), c.line(i), (c.origin().fromSet(i)
                        ? "--set " : "") + "expect[" + i + "]: " + r.expectation().text()
                        + " (" + r.detail() + ")"));
            }
        }
        if (baseline == null) {
            return;
        }
        // the summary run would write with the same --set: a baseline records the overrides it was run with
        List<dev.enisim.run.RunResult> withSets = c.runs().stream().map(r -> r.withOverrides(overriding.sets))
                .toList();
        String actual = replications > 1 ? ReplicatedSummary.json(c.scenario(), withSets)
                : SummaryJson.render(withSets.get(0).summary());
        if (updateBaseline) {
            toWrite.put(c.name(), actual);
        } else {
            drifts.put(c.file(), compare(in.baseline(), baselineFile(c.name()), actual, out));
        }
    }

    /**
     * Every input of the check, before its first run: each file read and validated with its expect block (as
     * {@code validate} does), one name per scenario, each baseline to compare read and found to be a summary of as
     * many replications, each one to write writable, each run within the budget, and something to check. Every
     * problem of every file is added to {@code problems}, said at once with those of the outputs (exit 2): the first
     * broken file stopped the check after the runs of the files before it, and a bad file sorted after a good one
     * left that one's baseline written.
     */
    private List<Checked> inputs(Set<String> problems) throws IOException {
        Map<String, Path> byName = new LinkedHashMap<>();
        List<Checked> out = new ArrayList<>();
        boolean allRead = true;
        Checker.ExpectFile given = null;
        if (expectFile != null) {
            try {
                given = Checker.ExpectFile.read(expectFile);
            } catch (ScenarioException e) {
                problems.add(e.getMessage());
                return out;
            }
        }
        List<Checker.Input> loaded = Checker.loadAll(scenarioFiles(problems), overriding.sets, given);
        if (baseline != null && baselineUsable && updateBaseline) {
            baselineRoom(loaded, problems); // before the runs' estimates: said alone, not after "a run of 13 minutes"
        }
        for (Checker.Input in : loaded) {
            if (in.problems() != null) {
                (keepGoing ? badFiles : problems).add(in.problems().getMessage());
                allRead = false;
                continue;
            }
            String name = in.loaded().scenario().name();
            Path other = byName.putIfAbsent(name, in.file());
            // a class's submissions share the exercise's name: each is reported by its file, which is enough unless
            // a baseline file or a JUnit suite is named after it
            if (other != null && (junit != null || baseline != null)) { // one baseline file and one JUnit suite per name: the two would overwrite each other
                problems.add("enisim: " + other + " and " + in.file() + " are both scenario " + Problem.quote(name) + ": each"
                        + " scenario checked in one run needs its own name (its baseline file and JUnit suite are"
                        + " named after it)");
                continue;
            }
            if (warmUp.given() && warmUp.micros(in.loaded().scenario(), problems) == 0) {
                continue; // said: not under its duration, or not a whole number of its buckets
            }
            try {
                JsonNode expected = null;
                if (baseline != null && baselineUsable && updateBaseline) {
                    SafeOutput.checkFileWritable(baselineFile(name), Main.workingDir(spec),
                            SafeOutput.Mark.startingWith(baselineSignature(name)));
                } else if (baseline != null && baselineUsable) {
                    expected = readBaseline(baselineFile(name));
                }
                if (replications >= 1) { // otherwise said with the options' problems
                    budget.check(in.loaded().scenario(), replications, spec.commandLine().getErr(), true);
                }
                // a metric no run reports (enis.orphand) is bad input before any run, not after them all
                List<dev.enisim.scenario.Problem> unknown = Checker.unknownMetrics(in.loaded());
                if (!unknown.isEmpty()) {
                    (keepGoing ? badFiles : problems).add(new ScenarioException(in.file().toString(), unknown)
                            .getMessage());
                    continue;
                }
                out.add(new Checked(in.file(), in.loaded(), expected));
                sameAssertionTwice(in.file(), in.loaded().expectations());
            } catch (UserInputException | dev.enisim.report.OutputRefused e) {
                problems.add(Main.userMessage(e));
            }
        }
        // a check that asserts nothing anywhere passed, exit 0, green in CI: with no baseline and not one expectation
        // in any scenario, it is told as bad input; one scenario without any among others is a warning
        if (baseline == null && allRead && !loaded.isEmpty()
                && loaded.stream().allMatch(in -> in.loaded().expectations().isEmpty())) {
            problems.add("enisim: nothing to check: " + (loaded.size() == 1 ? "the scenario has no" : "none of the "
                    + loaded.size() + " scenarios has an") + " expectation (expect:), and no --baseline DIR is "
                    + "given; add expectations (scenarios/README.md, expect:) or compare with a baseline (to run a "
                    + "scenario without checking it, use enisim run)");
        }
        return out;
    }

    /**
     * A warning (stderr) for each assertion written twice in one scenario: checked twice, and its JUnit testcase named
     * "SENTENCE (2)" (two testcases of one name, which some JUnit publishers merge: r6, C5).
     */
    private void sameAssertionTwice(Path file, List<dev.enisim.check.Expectation> expectations) {
        Map<String, Integer> first = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < expectations.size(); i++) {
            paths.add("expect[" + i + "]");
        }
        Map<String, Integer> lines = null;
        for (int i = 0; i < expectations.size(); i++) {
            String text = expectations.get(i).text();
            Integer earlier = first.putIfAbsent(text, i);
            int nth = count.merge(text, 1, Integer::sum);
            if (earlier == null) {
                continue;
            }
            if (lines == null) {
                lines = dev.enisim.scenario.SourceLines.of(file, paths);
            }
            Integer line = lines.get("expect[" + i + "]");
            spec.commandLine().getErr().println("warning: " + file + (line == null ? "" : ":" + line) + ": expect[" + i
                    + "]: the same assertion as expect[" + earlier + "] (" + Problem.quote(text) + "): checked again; its JUnit "
                    + "testcase is named '" + text + " (" + nth + ")'");
        }
    }

    /**
     * The baselines --update-baseline will write, estimated from the scenarios ({@link dev.enisim.report.OutputSize}),
     * against the room of their folder's disk: clearly more is a problem said before any run.
     */
    private void baselineRoom(List<Checker.Input> loaded, Set<String> problems) {
        long bytes = 0;
        int baselines = 0;
        for (Checker.Input in : loaded) {
            if (in.problems() == null) {
                bytes += dev.enisim.report.OutputSize.baseline(in.loaded().scenario(), Math.max(1, replications));
                baselines++;
            }
        }
        if (baselines > 0) {
            try {
                SafeOutput.checkRoomBeforeRun(baseline, Main.workingDir(spec), bytes, baselines == 1 ? "the baseline"
                        : "the " + baselines + " baselines");
            } catch (dev.enisim.report.OutputRefused e) {
                problems.add(Main.userMessage(e));
            }
        }
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

    /** A baseline's last member: enisim's SHA-256 of the lines above it ({@link SafeOutput.Seal#JSON}). */
    static final String CHECKSUM_MEMBER = "enisimSha256";
    /** The checksum's value a team writes to have a baseline it edited by hand compared as it stands. */
    static final String EDITED = "edited";

    /** The baselines read without a checksum (older, or a copy of a run's summary.json), and those marked edited. */
    private final List<String> unsealed = new ArrayList<>();
    private final List<String> editedBaselines = new ArrayList<>();

    /**
     * Whether the link {@code file} leads to a file in or below its own folder (a review linked a baseline to
     * {@code ~/.git-credentials}, and its start was quoted).
     */
    private static boolean insideItsFolder(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent().toRealPath();
            return file.toRealPath().startsWith(folder);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private JsonNode readBaseline(Path file) {
        if (!Files.exists(file)) {
            throw new UserInputException("no baseline " + file + " (create it with --update-baseline)");
        }
        // a kernel file, a device or a pipe said as what it is (as a scenario or a trace there is), then a link leading
        // out of the folder (to a regular file: a credentials file, whose start was quoted)
        if (dev.enisim.scenario.InputText.kernelFile(file)) {
            throw new UserInputException("baseline " + file + " is one of the kernel's own files ("
                    + dev.enisim.scenario.InputText.KERNEL_FILES + "); expected a summary.json");
        }
        if (!Files.isRegularFile(file)) { // a device or a pipe (a link to /dev/zero) was read for ever
            throw new UserInputException("baseline " + file + " is not a regular file (a folder, a device or a pipe);"
                    + " expected a summary.json");
        }
        if (Files.isSymbolicLink(file) && !insideItsFolder(file)) {
            throw new UserInputException("baseline " + file + " is a link leading outside its folder; enisim reads only"
                    + " the summaries in the --baseline folder: replace the link by the summary.json");
        }
        JsonNode expected;
        byte[] bytes = null;
        try {
            if (Files.size(file) > MAX_BASELINE_BYTES) {
                throw new UserInputException("baseline " + file + " is " + Files.size(file) / (1024 * 1024) + " MiB,"
                        + " above the " + MAX_BASELINE_BYTES / (1024 * 1024) + " MiB a summary.json can be; is it the "
                        + "right file?");
            }
            bytes = Files.readAllBytes(file);
            String text;
            try { // decoded leniently, a binary file was said in Jackson's words ("Unexpected character ('\uFFFD'")
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new UserInputException("baseline " + file + " is not a summary.json: not UTF-8 text (a binary "
                        + "file, or another encoding); enisim writes its summaries in UTF-8: restore it (from version "
                        + "control), or rewrite it with --update-baseline");
            }
            expected = SummaryJson.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // cut short at a line's end ("end-of-input within/between Object entries") is a plain parse error, not
            // a JsonEOFException: both are a file cut short
            if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException
                    || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
                throw new UserInputException("baseline " + file + " is cut short: its JSON ends before the object"
                        + " closes" + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")
                        + ", so it is not the whole summary enisim wrote (an interrupted copy?); restore it (from"
                        + " version control), or rewrite it with --update-baseline");
            }
            String start = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8).strip();
            if (!start.isEmpty() && start.charAt(0) != '{' && start.charAt(0) != '[') {
                // a scenario (YAML) given as a baseline was said in Jackson's words: "Unexpected character ('#'
                // (code 35)): expected a valid value (JSON String, Number, Array, Object or token 'null', ...)"
                // quoted as a trace's cell is (8 characters, else 4 and the length): a credentials file behind a
                // baseline had 40 characters of it put in the errors, the JUnit file and the step summary
                String line = start.lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ").strip();
                throw new UserInputException("baseline " + file + " is not a summary.json: not JSON, it starts with "
                        + dev.enisim.scenario.Problem.quoteBriefly(line) + " (a scenario? a scenario is "
                        + "given as SCENARIO; --baseline DIR holds the summaries check --update-baseline wrote)");
            }
            throw new UserInputException("baseline " + file + " is not a summary.json: "
                    + dev.enisim.scenario.ParserMessage.clean(e.getMessage()));
        } catch (IOException e) {
            throw new UserInputException("baseline " + file + " is not a summary.json: " + e.getMessage());
        }
        if (expected != null && expected.isObject()) {
            checksum(file, bytes, (com.fasterxml.jackson.databind.node.ObjectNode) expected);
        }
        String missing = notASummary(expected);
        if (missing != null) {
            throw new UserInputException("baseline " + file + " is not a summary.json: expected what enisim run or "
                    + "check --update-baseline writes, an object with 'scenario', 'seed' and 'invocations' (with "
                    + "replications: 'replications' and 'metrics'); " + missing);
        }
        int written = expected.path("replications").asInt(1);
        if (written != replications && replications >= 1) { // a bad --replications is said as the option's
            throw new UserInputException("baseline " + file + " holds " + written + " replication(s), this check "
                    + "runs " + replications + " (use the same --replications, or rewrite it with --update-baseline)");
        }
        return expected;
    }

    /**
     * A baseline's checksum, checked and then taken out of {@code baseline} (it is no leaf of a run's summary): its
     * last member, {@code enisimSha256}, must be enisim's SHA-256 of the lines above it, as {@code --update-baseline}
     * wrote them; line ends turned to CRLF (a Windows checkout) or a last line break dropped change no byte of the
     * JSON and are not counted as edits. A baseline without the member (older, or a copy of a run's summary.json) is
     * compared with a note; one whose member is {@value #EDITED} was edited on purpose and is compared with a note.
     * Any other mismatch (a file cut short, a value changed by hand) is bad input.
     */
    private void checksum(Path file, byte[] bytes, com.fasterxml.jackson.databind.node.ObjectNode baseline) {
        JsonNode sum = baseline.remove(CHECKSUM_MEMBER);
        if (sum == null) {
            unsealed.add(file.toString());
            return;
        }
        if (sum.isTextual() && sum.asText().equals(EDITED)) {
            editedBaselines.add(file.toString());
            return;
        }
        if (!sum.isTextual() || !sum.asText().matches("[0-9a-f]{64}")) {
            throw new UserInputException("baseline " + file + ": its \"" + CHECKSUM_MEMBER + "\" is " + sum
                    + "; expected the checksum enisim writes (64 hex digits), or \"" + EDITED + "\" for a baseline "
                    + "edited by hand on purpose");
        }
        if (!SafeOutput.Seal.JSON.holds(asWritten(bytes))) {
            throw new UserInputException("baseline " + file + " was changed since enisim wrote it: its \""
                    + CHECKSUM_MEMBER + "\", the checksum of the lines above it, no longer matches them (a file cut "
                    + "short, or edited by hand); to compare with it as it stands, set \"" + CHECKSUM_MEMBER
                    + "\" : \"" + EDITED + "\" in it (README, Baselines), or rewrite it from this run with "
                    + "--update-baseline");
        }
    }

    /** {@code bytes} with CRLF line ends as LF and a last line break added if missing: what enisim wrote. */
    private static byte[] asWritten(byte[] bytes) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(bytes.length + 1);
        for (int i = 0; i < bytes.length; i++) {
            if (!(bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n')) {
                b.write(bytes[i]);
            }
        }
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
            b.write('\n');
        }
        return b.toByteArray();
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
                absent.add(Problem.quote(key));
            }
        }
        if (absent.isEmpty()) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(k -> keys.add(Problem.quote(k)));
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
        out.printf(java.util.Locale.ROOT, "  FAIL  baseline %s: %d difference(s) (baseline -> now)%n", file, diffs.size());
        // in the drift page's order (inputs, failures, other changes, new series): what the reader came for first
        for (Baseline.Diff d : dev.enisim.report.DriftPage.ranked(diffs)) {
            out.println("        " + (d.input() ? "(input) " : "") + d);
        }
        String newOnly = Baseline.newLeavesOnly(diffs);
        if (newOnly != null) {
            out.println("        (" + newOnly + ")");
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
    /**
     * A folder is not searched below its top: its subfolders (not hidden, not named themselves) that hold *.yaml or
     * *.yml files are named in a note on stderr, so that a partial check is not taken for a whole one.
     */
    private void skippedFolders(Path folder) {
        java.util.Set<Path> named = new java.util.HashSet<>();
        paths.forEach(p -> named.add(p.toAbsolutePath().normalize()));
        List<String> skipped = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path d : s.filter(Files::isDirectory).sorted().toList()) {
                if (d.getFileName().toString().startsWith(".") || named.contains(d.toAbsolutePath().normalize())) {
                    continue;
                }
                try (Stream<Path> w = Files.walk(d, 8)) {
                    if (w.anyMatch(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".")
                            && (f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")))) {
                        skipped.add(d.toString());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return; // a note only: a folder that cannot be listed is said by the check itself
        }
        if (!skipped.isEmpty()) {
            spec.commandLine().getErr().println("note: " + folder + ": its subfolders are not checked (a folder's"
                    + " own *.yaml and *.yml files only); " + skipped.size() + " of them hold some: "
                    + String.join(", ", skipped) + " (name them too to check them)");
        }
    }

    private List<Path> scenarioFiles(Set<String> problems) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    // hidden entries are skipped, as the shell's *.yaml skips them: a repository's .gitlab-ci.yml
                    // or .yamllint.yml is no scenario, and it stopped the check of the folder as bad input
                    List<Path> yaml = s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                            .sorted().toList();
                    List<Path> found = yaml.stream().filter(f -> !f.getFileName().toString().startsWith("."))
                            .filter(f -> expectFile == null || !f.normalize().equals(expectFile.normalize())) // no scenario
                            .toList();
                    if (found.isEmpty()) {
                        problems.add("enisim: no scenario files (*.yaml, *.yml) in " + p + (yaml.isEmpty() ? ""
                                : " (hidden files, such as " + yaml.get(0).getFileName() + ", are skipped)"));
                    }
                    files.addAll(found);
                }
                skippedFolders(p);
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
