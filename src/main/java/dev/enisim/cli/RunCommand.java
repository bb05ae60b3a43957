package dev.enisim.cli;

import dev.enisim.experiment.MetricStats;
import dev.enisim.experiment.Replications;
import dev.enisim.report.OutputSize;
import dev.enisim.report.ReplicatedSummary;
import dev.enisim.report.ReportWriter;
import dev.enisim.report.SafeOutput;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a scenario and writes its report.", "",
            "Writes summary.json (outcomes, ENIs, subnets, state transitions, latency), timeseries.csv (metrics per "
            + "time bucket), enis.csv (every ENI's lifetime), charts/*.png|svg, report.html and narrative.txt. The "
            + "same scenario and seed always give byte-identical files.",
            "With --replications N (2 or more) it writes instead summary.json (mean, sd and 95%% CI of every metric"
            + " across the runs) and summary-replication-<r>.json (each run's summary), and no report.html,"
            + " narrative.txt, charts or CSV files: run without --replications for those.",
            "Exit codes: 0 done (failed invocations are results, not errors), 2 bad input, a run "
            + "estimated above --max-events, an output folder enisim did not write, or the environment's limits (a "
            + "full disk, out of memory: the one line says the heap to give, java -Xmx<size> -jar enisim.jar ...), 3 "
            + "internal error (a bug in enisim)."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "Scenario file (.yaml, .yml or .json).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR",
            description = {"Report folder (default: reports/<scenario name>). Replaced as a whole, and only if "
                + "enisim wrote it (it holds a .enisim-output file listing its files); anything else is refused."})
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for this run instead of the scenario's (default: the scenario's seed).")
    Long seed;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary on the terminal.")
    boolean quiet;

    @Mixin
    Overriding overriding;

    @Mixin
    Budget budget;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "1",
            description = "Independent replications (seeds derived from the scenario seed and the index);"
                + " summary.json then gives mean, sd and 95%% CI of every metric (default: ${DEFAULT-VALUE}).")
    int replications;

    @Mixin
    Parallelism parallelism;

    @Mixin
    WarmUpOption warmUp;

    @Override
    public Integer call() throws ScenarioException, IOException {
        // every problem of the options, the scenario and the output folder at once (exit 2), as sweep and check say
        // them: an adversarial user's review found "--replications 0" said alone, the scenario's own problems and
        // --out's refusal said only on the next try
        Set<String> problems = new LinkedHashSet<>();
        if (replications < 1) {
            problems.add("enisim: --replications must be at least 1");
        }
        if (budget.problem() != null) {
            problems.add("enisim: " + budget.problem());
        }
        Scenario scenario = overriding.loadCollecting(file, seed, problems);
        long warmUpMicros = warmUp.micros(scenario, problems); // its syntax alone when the scenario is bad
        Path home = Main.workingDir(spec);
        Path dir = out != null ? out : scenario == null ? null : home.resolve("reports").resolve(scenario.name());
        InputProblems.checkFolder(problems, dir, home); // a trial write: before a run of minutes, not after it
        if (!problems.isEmpty()) {
            throw new InputProblems(problems);
        }
        OtherOutput.warn(dir, "run", spec.commandLine().getErr()); // a sweep's folder, say: said before it goes
        SafeOutput.checkRoomBeforeRun(dir, home, replications > 1 ? OutputSize.replicated(scenario, replications)
                : OutputSize.report(scenario), true); // and its room, estimated from the scenario
        budget.check(scenario, replications, spec.commandLine().getErr());
        if (replications > 1) {
            // each run's summary is digested on its own thread; only the statistics across runs are left for here
            List<String> sets = List.copyOf(overriding.sets);
            // as many at once as fit in the heap, by each one's need (an upper figure: a replication writes no
            // timeseries.csv or charts, which Budget.need counts), with progress as one run's
            ProgressBar progress = ProgressBar.forRun(spec.commandLine().getErr(), quiet);
            List<ReplicatedSummary.Prepared> runs = Replications.run(scenario, warmUpMicros, replications,
                    parallelism.threads(), Budget.need(scenario), Parallelism.heapRoom(),
                    run -> ReplicatedSummary.prepare(run.withOverrides(sets)), progress::replications);
            Map<String, MetricStats> stats = ReplicatedSummary.stats(runs);
            progress.writing(String.valueOf(dir));
            List<Path> written;
            Main.noteWritingReport(dir); // running out of memory now is the report's (Main.outOfMemory)
            try {
                written = ReportWriter.writeFiles(ReplicatedSummary.files(scenario, runs, stats, file), dir,
                        home);
                Main.noteWritingReport(null);
                Main.noteReportWritten(dir);
            } finally {
                progress.done();
            }
            if (!quiet) {
                spec.commandLine().getOut().println(ReplicatedSummary.text(scenario, runs, stats));
                spec.commandLine().getOut().println("Report: " + dir + " (" + written.size() + " files)");
                spec.commandLine().getOut().println("  summary.json: the statistics across the " + replications
                        + " replications; summary-replication-0.json .. summary-replication-" + (replications - 1)
                        + ".json: each one's summary. No report.html or narrative.txt with --replications: run"
                        + " without it for those.");
            }
            return 0;
        }
        ProgressBar progress = ProgressBar.forRun(spec.commandLine().getErr(), quiet);
        RunResult result = new Simulation(scenario, 0).warmingUp(warmUpMicros).run(progress)
                .withOverrides(overriding.sets);
        progress.writing(String.valueOf(dir));
        List<Path> written;
        Main.noteWritingReport(dir); // running out of memory now is the report's (Main.outOfMemory)
        try {
            written = ReportWriter.write(result, dir, home);
            Main.noteWritingReport(null);
            Main.noteReportWritten(dir);
        } finally {
            progress.done();
        }
        if (!quiet) {
            TerminalSummary.print(spec.commandLine().getOut(), result);
            spec.commandLine().getOut().println();
            spec.commandLine().getOut().println("Report: " + dir + " (" + String.join(", ", reportNames(written))
                    + ")");
        }
        return 0;
    }

    /**
     * The files of a report as the user finds them in its folder: a chart as {@code charts/invocations.png}, not
     * {@code invocations.png} (which is not in the report's folder).
     */
    static List<String> reportNames(List<Path> written) {
        Path root = null;
        for (Path p : written) {
            Path parent = p.getParent();
            if (parent != null && (root == null || parent.getNameCount() < root.getNameCount())) {
                root = parent;
            }
        }
        Path base = root;
        return written.stream()
                .map(p -> (base == null ? p.getFileName() : base.relativize(p)).toString().replace('\\', '/'))
                .toList();
    }
}
