package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Provisioned concurrency on a function that starts Inactive was accepted silently: the run kept it Inactive, its
 * calls failing, while its end said "provisioned concurrency: 1 allocated" (an incident responder's replay). AWS
 * documents nothing of it: the run's assumption is warned of at load.
 */
class InactiveProvisionedWarningTest {

    private static final String YAML = """
            name: pc
            seed: 1
            duration: 10m
            vpcs:
              - id: vpc-a
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }
                securityGroups: [sg-a]
            functions:
              - name: nightly
                existing: Inactive
                provisionedConcurrency: 1
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    @Test
    void anInactiveFunctionWithProvisionedConcurrencyIsWarnedOf() throws Exception {
        List<String> w = ScenarioLoader.warnings(ScenarioLoader.parse(YAML, "pc.yaml"));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("pc.yaml: functions[nightly].provisionedConcurrency: the function starts"
                + " Inactive"), w.get(0));
        assertTrue(w.get(0).contains("AWS does not document"), w.get(0));
    }

    @Test
    void anActiveOneIsNot() throws Exception {
        assertEquals(List.of(), ScenarioLoader.warnings(ScenarioLoader.parse(YAML.replace("existing: Inactive",
                "existing: Active"), "pc.yaml")));
        assertEquals(List.of(), ScenarioLoader.warnings(ScenarioLoader.parse(YAML.replace("provisionedConcurrency: 1",
                "provisionedConcurrency: 0"), "pc.yaml")));
    }
}
