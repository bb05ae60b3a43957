package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Browser review, finding 1 (page): burst-scaling's p50, p90 and p99 are equal throughout, and the latency chart hid two
 * of its three lines without a word, where the other charts dash such lines and say so.
 */
class LatencySameValuesTest {

    @Test
    void equalPercentilesAreDashedAndSaidSo() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/burst-scaling.yaml")), 0).run();
        JsonNode latency = null;
        for (JsonNode c : ChartData.build(r).get("charts")) {
            if (c.get("id").asText().equals("latency")) {
                latency = c;
            }
        }
        assertNotNull(latency);
        String note = latency.get("note").asText();
        assertTrue(note.contains("Same values throughout, drawn on one another (dashed): p50 = p90 = p99"), note);
        JsonNode series = latency.get("series");
        assertEquals(3, series.size());
        assertTrue(!series.get(0).has("dash") && series.get(1).get("dash").asBoolean()
                && series.get(2).get("dash").asBoolean(), series.toString());
    }
}
