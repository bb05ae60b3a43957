package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.metrics.RunSummary;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * scenarios/README: timeline actions "run in time order, before anything else that happens at the same instant".
 * A function created at that instant ({@code createdAt}) came first: an EFS mount target a gate adds at the
 * deployment found the quota's last slot already taken by the function that mounts it (a planner's review).
 */
class ActionsBeforeCreationTest {

    private static final String SCENARIO = """
            name: action-first
            duration: 5m
            vpcs:
              - id: v
                eniQuota: 1
                subnets: [{ id: subnet-a, cidr: 10.0.0.0/24, az: a }]
                securityGroups: [sg]
            functions:
              - name: reader
                createdAt: 1m
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            timeline:
              - { at: 1m, action: setOtherUsedEnis, vpc: v, otherUsedEnis: 1 }
            """;

    @Test
    void anActionAtACreationsInstantComesFirst() throws Exception {
        RunSummary s = new Simulation(ScenarioLoader.parse(SCENARIO, "action-first"), 0).run().summary();
        assertEquals(1, s.vpcs().get("v").otherUsedEnis(), "the other service's ENI took the quota's only slot");
        assertEquals("Failed", s.functions().get("reader").finalState());
        assertEquals("EniLimitExceeded", s.functions().get("reader").finalReasonCode().name());
    }

    @Test
    void aFunctionDeployedBeforeTheRunComesBeforeAnActionAtZero() throws Exception {
        RunSummary s = new Simulation(ScenarioLoader.parse(SCENARIO.replace("createdAt: 1m", "existing: Active")
                .replace("at: 1m", "at: 0s"), "existing-first"), 0).run().summary();
        assertEquals("Active", s.functions().get("reader").finalState(), "its ENI was there before the run");
        assertEquals(0, s.vpcs().get("v").otherUsedEnis(), "capped at what Lambda's ENIs leave free");
    }
}
