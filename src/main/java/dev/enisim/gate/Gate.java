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
    public record Options(long deployAtSeconds, Map<String, String> traffic, String defaultTraffic,
            List<String> rules) {

        public Options {
            traffic = Map.copyOf(traffic);
            rules = List.copyOf(rules);
        }
    }

    /** The verdict, its reports, and the two runs' summaries. */
    public record Verdict(boolean passed, List<Checker.Result> results, String markdown, String html, String junit,
            String afterScenario, RunSummary before, RunSummary after) {
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
        Scenario afterScenario;
        try {
            afterScenario = ScenarioLoader.parseTree(after.tree(), account.toString());
        } catch (ScenarioException e) {
            throw new ScenarioException(account + " with the change", problemsOf(e));
        }
        RunResult b = new Simulation(before, 0).run();
        RunResult a = new Simulation(afterScenario, 0).run();
        Impact impact = Impact.of(b.summary(), a.summary(), change);
        List<Checker.Result> results = new ArrayList<>();
        for (String rule : options.rules()) {
            if (Rules.isGateRule(rule)) {
                results.add(Rules.evaluate(rule, impact));
            }
        }
        results.addAll(Checker.evaluate(expectations, List.of(a), account.toString()));
        boolean passed = results.stream().allMatch(Checker.Result::passed);
        String junit = JUnitXml.render(List.of(new Checker.ScenarioCheck(afterScenario, String.join(", ",
                change.sources()), 1, results, List.of(a))));
        GateReport report = new GateReport(change, after, impact, results, passed, b.summary(), a.summary(),
                options.deployAtSeconds());
        return new Verdict(passed, results, report.markdown(), report.html(), junit, yaml(after.tree()), b.summary(),
                a.summary());
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
