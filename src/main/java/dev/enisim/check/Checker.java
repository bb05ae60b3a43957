package dev.enisim.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.experiment.MetricPaths;
import dev.enisim.experiment.MetricStats;
import dev.enisim.experiment.Replications;
import dev.enisim.run.RunResult;
import dev.enisim.scenario.Overrides;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs a scenario (with replications when asked) and evaluates its {@code expect:} block. */
public final class Checker {

    /** One assertion's verdict. */
    public record Result(Expectation expectation, boolean passed, String actual) {
    }

    /** All verdicts of one scenario, with the run(s) they came from. */
    public record ScenarioCheck(String scenario, String file, int replications, List<Result> results,
            List<RunResult> runs) {

        public boolean passed() {
            return results.stream().allMatch(Result::passed);
        }
    }

    private Checker() {
    }

    /**
     * Loads {@code file} with the {@code --set} assignments, runs it {@code replications} times on {@code threads}
     * threads, and evaluates its expectations. Bad input (the scenario, the expect block, a metric path that does
     * not exist) throws {@link ScenarioException}.
     */
    public static ScenarioCheck check(Path file, List<String> sets, int replications, int threads)
            throws ScenarioException {
        JsonNode tree = Overrides.apply(ScenarioLoader.readTree(file), sets, file.toString());
        Scenario scenario = ScenarioLoader.parseTree(tree, file.toString());
        List<Expectation> expectations = ExpectReader.read(tree, file.toString());
        List<RunResult> runs = Replications.run(scenario, replications, threads);
        return new ScenarioCheck(scenario.name(), file.toString(), replications,
                evaluate(expectations, runs, file.toString()), runs);
    }

    /** Evaluates expectations against runs (one run: its values; several: their statistics). */
    public static List<Result> evaluate(List<Expectation> expectations, List<RunResult> runs, String source)
            throws ScenarioException {
        List<JsonNode> trees = new ArrayList<>();
        for (RunResult r : runs) {
            trees.add(Replications.tree(r.summary()));
        }
        Map<String, MetricStats> stats = MetricStats.of(trees);
        List<Result> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < expectations.size(); i++) {
            Expectation e = expectations.get(i);
            JsonNode value = MetricPaths.find(trees.get(0), e.path());
            if (value == null || value.isContainerNode()) {
                problems.add(new Problem("expect[" + i + "]", value == null ? MetricPaths.unknown(trees.get(0),
                        e.path()) : "'" + e.path() + "' is a group of metrics; name one of them"));
                continue;
            }
            try {
                out.add(verdict(e, value, stats.get(e.path())));
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem("expect[" + i + "]", ex.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return out;
    }

    private static Result verdict(Expectation e, JsonNode value, MetricStats s) {
        if (!value.isNumber()) {
            String actual = value.isNull() ? "null" : value.asText();
            if (e.statistic() != Expectation.Statistic.VALUE) {
                throw new IllegalArgumentException("'" + e.text() + "': '" + e.path() + "' is not a number");
            }
            return new Result(e, e.holdsText(actual), actual);
        }
        if (s == null) {
            s = MetricStats.of(new double[] {value.asDouble()});
        }
        if (!e.numericOperand()) {
            throw new IllegalArgumentException("'" + e.text() + "': '" + e.path() + "' is a number");
        }
        if (e.statistic() == Expectation.Statistic.CI) {
            return new Result(e, e.holds(s.ciLow(), s.ciHigh()),
                    String.format(Locale.ROOT, "95%% CI [%s, %s]", fmt(s.ciLow()), fmt(s.ciHigh())));
        }
        String actual = s.n() > 1 ? String.format(Locale.ROOT, "mean %s (95%% CI %s..%s, n=%d)", fmt(s.mean()),
                fmt(s.ciLow()), fmt(s.ciHigh()), s.n()) : fmt(s.mean());
        return new Result(e, e.holds(s.mean()), actual);
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
