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
 * Browser review, finding 4: quickstart's invocations chart had "succeeded" on its axis with no unit, while its error
 * panels under it said "per minute" (and invocations.png "Succeeded per minute").
 */
class InvocationsAxisUnitTest {

    @Test
    void theSucceededAxisSaysPerBucketAsThePanelsDo() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 0).run();
        int panels = 0;
        for (JsonNode c : ChartData.build(r).get("charts")) {
            String id = c.get("id").asText();
            if (id.equals("invocations")) {
                assertEquals("succeeded per minute", c.get("yLabel").asText());
            } else if (id.startsWith("invocations-failed-")) {
                assertEquals("per minute", c.get("yLabel").asText());
                panels++;
            }
        }
        assertTrue(panels > 0, "quickstart has error panels");
    }
}
