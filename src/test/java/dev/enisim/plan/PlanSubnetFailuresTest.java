package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** A subnet's check counts its own IP failures: every subnet was charged with the whole run's. */
class PlanSubnetFailuresTest {

    /** 10 minutes; one VPC, subnet roomy with room and tiny, a /28 with no address left. */
    private static final String ROOMY_AND_TINY = """
            duration: 10m
            vpcs:
              - id: vpc-p
                subnets:
                  - { id: roomy, cidr: 10.1.0.0/24, az: a }
                  - { id: tiny, cidr: 10.1.1.0/28, az: b, otherUsedIps: 11 }
                securityGroups: [sg-1, sg-2]
            """;

    @Test
    void aSubnetWithRoomHasNoneOfAnothersFailures() throws Exception {
        Scenario s = ScenarioLoader.parse("""
                name: two
                """ + ROOMY_AND_TINY + """
                functions:
                  - { name: wide, vpcConfig: { subnetIds: [roomy], securityGroupIds: [sg-1] }, duration: 100ms,
                      arrivals: { poisson: 2/s } }
                  - { name: narrow, existing: Active, vpcConfig: { subnetIds: [tiny], securityGroupIds: [sg-2] },
                      duration: 100ms, arrivals: { poisson: 2/s } }
                """, "two.yaml");
        RunSummary r = new Simulation(s, 0).run().summary();
        Planner p = new Planner(s, 1, line -> { });
        long all = Planner.ipFailures(r);
        assertTrue(all > 0, "narrow's invocations fail for want of an address");
        assertEquals(0, p.ipFailures(r, "roomy"), "roomy never ran out");
        assertEquals(all, p.ipFailures(r, "tiny"));
    }

    /**
     * A function in two subnets whose invocations fail because one of them has no address left: those failures are
     * the full subnet's, not the one with room's (which a function in it alone could not tell apart).
     */
    @Test
    void aFunctionInTwoSubnetsChargesOnlyTheOneThatRanOut() throws Exception {
        Scenario s = ScenarioLoader.parse("""
                name: both
                """ + ROOMY_AND_TINY + """
                functions:
                  - { name: both, existing: Active, vpcConfig: { subnetIds: [roomy, tiny], securityGroupIds: [sg-1] },
                      duration: 100ms, arrivals: { poisson: 2/s } }
                """, "both.yaml");
        RunSummary r = new Simulation(s, 0).run().summary();
        Planner p = new Planner(s, 1, line -> { });
        long all = Planner.ipFailures(r);
        assertTrue(all > 0, "both's invocations fail for want of an address in tiny");
        assertTrue(r.subnets().get("roomy").minAvailableIps() > 0, "roomy never ran out");
        assertEquals(0, p.ipFailures(r, "roomy"));
        assertEquals(all, p.ipFailures(r, "tiny"));
    }
}
