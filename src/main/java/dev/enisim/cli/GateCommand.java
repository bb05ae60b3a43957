package dev.enisim.cli;

import dev.enisim.scenario.Problem;
import dev.enisim.gate.Gate;
import dev.enisim.iac.Change;
import dev.enisim.iac.ChangeReader;
import dev.enisim.report.SafeOutput;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import dev.enisim.scenario.Units;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The verdict on an infrastructure change before it deploys.", "",
            "Reads the change (CloudFormation / SAM / CDK templates, Terraform plans from `terraform show -json`),"
            + " applies it at --deploy-at to the account (a scenario, as `enisim import` writes it), runs the account"
            + " before and after, and checks the rules: exit 0 when all hold, 1 when one is crossed, 2 on bad input, 3 on an"
            + " internal error (a bug in enisim).",
            "Writes gate.md (for the pull request; also appended to $GITHUB_STEP_SUMMARY when set), junit.xml,"
            + " gate.html and after.yaml (the account with the change) into --out.", ""},
        footer = {"", "Rules (options or --rules FILE, a YAML list of sentences under `gate:`):",
            "  no function Failed | every subnet keeps 20%% of its IPs at the peak |",
            "  every subnet keeps 5 IPs at the peak | quota headroom >= 50 |",
            "  no function Pending longer than 5m | new ENIs <= 20 |",
            "  failing invocations <= 0 | teardown wait <= 45m",
            "  and any `check` expectation on the after run's summary.json (enis.peak <= 40).",
            "Always, with --rules too: no function Failed (unless --allow-failed); every function of the change"
            + " simulated (unless --allow-unsimulated); reserved concurrency fits the account.",
            "Default without --rules, also: quota headroom >= 0; failing invocations <= 0.", "",
            "A nested stack's template (TemplateURL, Location, aws:asset:path) is read only in or below the folder of"
            + " the --template given, or a folder --allow-read DIR names, as the account's traces.", "",
            "Example:",
            "  enisim gate --account scenario.yaml --template template.yaml \\",
            "    --parameters params.json --min-free-ips-percent 10 --out reports/gate"})
final class GateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--account", required = true, paramLabel = "SCENARIO",
            description = "The account as it is: a scenario (enisim import writes one from the AWS CLI's output).")
    Path account;

    // the account scenario's traces outside its folder are refused unless allowed, as for run (h3's ReadScope): gate
    // read them and offered no way to allow one
    @picocli.CommandLine.Mixin
    AllowRead allowRead;

    @Option(names = "--template", arity = "1..*", paramLabel = "FILE|DIR",
            description = "CloudFormation / SAM template (YAML or JSON), CDK template, or a cdk.out folder (default: none).")
    List<Path> templates = new ArrayList<>();

    @Option(names = "--base-template", arity = "1..*", paramLabel = "FILE|DIR",
            description = "The templates as deployed now (the pull request's base branch): a function they define"
                + " that --template leaves out is deleted by the change, as CloudFormation deletes a resource removed"
                + " from its stack (default: none; then only --stack-name tells the stack's functions, and gate.md"
                + " says what could not be seen).")
    List<Path> baseTemplates = new ArrayList<>();

    @Option(names = "--plan", arity = "1..*", paramLabel = "FILE", description = "terraform show -json output (default: none).")
    List<Path> plans = new ArrayList<>();

    @Option(names = "--parameters", arity = "1..*", paramLabel = "[TEMPLATE=]FILE",
            description = "Template parameters: [{ParameterKey, ParameterValue}] (create-stack), [\"K=V\", ...] (deploy"
                + " --parameter-overrides), {Parameters: {...}} or {K: V}. FILE alone: for every template that declares"
                + " each key; TEMPLATE=FILE: for that template only (as given with --template, its file name, or its"
                + " stack's name as gate.md shows it), as two stacks of one template need (default: none).")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--exports", arity = "1..*", paramLabel = "FILE",
            description = "aws cloudformation list-exports output, for Fn::ImportValue (default: none).")
    List<Path> exports = new ArrayList<>();

    @Option(names = "--stack-name", description = "The stack's name (AWS::StackName; matches generated function names) (default: none; references to it stay placeholders).")
    String stackName;

    @Option(names = "--region", description = "AWS::Region (default: none; references to it stay placeholders).")
    String region;

    @Option(names = "--account-id", paramLabel = "ID",
            description = "The AWS account the change deploys into, when --account's scenario has several accounts"
                + " (`accounts`): its new functions are created there, its updated and deleted ones found there by"
                + " name, its reserved concurrency checked against that account's limit; also AWS::AccountId for"
                + " templates (default: the account the change's ARNs name (a function's or its role's, a Terraform"
                + " provider's allowed_account_ids), else the scenario's only account; with several and none said,"
                + " refused).")
    String accountId;

    @Option(names = "--delete-stack", description = "The change deletes the templates' stacks: all their functions.")
    boolean deleteStack;

    @Option(names = "--deploy-at", defaultValue = "5m", paramLabel = "DURATION",
            description = "When the change deploys in the account's run (default: ${DEFAULT-VALUE}).")
    String deployAt;

    @Option(names = "--traffic", paramLabel = "FUNCTION=RATE", description = "Traffic of a function the change creates (default: --default-traffic).")
    Map<String, String> traffic = new TreeMap<>();

    @Option(names = "--default-traffic", defaultValue = "1/s", paramLabel = "RATE",
            description = "Traffic of created functions without --traffic, a placeholder (default: ${DEFAULT-VALUE}).")
    String defaultTraffic;

    @Option(names = "--rules", paramLabel = "FILE", description = "A YAML file with a list of rules under `gate:` (default: the default rules below).")
    Path rulesFile;

    @Option(names = "--allow-failed", description = "Do not add the rule 'no function Failed' (added otherwise, with"
            + " or without --rules; a rules file that lists it still checks it).")
    boolean allowFailed;

    @picocli.CommandLine.Mixin
    Budget budget;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "1",
            description = "Runs of the account before and after, each pair with its own random streams: every rule"
                + " must hold in all N (a teardown wait or a Pending spell is one random draw per run) (default:"
                + " ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--allow-unsimulated", description = {"Pass even when functions of the change cannot be simulated"
        + " (a VpcConfig or subnet the gate cannot resolve: see gate.md's \"What the gate could not know\"). Without"
        + " it such a gate fails: it checked nothing for them."})
    boolean allowUnsimulated;

    @Option(names = "--min-free-ips-percent", paramLabel = "P",
            description = "Every subnet keeps P%% of its IPs free at the peak (default: not checked).")
    Double minFreePercent;

    @Option(names = "--min-free-ips", paramLabel = "N", description = "Every subnet keeps N IPs free at the peak (default: not checked).")
    Long minFree;

    @Option(names = "--min-quota-headroom", paramLabel = "N", description = "ENI quota headroom per VPC (default 0).")
    Long headroom;

    @Option(names = "--max-pending", paramLabel = "DURATION", description = "No function Pending longer than this (default: not checked).")
    String maxPending;

    @Option(names = "--max-new-enis", paramLabel = "N", description = "At most N new ENIs (default: not checked).")
    Long maxNewEnis;

    @Option(names = "--max-teardown-wait", paramLabel = "DURATION", description = "The ENIs the change releases (deleted functions', a VpcConfig removed or changed) gone by then (default: not checked).")
    String maxTeardown;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/gate",
            description = "Folder for gate.md, junit.xml, gate.html, after.yaml (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--step-summary", paramLabel = "FILE", defaultValue = "${env:GITHUB_STEP_SUMMARY}",
            description = "Append gate.md to this file (default: $GITHUB_STEP_SUMMARY, GitHub Actions' job summary).")
    String stepSummary; // text, not a Path: unset, the environment variable gives an empty default meaning "none"

    @Option(names = "--force", description = "Write gate.md, junit.xml, gate.html and after.yaml into --out even when"
            + " it is not a folder enisim made, beside its other files; a file of those names there that enisim did"
            + " not write is still refused (exit 2), never replaced.")
    boolean force;

    /**
     * The functions the change's may be (an existing one is updated, not created): the scenario's, by label; with
     * accounts and --account-id, the names of that account's only (another account's function of the name is
     * another function: the change creates its own beside it).
     */
    static Set<String> functionsOf(Scenario s, String accountId) {
        Set<String> out = new TreeSet<>();
        boolean one = accountId != null && !s.accounts().list().isEmpty();
        String first = s.accounts().list().isEmpty() ? "" : s.accounts().list().get(0).id();
        for (Scenario.Function f : s.functions()) {
            String account = s.accounts().of(f.name()).isEmpty() ? first : s.accounts().of(f.name());
            if (!one) {
                out.add(f.name());
            } else if (account.equals(accountId)) {
                out.add(f.name().substring(f.name().indexOf(dev.enisim.scenario.FunctionLabels.SEPARATOR) + 1));
            }
        }
        return out;
    }

    @Override
    public Integer call() throws ScenarioException, IOException {
        try {
            return gate();
        } catch (UserInputException | ScenarioException | dev.enisim.report.OutputRefused e) {
            badInput(Main.userMessage(e));
            throw e;
        }
    }

    private Integer gate() throws ScenarioException, IOException {
        if (templates.isEmpty() && plans.isEmpty()) {
            throw new UserInputException("give the change: --template FILE and/or --plan FILE");
        }
        List<String> bad = new ArrayList<>(); // every option's problem at once, named as the user wrote it
        for (Map.Entry<String, Number> n : java.util.Arrays.asList(Map.entry("--min-free-ips", (Number) (minFree
                == null ? 0L : minFree)), Map.entry("--min-quota-headroom", (Number) (headroom == null ? 0L : headroom)),
                Map.entry("--max-new-enis", (Number) (maxNewEnis == null ? 0L : maxNewEnis)),
                Map.entry("--min-free-ips-percent", (Number) (minFreePercent == null ? 0.0 : minFreePercent)))) {
            if (n.getValue().doubleValue() < 0) {
                bad.add(n.getKey() + ": expected a number >= 0, got " + n.getValue());
            }
        }
        if (replications < 1) {
            bad.add("--replications: expected at least 1, got " + replications);
        }
        if (minFreePercent != null && minFreePercent > 100) {
            bad.add("--min-free-ips-percent: a subnet keeps at most 100% of its IPs, got " + minFreePercent);
        }
        try {
            Units.ratePerSecond(defaultTraffic);
        } catch (IllegalArgumentException e) {
            bad.add("--default-traffic " + defaultTraffic + ": " + e.getMessage());
        }
        for (Map.Entry<String, String> t : traffic.entrySet()) {
            try {
                Units.ratePerSecond(t.getValue());
            } catch (IllegalArgumentException e) {
                bad.add("--traffic " + t.getKey() + "=" + t.getValue() + ": " + e.getMessage());
            }
        }
        Long at = null;
        try {
            at = Units.durationMicros(deployAt) / 1_000_000;
        } catch (IllegalArgumentException e) {
            bad.add("--deploy-at " + deployAt + ": " + e.getMessage());
        }
        // every problem of every input said at once: the options', the rules file's, the parameters', exports' and
        // templates', then what only the change tells (a --traffic for a function it does not create)
        List<ScenarioException> problems = new ArrayList<>();
        if (!bad.isEmpty()) {
            List<dev.enisim.scenario.Problem> named = new ArrayList<>();
            for (String b : bad) {
                int colon = b.indexOf(": ");
                named.add(new dev.enisim.scenario.Problem(b.substring(0, colon), b.substring(colon + 2)));
            }
            problems.add(new ScenarioException("gate options", named));
        }
        List<String> rules = null;
        List<String> metricRules = null; // the rules whose metrics are checked before the runs
        try {
            rules = rules();
            metricRules = rules;
        } catch (ScenarioException e) {
            problems.add(e);
            metricRules = fileSentences(); // a rule said wrong: the others' metrics are still said with it
        }
        Scenario s;
        try {
            s = ScenarioLoader.load(account);
        } catch (ScenarioException e) { // without the account the change cannot be read against it
            problems.add(e);
            // but its files can be read for their kind (a template given as --plan): said now, not on the next try
            problems.addAll(dev.enisim.iac.TemplateFile.unreadable(templates, plans));
            // and the parameters and exports files, which need no account: a malformed one was said only once the
            // account was mended (session 56)
            readParameters(problems, new TreeMap<>(), new TreeMap<>(), new java.util.LinkedHashMap<>(),
                    new java.util.LinkedHashMap<>());
            readExports(problems);
            throw ChangeReader.merge(problems);
        }
        // said first: a partial account may also be why a subnet or function of the change is not known to it
        Gate.accountWarnings(account).forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        Map<String, String> subnets = new TreeMap<>();
        s.vpcs().forEach(v -> v.subnets().forEach(n -> subnets.put(n.id(), v.id())));
        Set<String> functions = functionsOf(s, accountId);
        Map<String, String> params = new TreeMap<>();
        Map<String, ChangeReader.Origin> origins = new TreeMap<>();
        Map<String, Map<String, String>> stackParams = new java.util.LinkedHashMap<>();
        Map<String, Map<String, ChangeReader.Origin>> stackOrigins = new java.util.LinkedHashMap<>();
        readParameters(problems, params, origins, stackParams, stackOrigins);
        Map<String, String> exported = readExports(problems);
        Map<String, String> pseudo = new TreeMap<>();
        if (stackName != null) {
            pseudo.put("AWS::StackName", stackName);
        }
        if (region != null) {
            pseudo.put("AWS::Region", region);
        }
        if (accountId != null) {
            pseudo.put("AWS::AccountId", accountId);
        }
        Change change = null;
        try { // read even when a parameters file has problems: its other values are checked against the templates
            change = ChangeReader.read(templates, plans, new ChangeReader.Inputs(params, exported, pseudo, subnets,
                    functions, deleteStack, stackParams, origins, stackOrigins));
        } catch (ScenarioException e) {
            problems.add(e);
        }
        if (change != null && !deleteStack) { // a function of the stack the templates leave out: deleted
            Change base = null;
            if (!baseTemplates.isEmpty()) {
                try {
                    base = ChangeReader.read(baseTemplates, List.of(), new ChangeReader.Inputs(params, exported,
                            pseudo, subnets, functions, false, stackParams, origins, stackOrigins));
                } catch (ScenarioException e) {
                    problems.add(e);
                }
            }
            Map<String, Map<String, String>> tags = null; // the functions' CloudFormation tags, as imported
            try {
                tags = dev.enisim.gate.Removals.tags(ScenarioLoader.readTree(account), account.toString(), functions);
            } catch (ScenarioException e) {
                problems.add(e);
            }
            if ((baseTemplates.isEmpty() || base != null) && tags != null) {
                change = dev.enisim.gate.Removals.apply(change, functions, templates.stream().map(Path::toString)
                        .toList(), base, stackName, tags);
            }
        }
        if (change != null) {
            try {
                Gate.checkOptions(account, change, traffic, at, deployAt, "gate options", accountId);
            } catch (ScenarioException e) {
                problems.add(e);
            }
        }
        if (change != null && metricRules != null && at != null) { // a metric no run reports: said before the runs
            try {
                Gate.checkMetrics(account, change, metricRules, traffic, defaultTraffic, at, rulesFile == null
                        ? "gate rules" : rulesFile.toString(), rulePaths(), accountId);
            } catch (ScenarioException e) {
                problems.add(e);
            }
        }
        if (!problems.isEmpty()) {
            throw ChangeReader.merge(problems);
        }
        // the account run before and after the change, each replication: --replications 2147483647 ran for ever,
        // silent (the change's own functions add to the after runs; the account's events are a floor)
        budget.check(Budget.events(s) * 2.0 * replications, s.name() + " before and after the change ("
                + 2L * replications + " runs)", spec.commandLine().getErr());
        checkOut();
        List<Path> touched = new ArrayList<>(inputs()); // what the step summary must not be
        OUTPUTS.forEach(name -> touched.add(out.resolve(name)));
        Path summaryFile = StepSummary.of(stepSummary, Main.workingDir(spec), "gate's summary", touched);
        Gate.Verdict v = Gate.run(account, change, new Gate.Options(at, traffic, defaultTraffic, rules,
                allowUnsimulated, rulesFile == null ? "gate rules" : rulesFile.toString(), replications, accountId));
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        String markdown = v.markdown(); // a paragraph a line: a GitHub comment keeps every line break
        files.put("gate.md", markdown.getBytes(StandardCharsets.UTF_8));
        files.put("junit.xml", v.junit().getBytes(StandardCharsets.UTF_8));
        files.put("gate.html", v.html().getBytes(StandardCharsets.UTF_8));
        files.put("after.yaml", v.afterScenario().getBytes(StandardCharsets.UTF_8));
        write(files);
        StepSummary.append(summaryFile, markdown);
        long failed = v.results().stream().filter(r -> !r.passed()).count();
        spec.commandLine().getOut().println((v.passed() ? v.headline() : "FAILED: " + failed + " of "
                + v.results().size() + " rule(s) crossed") + (v.accounts().isEmpty() ? "" : " (deployed into account "
                + String.join(" and ", v.accounts()) + ")") + "; " + out.resolve("gate.md"));
        v.results().stream().filter(r -> !r.passed()).forEach(r -> spec.commandLine().getOut().println("  "
                + r.expectation().text() + ": " + r.actual()));
        return v.passed() ? 0 : 1;
    }

    /**
     * The --parameters files, each value into {@code params} (or its template's {@code stackParams}) with where it
     * was given; every file's problems into {@code problems}.
     */
    private void readParameters(List<ScenarioException> problems, Map<String, String> params,
            Map<String, ChangeReader.Origin> origins, Map<String, Map<String, String>> stackParams,
            Map<String, Map<String, ChangeReader.Origin>> stackOrigins) {
        for (String p : parameters) {
            int eq = p.indexOf('=');
            boolean scoped = eq > 0 && !Files.exists(Path.of(p)); // TEMPLATE=FILE: that template's own
            Path file = Path.of(scoped ? p.substring(eq + 1) : p);
            List<dev.enisim.scenario.Problem> wrong = new ArrayList<>();
            try {
                ChangeReader.ParameterFile f = ChangeReader.parameterFile(file, wrong);
                if (scoped) {
                    stackParams.computeIfAbsent(p.substring(0, eq), k -> new TreeMap<>()).putAll(f.values());
                    stackOrigins.computeIfAbsent(p.substring(0, eq), k -> new TreeMap<>()).putAll(f.origins());
                } else {
                    params.putAll(f.values());
                    origins.putAll(f.origins());
                }
            } catch (ScenarioException e) {
                problems.add(e);
            }
            if (!wrong.isEmpty()) {
                problems.add(new ScenarioException(file.toString(), wrong));
            }
        }
    }

    /** The --exports files' values; their problems into {@code problems}. */
    private Map<String, String> readExports(List<ScenarioException> problems) {
        try {
            return ChangeReader.exports(exports);
        } catch (ScenarioException e) {
            problems.add(e);
            return Map.of();
        }
    }

    /**
     * Writes the gate's files: the folder as a whole when it is absent, empty or enisim's (as without --force);
     * with --force into another folder, each file beside the folder's own, sealed (its last line enisim's checksum
     * of the rest) so that a later run knows it, replacing only a file enisim wrote.
     */
    private void write(Map<String, byte[]> files) throws IOException {
        Path wd = Main.workingDir(spec);
        if (!force || ownFolder()) {
            SafeOutput.writeFolder(out, wd, files);
            return;
        }
        Map<String, String> listed = listedByMarker();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path file = out.resolve(f.getKey());
            SafeOutput.Mark mark = MARKS.get(f.getKey());
            if (listed.containsKey(f.getKey()) && Files.isRegularFile(wd.resolve(file),
                    java.nio.file.LinkOption.NOFOLLOW_LINKS)) { // written by a run without --force, as its marker says
                SafeOutput.writeFile(file, wd, null, mark.seal().apply(f.getValue()));
            } else {
                SafeOutput.writeMarkedFile(file, wd, mark, f.getValue());
            }
        }
    }

    /** Whether --out may be written as a folder of enisim's: absent, empty, or as enisim wrote it. */
    private boolean ownFolder() {
        try {
            SafeOutput.checkFolder(out, Main.workingDir(spec));
            return true;
        } catch (dev.enisim.report.OutputRefused e) {
            return false;
        }
    }

    /**
     * The gate's files that the {@link SafeOutput#MARKER} of --out lists with the checksum of what they hold now (a
     * folder enisim wrote, with files of the user's added since): enisim's, name to checksum, as {@link
     * SafeOutput#listedAsWritten} knows them. Empty when none.
     */
    private Map<String, String> listedByMarker() {
        return SafeOutput.listedAsWritten(out, Main.workingDir(spec), OUTPUTS);
    }

    /** How the gate's files are known as enisim's outside a folder of its own (--force): opening and checksum. */
    private static final Map<String, SafeOutput.Mark> MARKS = Map.of(
            "gate.md", SafeOutput.Mark.startingWith("<!-- enisim gate -->\n## enisim gate: ")
                    .sealedBy(SafeOutput.Seal.MARKDOWN),
            "junit.xml", CheckCommand.JUNIT_SIGNATURE,
            "gate.html", SafeOutput.Mark.startingWith("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>enisim gate</title>").sealedBy(SafeOutput.Seal.XML_COMMENT),
            "after.yaml", SafeOutput.Mark.startingWith("# Generated by `enisim gate`: the account with the change"
                    + " deployed\n").sealedBy(new SafeOutput.Seal("# enisim sha256 ", "\n")));

    /**
     * The gate's files in --out that are the user's (not written by enisim, or changed since), which --force will
     * not replace either.
     */
    private List<String> notOurs() {
        Path wd = Main.workingDir(spec);
        Map<String, String> listed = listedByMarker();
        List<String> theirs = new ArrayList<>();
        for (String name : OUTPUTS) {
            Path file = out.resolve(name);
            if (!Files.exists(wd.resolve(file), java.nio.file.LinkOption.NOFOLLOW_LINKS) || listed.containsKey(name)) {
                continue;
            }
            try {
                SafeOutput.checkFile(file, wd, null); // its kind and place: said as they are, below
            } catch (dev.enisim.report.OutputRefused e) {
                continue;
            }
            try {
                SafeOutput.checkMarkedFile(file, wd, MARKS.get(name));
            } catch (dev.enisim.report.OutputRefused e) {
                theirs.add(name);
            }
        }
        return theirs;
    }

    /**
     * On bad input (exit 2), the gate's report in --out is not left saying the previous run's verdict (a stale
     * PASSED for the pull request's comment and the JUnit publisher): gate.md says "bad input" with the problems, and
     * junit.xml holds one BadInput error, as {@code check --junit} writes it; only in a folder of enisim's (replaced
     * as a whole: the previous page and after.yaml go too) or, with --force, over files of the gate's own; never a
     * user's. The same Markdown is appended to the step summary.
     */
    private void badInput(String message) {
        if (message == null) {
            return;
        }
        Path wd = Main.workingDir(spec);
        String markdown = badInputMarkdown(message);
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("gate.md", markdown.getBytes(StandardCharsets.UTF_8));
        files.put("junit.xml", dev.enisim.check.JUnitXml.badInput(message).getBytes(StandardCharsets.UTF_8));
        List<Path> in = new ArrayList<>();
        try {
            in.addAll(inputs());
        } catch (RuntimeException e) {
            in = null; // the inputs cannot all be told: nothing is written
        }
        try {
            Path target = wd.resolve(out).toAbsolutePath().normalize();
            boolean holdsInput = in == null || in.stream().anyMatch(p -> p != null && wd.resolve(p).toAbsolutePath()
                    .normalize().startsWith(target));
            if (!holdsInput && Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                if (ownFolder()) {
                    SafeOutput.writeFolder(out, wd, files);
                } else if (force) {
                    List<String> theirs = notOurs();
                    Map<String, String> listed = listedByMarker();
                    for (Map.Entry<String, byte[]> f : files.entrySet()) {
                        Path file = out.resolve(f.getKey());
                        if (!Files.isRegularFile(wd.resolve(file), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                                || theirs.contains(f.getKey())) {
                            continue; // a new file is not made, a user's never replaced
                        }
                        if (listed.containsKey(f.getKey())) {
                            SafeOutput.writeFile(file, wd, null, MARKS.get(f.getKey()).seal().apply(f.getValue()));
                        } else {
                            SafeOutput.writeMarkedFile(file, wd, MARKS.get(f.getKey()), f.getValue());
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the bad input is what is said; a report that cannot be written stays as it was
        }
        try {
            List<Path> touched = in == null ? new ArrayList<>() : new ArrayList<>(in);
            OUTPUTS.forEach(name -> touched.add(out.resolve(name)));
            StepSummary.append(StepSummary.of(stepSummary, wd, "gate's summary", touched), markdown);
        } catch (RuntimeException e) {
            // a step summary that cannot take it: the terminal says the bad input
        }
    }

    /** gate.md on bad input: the heading a reader of the pull request sees, then every problem as the terminal says. */
    static String badInputMarkdown(String message) {
        String fence = dev.enisim.check.CheckMarkdown.fence(message);
        return "<!-- enisim gate -->\n## enisim gate: bad input\n\nThe gate did not run: its input has problems (exit"
                + " 2), so no rule was checked and this is no verdict on the change. Every problem found:\n\n" + fence
                + "text\n" + message.strip() + "\n" + fence + "\n";
    }

    /**
     * --out must be absent, empty, or a folder enisim wrote (its {@link SafeOutput#MARKER}, or an older gate's
     * marker), refused at once before the runs; with --force, any folder (not a file, not a link).
     */
    private void checkOut() {
        Path wd = Main.workingDir(spec);
        if (!force) {
            try {
                SafeOutput.checkFolder(out, wd);
            } catch (dev.enisim.report.OutputRefused e) {
                Path target = wd.resolve(out);
                boolean folder = Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                // --force writes into a folder only: offered for a file, it then refused too
                List<String> theirs = folder ? notOurs() : List.of();
                Map<SafeOutput.Standing, List<String>> by = standings(theirs);
                List<String> steps = new ArrayList<>();
                if (!by.get(SafeOutput.Standing.FOREIGN).isEmpty()) {
                    List<String> f = by.get(SafeOutput.Standing.FOREIGN);
                    steps.add("move " + String.join(" and ", f) + " away (enisim did not write " + them(f) + ", and"
                            + " --force replaces none such)");
                }
                if (!by.get(SafeOutput.Standing.CHANGED).isEmpty()) {
                    List<String> c = by.get(SafeOutput.Standing.CHANGED);
                    steps.add("move " + String.join(" and ", c) + " away (" + (c.size() == 1 ? "it was" : "they were")
                            + " changed since enisim wrote " + them(c) + ", and --force replaces none such)");
                }
                if (!by.get(SafeOutput.Standing.UNSEALED).isEmpty()) {
                    List<String> u = by.get(SafeOutput.Standing.UNSEALED);
                    steps.add("deal with " + String.join(" and ", u) + " (" + (u.size() == 1 ? "it opens" : "they open")
                            + " as the gate's own but " + (u.size() == 1 ? "does" : "do") + " not end with enisim's"
                            + " checksum line, and --force replaces none such: " + unsealedAdvice(u) + ")");
                }
                throw new dev.enisim.report.OutputRefused(e.getMessage() + (!folder ? "" : theirs.isEmpty()
                        ? "; or pass --force to write gate.md, junit.xml, gate.html and after.yaml into it beside its"
                        + " files (--force replaces none of them that enisim did not write)"
                        : "; or " + String.join(", and ", steps) + " and pass --force to write gate.md, junit.xml,"
                        + " gate.html and after.yaml into it beside its files"));
            }
            SafeOutput.checkFolderWritable(out, wd); // tried (a trial write) before the runs, not found after them
            return;
        }
        Path target = wd.resolve(out);
        if (Files.isSymbolicLink(target) || (Files.exists(target) && !Files.isDirectory(target))) {
            throw new UserInputException(out + ": is a file or a link; expected a folder for the gate's reports");
        }
        // every one of the four checked before the runs (a link among them was refused after, with gate.md already
        // replaced), and none of them an input (--force replaced the --account scenario with after.yaml)
        for (String name : OUTPUTS) {
            Path file = out.resolve(name);
            for (Path in : inputs()) {
                if (same(wd.resolve(file), wd.resolve(in))) {
                    throw new UserInputException("--out " + out + " --force would replace " + in + ", an input of this"
                            + " gate, with its " + name + "; give another --out");
                }
            }
            SafeOutput.checkFile(file, wd, null);
        }
        if (ownFolder()) {
            SafeOutput.checkFolderWritable(out, wd); // written as a whole, as without --force: tried as it is
            return;
        }
        List<String> theirs = notOurs();
        if (!theirs.isEmpty()) { // --force writes beside the user's files, never over them
            Map<SafeOutput.Standing, List<String>> by = standings(theirs);
            List<String> which = new ArrayList<>();
            List<String> moved = new ArrayList<>(by.get(SafeOutput.Standing.FOREIGN));
            if (!by.get(SafeOutput.Standing.FOREIGN).isEmpty()) {
                which.add(String.join(" and ", by.get(SafeOutput.Standing.FOREIGN)) + ", which enisim did not write");
            }
            List<String> changed = by.get(SafeOutput.Standing.CHANGED);
            if (!changed.isEmpty()) {
                moved.addAll(changed);
                which.add(String.join(" and ", changed) + ", which enisim wrote but which " + (changed.size() == 1
                        ? "was" : "were") + " changed since (the checksum line enisim ends " + them(changed) + " with"
                        + " no longer matches)");
            }
            List<String> unsealed = by.get(SafeOutput.Standing.UNSEALED);
            if (!unsealed.isEmpty()) {
                which.add(String.join(" and ", unsealed) + ", which " + (unsealed.size() == 1 ? "opens" : "open")
                        + " as the gate's own but " + (unsealed.size() == 1 ? "does" : "do") + " not end with"
                        + " enisim's checksum line");
            }
            List<String> steps = new ArrayList<>();
            if (!moved.isEmpty()) {
                steps.add("move " + String.join(" and ", moved) + " away, or give another --out");
            }
            if (!unsealed.isEmpty()) {
                steps.add(unsealedAdvice(unsealed));
            }
            throw new dev.enisim.report.OutputRefused("--out " + out + " --force would replace " + String.join("; and ",
                    which) + ": --force writes the gate's four files beside a folder's own but replaces none that"
                    + " enisim did not write, or that changed since; " + String.join("; ", steps));
        }
        for (String name : OUTPUTS) { // each written beside the folder's files: each tried before the runs
            SafeOutput.checkFileWritable(out.resolve(name), wd, null);
        }
    }

    /** "it" or "them". */
    private static String them(List<String> files) {
        return files.size() == 1 ? "it" : "them";
    }

    /**
     * The gate's files in --out that the user's own (not enisim's by their {@link #MARKS}), by how they stand: not
     * the gate's at all, sealed but edited, or opening as the gate's without a seal (an older gate --force's).
     */
    private Map<SafeOutput.Standing, List<String>> standings(List<String> theirs) {
        Map<SafeOutput.Standing, List<String>> by = new java.util.EnumMap<>(SafeOutput.Standing.class);
        for (SafeOutput.Standing st : SafeOutput.Standing.values()) {
            by.put(st, new ArrayList<>());
        }
        Path wd = Main.workingDir(spec);
        for (String name : theirs) {
            SafeOutput.Standing st = SafeOutput.standing(out.resolve(name), wd, MARKS.get(name));
            by.get(st == SafeOutput.Standing.ENISIMS ? SafeOutput.Standing.FOREIGN : st).add(name);
        }
        return by;
    }

    /**
     * What to do with gate files that open as the gate's own but carry no checksum line: a gate --force before its
     * files were sealed wrote them so, or a user edited them below the line; enisim cannot tell which, so it replaces
     * none of them and says how the user removes them.
     */
    private String unsealedAdvice(List<String> unsealed) {
        List<String> paths = new ArrayList<>();
        for (String name : unsealed) {
            String p = out.resolve(name).toString();
            paths.add(p.matches("[A-Za-z0-9_./@%+=:,-]+") ? p : "'" + p.replace("'", "'\\''") + "'");
        }
        String names = String.join(" and ", unsealed);
        String it = them(unsealed);
        return "an older enisim's gate --force wrote its files without that line, and a file with text added below"
                + " the line does not end with it either: enisim cannot tell which of the two " + names
                + (unsealed.size() == 1 ? " is" : " are") + ", so it replaces " + it + " in neither case; if "
                + (unsealed.size() == 1 ? "it is" : "they are") + " an older gate's that you did not edit, remove " + it
                + " yourself (rm " + String.join(" ", paths) + ") and run again: the gate then writes " + it + " with"
                + " the line, and a later --force replaces " + it;
    }

    /**
     * The rule options' values, each checked as the option it is: {@code --max-pending abc} was told as "gate rules:
     * rules[3]: 'no function Pending longer than abc': ...", and {@code --min-free-ips-percent NaN} as a sentence
     * that "is not a gate rule" (an adversarial review). Every problem at once.
     */
    private void optionProblems() throws ScenarioException {
        List<dev.enisim.scenario.Problem> problems = new ArrayList<>();
        // below 0 or above 100, and a negative count, are said with the other options in gate() (they were said
        // twice, each in other words); NaN is neither, and said here
        if (minFreePercent != null && minFreePercent.isNaN()) {
            problems.add(new dev.enisim.scenario.Problem("--min-free-ips-percent " + minFreePercent,
                    "expected a percentage from 0 to 100"));
        }
        for (String[] d : new String[][] {{"--max-pending", maxPending}, {"--max-teardown-wait", maxTeardown}}) {
            if (d[1] == null) {
                continue;
            }
            long micros;
            try {
                micros = dev.enisim.scenario.Units.durationMicros(d[1]);
            } catch (IllegalArgumentException e) {
                problems.add(new dev.enisim.scenario.Problem(d[0] + " " + d[1], e.getMessage()));
                continue;
            }
            if (micros < 0) {
                problems.add(new dev.enisim.scenario.Problem(d[0] + " " + d[1], "expected a duration of 0 or more"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException("gate options", problems);
        }
    }

    /** The four files the gate writes into --out. */
    private static final List<String> OUTPUTS = List.of("gate.md", "junit.xml", "gate.html", "after.yaml");

    /** Every file the gate reads (a folder of templates as given; the account's traces). */
    private List<Path> inputs() {
        List<Path> in = new ArrayList<>();
        in.add(account);
        in.addAll(dev.enisim.scenario.TraceFiles.of(Main.workingDir(spec).resolve(account)));
        in.addAll(templates);
        in.addAll(baseTemplates);
        in.addAll(plans);
        in.addAll(exports);
        if (rulesFile != null) {
            in.add(rulesFile);
        }
        for (String p : parameters) {
            int eq = p.indexOf('=');
            in.add(Path.of(eq > 0 && !Files.exists(Path.of(p)) ? p.substring(eq + 1) : p));
        }
        return in;
    }

    private static boolean same(Path a, Path b) {
        return SafeOutput.samePlace(a, b);
    }

    /**
     * The rule sentences of a rules file: a list under {@code gate:} (or {@code expect:}, as a scenario names its
     * own), every one checked before anything runs. Whatever else the file holds is bad input, said with the rest:
     * an {@code expect:} beside {@code gate:}, or a misspelt {@code gates:} beside it, was ignored without a word and
     * the gate passed without its rules; an item that is not a sentence ({@code - new ENIs: 5}, a map in YAML) was
     * read as the empty rule {@code ''}.
     */
    static List<String> rulesOf(com.fasterxml.jackson.databind.JsonNode tree, String source)
            throws ScenarioException {
        List<dev.enisim.scenario.Problem> problems = new ArrayList<>();
        if (tree == null || !tree.isObject()) {
            throw new ScenarioException(source, List.of(new dev.enisim.scenario.Problem("",
                    "expected a list of rule sentences under `gate:`, such as gate: [\"quota headroom >= 50\"]")));
        }
        List<String> keys = List.of("gate", "expect");
        for (var it = tree.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!keys.contains(key)) {
                String close = dev.enisim.scenario.Suggest.closest(key, keys);
                problems.add(new dev.enisim.scenario.Problem(key, "unknown key " + Problem.quote(key) + " (a rules file holds a"
                        + " list of rule sentences under `gate:`)" + (close == null ? "" : "; did you mean '" + close
                        + "'?")));
            }
        }
        if (tree.has("gate") && tree.has("expect")) {
            problems.add(new dev.enisim.scenario.Problem("expect", "a rules file gives its rules under `gate:` or"
                    + " `expect:`, not both (one of them was ignored): put them in one list under `gate:`"));
        }
        String key = tree.has("gate") ? "gate" : tree.has("expect") ? "expect" : null;
        var list = key == null ? null : tree.get(key);
        List<String> fromFile = new ArrayList<>();
        if (list == null || !list.isArray()) {
            if (key != null || problems.isEmpty()) { // `gates:` alone: its "did you mean" says it
                problems.add(new dev.enisim.scenario.Problem(key == null ? "gate" : key, (key == null ? "missing: "
                        : "") + "expected a list of rule sentences under `gate:`, such as gate: [\"quota headroom"
                        + " >= 50\"]"));
            }
        } else {
            // each item's problem at the file's own index, in the file's order
            Map<Integer, dev.enisim.scenario.Problem> items = new TreeMap<>();
            List<Integer> sentences = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).isTextual()) {
                    fromFile.add(list.get(i).asText());
                    sentences.add(i);
                } else {
                    items.put(i, new dev.enisim.scenario.Problem(key + "[" + i + "]", "expected a rule sentence such"
                            + " as 'new ENIs <= 5' (quote it in YAML: a bare `- new ENIs: 5` is a map, not a"
                            + " sentence), got " + (list.get(i).isContainerNode() ? "a " + (list.get(i).isArray()
                            ? "list" : "map") : Problem.quote(list.get(i).asText()))));
                }
            }
            try {
                Gate.rules(fromFile, source, key);
            } catch (ScenarioException e) {
                for (dev.enisim.scenario.Problem p : e.problems()) {
                    int i = sentences.get(Integer.parseInt(p.path().replaceAll("\\D", "")));
                    items.put(i, new dev.enisim.scenario.Problem(key + "[" + i + "]", p.message()));
                }
            }
            problems.addAll(items.values());
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return fromFile;
    }

    /**
     * The sentences of the rules file as written (under {@code gate:} or {@code expect:}), whatever their problems,
     * for the metric check when {@link #rules} found some ({@link Gate#checkMetrics} checks each rule on its own and
     * leaves a rule said wrong to that check); null without a rules file or when it cannot be read as one.
     */
    /** Each sentence of the rules file by its path there ({@code gate[3]}; the first when given twice). */
    private Map<String, String> rulePaths() {
        Map<String, String> out = new java.util.HashMap<>();
        if (rulesFile == null) {
            return out;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode tree = ScenarioLoader.readTree(rulesFile, "rules file");
            String key = tree == null ? null : tree.has("gate") ? "gate" : tree.has("expect") ? "expect" : null;
            com.fasterxml.jackson.databind.JsonNode list = key == null ? null : tree.get(key);
            for (int i = 0; list != null && list.isArray() && i < list.size(); i++) {
                if (list.get(i).isTextual()) {
                    out.putIfAbsent(list.get(i).asText(), key + "[" + i + "]");
                }
            }
        } catch (ScenarioException | RuntimeException e) { // said by the rules' own check
            return out;
        }
        return out;
    }

    private List<String> fileSentences() {
        if (rulesFile == null) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode tree = ScenarioLoader.readTree(rulesFile, "rules file");
            com.fasterxml.jackson.databind.JsonNode list = tree == null ? null
                    : tree.has("gate") ? tree.get("gate") : tree.get("expect");
            if (list == null || !list.isArray()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode item : list) {
                if (item.isTextual()) {
                    out.add(item.asText());
                }
            }
            return out;
        } catch (ScenarioException | RuntimeException e) { // said by the rules' own check
            return null;
        }
    }

    private List<String> rules() throws ScenarioException {
        optionProblems();
        java.util.LinkedHashSet<String> rules = new java.util.LinkedHashSet<>();
        if (rulesFile == null) { // the defaults, unless a rules file says what to check ("no function Failed": below)
            rules.add("quota headroom >= " + (headroom == null ? 0 : headroom));
            rules.add("failing invocations <= 0");
        } else if (headroom != null) {
            rules.add("quota headroom >= " + headroom);
        }
        if (minFreePercent != null) {
            rules.add("every subnet keeps " + minFreePercent + "% of its IPs at the peak");
        }
        if (minFree != null) {
            rules.add("every subnet keeps " + minFree + " IPs at the peak");
        }
        if (maxPending != null) {
            rules.add("no function Pending longer than " + maxPending);
        }
        if (maxNewEnis != null) {
            rules.add("new ENIs <= " + maxNewEnis);
        }
        if (maxTeardown != null) {
            rules.add("teardown wait <= " + maxTeardown);
        }
        if (rulesFile != null) {
            com.fasterxml.jackson.databind.JsonNode tree;
            try {
                tree = ScenarioLoader.readTree(rulesFile, "rules file");
            } catch (ScenarioException e) { // UTF-16 (PowerShell's `>`): read as the gate's other files are
                if (!e.getMessage().contains("not UTF-8 text")) {
                    throw e;
                }
                // its size was checked by readTree; as a rules file, not as a template (a list was "expected a
                // template or plan", a binary file "a template, plan or parameters file")
                tree = ScenarioLoader.readTree(dev.enisim.scenario.InputText.read(rulesFile, Long.MAX_VALUE,
                        "a rules file", "a rules file (YAML or JSON with a list under `gate:`)"), rulesFile.toString(),
                        "rules file");
            }
            rules.addAll(rulesOf(tree, rulesFile.toString()));
        }
        List<String> all = new ArrayList<>(rules);
        // on unless --allow-failed, with a rules file too (as `every function of the change simulated` is): a file
        // stating only its thresholds passed a change whose functions end Failed
        if (!allowFailed && all.stream().noneMatch(r -> r.strip().replaceAll("\\s+", " ").equalsIgnoreCase(
                "no function Failed"))) {
            all.add(0, "no function Failed");
        }
        return all;
    }
}
