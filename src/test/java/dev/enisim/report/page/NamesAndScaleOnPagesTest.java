package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.report.chart.CreatedFunctionsMarkersTest;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page's markers fold the functions created close in time as the images do (60 creations were 60 markers, 600
 * the page's 200 and "400 left out"), and the compare page titles a subnet's free-IP panel by its Name tag first, as
 * the run's page does ("Free IPs in private-a (subnet-0a1b2c3d4e5f60789)"): it said the id alone.
 */
class NamesAndScaleOnPagesTest {

    @Test
    void thePagesMarkersFoldTheCreationsAndSayTheSubnetsName() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(CreatedFunctionsMarkersTest.CREATED, "created.yaml"), 0)
                .run();
        ObjectNode data = ChartData.build(r);
        List<String> labels = new ArrayList<>();
        data.get("markers").forEach(m -> labels.add(m.get("label").asText()));
        assertEquals(11, labels.size(), labels.toString());
        assertEquals(10, labels.stream().filter("6 functions created over 2 min 30 s"::equals).count(),
                labels.toString());
        assertTrue(labels.contains("Other tenants of private-a (subnet-0a1b\u2026): 40 IPs"), labels.toString());
        assertEquals(0, data.get("markersLeftOut").asInt());
    }

    @Test
    void theComparePagesSubnetPanelsSayTheNameFirst() throws Exception {
        RunResult a = new Simulation(ScenarioLoader.parse(CreatedFunctionsMarkersTest.created(3, "5m", "1m"), "a.yaml"), 0)
                .run();
        RunResult b = new Simulation(ScenarioLoader.parse(CreatedFunctionsMarkersTest.created(4, "5m", "1m"), "b.yaml"), 0)
                .run();
        List<String> titles = new ArrayList<>();
        for (JsonNode c : CompareData.build(a, "A", b, "B").get("charts")) {
            if (c.get("id").asText().startsWith("subnet-")) {
                titles.add(c.get("title").asText());
            }
        }
        assertEquals(2, titles.size(), titles.toString());
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("Free IPs in private-a (subnet-0a1b2c3d4e5f60789) (")),
                titles.toString());
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("Free IPs in private-b (subnet-0b1c2d3e4f5a60781) (")),
                titles.toString());
    }
}
