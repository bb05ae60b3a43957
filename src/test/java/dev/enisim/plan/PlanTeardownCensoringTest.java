package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import dev.enisim.workload.DistributionSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The teardown's replications ran 50 minutes past the deletions whatever the deletion time, and a replication whose
 * ENIs were still there then counted as the largest wait that had finished, or 0: with deletions of median 40 min and
 * p99 3 h (uncapped), the plan said "p50 0 min, p99 48 min" against the analytic p50 of 76 min. Each replication now
 * runs on to a horizon the deletion time passes with a chance of 1 in 10,000, and one cut short all the same is
 * counted as longer than it.
 */
class PlanTeardownCensoringTest {

    /** Two functions, two security groups, two subnets: 4 ENIs, each deleted after lognormal(40 min, p99 3 h). */
    static final String TD = """
            name: td
            seed: 3
            duration: 10m
            bucket: 1m
            vpcs:
              - id: vpc-a
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                  - { id: subnet-b, cidr: 10.0.2.0/24, az: us-east-1b }
                securityGroups: [sg-a, sg-b]
            hyperplane:
              eniDeleteTime: { dist: lognormal, median: 40m, p99: 3h }
            functions:
              - name: f
                existing: Active
                timeout: 60s
                vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-a] }
                duration: 100ms
                arrivals: { poisson: 1/s }
              - name: g
                existing: Active
                timeout: 60s
                vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-b] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    @Test
    @Tag("slow") // a plan of 40 replications: left out of .ci/mutation's plan row, run by .ci/run
    void theSimulatedMedianWaitIsTheAnalyticOneNotACensoredZero() throws Exception {
        Scenario s = ScenarioLoader.parse(TD, "td");
        Plan.TeardownWait t = new Planner(s, 40, line -> { }).plan().teardown();
        assertEquals(4, t.enis());
        assertEquals(0, t.censoredReplications(), "the horizon outlasts every deletion: " + t);
        assertFalse(t.p50Censored() || t.p99Censored(), t.toString());
        // the analytic median of the longest of 4 deletions is 76 min; the median of 40 replications is within 30%
        double ratio = t.p50Seconds() / t.analyticP50Seconds();
        assertTrue(ratio > 0.7 && ratio < 1.3, "simulated p50 " + t.p50Seconds() / 60 + " min against analytic "
                + t.analyticP50Seconds() / 60 + " min");
        assertTrue(t.p99Seconds() > 100 * 60, "the largest of 40 waits passes 100 min: " + t.p99Seconds() / 60);
    }

    /** A quantile resting on a replication cut short is not a number but "more than the horizon". */
    @Test
    void aQuantileRestingOnACensoredReplicationIsCensored() {
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(2, Planner.quantile(new double[] {3, 1, 2}, 0.5));
        assertEquals(2.5, Planner.quantile(new double[] {1, 2, 3, 4}, 0.5));
        assertEquals(2, Planner.quantile(new double[] {inf, 1, 2}, 0.5), "one cut short above the median");
        assertEquals(inf, Planner.quantile(new double[] {inf, 1, 2}, 0.99), "the p99 rests on it");
        assertEquals(inf, Planner.quantile(new double[] {inf, inf, 2}, 0.5));
    }

    /** The horizon: 50 min plus the cap when there is one, else a quantile far in the tail of the longest of k. */
    @Test
    void theHorizonComesFromTheDeletionTimeAndItsCap() {
        long min = 60_000_000L;
        assertEquals(50 * min + 90 * min, Planner.teardownHorizonMicros(
                new DistributionSpec.LogNormal(40 * min, 180 * min, 90 * min), 4, 20), "capped at 90 min");
        long h = Planner.teardownHorizonMicros(new DistributionSpec.LogNormal(40 * min, 180 * min,
                Double.POSITIVE_INFINITY), 9, 20);
        assertTrue(h > 12 * 60 * min, "uncapped: far past the analytic p99 of 245 min, " + h / min + " min");
        assertTrue(Planner.teardownHorizonMicros(new DistributionSpec.Constant(20 * min), 4, 20) == 70 * min);
    }
}
