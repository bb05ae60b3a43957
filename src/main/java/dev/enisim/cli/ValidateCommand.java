package dev.enisim.cli;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks scenario files without running them.", "",
            "Prints every problem (file, field path, what was expected) and exits 2 if there is any, else 0."})
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
        for (Path f : files) {
            try {
                // the expect block too: validate is what a CI job runs before check
                Scenario s = dev.enisim.check.Checker.load(f, overriding.sets).scenario();
                spec.commandLine().getOut().printf("%s: ok (%s: %d functions, %d VPCs, %s simulated)%n", f,
                        s.name(), s.functions().size(), s.vpcs().size(), Format.duration(s.durationMicros()));
                for (String w : ScenarioLoader.warnings(s)) {
                    spec.commandLine().getErr().println("warning: " + w);
                }
            } catch (ScenarioException e) {
                spec.commandLine().getErr().println(e.getMessage());
                code = Main.BAD_INPUT;
            }
        }
        return code;
    }
}
