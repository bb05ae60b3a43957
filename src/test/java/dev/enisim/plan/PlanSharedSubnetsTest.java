package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plan of a small shared VPC (five minutes, about a second to plan): the network account 111111111111 owns two
 * /28 subnets with 2 and 1 addresses free; orders (222222222222) and payments (333333333333, created at 2m) use
 * both with the same security group, each account needing ENIs of its own, so payments-api finds no address left
 * in subnet-shared-b and ends Failed. The network account, which runs no function, consumes nothing. As
 * {@link SharedVpcPlanTest} (scenarios/shared-vpc-two-accounts.yaml, 6 s a plan) on a run short enough for
 * mutation testing to plan it for every test.
 */
class PlanSharedSubnetsTest {

    private static final String ORDERS = "222222222222";
    private static final String PAYMENTS = "333333333333";

    private final List<String> progress = new ArrayList<>();
    private Scenario scenario;
    private Planner planner;
    private Plan plan;

    @BeforeEach
    void plan() throws Exception {
        scenario = ScenarioLoader.parse("""
                name: shared
                duration: 5m
                accounts:
                  - { id: "111111111111" }
                  - { id: "222222222222", concurrencyLimit: 20, unreservedMinimum: 0 }
                  - { id: "333333333333", concurrencyLimit: 20, unreservedMinimum: 0 }
                vpcs:
                  - id: vpc-shared
                    owner: "111111111111"
                    subnets:
                      - { id: subnet-shared-a, cidr: 10.20.0.0/28, az: eu-west-1a, otherUsedIps: 9 }
                      - { id: subnet-shared-b, cidr: 10.20.0.16/28, az: eu-west-1b, otherUsedIps: 10 }
                    securityGroups: [sg-app]
                functions:
                  - { name: orders-api, account: "222222222222", duration: 120ms, arrivals: { poisson: 20/s },
                      vpcConfig: { subnetIds: [subnet-shared-a, subnet-shared-b], securityGroupIds: [sg-app] } }
                  - { name: orders-worker, account: "222222222222", duration: 400ms, arrivals: { poisson: 5/s },
                      vpcConfig: { subnetIds: [subnet-shared-a, subnet-shared-b], securityGroupIds: [sg-app] } }
                  - { name: payments-api, account: "333333333333", createdAt: 2m, duration: 150ms,
                      arrivals: { poisson: 10/s, from: 2m },
                      vpcConfig: { subnetIds: [subnet-shared-a, subnet-shared-b], securityGroupIds: [sg-app] } }
                """, "shared");
        planner = new Planner(scenario, 1, progress::add);
        plan = planner.plan();
    }

    @Test
    void eachSharedSubnetSaysItsOwnerAndEachConsumingAccountsFunctionsKeysAndAddresses() {
        assertEquals(2, plan.sharedSubnets().size());
        for (int i = 0; i < 2; i++) {
            Plan.SharedSubnet s = plan.sharedSubnets().get(i);
            String id = i == 0 ? "subnet-shared-a" : "subnet-shared-b";
            assertEquals(id, s.subnet());
            assertEquals("vpc-shared", s.vpc());
            assertEquals("111111111111", s.owner());
            assertEquals(11, s.usableIps());
            assertEquals(9 + i, s.otherUsedIps());
            assertEquals(0, s.minAvailableIps(), "the last addresses taken");
            assertEquals(List.of(new Plan.Consumer(ORDERS, List.of("orders-api", "orders-worker"),
                    List.of(ORDERS + ":" + id + "+[sg-app]"), 1), new Plan.Consumer(PAYMENTS, List.of("payments-api"),
                    List.of(PAYMENTS + ":" + id + "+[sg-app]"), 1)), s.consumers(),
                    "one ENI per account, the network account none: " + s);
        }
    }

    @Test
    void theAccountsKeysStayApartTheFailedFunctionFailsAndTheHeadroomIsTheOrdersAccountsLimit() {
        Plan.VpcAdvice v = plan.vpcs().get(0);
        assertEquals(4, v.peakEnis(), "the design's demand: payments' ENI in subnet-shared-b too");
        assertEquals(4, v.consolidatedEnis());
        assertEquals(0, v.savedByConsolidating());
        assertEquals(List.of("payments-api"), plan.failedFunctions());
        assertEquals(List.of("payments-api ends Failed (SubnetOutOfIPAddresses)", "3,357 invocations (36.4% of 9,223)"
                + " fail with ResourceConflictException, of orders-api (2,649), orders-worker (708)", "1,809 invocations"
                + " (19.6% of 9,223) fail with SubnetIPAddressLimitReachedException, of payments-api"), plan.failsAsIs(),
                "each class of failures with its share of the run and who failed");
        assertEquals(List.of("orders-api", "orders-worker"), plan.idle().stream().map(Plan.IdleAdvice::function)
                .toList());
        assertEquals(List.of(28, 27), plan.subnets().stream().map(Plan.SubnetAdvice::recommendedPrefix).toList(),
                "subnet-shared-b's 10 others and 2 ENIs need a /27");
        assertEquals(1.0, plan.headroom().firstLimitAtMultiplier());
        assertEquals(List.of("IP"), plan.headroom().limitsHit());
        Plan.Headroom after = plan.headroom().atRecommendedSizes();
        assertEquals(List.of("concurrency"), after.limitsHit());
        assertEquals(List.of("concurrency: account 222222222222's concurrency limit (20): 1 of 16,166 invocations"
                + " throttled (ConcurrentInvocationLimitExceeded)"), after.firstLimitDetails());
        assertEquals(1.76, after.firstLimitAtMultiplier(), 0.01);
        assertNull(after.atRecommendedSizes());
    }

    /** subnet-shared-a holds its 2 ENIs as a /28; subnet-shared-b needs a /27, and a /28 (one size smaller) fails. */
    @Test
    void eachSubnetsSizeIsVerifiedAtItAndOneSizeSmaller() {
        Plan.SubnetAdvice a = plan.subnets().get(0);
        assertEquals(new Plan.SubnetAdvice("subnet-shared-a", "10.20.0.0/28", 11, 9, 2, 2, 28, 11, 0, 0, -1, 1, 1, 0, 0,
                0, 0), a, "nothing smaller than a /28 to try");
        Plan.SubnetAdvice b = plan.subnets().get(1);
        assertEquals(new Plan.SubnetAdvice("subnet-shared-b", "10.20.0.16/28", 11, 10, 2, 2, 27, 27, -1, 0, 1_839, 1, 1,
                0, 1, 1, 0, 0, "a /27 at 10.20.0.0 overlaps subnet-shared-a (10.20.0.0/28)"), b,
                "as it is one address short; at /28 the run ran out; a /27 in place would take subnet-shared-a");
    }

    /**
     * Each variant said as it runs, as {@link SharedVpcPlanTest} checks it: the search again at the recommended sizes
     * after the IP limit at today's traffic; 16 runs (the idle rule's two for each function kept warm, none for
     * payments-api, which ends Failed), within the bound: 1 + 4 sizing + 12 traffic + 1 teardown + 2 x 3 functions.
     */
    @Test
    void theProgressNamesEachVariantAsItRunsAndTheRunsStayWithinTheBound() {
        assertEquals(List.of("the scenario as it is",
                "every subnet at /16 and no VPC ENI quota, to see the demand for IPs and ENIs",
                "every subnet at its recommended size, on random numbers the sizes were not derived from",
                "subnet-shared-b one size smaller (/28)", "traffic x1.00", "recommended sizes, traffic x1.00",
                "recommended sizes, traffic x2.00", "recommended sizes, traffic x1.41",
                "recommended sizes, traffic x1.68", "recommended sizes, traffic x1.83",
                "recommended sizes, traffic x1.76", "teardown, replication 1 of 1",
                "orders-api: quiet periods around the idle rule", "orders-worker: quiet periods around the idle rule"),
                progress);
        assertEquals(16, planner.runsStarted());
        assertEquals(24, Planner.mostRuns(scenario, 1, false));
    }
}
