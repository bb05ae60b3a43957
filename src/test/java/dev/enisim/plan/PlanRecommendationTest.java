package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.NetworkModel;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link PlannerTest} checks on the quickstart's two-hour plan, teardown.yaml's 40 replications and
 * legacy-vs-hyperplane.yaml (a minute together), on small inline scenarios planned in about a second each, short
 * enough for mutation testing to plan them for every test: a /28 shared with 9 other addresses holds two keys, so
 * notifications, the third security group, ends Failed (SubnetOutOfIPAddresses) while subnet-b has room; the
 * recommendation verified at its size and one size smaller; the traffic headroom as it is (the IP limit) and at the
 * recommended sizes (the account's concurrency limit); the teardown against the analytic median of the largest of its
 * ENIs' deletion times; the subnets sized under both network models.
 */
class PlanRecommendationTest {

    private static final String SHORT_OF_IPS = """
            name: short-of-ips
            duration: 5m
            account: { concurrencyLimit: 20, unreservedMinimum: 0 }
            vpcs:
              - id: vpc-main
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/28, az: a, otherUsedIps: 9 }
                  - { id: subnet-b, cidr: 10.0.2.0/24, az: b, otherUsedIps: 40 }
                securityGroups: [sg-app, sg-reports, sg-notify]
            functions:
              - { name: orders-api, existing: Active, duration: 120ms, arrivals: { poisson: 10/s },
                  vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-app] } }
              - { name: orders-worker, existing: Active, duration: 300ms, arrivals: { poisson: 4/s },
                  vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-app] } }
              - { name: reports, createdAt: 1m, duration: 2s, arrivals: { poisson: 1/s },
                  vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-reports] } }
              - { name: notifications, createdAt: 3m, duration: 200ms, arrivals: { poisson: 5/s },
                  vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-notify] } }
            """;

    private final List<String> progress = new ArrayList<>();
    private Planner planner;
    private Plan plan;

    /**
     * Planned for each test that reads it (well under a second; JUnit makes an instance per test), so that mutation
     * testing sees which test covers what.
     */
    private Plan plan() throws Exception {
        if (plan == null) {
            planner = new Planner(ScenarioLoader.parse(SHORT_OF_IPS, "short-of-ips"), 1, progress::add);
            plan = planner.plan();
        }
        return plan;
    }

    @Test
    void theSmallestPrefixHoldsTheAddressesWithTheFiveReservedOnesUpToASlash16() throws Exception {
        assertEquals(28, Planner.smallestPrefixFor(1));
        assertEquals(27, Planner.smallestPrefixFor(27), "a /27: 32 - 5 = 27 usable");
        assertEquals(26, Planner.smallestPrefixFor(28));
        assertEquals(16, Planner.smallestPrefixFor(65_531), "a /16: 65,536 - 5");
        assertEquals(16, Planner.smallestPrefixFor(65_532), "no subnet is larger than a /16");
    }

    /**
     * subnet-a's 9 others and 3 keys need 12 addresses: a /27, and the /28 it is fails; subnet-b's 40 others and 3
     * keys a /26, and its /27 (27 usable) cannot hold the 40 others: not run, said so.
     */
    @Test
    void eachSubnetIsGivenTheSmallestSizeThatHoldsItVerifiedAtItAndOneSizeSmaller() throws Exception {
        assertEquals(new Plan.SubnetAdvice("subnet-a", "10.0.1.0/28", 11, 9, 3, 3, 27, 27, -1, 0, 602, 1, 1, 0, 1, 1,
                0), plan().subnets().get(0), "one address short as it is; the /28 one size smaller ran out");
        assertEquals(new Plan.SubnetAdvice("subnet-b", "10.0.2.0/24", 251, 40, 3, 3, 26, 59, 208, 0,
                Plan.SubnetAdvice.OTHERS_DO_NOT_FIT, 1, 1, 0, 0, 0, 0), plan().subnets().get(1));
        assertEquals(List.of(), plan().subnetsUnderOtherModel(), "one network model asked for");
    }

    @Test
    void theFunctionThatEndsFailedIsSaidWithEachClassOfFailuresAndGetsNoKeepWarmAdvice() throws Exception {
        assertEquals(List.of("notifications"), plan().failedFunctions());
        assertEquals(List.of("notifications ends Failed (SubnetOutOfIPAddresses)", "107 invocations (2.2% of 4,960)"
                + " fail with ResourceConflictException, of reports", "585 invocations (11.8% of 4,960) fail with"
                + " SubnetIPAddressLimitReachedException, of notifications"), plan().failsAsIs());
        assertEquals(List.of("orders-api", "orders-worker", "reports"), plan().idle().stream()
                .map(Plan.IdleAdvice::function).toList(), "no keep-warm advice for notifications, which ends Failed");
        for (Plan.IdleAdvice i : plan().idle()) {
            assertEquals(14 * 86_400.0, i.longestQuietSeconds(), 1e-6, "the idle rule's 14 days");
            assertEquals(7 * 86_400.0, i.keepWarmEverySeconds(), 1e-6, "half of it");
            assertTrue(i.failsAfterLongerQuiet() && i.passesAfterShorterQuiet(), i.toString());
        }
    }

    @Test
    void theHeadroomIsTheIpLimitAsItIsAndTheAccountsConcurrencyLimitAtTheRecommendedSizes() throws Exception {
        Plan.Headroom h = plan().headroom();
        assertEquals(1.0, h.firstLimitAtMultiplier(), "the IPs run out at today's traffic");
        assertEquals(List.of("IP"), h.limitsHit());
        assertEquals(List.of(new Plan.Probe(1, List.of("IP"), List.of("IP: notifications: 585 of 585 invocations"
                + " failed (SubnetIPAddressLimitReachedException), and it ends Failed"), 1, List.of())), h.probes());
        assertNull(h.lastClearMultiplier());
        Plan.Headroom after = h.atRecommendedSizes();
        assertEquals(List.of("concurrency"), after.limitsHit());
        assertEquals(1.542, after.firstLimitAtMultiplier(), 0.001);
        assertEquals(1.477, after.lastClearMultiplier(), 0.001);
        assertEquals(2.0, after.largestTried());
        assertEquals(List.of(1.0, 2.0, 1.414, 1.682, 1.542, 1.477), after.probes().stream()
                .map(p -> Math.round(p.multiplier() * 1000) / 1000.0).toList(),
                "doubling until the limit, then halving the gap (in ratio) to within 5%");
        assertEquals(List.of(List.of(), List.of("concurrency"), List.of(), List.of("concurrency"), List.of("concurrency"),
                List.of()),
                after.probes().stream().map(Plan.Probe::limitsHit).toList());
        assertEquals(List.of("concurrency: the account's concurrency limit: 2 of 7,644 invocations throttled"
                + " (ConcurrentInvocationLimitExceeded)"), after.probes().get(4).details());
        assertNull(after.atRecommendedSizes(), "searched again once, not again and again");
    }

    @Test
    void eachVariantIsSaidAsItRunsAndTheRunsStayWithinTheBound() throws Exception {
        plan();
        assertEquals(List.of("the scenario as it is",
                "every subnet at /16 and no VPC ENI quota, to see the demand for IPs and ENIs",
                "every subnet at its recommended size, on random numbers the sizes were not derived from",
                "subnet-a one size smaller (/28)", "traffic x1.00", "recommended sizes, traffic x1.00",
                "recommended sizes, traffic x2.00", "recommended sizes, traffic x1.41",
                "recommended sizes, traffic x1.68", "recommended sizes, traffic x1.54",
                "recommended sizes, traffic x1.48", "teardown, replication 1 of 1",
                "orders-api: quiet periods around the idle rule", "orders-worker: quiet periods around the idle rule",
                "reports: quiet periods around the idle rule"), progress);
        // 1 as it is, 3 sizing, 1 + 6 traffic, 1 teardown, 2 x 3 idle probes; the bound: 1 + 4 + 12 + 1 + 2 x 4
        assertEquals(18, planner.runsStarted());
        assertEquals(26, Planner.mostRuns(ScenarioLoader.parse(SHORT_OF_IPS, "short-of-ips"), 1, false));
    }

    @Test
    void eachSecurityGroupSetIsAKeyInEverySubnetAndOneSetWouldNeedTwoEnis() throws Exception {
        Plan.VpcAdvice v = plan().vpcs().get(0);
        assertEquals("vpc-main", v.vpc());
        assertEquals(6, v.peakEnis(), "the design's demand: notifications' ENIs too");
        assertEquals(6, v.keys().size());
        assertTrue(v.keys().stream().allMatch(k -> k.peakEnis() == 1), v.keys().toString());
        assertEquals(2, v.consolidatedEnis(), "one security-group set: one key per subnet");
        assertEquals(4, v.savedByConsolidating());
    }

    /**
     * A stack's five ENIs deleted at the end of the run (20 replications), as teardown.yaml's: the median wait agrees
     * with the median of the largest of five log-normal deletion times (median 10 min, p99 35 min, capped at 45
     * min); subnet-c fits its one ENI exactly, and nothing fails, so every function gets keep-warm advice.
     */
    @Test
    void theSimulatedTeardownAgreesWithTheAnalyticMedianOfTheLargestDeletionTime() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse("""
                name: stack
                duration: 2m
                account: { concurrencyLimit: 10, unreservedMinimum: 0 }
                vpcs:
                  - id: vpc-stack
                    subnets:
                      - { id: subnet-stack-a, cidr: 10.3.0.0/24, az: a }
                      - { id: subnet-stack-b, cidr: 10.3.1.0/24, az: b }
                      - { id: subnet-stack-c, cidr: 10.3.2.0/28, az: c, otherUsedIps: 10 }
                    securityGroups: [sg-stack, sg-stack-db]
                functions:
                  - { name: api, existing: Active, duration: 500ms, arrivals: { poisson: 2/s },
                      vpcConfig: { subnetIds: [subnet-stack-a, subnet-stack-b, subnet-stack-c], securityGroupIds: [sg-stack] } }
                  - { name: migrations, existing: Active, duration: 1s, arrivals: { constant: 1/m },
                      vpcConfig: { subnetIds: [subnet-stack-a, subnet-stack-b], securityGroupIds: [sg-stack, sg-stack-db] } }
                """, "stack"), 20, line -> { }).threads(2).plan();
        Plan.TeardownWait t = p.teardown();
        assertEquals(20, t.replications());
        assertEquals(5, t.enis(), "api's three ENIs and migrations' two, each function's deleted apart");
        assertEquals(t.analyticP50Seconds(), t.p50Seconds(), 0.25 * t.analyticP50Seconds());
        assertTrue(t.p50Seconds() <= t.p99Seconds() && t.p99Seconds() <= 45 * 60 + 1e-6, t.toString());
        assertEquals(0, t.censoredReplications());
        Plan.SubnetAdvice c = p.subnets().get(2);
        assertEquals(28, c.recommendedPrefix());
        assertEquals(0, c.headroomIps(), "10 others and one ENI fill the /28's 11 addresses");
        assertEquals(0, c.failuresAtRecommended());
        assertEquals(-1, c.failuresOneSmaller(), "nothing smaller than a /28");
        assertEquals(List.of(), p.failsAsIs());
        assertEquals(List.of(), p.failedFunctions());
        assertEquals(List.of("api", "migrations"), p.idle().stream().map(Plan.IdleAdvice::function).toList());
        assertTrue(p.headroom().firstLimitAtMultiplier() > 1, p.headroom().toString());
        assertEquals(List.of("concurrency"), p.headroom().limitsHit());
        assertNull(p.headroom().atRecommendedSizes(), "no limit at today's traffic: one search");
    }

    /** Asked for both network models, the legacy sizing follows the 3 GB rule: an ENI per two 1,536 MB environments. */
    @Test
    void subnetsAreSizedUnderBothNetworkModelsWhenAsked() throws Exception {
        Scenario legacy = ScenarioLoader.parse("""
                name: ingest
                duration: 5m
                networkModel: legacy
                vpcs:
                  - id: vpc-2018
                    subnets:
                      - { id: subnet-ingest-a, cidr: 10.8.0.0/25, az: a }
                      - { id: subnet-ingest-b, cidr: 10.8.0.128/25, az: b }
                    securityGroups: [sg-ingest]
                functions:
                  - { name: ingest, memoryMb: 1536, timeout: 60s, duration: 1.5s, arrivals: { poisson: 20/s },
                      reservedConcurrency: 100,
                      vpcConfig: { subnetIds: [subnet-ingest-a, subnet-ingest-b], securityGroupIds: [sg-ingest] } }
                """, "ingest");
        Plan p = new Planner(legacy.withNetworkModel(NetworkModel.HYPERPLANE), 1, true, line -> { }).plan();
        assertEquals("hyperplane", p.networkModel());
        assertEquals(List.of(1L, 1L), p.subnets().stream().map(Plan.SubnetAdvice::peakLambdaIps).toList(),
                "Hyperplane: one shared ENI per subnet");
        assertEquals(List.of(28, 28), p.subnets().stream().map(Plan.SubnetAdvice::recommendedPrefix).toList());
        assertEquals(2, p.subnetsUnderOtherModel().size());
        Plan.SubnetAdvice a = p.subnetsUnderOtherModel().get(0);
        assertEquals("subnet-ingest-a", a.subnet());
        assertEquals(27, a.peakLambdaIps(), "legacy: an ENI per 2 environments");
        assertEquals(27, a.recommendedPrefix());
        assertEquals(0, a.failuresAtRecommended());
        assertTrue(a.failuresOneSmaller() > 0, a.toString());
    }
}
