package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.report.PlanReport;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capacity planner's review of {@code plan} (findings 1, 2, 4, 5, 6): the EC2 request limit in the demand runs
 * and the headroom, an AZ outage named in the verdict, a failed-fraction threshold, which account's concurrency
 * limit, and the teardown of the design the plan recommends.
 */
class PlanPlannerReviewTest {

    /**
     * Three services, each its own security group, in one subnet: three keys, three ENIs to create at once against
     * a bucket of 2 calls refilled once an hour. The third is refused (EC2RequestLimitExceeded) as it is.
     */
    private static final String EC2 = """
            name: ec2small
            seed: 3
            duration: 12m
            bucket: 30s
            vpcs:
              - id: v
                subnets:
                  - { id: s1, cidr: 10.0.0.0/24, az: us-east-1a }
                securityGroups: [sg-a, sg-b, sg-c]
            hyperplane:
              ec2RequestLimit: { burst: 2, refill: 1/h }
            functions:
              - name: a
                vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-a] }
                duration: 50ms
                arrivals: { poisson: 2/s }
              - name: b
                vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-b] }
                duration: 50ms
                arrivals: { poisson: 2/s }
              - name: c
                vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-c] }
                duration: 50ms
                arrivals: { poisson: 2/s }
            """;

    @Test
    void theEc2RequestLimitIsLiftedInTheDemandRunsAndIsALimitOfTheHeadroom() throws Exception {
        Scenario s = ScenarioLoader.parse(EC2, "ec2small");
        RunSummary asIs = new Simulation(s, 0).run().summary();
        assertEquals(1, asIs.functions().values().stream().filter(f -> "Failed".equals(f.finalState())).count(),
                "the fixture: one of the three is refused as it is");
        Plan p = new Planner(s, 1, line -> { }).plan();
        assertEquals(3, p.vpcs().get(0).peakEnis(), "the design's three keys, not the two EC2 let through");
        assertEquals(3, p.subnets().get(0).peakLambdaIps());
        assertEquals(3, p.subnets().get(0).analyticLambdaIps());
        assertEquals(1.0, p.headroom().firstLimitAtMultiplier(), p.headroom().toString());
        assertTrue(p.headroom().limitsHit().contains(Planner.EC2_REQUEST), p.headroom().limitsHit().toString());
        assertTrue(p.headroom().firstLimitDetails().stream().anyMatch(d -> d.startsWith(Planner.EC2_REQUEST + ": ")
                && d.contains("stagger the deployment")), p.headroom().firstLimitDetails().toString());
        assertTrue(p.failsAsIs().stream().anyMatch(l -> l.contains("ends Failed (EC2RequestLimitExceeded)")
                && l.contains("stagger the deployment")), p.failsAsIs().toString());
        // the teardown is of the design the plan recommends: its three ENIs, as section 2 counts them
        assertEquals(3, p.teardown().enis());
        assertNotNull(p.teardown().design());
        assertTrue(PlanReport.text(p).contains("EC2-request-rate"), PlanReport.text(p));
    }

    @Test
    void theFormulaCountsTheDesignsKeysNotTheRunsOnes() throws Exception {
        // the Region's quota of 2 refuses the third key's ENI even in the demand runs: the formula still needs 3
        Scenario s = ScenarioLoader.parse(EC2.replace("hyperplane:\n  ec2RequestLimit: { burst: 2, refill: 1/h }\n",
                "account: { networkInterfacesPerRegion: 2 }\n"), "ec2small");
        Plan p = new Planner(s, 1, line -> { }).plan();
        assertEquals(2, p.subnets().get(0).peakLambdaIps(), "the quota let two through");
        assertEquals(3, p.subnets().get(0).analyticLambdaIps(), "three keys need three ENIs by the formula");
    }

    @Test
    void anAzOutageIsNamedWithTheFunctionAndTheFix() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse("""
                name: azsmall
                seed: 5
                duration: 40m
                bucket: 1m
                vpcs:
                  - id: v
                    subnets:
                      - { id: s1, cidr: 10.0.0.0/24, az: us-east-1a }
                      - { id: s2, cidr: 10.0.1.0/24, az: us-east-1b }
                    securityGroups: [sg]
                functions:
                  - name: twoaz
                    vpcConfig: { subnetIds: [s1, s2], securityGroupIds: [sg] }
                    duration: 100ms
                    arrivals: { poisson: 5/s }
                  - name: oneaz
                    vpcConfig: { subnetIds: [s1], securityGroupIds: [sg] }
                    duration: 100ms
                    arrivals: { poisson: 2/s }
                timeline:
                  - { at: 10m, action: azOutage, az: us-east-1a, until: 20m }
                """, "azsmall"), 1, line -> { }).plan();
        String line = p.failsAsIs().stream().filter(l -> l.contains("ServiceException")).findFirst().orElseThrow();
        assertTrue(line.contains("oneaz") && !line.contains("twoaz"), line);
        assertTrue(line.contains("us-east-1a") && line.contains("second Availability Zone"), line);
        assertTrue(line.contains(", of oneaz: every subnet of it is in an Availability Zone that goes down ("), line);
        assertTrue(line.matches("[\\d,]+ invocations \\([\\d.]+% of [\\d,]+\\) fail with ServiceException.*"), line);
        assertTrue(p.idle().stream().noneMatch(i -> i.function().equals("oneaz")), "no keep-warm for a failing one");
        assertTrue(p.idle().stream().anyMatch(i -> i.function().equals("twoaz")));
        assertEquals(1, p.noKeepWarm().size(), p.noKeepWarm().toString());
        assertTrue(p.noKeepWarm().get(0).startsWith("oneaz: ") && p.noKeepWarm().get(0).contains("us-east-1a"));
    }

    /** Erlang B's blocking probability: c servers, A erlangs offered. */
    static double erlangB(int c, double a) {
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    /** One function, Poisson arrivals, exponential 200 ms, reserved concurrency 25: an Erlang loss system. */
    private static final String ERLANG = """
            name: erlsmall
            seed: 7
            duration: 30m
            bucket: 30s
            functions:
              - name: f
                existing: Active
                reservedConcurrency: 25
                timeout: 30s
                duration: { dist: exponential, mean: 200ms }
                arrivals: { poisson: 60/s }
            """;

    @Test
    void aThresholdOnTheFailedFractionKeepsRareThrottlesFromFailingTheScenario() throws Exception {
        Scenario s = ScenarioLoader.parse(ERLANG, "erlsmall");
        double b = erlangB(25, 12); // 60/s x 0.2 s
        assertTrue(b > 1e-4 && b < 1e-3, "the fixture: rare throttles at x1, " + b);
        Plan any = new Planner(s, 1, line -> { }).plan();
        assertEquals(1, any.failsAsIs().size(), "the default, 0: any throttle fails it: " + any.failsAsIs());
        assertTrue(any.failsAsIs().get(0).matches("[\\d,]+ invocations \\(0\\.0[\\d]+% of [\\d,]+\\) throttled"
                + " \\(TooManyRequestsException, ReservedFunctionConcurrentInvocationLimitExceeded\\), of f"
                + "; [\\d,]+ more in the warm-up, not counted"), // counted after the 5 min warm-up, its own said beside
                "the fraction next to the count: " + any.failsAsIs());
        assertEquals(1.0, any.headroom().firstLimitAtMultiplier());

        Plan p = new Planner(s, 1, line -> { }).maxFailedFraction(0.001).plan();
        assertEquals(List.of(), p.failsAsIs(), "0.0x% is within 0.1%");
        assertEquals(1, p.failsWithinThreshold().size(), p.failsWithinThreshold().toString());
        assertEquals(0.001, p.maxFailedFraction());
        Plan.Headroom h = p.headroom();
        assertEquals(List.of("concurrency"), h.limitsHit());
        assertNotNull(h.lastClearMultiplier(), h.toString());
        // the multiplier where Erlang B passes 0.1% (about x1.16), within the search's 5% and the sampling's noise
        assertTrue(h.firstLimitAtMultiplier() > 1.05 && h.firstLimitAtMultiplier() < 1.6, h.toString());
        assertTrue(erlangB(25, 12 * h.firstLimitAtMultiplier()) > 0.0005, "hit where B is material: " + h);
        assertTrue(erlangB(25, 12 * h.lastClearMultiplier()) < 0.002, "clear where B is small: " + h);
        assertTrue(PlanReport.text(p).contains("more than 0.1% of the run's invocations"), PlanReport.text(p));
    }

    @Test
    void aMultiAccountConcurrencyLimitNamesTheAccount() throws Exception {
        Scenario s = ScenarioLoader.parse("""
                name: twoacc
                seed: 2
                duration: 5m
                accounts:
                  - { id: "111111111111", concurrencyLimit: 1000 }
                  - { id: "222222222222", concurrencyLimit: 20, unreservedMinimum: 0 }
                functions:
                  - name: calm
                    account: "111111111111"
                    existing: Active
                    duration: 100ms
                    arrivals: { poisson: 10/s }
                  - name: busy
                    account: "222222222222"
                    existing: Active
                    duration: 1s
                    arrivals: { poisson: 40/s }
                """, "twoacc");
        List<String> d = Planner.hitDetails(new Simulation(s, 0).run().summary(), s);
        assertTrue(d.stream().anyMatch(l -> l.startsWith("concurrency: account 222222222222's concurrency limit (20):")),
                d.toString());
        assertFalse(d.stream().anyMatch(l -> l.contains("111111111111") || l.contains("the account's")), d.toString());
    }
}
