package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The plan says the most other services hold during the run: a VPC's ENIs (they count against the same quota), its
 * {@code otherUsedEnis} or more when the timeline raises it, and a subnet's addresses alike ({@code otherUsedIps},
 * {@code setOtherUsedIps}). An action at the run's very end is not run, so not counted. A few seconds each.
 */
class PlanVpcOtherServicesTest {

    /** The plan of a 10 min run with VPC v (subnet s1) first, {@code rest} after its security groups. */
    private static Plan plan(String rest) throws Exception {
        return new Planner(ScenarioLoader.parse("""
                name: others
                seed: 1
                duration: 10m
                vpcs:
                  - id: v
                    subnets: [{ id: s1, cidr: 10.1.0.0/24, az: a }]
                    securityGroups: [sg-1]
                """ + rest, "others"), 1, line -> { }).plan();
    }

    /** 1 at the start, 3 from 1 min, 2 from 2 min: 3. */
    @Test
    void theOtherServicesEnisSaidAreTheMostTheTimelineSets() throws Exception {
        Plan plan = plan("""
                    otherUsedEnis: 1
                functions:
                  - { name: f, existing: Active, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] },
                      initDuration: 0s, duration: 1s, arrivals: { constant: 1/s } }
                timeline:
                  - { at: 1m, action: setOtherUsedEnis, vpc: v, otherUsedEnis: 3 }
                  - { at: 2m, action: setOtherUsedEnis, vpc: v, otherUsedEnis: 2 }
                """);
        assertEquals(3, plan.vpcs().get(0).otherUsedEnis());
    }

    /**
     * The second subnet of the scenario (the first of the second VPC): 4 at the start, 20 from 1 min, 10 from 2 min,
     * 30 at 10 min, the run's end (the run never sets it: its summary ends at 10): 20.
     */
    @Test
    void theOtherTenantsAddressesSaidAreTheMostTheTimelineSetsBeforeTheEnd() throws Exception {
        Plan plan = plan("""
                  - id: w
                    subnets: [{ id: s2, cidr: 10.2.0.0/24, az: a, otherUsedIps: 4 }]
                    securityGroups: [sg-2]
                functions:
                  - { name: f, existing: Active, vpcConfig: { subnetIds: [s2], securityGroupIds: [sg-2] },
                      initDuration: 0s, duration: 1s, arrivals: { constant: 1/s } }
                timeline:
                  - { at: 1m, action: setOtherUsedIps, subnet: s2, otherUsedIps: 20 }
                  - { at: 2m, action: setOtherUsedIps, subnet: s2, otherUsedIps: 10 }
                  - { at: 10m, action: setOtherUsedIps, subnet: s2, otherUsedIps: 30 }
                """);
        assertEquals(0, plan.subnets().get(0).otherUsedIps());
        assertEquals(20, plan.subnets().get(1).otherUsedIps());
    }
}
