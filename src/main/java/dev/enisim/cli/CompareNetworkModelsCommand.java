package dev.enisim.cli;

import dev.enisim.model.NetworkModel;
import dev.enisim.report.NetworkModelComparison;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare-network-models", mixinStandardHelpOptions = true,
        description = {"Runs a scenario under Hyperplane and the pre-2019 model, side by side.", "",
            "Hyperplane (since September 2019): shared ENIs made when a function is created. Legacy (before): ENIs "
            + "per function and subnet, each serving 3 GB / memory environments, made and attached during cold "
            + "starts through EC2's API. Same random numbers; prints ENIs, IPs, cold starts and their latency, "
            + "failures.",
            "Exit codes: 0 done, 2 bad input or runs estimated above --max-events without --yes, 3 internal error (a"
            + " bug in enisim)."})
final class CompareNetworkModelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "Scenario file (its networkModel is ignored).")
    Path file;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for both runs instead of the scenario's (default: the scenario's seed).")
    Long seed;

    @Mixin
    Overriding overriding;

    @Mixin
    Budget budget;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the comparison as a page, both models' "
            + "charts on the same axes (replaces only a page enisim wrote) (default: not written).")
    java.nio.file.Path html;

    @Override
    public Integer call() throws ScenarioException, java.io.IOException {
        // every problem of the options, the scenario and --html at once (exit 2), as run and compare say them
        java.util.Set<String> problems = new java.util.LinkedHashSet<>();
        if (budget.problem() != null) {
            problems.add("enisim: " + budget.problem());
        }
        Scenario s = overriding.loadCollecting(file, seed, problems);
        if (html != null) {
            try {
                PageOutput.check(spec, html);
            } catch (dev.enisim.report.OutputRefused e) {
                problems.add(Main.userMessage(e));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputProblems(problems);
        }
        if (html != null) {
            PageOutput.checkRoom(spec, html, dev.enisim.report.OutputSize.networkModelsPage(s));
        }
        budget.checkRuns(s, 2, null, spec.commandLine().getErr(), false); // one a model: not to be fewer
        RunResult hyperplane = new Simulation(s.withNetworkModel(NetworkModel.HYPERPLANE), 0).run()
                .withOverrides(overriding.sets);
        RunResult legacy = new Simulation(s.withNetworkModel(NetworkModel.LEGACY), 0).run()
                .withOverrides(overriding.sets);
        spec.commandLine().getOut().printf(java.util.Locale.ROOT, "%s (seed %d), %s simulated%n", s.name(), s.seed(),
                Format.duration(s.durationMicros()));
        if (!overriding.sets.isEmpty()) {
            spec.commandLine().getOut().println(dev.enisim.report.ReportWriter.overridesLine(overriding.sets));
        }
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().print(NetworkModelComparison.table(
                NetworkModelComparison.rows(hyperplane, legacy)));
        String note = NetworkModelComparison.note(hyperplane, legacy);
        if (!note.isEmpty()) {
            spec.commandLine().getOut().println();
            spec.commandLine().getOut().println(note);
        }
        if (html != null) {
            PageOutput.write(spec, html, dev.enisim.report.ComparePage.networkModels(hyperplane, legacy));
        }
        return 0;
    }
}
