package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import dev.enisim.workload.DistributionSpec;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The planner's readings of a run, one by one: which limits a run hits, how it fails as it is, how many failures
 * are for want of IPs, and the closed forms of the teardown wait. The run: three VPCs, one limit crossed in each
 * (a subnet with one free address and two keys, a VPC whose ENI quota is 1 with two keys, a function whose
 * reserved concurrency is 1 under 20 invocations of 1 s a second), and a function that crosses none.
 */
class PlannerPartsTest {

    private RunSummary run;

    /** Simulated for each test (a second each), so that mutation testing sees which test covers what. */
    @BeforeEach
    void simulate() throws Exception {
        run = new Simulation(ScenarioLoader.parse("""
                name: limits
                duration: 10m
                account: { concurrencyLimit: 1000, unreservedMinimum: 0 }
                vpcs:
                  - id: ips
                    subnets: [{ id: tiny, cidr: 10.0.0.0/28, az: a, otherUsedIps: 10 }]
                    securityGroups: [sg-1, sg-2]
                  - id: quota
                    eniQuota: 1
                    subnets: [{ id: wide, cidr: 10.1.0.0/24, az: a }]
                    securityGroups: [sg-3, sg-4]
                functions:
                  - { name: ip1, existing: Active, vpcConfig: { subnetIds: [tiny], securityGroupIds: [sg-1] },
                      duration: 100ms, arrivals: { poisson: 1/s } }
                  - { name: ip2, vpcConfig: { subnetIds: [tiny], securityGroupIds: [sg-2] },
                      duration: 100ms, arrivals: { poisson: 1/s } }
                  - { name: q1, existing: Active, vpcConfig: { subnetIds: [wide], securityGroupIds: [sg-3] },
                      duration: 100ms, arrivals: { poisson: 1/s } }
                  - { name: q2, vpcConfig: { subnetIds: [wide], securityGroupIds: [sg-4] },
                      duration: 100ms, arrivals: { poisson: 1/s } }
                  - { name: busy, reservedConcurrency: 1, initDuration: 0s, duration: 1s,
                      arrivals: { poisson: 20/s } }
                  - { name: calm, initDuration: 0s, duration: 10ms, arrivals: { poisson: 1/s } }
                """, "limits"), 0).run().summary();
    }

    @Test
    void theLimitsARunHitsInTheirOrder() {
        assertEquals(List.of("ENI", "IP", "concurrency"), Planner.limitsHit(run));
    }

    /** An ENI at its connections (shared-eni-65k's NoFreePortOnEni at x1) is a limit hit: the search said x2.71. */
    @Test
    void enisOutOfConnectionsAreALimitHit() throws Exception {
        var full = new dev.enisim.run.Simulation(dev.enisim.scenario.ScenarioLoader.load(
                java.nio.file.Path.of("scenarios/shared-eni-65k.yaml")), 0).run().summary();
        assertTrue(full.invocations().functionErrorCauses().get("NoFreePortOnEni") > 0, "the story's failures");
        assertTrue(Planner.limitsHit(full).contains("connections"), Planner.limitsHit(full).toString());
        assertFalse(Planner.limitsHit(run).contains("connections"));
    }

    @Test
    void howTheRunFailsAsItIsFunctionsFirstThenEachKindOfFailure() {
        List<String> fails = Planner.failsAsIs(run);
        assertEquals("ip2 ends Failed (SubnetOutOfIPAddresses)", fails.get(0), fails.toString());
        assertEquals("q2 ends Failed (EniLimitExceeded)", fails.get(1), fails.toString());
        assertTrue(fails.stream().anyMatch(f -> f.matches("[\\d,]+ invocations throttled \\(TooManyRequestsException,"
                + " ReservedFunctionConcurrentInvocationLimitExceeded\\)")), fails.toString());
        assertTrue(fails.stream().noneMatch(f -> f.contains("calm") || f.contains("ip1") || f.contains("q1")),
                fails.toString());
        long throttled = run.invocations().throttleReasons().get("ReservedFunctionConcurrentInvocationLimitExceeded");
        assertTrue(throttled > 5_000, "about 19 of every 20 of busy's 12,000: " + throttled);
        assertTrue(fails.contains(String.format(java.util.Locale.ROOT, "%,d invocations throttled"
                + " (TooManyRequestsException, ReservedFunctionConcurrentInvocationLimitExceeded)", throttled)));
        for (var e : run.invocations().errors().entrySet()) {
            if (e.getValue() > 0) {
                assertTrue(fails.contains(String.format(java.util.Locale.ROOT, "%,d %s with %s",
                        e.getValue(), e.getValue() == 1 ? "invocation fails" : "invocations fail", e.getKey())),
                        e + " in " + fails);
            }
        }
    }

    @Test
    void ipFailuresCountTheFunctionThatCouldNotBeCreatedAndItsInvocations() {
        long invocations = run.invocations().errors().getOrDefault("SubnetIPAddressLimitReachedException", 0L);
        assertEquals(invocations + 1, Planner.ipFailures(run), "ip2 (Failed for want of IPs) counts once more");
    }

    @Test
    void theMaximumOfKDeletionTimesInClosedForm() {
        // F_max(x) = F(x)^k: the p-quantile of the max is the p^(1/k)-quantile of one
        double[] exp = Planner.maxQuantiles(new DistributionSpec.Exponential(60e6, 1e12), 4);
        assertEquals(-60 * Math.log(1 - Math.pow(0.5, 0.25)), exp[0], 1e-9);
        assertEquals(-60 * Math.log(1 - Math.pow(0.99, 0.25)), exp[1], 1e-9);
        double[] uni = Planner.maxQuantiles(new DistributionSpec.Uniform(100e6, 300e6, 1e12), 2);
        assertEquals(100 + Math.sqrt(0.5) * 200, uni[0], 1e-9);
        assertEquals(100 + Math.sqrt(0.99) * 200, uni[1], 1e-9);
        double[] capped = Planner.maxQuantiles(new DistributionSpec.Uniform(100e6, 300e6, 250e6), 2);
        assertEquals(250, capped[1], 0, "never past the distribution's max");
        assertEquals(100 + Math.sqrt(0.5) * 200, capped[0], 1e-9, "below it, untouched");
        double[] none = Planner.maxQuantiles(new DistributionSpec.Normal(600e6, 60e6, 1e12), 3);
        assertTrue(Double.isNaN(none[0]) && Double.isNaN(none[1]), "no closed form offered: NaN");
    }
}
