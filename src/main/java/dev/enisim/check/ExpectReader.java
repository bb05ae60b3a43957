package dev.enisim.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.scenario.AssumptionPreset;
import dev.enisim.scenario.Suggest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads a scenario's {@code expect:} block: a list of assertion sentences (see {@link Expectation}). */
public final class ExpectReader {

    private ExpectReader() {
    }

    public static List<Expectation> read(JsonNode tree, String source) throws ScenarioException {
        return read(tree, source, null);
    }

    /**
     * As above, with what only the scenario can tell checked too when it is given (null: a scenario with problems of
     * its own): an {@code updates[i]} beyond the updates its timeline can make.
     */
    public static List<Expectation> read(JsonNode tree, String source, dev.enisim.scenario.Scenario scenario)
            throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        java.util.Map<Integer, Expectation> each = readEach(tree, source, scenario, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return new ArrayList<>(each.values());
    }

    /**
     * As {@link #read(JsonNode, String, dev.enisim.scenario.Scenario)}, each assertion's problem added to {@code
     * problems} and the assertions that are sound kept by their index in the list ({@code expect[i]}): what only a
     * run can tell of them (an unknown metric) is then said with the others' problems, all at once.
     */
    public static java.util.Map<Integer, Expectation> readEach(JsonNode tree, String source,
            dev.enisim.scenario.Scenario scenario, List<Problem> problems) throws ScenarioException {
        java.util.Map<Integer, Expectation> out = new java.util.LinkedHashMap<>();
        JsonNode list = tree.get("expect");
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new ScenarioException(source, List.of(new Problem("expect",
                    "expected a list of assertions like 'enis.peak <= 8'")));
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            if (!n.isTextual()) {
                problems.add(new Problem("expect[" + i + "]", "expected an assertion sentence like "
                        + "'invocations.errors.ResourceConflictException > 0' (quote it in YAML)"));
                continue;
            }
            try {
                Expectation e = Expectation.parse(n.asText());
                String wrong = Updates.named(e.path()) ? Updates.formProblem(e.path(), e.text()) : null;
                wrong = wrong != null ? wrong : closedValueProblem(e);
                if (wrong == null && scenario != null && Updates.named(e.path())) { // updates[5] of a timeline of 2
                    wrong = Updates.beyondTimeline(e.path(), e.text(), scenario);
                }
                if (wrong != null) {
                    problems.add(new Problem("expect[" + i + "]", wrong));
                    continue;
                }
                out.put(i, e);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("expect[" + i + "]", e.getMessage()));
            }
        }
        return out;
    }

    /** A closed set of values a summary's text metric takes, with the word that names one of them. */
    private record ClosedSet(Pattern path, String kind, List<String> values) {
    }

    /** The names of an enum's constants, in declaration order. */
    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }

    /**
     * The text metrics whose values are a closed set (a path as written may leave out the dot after a list index:
     * {@code transitions[0]state}). A misspelt value there ({@code finalState != Faild}) was taken as any text: {@code
     * ==} then failed like a regression and {@code !=} passed whatever the run did.
     */
    private static final List<ClosedSet> CLOSED = List.of(
            new ClosedSet(Pattern.compile("functions\\.[^.]+\\.finalState"), "final state",
                    Stream.concat(names(State.values()).stream(), Stream.of("NotCreated")).toList()),
            new ClosedSet(Pattern.compile("functions\\.[^.]+\\.transitions\\[\\d+\\]\\.?state"), "state",
                    names(State.values())),
            new ClosedSet(Pattern.compile("functions\\.[^.]+\\.(finalReasonCode|(transitions|updates)\\[\\d+\\]\\.?"
                    + "reasonCode)|updates\\[\\d+\\]\\.?reasonCode"), "state reason code",
                    names(StateReasonCode.values())),
            new ClosedSet(Pattern.compile("functions\\.[^.]+\\.(updates\\[\\d+\\]\\.?)?lastUpdateStatus"
                    + "|updates\\[\\d+\\]\\.?lastUpdateStatus"),
                    "LastUpdateStatus", names(LastUpdateStatus.values())),
            new ClosedSet(Pattern.compile("assumptions"), "assumption preset",
                    Arrays.stream(AssumptionPreset.values()).map(AssumptionPreset::label).toList()));

    /**
     * Why the text {@code e} compares its metric with is none of the values that metric can take (with the closest
     * one, "did you mean", and the known ones), or null: it is one, the metric is not of a closed set, or the operand
     * is a number or {@code null} (said elsewhere). The gate's rules files ask it too.
     */
    public static String closedValueProblem(Expectation e) {
        if (e.op() != Expectation.Op.EQ && e.op() != Expectation.Op.NE || e.numericOperand() || e.nullOperand()) {
            return null;
        }
        String value = e.operands().get(0);
        for (ClosedSet set : CLOSED) {
            if (!set.path().matcher(e.path()).matches() || set.values().contains(value)) {
                continue;
            }
            String close = Suggest.closest(value, set.values());
            String article = "aeiouAEIOU".indexOf(set.kind().charAt(0)) >= 0 ? "an " : "a ";
            return Problem.quote(e.text()) + ": " + Problem.quote(Expectation.visible(value)) + " is not " + article + set.kind()
                    + " enisim reports" + (close == null ? "" : " (did you mean " + Problem.quote(close) + "?)") + "; expected one of "
                    + String.join(", ", set.values()) + (e.path().endsWith("easonCode") ? ", or null (none)" : "");
        }
        return null;
    }
}
