package dev.enisim.cli;

import dev.enisim.importer.Importer;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import dev.enisim.scenario.Units;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Builds a scenario from saved AWS CLI output (JSON, the CLI's default output).", "",
            "Reads what `aws ec2 describe-subnets` and `aws lambda list-functions` (or get-function-configuration per"
            + " function) printed and, optionally, `aws ec2 describe-network-interfaces`, `aws ec2"
            + " describe-security-groups` and `aws cloudwatch get-metric-data` (Invocations and Duration per function,"
            + " each query's Id or Label naming its function), and writes a scenario. Every option takes one or more"
            + " files; a file may hold several outputs (appended with >>, or one JSON array as jq -s writes), in UTF-8"
            + " or UTF-16 (Windows PowerShell). A listing saved in pages (--max-items) needs every page. Figures the"
            + " files cannot give are placeholders, listed at the top of the generated file.", ""},
        footer = {"", "Example: enisim import --subnets subnets.json --functions functions.json --enis enis.json"
            + " --metrics invocations.json -o imported.yaml"})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--subnets", required = true, arity = "1..*", paramLabel = "FILE",
            description = "aws ec2 describe-subnets output.")
    List<Path> subnets;

    @Option(names = "--functions", required = true, arity = "1..*", paramLabel = "FILE",
            description = "aws lambda list-functions, get-function-configuration or get-function output.")
    List<Path> functions;

    @Option(names = "--enis", arity = "1..*", paramLabel = "FILE",
            description = "aws ec2 describe-network-interfaces output: Lambda's ENIs tell which functions are Active.")
    List<Path> enis = new ArrayList<>();

    @Option(names = "--security-groups", arity = "1..*", paramLabel = "FILE",
            description = "aws ec2 describe-security-groups output: each group's VPC and name.")
    List<Path> securityGroups = new ArrayList<>();

    @Option(names = "--metrics", arity = "1..*", paramLabel = "FILE",
            description = "aws cloudwatch get-metric-data output: Invocations (Sum) and Duration (Average) per function.")
    List<Path> metrics = new ArrayList<>();

    @Option(names = "--account-settings", arity = "1..*", paramLabel = "FILE",
            description = "aws lambda get-account-settings output: the account's concurrency limit.")
    List<Path> accountSettings = new ArrayList<>();

    @Option(names = "--concurrency", paramLabel = "FUNCTION=FILE",
            description = "aws lambda get-function-concurrency output, which does not name its function.")
    Map<String, Path> concurrency = new TreeMap<>();

    @Option(names = "--allow-partial",
            description = "Import a listing whose last page is missing (one page saved with --max-items): loudly.")
    boolean allowPartial;

    @Option(names = "--force", description = "Replace -o even when it is not a scenario enisim import wrote.")
    boolean force;

    @Option(names = "--name", defaultValue = "imported", description = "Scenario name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--duration", defaultValue = "1d",
            description = "Simulated time when no CloudWatch data give it (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--period", paramLabel = "DURATION",
            description = "The Period of the CloudWatch queries (default: the smallest gap between data points).")
    String period;

    @Option(names = "--resample", paramLabel = "DURATION",
            description = "Sum CloudWatch counts into periods this long (a multiple of theirs), for fewer phases.")
    String resample;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The scenario to write.")
    Path out;

    @Override
    public Integer call() throws ScenarioException, IOException {
        long seconds = seconds("--duration", duration);
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new UserInputException("--name: expected letters, digits, '.', '_' or '-' only, got '" + name + "'");
        }
        Importer.Options options = new Importer.Options(name, seconds, period == null ? 0 : seconds("--period", period),
                resample == null ? 0 : seconds("--resample", resample), allowPartial);
        checkOut(out, force, GENERATED);
        Importer.Result result;
        try {
            result = Importer.run(new Importer.Inputs(subnets, functions, enis, securityGroups, metrics,
                    accountSettings, concurrency), options);
        } catch (IllegalArgumentException e) { // an option that does not fit the data
            throw new UserInputException(e.getMessage());
        }
        String yaml = result.yaml();
        try {
            ScenarioLoader.parse(yaml, out.toString());
        } catch (ScenarioException e) { // inputs were checked: a file that does not load is our bug, so exit 1
            throw new IllegalStateException("the generated scenario does not load:\n" + e.getMessage(), e);
        }
        write(out, yaml);
        result.warnings().forEach(w -> spec.commandLine().getErr().println("enisim: warning: " + w));
        long placeholders = yaml.lines().filter(l -> l.contains("# placeholder")).count();
        spec.commandLine().getOut().println("Wrote " + out + ": " + placeholders + " placeholder(s), listed at its top;"
                + " review them, then: enisim run " + out);
        return 0;
    }

    /** How every scenario {@code enisim import} writes begins: such a file may be replaced. */
    static final String GENERATED = "# Generated by `enisim import`";

    /**
     * Refuses an output that exists and was not written by enisim (its first line is not {@code marker}), unless
     * forced; a folder is always refused. Exit 2, one line.
     */
    static void checkOut(Path out, boolean force, String marker) {
        if (Files.isDirectory(out)) {
            throw new UserInputException(out + ": is a folder; expected a file name for the output");
        }
        if (Files.exists(out) && !force) {
            String first;
            try (var lines = Files.lines(out, StandardCharsets.UTF_8)) {
                first = lines.findFirst().orElse("");
            } catch (IOException | java.io.UncheckedIOException e) {
                first = "";
            }
            if (!first.startsWith(marker)) {
                throw new UserInputException(out + ": exists and was not written by enisim; choose another file, or"
                        + " pass --force to replace it");
            }
        }
    }

    /**
     * Writes {@code text} to {@code out} atomically: a temporary file beside it, then a move (a failure leaves the
     * old file as it was). Environment errors (read-only, disk full, missing parent that cannot be made) are bad
     * input: exit 2 with one line.
     */
    static void write(Path out, String text) {
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + out.getFileName() + ".enisim-tmp");
        try {
            Files.createDirectories(dir);
            // not createTempFile: its owner-only permissions would stay on the file
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the first error is the one to report
            }
            throw new UserInputException("cannot write " + out + ": " + e.getClass().getSimpleName()
                    .replace("Exception", "") + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** A duration option in whole seconds, at least one. */
    private static long seconds(String option, String value) {
        long micros;
        try {
            micros = Units.durationMicros(value);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(option + ": " + e.getMessage());
        }
        if (micros < 1_000_000 || micros % 1_000_000 != 0) {
            throw new UserInputException(option + ": expected whole seconds, at least 1s, got '" + value + "'");
        }
        return micros / 1_000_000;
    }
}
