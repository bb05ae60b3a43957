package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The teardown wait (section 4) on small plans of a few seconds: its horizon from the ENIs the stack may hold, its
 * quantiles when no replication is cut short, the design it tears down said in words, and no ENI at all.
 */
class PlanTeardownTest {

    /** Two functions, two keys in one subnet at {@code cidr}, with {@code hyperplane} settings. */
    private static Scenario twoKeys(String cidr, String hyperplane) throws Exception {
        return ScenarioLoader.parse("""
                name: td
                seed: 1
                duration: 3m
                bucket: 10s
                hyperplane: { %s }
                vpcs:
                  - id: v
                    subnets: [{ id: sn, cidr: %s, az: a }]
                    securityGroups: [sg-1, sg-2]
                functions:
                  - { name: f, existing: Active, vpcConfig: { subnetIds: [sn], securityGroupIds: [sg-1] },
                      duration: 100ms, arrivals: { poisson: 1/s } }
                  - { name: g, existing: Active, vpcConfig: { subnetIds: [sn], securityGroupIds: [sg-2] },
                      duration: 100ms, arrivals: { poisson: 1/s } }
                """.formatted(hyperplane, cidr), "td");
    }

    private static Plan.TeardownWait teardown(Scenario s) throws Exception {
        return new Planner(s, 1, line -> { }).warmUp(30_000_000L).plan().teardown();
    }

    /**
     * Deletions of median 40 min and p99 3 h, uncapped: the horizon is 50 min plus the time the longest of 2 x 2 + 1
     * deletions (twice the 2 ENIs the stack held, and one) passes with a chance of 1 in 10,000; the one replication
     * ends well before it, so its wait is both quantiles and neither is censored.
     */
    @Test
    void theHorizonComesFromTheEnisTheStackHeldAndTheWaitIsWithinIt() throws Exception {
        Scenario s = twoKeys("10.1.0.0/24", "eniDeleteTime: { dist: lognormal, median: 40m, p99: 3h }");
        Plan.TeardownWait t = teardown(s);
        assertEquals(2, t.enis(), t.toString());
        assertEquals(Planner.teardownHorizonMicros(s.hyperplane().eniDeleteTime(), 5, 1) / 1e6, t.horizonSeconds(),
                1e-6, t.toString());
        assertEquals(0, t.censoredReplications());
        assertFalse(t.p50Censored() || t.p99Censored(), t.toString());
        assertTrue(t.p50Seconds() > 0 && t.p50Seconds() < t.horizonSeconds(), t.toString());
        assertEquals(t.p50Seconds(), t.p99Seconds(), "one replication: its wait is every quantile");
        double[] analytic = Planner.maxQuantiles(s.hyperplane().eniDeleteTime(), 2);
        assertEquals(analytic[0], t.analyticP50Seconds(), 1e-9);
        assertEquals(analytic[1], t.analyticP99Seconds(), 1e-9);
        assertEquals("the design the plan recommends: every subnet at its recommended size", t.design());
    }

    @Test
    void theDesignTornDownIsSaidInWords() throws Exception {
        String ec2 = "ec2RequestLimit: { burst: 10, refill: 1/m }";
        String created = "every ENI created (no EC2 request limit refusing them: the deployment staggered)";
        assertEquals("the design the plan recommends: " + created, teardown(twoKeys("10.1.0.0/28", ec2)).design(),
                "the /28 is its recommended size already");
        assertEquals("the design the plan recommends: every subnet at its recommended size, " + created,
                teardown(twoKeys("10.1.0.0/24", ec2)).design());
        assertNull(teardown(twoKeys("10.1.0.0/28", "eniDeleteTime: 20m")).design(), "the scenario as it is");
    }

    /** No VPC function, no ENI: no wait, and the analytic figures are 0, not one constant deletion's 20 min. */
    @Test
    void noEniNoWait() throws Exception {
        Plan.TeardownWait t = teardown(ScenarioLoader.parse("""
                name: plain
                seed: 1
                duration: 3m
                bucket: 10s
                hyperplane: { eniDeleteTime: 20m }
                functions:
                  - { name: f, initDuration: 0s, duration: 100ms, arrivals: { poisson: 1/s } }
                """, "plain"));
        assertEquals(0, t.enis());
        assertEquals(0, t.p50Seconds());
        assertEquals(0, t.analyticP50Seconds());
        assertEquals(0, t.analyticP99Seconds());
        assertNull(t.design());
    }
}
