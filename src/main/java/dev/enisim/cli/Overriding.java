package dev.enisim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.Overrides;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --set PATH=VALUE}, shared by the commands that read scenarios (a picocli mixin), and {@code --allow-read
 * DIR} ({@link AllowRead}).
 */
final class Overriding {

    @Mixin
    AllowRead allowRead = new AllowRead();

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = {"Override a scenario field before validation (repeatable), e.g.",
                "  --set 'functions[orders-api].memoryMb=512'",
                "  --set 'vpcs[0].subnets[*].otherUsedIps=0'",
                "  --set assumptions=documented",
                "  --set traffic=10   (a factor on every arrival rate, as sweep --vary traffic)",
                "(quote a PATH with brackets: zsh and some other shells expand them). The terminal",
                "says which were made, and so does every file the command writes (summary.json's",
                "and plan.json's 'overrides', the page) (default: none)."})
    List<String> sets = new ArrayList<>();

    /**
     * The scenario {@code file} with these {@code --set}s and {@code seed} (null: its own), or null with its problems
     * added to {@code problems} (as the terminal says them), so that a command says them with its options' and
     * outputs' problems at once (run, explain, compare-network-models).
     */
    dev.enisim.scenario.Scenario loadCollecting(Path file, Long seed, java.util.Collection<String> problems) {
        try {
            return ScenarioLoader.load(file, sets, seed);
        } catch (ScenarioException e) {
            problems.add(Main.userMessage(e));
            return null;
        }
    }

    /**
     * The scenario file's tree with the {@code --set} field assignments applied, and the {@code --set traffic} factor
     * (1 without one): what {@code sweep} and {@code sensitivity} vary, as {@code run} would have run it. Every
     * problem of the file and the assignments is said at once, each one a {@code --set} made blamed on it (as
     * {@code run} does).
     */
    record Applied(JsonNode tree, double traffic) {
    }

    Applied apply(Path file) throws ScenarioException {
        ScenarioLoader.load(file, sets, null); // validates: all problems at once, said to come from their --set
        List<String> fields = sets.stream().filter(a -> !Overrides.isTrafficAssignment(a)).toList();
        JsonNode tree = Overrides.apply(ScenarioLoader.readTree(file), fields, file.toString());
        List<Problem> none = new ArrayList<>(); // none: load() above has refused a bad factor
        return new Applied(tree, Overrides.traffic(sets, none));
    }
}
