package dev.enisim.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.List;

/** Reads a scenario's {@code expect:} block: a list of assertion sentences (see {@link Expectation}). */
public final class ExpectReader {

    private ExpectReader() {
    }

    public static List<Expectation> read(JsonNode tree, String source) throws ScenarioException {
        List<Expectation> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
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
                out.add(Expectation.parse(n.asText()));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("expect[" + i + "]", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return out;
    }
}
