package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A subnet's ENIs by the formula (section 1's analytic figure): each key's peak connections over the ENI's capacity,
 * rounded up. A key whose connections fill exactly one ENI (10 of 10: constant 10 calls a second of 1 s) needs one,
 * not two. A second or two.
 */
class PlanAnalyticEnisTest {

    @Test
    void aKeyWhoseConnectionsFillExactlyOneEniNeedsOne() throws Exception {
        Plan plan = new Planner(ScenarioLoader.parse("""
                name: exact
                seed: 1
                duration: 2m
                bucket: 10s
                hyperplane: { connectionsPerEni: 10 }
                vpcs:
                  - id: v
                    subnets: [{ id: s1, cidr: 10.1.0.0/24, az: a }]
                    securityGroups: [sg-1]
                functions:
                  - { name: f, existing: Active, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] },
                      initDuration: 0s, duration: 1s, arrivals: { constant: 10/s } }
                """, "exact"), 1, line -> { }).warmUp(0).plan();
        assertEquals(new Plan.KeyUse("s1+[sg-1]", 1, 10), plan.vpcs().get(0).keys().get(0),
                "the run this test is made of");
        assertEquals(1, plan.subnets().get(0).analyticLambdaIps(), plan.subnets().get(0).toString());
    }
}
