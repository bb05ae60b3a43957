package dev.enisim.cli;

import dev.enisim.check.Checker;
import dev.enisim.scenario.Scenario;
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
            + "internal error, a bug in enisim)."})
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
            spec.commandLine().getOut().printf(java.util.Locale.ROOT, "%s: ok (%s: %s, %s, %s simulated)%s%n", f,
                    s.name(), counted(s.functions().size(), "function"), counted(s.vpcs().size(), "VPC"),
                    Format.duration(s.durationMicros()),
                    overriding.sets.isEmpty() ? "" : " with " + dev.enisim.scenario.Overrides.options(overriding.sets));
            for (String w : ScenarioLoader.warnings(s)) {
                spec.commandLine().getErr().println("warning: " + w);
            }
            for (String w : unknownMetrics(f, s, in.loaded().expectations())) {
                spec.commandLine().getErr().println("warning: " + w);
            }
        }
        return code;
    }

    /**
     * The expect block's metric paths that a one-second probe run does not have (a misspelt {@code enis.peek}):
     * validate said ok and check failed on them after the whole run. A warning, not a problem: a list element
     * ({@code teardowns[0]}) or a key made later in the run may exist only in the full run.
     */
    private static List<String> unknownMetrics(Path f, Scenario s, List<dev.enisim.check.Expectation> expectations) {
        List<String> out = new ArrayList<>();
        if (expectations.isEmpty()) {
            return out;
        }
        com.fasterxml.jackson.databind.JsonNode probe = dev.enisim.experiment.Sweep.probe(s);
        java.util.Set<Integer> named = dev.enisim.scenario.ExpectNames.problems(s).keySet(); // warned of already
        for (int i = 0; i < expectations.size(); i++) {
            String path = expectations.get(i).path();
            if (!named.contains(i) && !path.contains("[")
                    && dev.enisim.experiment.MetricPaths.find(probe, path) == null) {
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
