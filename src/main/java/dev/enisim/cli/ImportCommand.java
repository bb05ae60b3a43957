package dev.enisim.cli;

import dev.enisim.importer.Importer;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Builds a scenario from saved AWS CLI output.", "",
            "Reads what `aws ec2 describe-subnets`, `aws lambda list-functions` (or get-function-configuration) and,"
            + " optionally, `aws ec2 describe-network-interfaces`, `aws ec2 describe-security-groups` and `aws"
            + " cloudwatch get-metric-data` (Invocations, Duration) printed, and writes a scenario. Figures the files"
            + " cannot give are placeholders, listed at the top of the generated file."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--subnets", required = true, paramLabel = "FILE", description = "aws ec2 describe-subnets output.")
    Path subnets;

    @Option(names = "--functions", required = true, paramLabel = "FILE",
            description = "aws lambda list-functions (or get-function-configuration) output.")
    Path functions;

    @Option(names = "--enis", paramLabel = "FILE", description = "aws ec2 describe-network-interfaces output.")
    Path enis;

    @Option(names = "--security-groups", paramLabel = "FILE",
            description = "aws ec2 describe-security-groups output.")
    Path securityGroups;

    @Option(names = "--metrics", paramLabel = "FILE",
            description = "aws cloudwatch get-metric-data output (Invocations, and Duration, per function).")
    Path metrics;

    @Option(names = "--name", defaultValue = "imported", description = "Scenario name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--duration", defaultValue = "1d",
            description = "Simulated time when no CloudWatch data gives it (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The scenario to write.")
    Path out;

    @Override
    public Integer call() throws ScenarioException, IOException {
        long seconds;
        try {
            seconds = dev.enisim.scenario.Units.durationMicros(duration) / 1_000_000;
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--duration: " + e.getMessage());
        }
        String yaml = Importer.scenario(new Importer.Inputs(subnets, functions, enis, securityGroups, metrics), name,
                seconds);
        ScenarioLoader.parse(yaml, out.toString()); // the generated file must load: a failure here is our bug
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".import", ".tmp");
        Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getOut().println("Wrote " + out + " (review the PLACEHOLDERS at its top), then: enisim run "
                + out);
        return 0;
    }
}
