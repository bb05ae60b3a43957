package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** Plan's figures where there is nothing: no ENI to wait for, no security-group set to consolidate. */
class PlanNoSavingTest {

    /** One key in one subnet: one security-group set per subnet is the design itself, and saves nothing. */
    @Test
    void oneKeyHasNothingToConsolidate() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse("""
                name: onekey
                seed: 8
                duration: 3m
                bucket: 1m
                vpcs:
                  - id: v
                    subnets:
                      - { id: s1, cidr: 10.1.0.0/24, az: a }
                    securityGroups: [sg-a]
                functions:
                  - name: fa
                    existing: Active
                    vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-a] }
                    duration: 1s
                    connectionsPerInvocation: 100
                    arrivals: { poisson: 520/s }
                """, "onekey"), 1, line -> { }).plan();
        Plan.VpcAdvice v = p.vpcs().get(0);
        assertEquals(v.peakEnis(), v.consolidatedEnis(), "the design's one key: " + v);
        assertEquals(0, v.savedByConsolidating());
    }

    /** No VPC function: the largest of no deletion times is 0. */
    @Test
    void noEniNoWait() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse("""
                name: novpc
                duration: 2m
                functions:
                  - name: f
                    existing: Active
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                """, "novpc"), 1, line -> { }).plan();
        assertEquals(0, p.teardown().enis());
        assertEquals(0, p.teardown().analyticP50Seconds());
        assertEquals(0, p.teardown().analyticP99Seconds());
    }
}
