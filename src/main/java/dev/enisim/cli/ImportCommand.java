package dev.enisim.cli;

import dev.enisim.scenario.Problem;
import dev.enisim.importer.Importer;
import dev.enisim.report.OutputRefused;
import dev.enisim.report.SafeOutput;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import dev.enisim.scenario.Units;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        footer = {"", "Example:",
            "  enisim import --subnets subnets.json --functions functions.json \\",
            "    --enis enis.json --metrics invocations.json -o imported.yaml",
            "Exit codes: 0 written, 2 bad input (every problem listed) or an -o file enisim import"
            + " did not write (without --force), 3 internal error (a bug in enisim)."})
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
            description = "aws ec2 describe-network-interfaces output: Lambda's ENIs tell which functions are Active (default: none).")
    List<Path> enis = new ArrayList<>();

    @Option(names = "--security-groups", arity = "1..*", paramLabel = "FILE",
            description = "aws ec2 describe-security-groups output: each group's VPC and name (default: none).")
    List<Path> securityGroups = new ArrayList<>();

    @Option(names = "--vpcs", arity = "1..*", paramLabel = "FILE",
            description = "aws ec2 describe-vpcs output: the VPCs' Name tags, shown beside their ids (default: none).")
    List<Path> vpcs = new ArrayList<>();

    @Option(names = "--metrics", arity = "1..*", paramLabel = "FILE",
            description = "aws cloudwatch get-metric-data output: Invocations (Sum) and Duration (Average) per function (default: none).")
    List<Path> metrics = new ArrayList<>();

    @Option(names = "--account-settings", arity = "1..*", paramLabel = "FILE",
            description = "aws lambda get-account-settings output: the account's concurrency limit (default: none).")
    List<Path> accountSettings = new ArrayList<>();

    @Option(names = "--concurrency", paramLabel = "FUNCTION=FILE",
            description = "aws lambda get-function-concurrency output, which does not name its function (default: none).")
    Map<String, Path> concurrency = new TreeMap<>();

    @Option(names = "--provisioned-concurrency", paramLabel = "FUNCTION=FILE",
            description = "aws lambda get-provisioned-concurrency-config (or list-provisioned-concurrency-configs)"
                    + " output for FUNCTION: its provisioned concurrency (default: none).")
    Map<String, Path> provisioned = new TreeMap<>();

    @Option(names = "--service-quotas", arity = "1..*", paramLabel = "FILE",
            description = "aws service-quotas get-service-quota (or list-service-quotas) output: Lambda's Elastic"
                    + " network interfaces per VPC (lambda, L-9FEE3D26) as the eniQuota of the VPCs its QuotaArn's"
                    + " account owns (with several accounts, the one quota of every account's ENIs, or under"
                    + " vpcs[*].eniQuotaCountedPer: account each account's copy; default: the 500 placeholder), and EC2's Network interfaces per Region (vpc, L-DF5E4CA3) as the account's"
                    + " networkInterfacesPerRegion (default: 5000).")
    List<Path> serviceQuotas = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "FUNCTION=FILE",
            description = "aws lambda list-tags output for FUNCTION, which does not name it: its tags, as"
                    + " functions[*].tags (default: get-function's Tags, where given).")
    Map<String, Path> tags = new TreeMap<>();

    @Option(names = "--event-source-mappings", arity = "1..*", paramLabel = "FILE",
            description = "aws lambda list-event-source-mappings output: an SQS queue's mapping becomes its"
                    + " function's eventSourceMapping (BatchSize, ScalingConfig.MaximumConcurrency; Disabled ones and"
                    + " other sources are noted and left out). Without it, and for asynchronous (Event) callers, which"
                    + " no export shows, every function's arrivals are direct synchronous calls (default: none).")
    List<Path> eventSourceMappings = new ArrayList<>();

    @Option(names = "--allow-partial",
            description = "Import a listing whose last page is missing (one page saved with --max-items; a"
                    + " get-metric-data result PartialData): loudly.")
    boolean allowPartial;

    @Option(names = "--force", description = "Replace -o even when it is not a scenario enisim import wrote.")
    boolean force;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "imported", description = "Scenario name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "1d",
            description = "Simulated time when no CloudWatch data give it (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--period", paramLabel = "DURATION",
            description = "The Period of the CloudWatch queries (default: the smallest gap between data points; data that"
                    + " do not tell it, one point per result or gaps not a multiple of the smallest, are refused asking"
                    + " for it); data that do not fit it (points all a multiple of it apart) are refused.")
    String period;

    @Option(names = "--start-time", paramLabel = "INSTANT",
            description = "The --start-time the get-metric-data query was run with (an ISO-8601 UTC date-time, e.g."
                    + " 2026-12-06T22:00:00Z): time 0 and the scenario's startsAt (default: the first data point).")
    String startTime;

    @Option(names = "--end-time", paramLabel = "INSTANT",
            description = "The --end-time the get-metric-data query was run with: the run ends there (default: one"
                    + " period after the last data point).")
    String endTime;

    @Option(names = "--resample", paramLabel = "DURATION",
            description = "Sum CloudWatch counts into periods this long (a multiple of theirs), for fewer phases (default: the CloudWatch period as it is).")
    String resample;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "The scenario to write: YAML, or JSON when the name ends in .json (the same values, the"
                    + " YAML's comments under x-enisim-import).")
    Path out;

    /** What the scenario loader accepts as a {@code name} (ScenarioLoader's NAME): a generated file must load. */
    private static final java.util.regex.Pattern SCENARIO_NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    @Override
    public Integer call() throws ScenarioException, IOException {
        List<String> bad = new ArrayList<>(); // every option's problem at once (session 56: the first only)
        long seconds = seconds("--duration", duration, bad);
        if (!SCENARIO_NAME.matcher(name).matches()) { // the loader's rule for `name`, or the file would not load
            bad.add("--name: expected letters, digits, '.', '_' or '-' only, got " + Problem.quote(name)
                    + ": a scenario's name starts with a letter or a digit and has at most 128 characters (it names"
                    + " the report folder)");
        }
        long periodSeconds = period == null ? 0 : seconds("--period", period, bad);
        long resampleSeconds = resample == null ? 0 : seconds("--resample", resample, bad);
        java.time.Instant start = instant("--start-time", startTime, bad);
        java.time.Instant end = instant("--end-time", endTime, bad);
        if (bad.size() == 1) {
            throw new UserInputException(bad.get(0));
        } else if (!bad.isEmpty()) {
            throw new InputProblems(bad.stream().map(b -> "enisim: " + dev.enisim.scenario.Problem.escapeLines(b))
                    .toList());
        }
        Importer.Options options = new Importer.Options(name, seconds, periodSeconds, resampleSeconds, allowPartial)
                .window(start, end);
        checkNotAnInput();
        checkOut();
        Importer.Result result;
        try {
            result = Importer.run(new Importer.Inputs(subnets, functions, enis, securityGroups, metrics,
                    accountSettings, concurrency, vpcs), options, new Importer.Extra(provisioned, serviceQuotas, tags,
                    eventSourceMappings));
        } catch (IllegalArgumentException e) { // an option that does not fit the data
            throw new UserInputException(e.getMessage());
        }
        String yaml = result.yaml();
        // enisim reads a file named .json as JSON: the same scenario is written as JSON, its comments under
        // x-enisim-import (a reviewer wished for `import -o x.json`, refused until then)
        String text = json() ? dev.enisim.importer.JsonScenario.of(yaml) : yaml;
        checkSize(text);
        try {
            ScenarioLoader.parse(text, out.toString());
        } catch (ScenarioException e) { // inputs were checked: a file that does not load is our bug, so exit 1
            throw new IllegalStateException("the generated scenario does not load:\n" + e.getMessage(), e);
        }
        write(text);
        result.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        // the values marked, not the header's lines that say how to find them
        long placeholders = yaml.lines().filter(l -> !l.startsWith("#") && l.contains("# placeholder")).count();
        // the count is of the values marked in the file; the list at its top groups them (one line for every
        // function's connectionsPerInvocation), so it says fewer lines than this count (a newcomer's review)
        spec.commandLine().getOut().println("Wrote " + out + ": " + placeholders + " placeholder value(s), each marked"
                + (json() ? " by a comment 'placeholder' in x-enisim-import.comments and grouped in its header"
                : " '# placeholder' and grouped in the list at its top") + "; review them, then: enisim run " + out);
        // what the header asks a decision on, said once here too (a reviewer's 600 functions: 52 quiet in the window,
        // about 450 with a week of five-minute phases, which only the header said, once per function)
        result.notices().forEach(n -> spec.commandLine().getOut().println("Note: " + n));
        return 0;
    }

    /** An option's ISO-8601 date-time (null when not given), or a problem in {@code bad}. */
    private static java.time.Instant instant(String option, String value, List<String> bad) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        try { // as the AWS CLI takes it: without a zone, UTC; a date alone, its midnight UTC
            return v.length() == 10 ? java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : v.matches(".*([Zz]|[+-]\\d{2}:?\\d{2})$") ? java.time.OffsetDateTime.parse(v).toInstant()
                    : java.time.LocalDateTime.parse(v).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            bad.add(option + ": expected an ISO-8601 date-time such as 2026-12-06T22:00:00Z (as given to aws"
                    + " cloudwatch get-metric-data), got " + Problem.quote(value));
            return null;
        }
    }

    /** The variable's value when it is a positive whole number of MiB, else null (the default applies). */
    private static Long variableMib(String variable) {
        try {
            long mib = variable == null ? 0 : Long.parseLong(variable.trim());
            return mib > 0 ? mib : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Refuses, before anything is written, a scenario larger than the loader reads as YAML (the file would not load,
     * and SnakeYAML's own limit made it an internal error: a week of five-minute data for 600 functions is about
     * 49 MiB), saying its size, the limit and the ways out (exit 2).
     */
    private void checkSize(String text) {
        long bytes = utf8Length(text);
        String variable = System.getenv(ScenarioLoader.YAML_LIMIT_VARIABLE);
        long limit = json() ? ScenarioLoader.jsonLimitBytes() : ScenarioLoader.yamlLimitBytes();
        if (bytes <= limit) {
            return;
        }
        if (json()) {
            throw new UserInputException("-o " + out + ": the generated scenario is " + mib(bytes) + ", above the "
                    + mib(limit) + " limit for JSON scenarios; nothing was written. Ways out: --resample 1h (or longer)"
                    + " sums the CloudWatch periods into hourly ones, or a shorter window of CloudWatch data");
        }
        long mibNeeded = (bytes + (1 << 20) - 1) >> 20;
        List<String> ways = new ArrayList<>();
        if (!metrics.isEmpty() && (resample == null || seconds("--resample", resample, new ArrayList<>()) < 3600)) {
            ways.add("--resample 1h (or longer) sums the CloudWatch periods into hourly ones: fewer phases, a smaller"
                    + " file and a faster run");
        }
        ways.add(ScenarioLoader.YAML_LIMIT_VARIABLE + "=" + mibNeeded + " (or more) raises the limit, for this import"
                + " and for every command that reads the file (YAML is read whole into memory)");
        ways.add("a JSON scenario may have up to " + (ScenarioLoader.jsonLimitBytes() >> 20) + " MiB (it is read as a"
                + " stream): -o NAME.json writes the same scenario as JSON, its comments under x-enisim-import");
        throw new UserInputException("-o " + out + ": the generated scenario is " + mib(bytes) + ", above the "
                + mib(limit) + " limit for YAML scenarios (" + (variableMib(variable) != null
                ? ScenarioLoader.YAML_LIMIT_VARIABLE + "=" + variableMib(variable)
                : "the default; " + ScenarioLoader.YAML_LIMIT_VARIABLE + " sets it") + "); nothing was written. Ways out: "
                + String.join("; or ", ways));
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    /** The length of {@code s} in UTF-8, without encoding it (a week's scenario is tens of MiB). */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /**
     * Refuses an {@code -o} that is one of the files this import reads, however named (a hostile user's review:
     * {@code --subnets subnets.yaml -o subnets.yaml --force} replaced the saved AWS CLI output with the scenario;
     * {@code --force} is for a scenario of the user's, as gate's is, which refuses its inputs too).
     */
    private void checkNotAnInput() {
        List<Path> inputs = new ArrayList<>();
        for (List<Path> files : List.of(subnets, functions, enis, securityGroups, metrics, accountSettings,
                new ArrayList<>(concurrency.values()), vpcs, new ArrayList<>(provisioned.values()), serviceQuotas,
                new ArrayList<>(tags.values()), eventSourceMappings)) {
            inputs.addAll(files);
        }
        java.nio.file.Path wd = Main.workingDir(spec);
        for (Path in : inputs) {
            if (SafeOutput.samePlace(wd.resolve(out), wd.resolve(in))) {
                throw new UserInputException("-o " + out + " is " + in + ", an input of this import; give another -o"
                        + " (--force replaces a scenario of yours, never a file the import reads)");
            }
        }
    }

    /** How every scenario {@code enisim import} writes begins: such a file may be replaced. */
    static final String GENERATED = "# Generated by `enisim import`";

    /** Whether -o names a JSON file (enisim reads a scenario named .json as JSON), written as JSON. */
    private boolean json() {
        return out.getFileName() != null
                && out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    /** How the file the import writes to -o begins: its YAML header line, or its JSON opening. */
    private String generated() {
        return json() ? dev.enisim.importer.JsonScenario.GENERATED : GENERATED;
    }

    /**
     * Refuses, before the import runs, an {@code -o} that exists and was not written by enisim import (its first
     * line is not {@link #GENERATED}), unless forced; a folder or a link is always refused (exit 2).
     */
    private void checkOut() {
        try {
            SafeOutput.checkFile(out, Main.workingDir(spec), force ? null : generated(), true);
            java.nio.file.Path file = Main.workingDir(spec).resolve(out);
            if (!force && java.nio.file.Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && !dev.enisim.importer.ImportSeal.intact(readQuietly(file))) {
                throw new OutputRefused(out + " was written by enisim import but has been edited since (its last line's"
                        + " checksum no longer matches, or it has none: an older import's); enisim will not replace"
                        + " your edits. Give another -o, or remove it yourself");
            }
        } catch (OutputRefused e) {
            // --force replaces a file of the user's; a folder, a link or a name too long it does not help
            boolean userFile = java.nio.file.Files.isRegularFile(Main.workingDir(spec).resolve(out),
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            throw force || !userFile ? e : new OutputRefused(e.getMessage() + "; or pass --force to replace it");
        }
    }

    private static String readQuietly(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return ""; // unreadable: not shown intact, so not replaced
        }
    }

    /** Writes the scenario (YAML or JSON) through {@link SafeOutput} (a temporary sibling moved into place), refusing as checkOut. */
    private void write(String yaml) throws IOException {
        checkOut();
        SafeOutput.writeFile(out, Main.workingDir(spec), force ? null : generated(), true,
                yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** A duration option in whole seconds, at least one. */
    /** The option's whole seconds, or 0 with its problem added to {@code bad}. */
    private static long seconds(String option, String value, List<String> bad) {
        long micros;
        try {
            micros = Units.durationMicros(value);
        } catch (IllegalArgumentException e) {
            bad.add(option + ": " + e.getMessage());
            return 0;
        }
        if (micros < 1_000_000 || micros % 1_000_000 != 0) {
            bad.add(option + ": expected whole seconds, at least 1s, got " + Problem.quote(value));
            return 0;
        }
        return micros / 1_000_000;
    }
}
