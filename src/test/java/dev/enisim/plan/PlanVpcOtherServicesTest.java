package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A VPC's advice says the most ENIs other services hold in it during the run (they count against the same quota):
 * its {@code otherUsedEnis}, or more when the timeline raises it. Here 1 at the start, 3 from 1 min, 2 from 2 min: 3.
 * About a second.
 */
class PlanVpcOtherServicesTest {

    @Test
    void theOtherServicesEnisSaidAreTheMostTheTimelineSets() throws Exception {
        Plan plan = new Planner(ScenarioLoader.parse("""
                name: others
                seed: 1
                duration: 10m
                vpcs:
                  - id: v
                    subnets: [{ id: s1, cidr: 10.1.0.0/24, az: a }]
                    securityGroups: [sg-1]
                    otherUsedEnis: 1
                functions:
                  - { name: f, existing: Active, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] },
                      initDuration: 0s, duration: 1s, arrivals: { constant: 1/s } }
                timeline:
                  - { at: 1m, action: setOtherUsedEnis, vpc: v, otherUsedEnis: 3 }
                  - { at: 2m, action: setOtherUsedEnis, vpc: v, otherUsedEnis: 2 }
                """, "others"), 1, line -> { }).plan();
        assertEquals(3, plan.vpcs().get(0).otherUsedEnis());
    }
}
