package dev.enisim.cli;

import dev.enisim.report.Narrative;
import dev.enisim.report.OutputRefused;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import dev.enisim.report.SafeOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Runs a scenario and tells what happened, in words.", "",
            "One line per meaningful event with its simulated time, each rule explained the first time it applies "
            + "(why the function is Pending, why the ENI is shared, why the invocation failed), repetitive events "
            + "summarised.",
            "Exit codes: 0 done (failed invocations are part of the story), 2 bad input or a run "
            + "estimated above --max-events without --yes, 3 internal error (a bug in enisim)."})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "Scenario file.")
    Path file;

    @Option(names = "--trace", paramLabel = "FILE", description = "Also write every event as JSON lines here, the "
            + "last line enisim's checksum of the rest (an existing file only if it is such a trace, unchanged) "
            + "(default: not written).")
    Path trace;

    @Option(names = "--seed", paramLabel = "N", description = "Seed instead of the scenario's (default: the scenario's seed).")
    Long seed;

    @Mixin
    Overriding overriding;

    @Mixin
    Budget budget;

    /**
     * Every line of a trace begins with its instant: an existing file that does not begin so is not a trace enisim
     * wrote (a word such as "kind" found anywhere was not enough: every Kubernetes manifest holds it).
     */
    static final String TRACE_SIGNATURE = "{\"atMicros\":";

    /**
     * A trace enisim wrote: it begins with an event's instant and ends with {@code {"enisimSha256":HEX}}, the
     * checksum of every line above, so that a trace cut short or edited since is told from a whole one (by the reader:
     * enisim reads no trace back), and such a file is the user's, not replaced.
     */
    static final SafeOutput.Mark TRACE_MARK = SafeOutput.Mark.startingWith(TRACE_SIGNATURE)
            .sealedBy(SafeOutput.Seal.JSON_LINE);

    @Override
    public Integer call() throws ScenarioException, IOException {
        // every problem of the options, the scenario and --trace at once (exit 2), as run says them: an adversarial
        // user's review found the scenario's problems said, and --trace's refusal only on the next try
        Set<String> problems = new LinkedHashSet<>();
        if (budget.problem() != null) {
            problems.add("enisim: " + budget.problem());
        }
        Scenario s = overriding.loadCollecting(file, seed, problems);
        if (trace != null) {
            try {
                PageOutput.checkFile("--trace", trace, Main.workingDir(spec), TRACE_MARK); // tried before the run
            } catch (OutputRefused e) {
                problems.add(Main.userMessage(e));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputProblems(problems);
        }
        if (trace != null) {
            SafeOutput.checkRoomBeforeRun(trace, Main.workingDir(spec), dev.enisim.report.OutputSize.trace(s), false);
        }
        budget.check(s, 1, spec.commandLine().getErr());
        RunResult r = new Simulation(s, 0).run().withOverrides(overriding.sets);
        PrintWriter out = spec.commandLine().getOut();
        // a scenario without a description: no colon left hanging with nothing after it (a newcomer's review)
        String description = s.description() == null || s.description().isBlank() ? "" : ": " + s.description();
        out.printf(java.util.Locale.ROOT, "%s (seed %d, %s assumptions)%s%n", s.name(), s.seed(), s.assumptions().label(), description);
        if (!r.overrides().isEmpty()) {
            out.println(dev.enisim.report.ReportWriter.overridesLine(r.overrides()));
        }
        out.println();
        // on a terminal, "why" lines wrap between words at its width; into a file or a pipe, one line each
        for (String line : Narrative.wrap(Narrative.lines(r), System.console() == null
                ? Integer.MAX_VALUE
                : ProgressBar.terminalColumns() - 1)) {
            out.println(line);
        }
        if (trace != null) {
            SafeOutput.writeMarkedFile(trace, Main.workingDir(spec), TRACE_MARK,
                    Narrative.trace(r).getBytes(StandardCharsets.UTF_8));
        }
        return 0;
    }
}
