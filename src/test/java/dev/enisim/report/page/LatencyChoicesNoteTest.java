package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Session 41's browser review (tiles burst-scaling-1400-01, az-outage-1400-01): the latency chart's note said "p50 =
 * p90 = p99" for all functions together only, though a function chosen in the list beside its title drew one line of
 * three too, and nothing said which functions the list offers and why. The page's note says both.
 */
class LatencyChoicesNoteTest {

    private static String note(String scenario) throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/" + scenario + ".yaml")), 0).run();
        String scripts = Page.scripts(r);
        String open = "<script type=\"application/json\" id=\"enisim-data\">";
        int at = scripts.indexOf(open) + open.length();
        JsonNode data = new ObjectMapper().readTree(scripts.substring(at, scripts.indexOf("</script>", at)));
        for (JsonNode c : data.get("charts").get("charts")) {
            if (c.get("id").asText().equals("latency")) {
                return c.get("note").asText();
            }
        }
        throw new AssertionError("no latency chart");
    }

    @Test
    void aFunctionsOwnEqualPercentilesAreNamedAndTheListIsExplained() throws Exception {
        assertEquals("Same values throughout, drawn on one another (dashed): p50 = p90 = p99, for all functions"
                + " together. The list beside the title shows all functions together (drawn first) or one function on"
                + " its own: api-backend, the only one that ran. On its own, the same values throughout, drawn on one"
                + " another (dashed): api-backend: p50 = p90 = p99.", note("burst-scaling"));
    }

    @Test
    void severalFunctionsAreOfferedBusiestFirst() throws Exception {
        String note = note("az-outage");
        assertTrue(note.startsWith("The list beside the title shows all functions together (drawn first) or one"
                + " function on its own: the 2 busiest by invocations that ran, the busiest first (payments)."), note);
        assertTrue(!note.contains("Same values"), note);
    }
}
