package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sensitivity spells out the defaults of the scenario's own assumption preset, so it varies what was run. */
class AssumptionPresetSensitivityTest {

    private static final String SCENARIO = """
            name: a
            assumptions: documented
            duration: 10m
            vpcs:
              - id: vpc-1
                subnets: [{ id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }]
                securityGroups: [sg-app]
            functions:
              - name: api
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

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
