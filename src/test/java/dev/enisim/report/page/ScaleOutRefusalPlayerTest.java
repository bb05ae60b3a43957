package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.report.ScaleOutRefusedStoryTest;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page's player tells an Active function's refused scale-out as the story does (ScaleOutRefusedStoryTest): the
 * full subnet named once on the failures' line, and that line in the subnet's history (it listed only the subnet's
 * ENIs, not the failures its lack of IPs caused).
 */
class ScaleOutRefusalPlayerTest {

    @Test
    void thePlayersLineNamesTheFullSubnetAndIsInItsHistory() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(ScaleOutRefusedStoryTest.FULL, "t"), 0).run();
        JsonNode topo = TopologyData.build(r);
        List<JsonNode> refused = new ArrayList<>();
        topo.get("events").forEach(e -> {
            if (e.get("text").asText().contains("failed with SubnetIPAddressLimitReachedException")) {
                refused.add(e);
            }
        });
        assertEquals(1, refused.size(), topo.get("events").toString());
        JsonNode e = refused.get(0);
        assertTrue(e.get("text").asText().endsWith(", a scale-out refused; full: subnet-a (10.0.0.0/28, 0 of 11"
                + " usable IPs free)"), e.toString());
        List<String> subjects = new ArrayList<>();
        e.get("subjects").forEach(s -> subjects.add(s.asText()));
        assertEquals(List.of("api", "subnet-a"), subjects);
    }
}
