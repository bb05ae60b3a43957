package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The topology player's journal tells an existing function's ENIs as one line, "in place", as narrative.txt does:
 * not "Creating" and "InUse" in the same instant (a teacher's class, just told that creating an ENI takes about 75 s,
 * saw a zero-length Creating at 00:00:00). An ENI made during the run keeps both its lines.
 */
class TopologyInPlaceTest {

    private static final String SCENARIO = """
            name: in-place
            seed: 1
            duration: 20m
            bucket: 1m
            vpcs:
              - id: v
                subnets:
                  - { id: a, cidr: 10.1.0.0/24, az: az-1 }
                securityGroups: [sg-1, sg-2]
            functions:
              - { name: old, existing: Active, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] },
                  duration: 100ms, arrivals: { poisson: 1/s } }
              - { name: new, createdAt: 5m, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-2] },
                  duration: 100ms, arrivals: { poisson: 1/s } }
            """;

    @Test
    void anExistingFunctionsEniIsOneLineInPlaceAndANewOnesKeepsItsCreation() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(SCENARIO, "in-place"), 0).run();
        List<String> lines = new ArrayList<>();
        for (JsonNode e : TopologyData.build(r).get("events")) {
            if (e.get("kind").asText().equals("ENI_STATE")) {
                lines.add(e.get("t").asDouble() + " " + e.get("text").asText());
            }
        }
        List<String> first = lines.stream().filter(l -> l.contains("eni-0001")).toList();
        assertEquals(1, first.size(), lines.toString());
        assertTrue(first.get(0).startsWith("0.0 ENI eni-0001 in place, InUse ("), lines.toString());
        List<String> second = lines.stream().filter(l -> l.contains("eni-0002")).toList();
        assertEquals(2, second.size(), lines.toString());
        assertTrue(second.get(0).startsWith("300.0 ENI eni-0002 Creating ("), lines.toString());
        assertTrue(second.get(1).contains(" ENI eni-0002 InUse ("), lines.toString());
        assertTrue(Double.parseDouble(second.get(1).split(" ")[0]) > 300.0, lines.toString());
    }
}
