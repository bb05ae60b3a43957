package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The player's key labels count every ENI of the key, not only those drawn: legacy-vs-hyperplane's legacy run has
 * 123 ENIs in each ingest subnet, of which the page draws 80 in all, and the labels said "42 ENIs" and "38 ENIs".
 */
class TopologyKeyCountTest {

    @Test
    void eachKeysLiveStepsReachItsPeakEnis() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/legacy-vs-hyperplane.yaml")), 0).run();
        JsonNode topo = TopologyData.build(r);
        assertTrue(topo.get("leftOut").get("enis").asInt() > 0, "the premise: some ENIs are not drawn");
        for (JsonNode k : topo.get("keys")) {
            int most = 0;
            int last = 0;
            for (JsonNode step : k.get("live")) {
                most = Math.max(most, step.get(1).asInt());
                last = step.get(1).asInt();
            }
            String id = k.get("id").asText();
            assertEquals(r.summary().eniKeys().get(id).peakEnis(), most, id);
            assertEquals(r.summary().eniKeys().get(id).finalEnis(), last, id);
        }
    }
}
