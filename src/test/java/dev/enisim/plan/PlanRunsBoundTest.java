package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The "run k of at most N" bound the plan's progress counts against ({@link Planner#mostRuns}), term by term on small
 * scenarios read only (no run): the run as it is; per sizing N at /16, N at the recommended sizes and N per subnet a
 * size smaller; 12 traffic probes of min(N, 3) replications; N teardowns; two idle probes per VPC function, four for
 * one that starts Inactive, none under the legacy model; 11 more probes per search with EC2's request limit; and a
 * plan of a small scenario that stays within it.
 */
class PlanRunsBoundTest {

    /** Two subnets; a VPC function, one starting Inactive, one outside any VPC; {@code extra} at the top level. */
    private static Scenario scenario(String extra) throws Exception {
        return ScenarioLoader.parse("""
                name: bound
                duration: 2m
                """ + extra + """
                vpcs:
                  - id: v
                    subnets:
                      - { id: a, cidr: 10.0.0.0/24, az: a }
                      - { id: b, cidr: 10.0.1.0/24, az: b }
                    securityGroups: [sg-1]
                functions:
                  - { name: warm, vpcConfig: { subnetIds: [a, b], securityGroupIds: [sg-1] }, duration: 50ms,
                      arrivals: { poisson: 1/s } }
                  - { name: cold, existing: Inactive, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] },
                      duration: 50ms, arrivals: { poisson: 1/s } }
                  - { name: out, duration: 50ms, arrivals: { poisson: 1/s } }
                """, "bound");
    }

    @Test
    void oneReplicationCountsEachVariantOnce() throws Exception {
        // 1 as it is + (1 at /16 + 1 at the recommended sizes + 2 subnets x 1 smaller) + 12 x 1 traffic + 1 teardown
        // + 2 idle probes for warm and 4 for cold (Inactive: each probe's first call alone too)
        assertEquals(1 + 4 + 12 + 1 + 2 + 4, Planner.mostRuns(scenario(""), 1, false));
    }

    @Test
    void replicationsMultiplyTheSizingAndTheTeardownAndAtMostThreeForEachTrafficProbe() throws Exception {
        assertEquals(1 + 4 * 2 + 12 * 2 + 2 + 6, Planner.mostRuns(scenario(""), 2, false));
        assertEquals(1 + 4 * 5 + 12 * 3 + 5 + 6, Planner.mostRuns(scenario(""), 5, false));
    }

    @Test
    void bothNetworkModelsSizeTheSubnetsTwice() throws Exception {
        assertEquals(1 + 2 * 4 * 5 + 12 * 3 + 5 + 6, Planner.mostRuns(scenario(""), 5, true));
    }

    @Test
    void theLegacyModelRunsNoIdleProbes() throws Exception {
        assertEquals(1 + 4 + 12 + 1, Planner.mostRuns(scenario("networkModel: legacy\n"), 1, false));
    }

    @Test
    void ec2sRequestLimitAddsTheStaggeredRolloutsSearch() throws Exception {
        Scenario s = scenario("hyperplane: { ec2RequestLimit: { burst: 10, refill: 1/m } }\n");
        assertEquals(1 + 4 * 2 + 12 * 2 + 2 + 6 + 11 * 2, Planner.mostRuns(s, 2, false));
        assertEquals(1 + 4 * 2 + 12 * 2 + 2 + 6 + 11 * 2 + 2 * 12 * 2 * 2, Planner.mostRuns(s, 2, false, 3),
                "each further search: its 12 probes and the rollout's");
        assertEquals(1 + 4 * 2 + 12 * 2 + 2 + 6 + 12 * 2, Planner.mostRuns(scenario(""), 2, false, 2));
        assertEquals(Planner.mostRuns(scenario(""), 2, false), Planner.mostRuns(scenario(""), 2, false, 1));
    }

    @Test
    void aPlanStartsNoMoreRunsThanTheBoundAndSaysEach() throws Exception {
        Scenario s = scenario("");
        List<String> progress = new ArrayList<>();
        Planner p = new Planner(s, 1, progress::add);
        p.plan();
        assertTrue(p.runsStarted() > 1 && p.runsStarted() <= Planner.mostRuns(s, 1, false),
                p.runsStarted() + " runs: " + progress);
    }
}
