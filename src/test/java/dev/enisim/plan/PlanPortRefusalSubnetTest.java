package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A function's port refusals are put on the subnets whose ENIs could refuse them: with AZ a out, s2 carries all the
 * connections and runs its ENIs out of ports, while s1's one ENI never reaches its 100; s1 is not named as refusing.
 * The outage starts at 6m, after the plan's 5 min warm-up: s2's refusals last until its second ENI is ready (43 s
 * with this seed), and in an outage at 4m they would all fall in the warm-up, which the sizing does not count.
 */
class PlanPortRefusalSubnetTest {

    @Test
    void aSubnetWhoseEnisNeverFilledIsNotBlamed() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse("""
                name: az9
                seed: 21
                duration: 12m
                bucket: 1m
                hyperplane: { connectionsPerEni: 100 }
                vpcs:
                  - id: v
                    subnets:
                      - { id: s1, cidr: 10.1.0.0/24, az: a }
                      - { id: s2, cidr: 10.1.1.0/24, az: b }
                    securityGroups: [sg-a]
                functions:
                  - name: f1
                    existing: Active
                    vpcConfig: { subnetIds: [s1, s2], securityGroupIds: [sg-a] }
                    timeout: 10s
                    duration: 1s
                    connectionsPerInvocation: 1
                    arrivals: { poisson: 90/s }
                timeline:
                  - { at: 6m, action: azOutage, az: a, until: 10m }
                """, "az9"), 1, line -> { }).plan();
        assertTrue(p.sizingNotes().stream().anyMatch(n -> n.startsWith("s2: its functions' invocations were refused")
                && n.contains("the run does not count them per subnet")), p.sizingNotes().toString());
        assertTrue(p.sizingNotes().stream().noneMatch(n -> n.startsWith("s1:")), p.sizingNotes().toString());
    }
}
