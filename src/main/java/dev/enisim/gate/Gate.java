package dev.enisim.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.enisim.check.Checker;
import dev.enisim.check.Expectation;
import dev.enisim.check.JUnitXml;
import dev.enisim.iac.Change;
import dev.enisim.metrics.RunSummary;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gate: runs the account as it is and with the change deployed (same seed), measures the impact and checks the
 * rules. Bad input (the account, the rules, a change that does not fit the account) throws
 * {@link ScenarioException}; a crossed threshold is a verdict, not an exception.
 */
public final class Gate {

    /** The gate's default rules when none are given. */
    public static final List<String> DEFAULT_RULES = List.of("no function Failed", "quota headroom >= 0",
            "failing invocations <= 0");

    /**
     * @param deployAtSeconds when the change is deployed, in simulated seconds from the start of the account's run
     * @param traffic         rates of the functions the change creates ("5/s")
     * @param defaultTraffic  the rate of created functions without one (a placeholder)
     * @param rules           rule sentences (see {@link Rules}) and summary expectations
     */
    /**
     * @param allowUnsimulated pass even when functions of the change could not be simulated (their VpcConfig or
     *                         subnets unresolved): without it such a gate fails, having checked nothing for them
     * @param rulesSource      where the summary expectations among the rules come from (the rules file), for their
     *                         problems
     */
    public record Options(long deployAtSeconds, Map<String, String> traffic, String defaultTraffic,
            List<String> rules, boolean allowUnsimulated, String rulesSource, int replications) {

        public Options {
            traffic = Map.copyOf(traffic);
            rules = List.copyOf(rules);
            if (replications < 1) {
                throw new IllegalArgumentException("replications must be at least 1, got " + replications);
            }
        }

        /** Functions that cannot be simulated fail the gate; rules from the options; one run each. */
        public Options(long deployAtSeconds, Map<String, String> traffic, String defaultTraffic, List<String> rules) {
            this(deployAtSeconds, traffic, defaultTraffic, rules, false, "gate rules", 1);
        }
    }

    /** The verdict added when functions of the change could not be simulated (unless allowed). */
    static final String SIMULATED = "every function of the change simulated";

    /** The verdict added when the change's reserved concurrency is more than the account allows. */
    static final String RESERVED = "reserved concurrency fits the account";

    /** The verdict, its reports, and the two runs' summaries. */
    public record Verdict(boolean passed, List<Checker.Result> results, String markdown, String html, String junit,
            String afterScenario, RunSummary before, RunSummary after, String headline) {
    }

    private Gate() {
    }

    public static Verdict run(Path account, Change change, Options options) throws ScenarioException {
        JsonNode tree = ScenarioLoader.readTree(account);
        Scenario before = ScenarioLoader.parseTree(tree, account.toString());
        List<Expectation> expectations = rules(options.rules(), "gate rules", "rules");
        if (options.deployAtSeconds() * 1_000_000L >= before.durationMicros()) {
            throw new ScenarioException(account.toString(), List.of(new Problem("duration", "the run ends at "
                    + before.durationMicros() / 1_000_000 + " s, before the deployment at " + options.deployAtSeconds()
                    + " s (--deploy-at)")));
        }
        Deployment.After after = Deployment.apply(tree, change, new Deployment.Options(options.deployAtSeconds(),
                options.traffic(), options.defaultTraffic()));
        String reserved = reservations(after, before.account(), change);
        List<Problem> traffic = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(options.traffic().keySet())) {
            if (!after.created().contains(name)) { // it was ignored: the created functions kept the placeholder
                traffic.add(new Problem("--traffic " + name + "=" + options.traffic().get(name), "the change creates"
                        + " no function " + name + (after.created().isEmpty() ? " (it creates none)"
                        : " (it creates: " + String.join(", ", after.created()) + ")")));
            }
        }
        if (!traffic.isEmpty()) {
            throw new ScenarioException("gate", traffic);
        }
        Scenario afterScenario;
        try {
            afterScenario = ScenarioLoader.parseTree(after.tree(), account.toString());
        } catch (ScenarioException e) {
            throw new ScenarioException(account + " with the change", problemsOf(e));
        }
        // replication r of both runs draws from the same streams: the change's effect, not the dice's; every rule
        // must hold in every replication (a teardown wait or a Pending spell is one draw per run)
        RunResult b = null;
        RunResult a = null;
        Impact impact = null;
        List<Checker.Result> results = null;
        int[] failedIn = null;
        for (int r = 0; r < options.replications(); r++) {
            RunResult br = new Simulation(before, r).run();
            RunResult ar = new Simulation(afterScenario, r).run();
            Impact ir = Impact.of(br.summary(), ar.summary(), change, options.deployAtSeconds());
            List<Checker.Result> rr = rules(options, after, ir, expectations, ar, reserved);
            if (r == 0) {
                b = br;
                a = ar;
                impact = ir;
                results = new ArrayList<>(rr);
                failedIn = new int[rr.size()];
            }
            for (int i = 0; i < rr.size(); i++) {
                if (!rr.get(i).passed()) {
                    if (failedIn[i]++ == 0 && r > 0) { // the first failure's figures, with its replication
                        results.set(i, rr.get(i));
                    }
                }
            }
        }
        if (options.replications() > 1) {
            for (int i = 0; i < results.size(); i++) {
                Checker.Result x = results.get(i);
                results.set(i, new Checker.Result(x.expectation(), x.passed() && failedIn[i] == 0, failedIn[i] == 0
                        ? x.actual() + " (replication 0; holds in all " + options.replications() + ")"
                        : x.actual() + " (crossed in " + failedIn[i] + " of " + options.replications()
                        + " replications; the first shown)"));
            }
        }
        boolean passed = results.stream().allMatch(Checker.Result::passed);
        String junit = JUnitXml.render(List.of(new Checker.ScenarioCheck(afterScenario, String.join(", ",
                change.sources()), 1, results, List.of(a))));
        GateReport report = new GateReport(change, after, impact, results, passed, b.summary(), a.summary(),
                options.deployAtSeconds(), options.allowUnsimulated() ? after.notSimulated().size() : 0,
                options.replications());
        return new Verdict(passed, results, report.markdown(), report.html(), junit, yaml(after.tree()), b.summary(),
                a.summary(), report.headline());
    }

    /** The verdicts of one replication: the unsimulated functions', the gate's rules', the expectations'. */
    private static List<Checker.Result> rules(Options options, Deployment.After after, Impact impact,
            List<Expectation> expectations, RunResult a, String reserved) throws ScenarioException {
        List<Checker.Result> results = new ArrayList<>();
        if (reserved != null) { // CloudFormation would refuse the change: not a pass, whatever the runs show
            results.add(Rules.verdict(RESERVED, false, reserved));
        }
        if (!after.notSimulated().isEmpty() && !options.allowUnsimulated()) {
            // a gate that could not simulate a function checked nothing for it: not a pass
            results.add(Rules.verdict(SIMULATED, false, after.notSimulated().size() + " not simulated: "
                    + String.join("; ", after.notSimulated()) + " (give what resolves them, or --allow-unsimulated)"));
        }
        for (String rule : options.rules()) {
            if (Rules.isGateRule(rule)) {
                results.add(Rules.evaluate(rule, impact));
            }
        }
        try {
            results.addAll(Checker.evaluate(expectations, List.of(a), options.rulesSource()));
        } catch (ScenarioException e) { // "expect[0]" of the account said nothing of where the rule was written
            List<Problem> named = new ArrayList<>();
            for (Problem p : e.problems()) {
                int i = Integer.parseInt(p.path().replaceAll("\\D", ""));
                named.add(new Problem("rule '" + expectations.get(i).text() + "'", p.message()));
            }
            throw new ScenarioException(options.rulesSource(), named);
        }
        return results;
    }

    /**
     * The reserved concurrency of the account with the change against what the account allows (its concurrency
     * limit less the unreserved minimum Lambda keeps): more, and Lambda refuses the change's reservations, so the
     * deployment fails. Then the verdict's text naming the change's functions that reserve (simulated without their
     * reservation, so that the runs still show the rest); null when it fits.
     */
    private static String reservations(Deployment.After after, Scenario.Account account, Change change) {
        long total = 0;
        Map<String, Integer> mine = new java.util.LinkedHashMap<>();
        List<com.fasterxml.jackson.databind.node.ObjectNode> nodes = new ArrayList<>();
        for (JsonNode f : after.tree().path("functions")) {
            int r = f.path("reservedConcurrency").asInt(0);
            total += r;
            if (r > 0 && after.created().contains(f.path("name").asText())) {
                mine.put(f.path("name").asText(), r);
                nodes.add((com.fasterxml.jackson.databind.node.ObjectNode) f);
            }
        }
        long room = (long) account.concurrencyLimit() - account.unreservedMinimum();
        if (total <= room || mine.isEmpty()) {
            return null;
        }
        List<String> named = new ArrayList<>();
        mine.forEach((name, r) -> named.add(name + " " + r + change.functions().stream().filter(f -> f.name()
                .equals(name)).findFirst().map(f -> " (" + f.where() + ")").orElse("")));
        nodes.forEach(n -> n.remove("reservedConcurrency"));
        after.notes().add("simulated without the reserved concurrency Lambda would refuse: " + String.join(", ",
                mine.keySet()));
        return "reserved concurrency adds up to " + total + " with the change, more than concurrencyLimit "
                + account.concurrencyLimit() + " - unreservedMinimum " + account.unreservedMinimum() + " = " + room
                + ": Lambda refuses the change's reservations (" + String.join(", ", named) + "), so its deployment"
                + " fails";
    }

    private static List<Problem> problemsOf(ScenarioException e) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : e.problems()) {
            out.add(new Problem(p.path(), p.message() + " (in the account after the change is applied)"));
        }
        return out;
    }

    /**
     * The summary expectations among the rules; every rule checked before anything runs, problems named
     * {@code source: prefix[i]}.
     */
    public static List<Expectation> rules(List<String> rules, String source, String prefix)
            throws ScenarioException {
        List<Expectation> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            try {
                if (Rules.isGateRule(rules.get(i))) {
                    Rules.validate(rules.get(i));
                } else {
                    out.add(Expectation.parse(rules.get(i)));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(prefix + "[" + i + "]", Rules.isGateRule(rules.get(i)) ? e.getMessage()
                        : "'" + rules.get(i) + "' is not a gate rule (" + Rules.SENTENCES + ") nor a summary"
                        + " expectation: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return out;
    }

    private static String yaml(JsonNode tree) {
        try {
            return "# Generated by `enisim gate`: the account with the change deployed\n"
                    + new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .build()).writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
