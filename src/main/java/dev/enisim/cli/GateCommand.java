package dev.enisim.cli;

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
            + " before and after, and checks the rules: exit 0 when all hold, 1 when one is crossed, 2 on bad input.",
            "Writes gate.md (for the pull request; also appended to $GITHUB_STEP_SUMMARY when set), junit.xml,"
            + " gate.html and after.yaml (the account with the change) into --out.", ""},
        footer = {"", "Rules (options or --rules FILE, a YAML list of sentences under `gate:`):",
            "  no function Failed | every subnet keeps 20%% of its IPs at the peak |",
            "  quota headroom >= 50 | no function Pending longer than 5m | new ENIs <= 20 |",
            "  failing invocations <= 0 | teardown wait <= 45m",
            "  and any `check` expectation on the after run's summary.json (enis.peak <= 40).",
            "Default (without --rules): no function Failed; quota headroom >= 0; failing invocations <= 0.", "",
            "Example: enisim gate --account scenario.yaml --template template.yaml --parameters params.json"
            + " --min-free-ips-percent 10 --out reports/gate"})
final class GateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--account", required = true, paramLabel = "SCENARIO",
            description = "The account as it is: a scenario (enisim import writes one from the AWS CLI's output).")
    Path account;

    @Option(names = "--template", arity = "1..*", paramLabel = "FILE|DIR",
            description = "CloudFormation / SAM template (YAML or JSON), CDK template, or a cdk.out folder (default: none).")
    List<Path> templates = new ArrayList<>();

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

    @Option(names = "--allow-failed", description = "Drop the default rule 'no function Failed'.")
    boolean allowFailed;

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

    @Option(names = "--force", description = "Write into --out even when it is not a folder enisim gate made.")
    boolean force;

    @Override
    public Integer call() throws ScenarioException, IOException {
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
        if (!bad.isEmpty()) {
            throw new UserInputException(String.join("\n  ", bad));
        }
        long at;
        try {
            at = Units.durationMicros(deployAt) / 1_000_000;
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--deploy-at: " + e.getMessage());
        }
        Scenario s = ScenarioLoader.load(account);
        // said first: a partial account may also be why a subnet or function of the change is not known to it
        Gate.accountWarnings(account).forEach(w -> spec.commandLine().getErr().println("enisim: warning: " + w));
        Map<String, String> subnets = new TreeMap<>();
        s.vpcs().forEach(v -> v.subnets().forEach(n -> subnets.put(n.id(), v.id())));
        Set<String> functions = new TreeSet<>();
        s.functions().forEach(f -> functions.add(f.name()));
        Map<String, String> params = new TreeMap<>();
        Map<String, ChangeReader.Origin> origins = new TreeMap<>();
        Map<String, Map<String, String>> stackParams = new java.util.LinkedHashMap<>();
        Map<String, Map<String, ChangeReader.Origin>> stackOrigins = new java.util.LinkedHashMap<>();
        List<ScenarioException> problems = new ArrayList<>(); // every input file's problems, said at once
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
        Map<String, String> exported = Map.of();
        try {
            exported = ChangeReader.exports(exports);
        } catch (ScenarioException e) {
            problems.add(e);
        }
        Map<String, String> pseudo = new TreeMap<>();
        if (stackName != null) {
            pseudo.put("AWS::StackName", stackName);
        }
        if (region != null) {
            pseudo.put("AWS::Region", region);
        }
        Change change = null;
        try { // read even when a parameters file has problems: its other values are checked against the templates
            change = ChangeReader.read(templates, plans, new ChangeReader.Inputs(params, exported, pseudo, subnets,
                    functions, deleteStack, stackParams, origins, stackOrigins));
        } catch (ScenarioException e) {
            problems.add(e);
        }
        if (!problems.isEmpty()) {
            throw ChangeReader.merge(problems);
        }
        checkOut();
        List<Path> touched = new ArrayList<>(inputs()); // what the step summary must not be
        OUTPUTS.forEach(name -> touched.add(out.resolve(name)));
        Path summaryFile = StepSummary.of(stepSummary, Main.workingDir(spec), "gate's summary", touched);
        Gate.Verdict v = Gate.run(account, change, new Gate.Options(at, traffic, defaultTraffic, rules(),
                allowUnsimulated, rulesFile == null ? "gate rules" : rulesFile.toString(), replications));
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        String markdown = v.markdown(); // a paragraph a line: a GitHub comment keeps every line break
        files.put("gate.md", markdown.getBytes(StandardCharsets.UTF_8));
        files.put("junit.xml", v.junit().getBytes(StandardCharsets.UTF_8));
        files.put("gate.html", v.html().getBytes(StandardCharsets.UTF_8));
        files.put("after.yaml", v.afterScenario().getBytes(StandardCharsets.UTF_8));
        if (force) { // into the folder as it is: these four files replaced, whatever else it holds left alone
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                SafeOutput.writeFile(out.resolve(f.getKey()), Main.workingDir(spec), null, f.getValue());
            }
        } else { // the folder as a whole, replacing only one enisim wrote
            SafeOutput.writeFolder(out, Main.workingDir(spec), files);
        }
        StepSummary.append(summaryFile, markdown);
        long failed = v.results().stream().filter(r -> !r.passed()).count();
        spec.commandLine().getOut().println((v.passed() ? v.headline() : "FAILED: " + failed + " of "
                + v.results().size() + " rule(s) crossed") + "; " + out.resolve("gate.md"));
        v.results().stream().filter(r -> !r.passed()).forEach(r -> spec.commandLine().getOut().println("  "
                + r.expectation().text() + ": " + r.actual()));
        return v.passed() ? 0 : 1;
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
                throw new dev.enisim.report.OutputRefused(e.getMessage() + (folder ? "; or pass --force to write"
                        + " gate.md, junit.xml, gate.html and after.yaml into it" : ""));
            }
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
    }

    /**
     * The rule options' values, each checked as the option it is: {@code --max-pending abc} was told as "gate rules:
     * rules[3]: 'no function Pending longer than abc': ...", and {@code --min-free-ips-percent NaN} as a sentence
     * that "is not a gate rule" (an adversarial review). Every problem at once.
     */
    private void optionProblems() throws ScenarioException {
        List<dev.enisim.scenario.Problem> problems = new ArrayList<>();
        if (minFreePercent != null && !(minFreePercent >= 0 && minFreePercent <= 100)) {
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
        for (Object[] n : new Object[][] {{"--min-free-ips", minFree}, {"--min-quota-headroom", headroom},
            {"--max-new-enis", maxNewEnis}}) {
            if (n[1] != null && (Long) n[1] < 0) {
                problems.add(new dev.enisim.scenario.Problem(n[0] + " " + n[1], "expected a whole number of 0 or more"));
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
        Path x = a.toAbsolutePath().normalize();
        Path y = b.toAbsolutePath().normalize();
        try {
            return x.equals(y) || Files.exists(x) && Files.exists(y) && Files.isSameFile(x, y);
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private List<String> rules() throws ScenarioException {
        optionProblems();
        java.util.LinkedHashSet<String> rules = new java.util.LinkedHashSet<>();
        if (rulesFile == null) { // the defaults, unless a rules file says what to check
            if (!allowFailed) {
                rules.add("no function Failed");
            }
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
                tree = ScenarioLoader.readTree(rulesFile);
            } catch (ScenarioException e) { // UTF-16 (PowerShell's `>`): read as the gate's other files are
                if (!e.getMessage().contains("not UTF-8 text")) {
                    throw e;
                }
                tree = ChangeReader.tree(rulesFile);
            }
            var list = tree.has("gate") ? tree.get("gate") : tree.get("expect");
            if (list == null || !list.isArray()) {
                throw new ScenarioException(rulesFile.toString(), List.of(new dev.enisim.scenario.Problem("gate",
                        "expected a list of rule sentences under `gate:`")));
            }
            List<String> fromFile = new ArrayList<>();
            list.forEach(r -> fromFile.add(r.asText()));
            Gate.rules(fromFile, rulesFile.toString(), tree.has("gate") ? "gate" : "expect");
            rules.addAll(fromFile);
        }
        return new ArrayList<>(rules);
    }
}
