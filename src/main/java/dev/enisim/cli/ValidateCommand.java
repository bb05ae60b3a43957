package dev.enisim.cli;

import dev.enisim.check.Checker;
import dev.enisim.scenario.ExpectNames;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks scenario files without running them.", "",
            "Prints every problem (file, field path, what was expected) and exits 2 if there is any, else 0 (3: an "
            + "internal error, a bug in enisim).", "",
            "The expect: block is checked as check checks it before its first run: what check refuses there (a "
            + "malformed assertion, a metric no run reports, a function, subnet or VPC the scenario lacks), "
            + "validate refuses in the same words."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", arity = "1..*", description = "Scenario files (.yaml, .yml or .json).")
    Path[] files;

    @Mixin
    Overriding overriding;

    @Override
    public Integer call() {
        int code = 0;
        // the expect block too: validate is what a CI job runs before check, which reads its files the same way
        for (Checker.Input in : Checker.loadAll(List.of(files), overriding.sets)) {
            Path f = in.file();
            if (in.problems() != null) {
                spec.commandLine().getErr().println(in.problems().getMessage());
                code = Main.BAD_INPUT;
                continue;
            }
            Scenario s = in.loaded().scenario();
            // what check refuses before its first run (a metric no run reports, a function the scenario lacks),
            // refused here too in check's words: validate said ok, exit 0, to a file check refused with exit 2
            List<Problem> refused = Checker.unknownMetrics(s, in.loaded().expectations());
            if (refused.isEmpty()) {
                spec.commandLine().getOut().printf(java.util.Locale.ROOT, "%s: ok (%s: %s, %s, %s simulated)%s%n", f,
                        s.name(), counted(s.functions().size(), "function"), counted(s.vpcs().size(), "VPC"),
                        Format.duration(s.durationMicros()), overriding.sets.isEmpty() ? ""
                                : " with " + dev.enisim.scenario.Overrides.options(overriding.sets));
            } else {
                spec.commandLine().getErr().println(new ScenarioException(f.toString(), refused).getMessage());
                code = Main.BAD_INPUT;
            }
            List<String> warnings = new ArrayList<>(ScenarioLoader.warnings(s));
            warnings.removeAll(ExpectNames.warnings(s).values()); // refused above, as check refuses them
            warnings.addAll(unknownMetrics(f, s, in.loaded().expectations()));
            for (String w : warnings) {
                spec.commandLine().getErr().println("warning: " + w);
            }
        }
        return code;
    }

    /**
     * The expect block's metric paths that only the whole run can refute ({@link Checker#onlyTheRunsTell}: a key the
     * run names as it goes) and that a one-second probe run does not have: a warning, as check says so only after
     * its runs. A list element ({@code teardowns[0]}) is passed over: a one-second run seldom has one.
     */
    private static List<String> unknownMetrics(Path f, Scenario s, List<dev.enisim.check.Expectation> expectations) {
        List<String> out = new ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode probe = null;
        for (int i = 0; i < expectations.size(); i++) {
            String path = expectations.get(i).path();
            if (path.contains("[") || !Checker.onlyTheRunsTell(path)
                    || ExpectNames.problem(s, path) != null) {
                continue; // a list element; or refused by check before its runs, and above
            }
            if (probe == null) {
                probe = dev.enisim.experiment.Sweep.probe(s);
            }
            if (dev.enisim.experiment.MetricPaths.find(probe, path) == null) {
                out.add(f + ": expect[" + i + "]: " + dev.enisim.experiment.MetricPaths.unknown(probe, path)
                        + "; check will say so after the run if the full run has no such metric either");
            }
        }
        return out;
    }

    /** {@code 1 function}, {@code 2 functions}, {@code 0 VPCs}: the ok line counts in words a reader says. */
    static String counted(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
