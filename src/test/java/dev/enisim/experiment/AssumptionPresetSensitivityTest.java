package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sensitivity spells out the defaults of the scenario's own assumption preset, so it varies what was run. */
class AssumptionPresetSensitivityTest {

    /** AssumptionsTest's scenario under the documented preset. */
    private static final String SCENARIO = AssumptionsTest.BASE.replace("name: a\n", "name: a\nassumptions: documented\n");

    @Test
    void aDocumentedScenarioIsVariedAroundAwsFigures() throws Exception {
        JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(SCENARIO);
        Assumptions.Prepared p = Assumptions.prepare(tree);
        assertEquals("1m", p.tree().at("/hyperplane/eniCreateTime/median").asText());
        assertEquals("20m", p.tree().at("/hyperplane/eniDeleteTime/p99").asText());
        assertEquals("20m", p.tree().at("/hyperplane/eniDeleteTime/cap").asText());
        // spelled out, the defaults change nothing
        assertEquals(Sweep.point(tree, "a", Map.of(), List.of("invocations.succeeded"), 1).metrics(),
                Sweep.point(p.tree(), "a", Map.of(), List.of("invocations.succeeded"), 1).metrics());
    }
}
