package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code enisim plan} of scenarios/shared-vpc-two-accounts.yaml (two accounts on the same two subnets of a shared
 * VPC, 2 and 1 addresses free; payments-api, created at 30m, ends Failed for want of an address): who consumes each
 * subnet, the ENIs per account, the first limit hit, the idle advice left out for the failed function, and the
 * progress the planner reports as it runs each variant.
 */
class SharedVpcPlanTest {

    private static final String ORDERS = "222222222222";
    private static final String PAYMENTS = "333333333333";

    private final List<String> progress = new ArrayList<>();
    private Planner planner;
    private Plan plan;

    /** Planned for each test (2 s), so that mutation testing sees which test covers what. */
    @BeforeEach
    void plan() throws Exception {
        planner = new Planner(ScenarioLoader.load(Path.of("scenarios/shared-vpc-two-accounts.yaml")), 1,
                progress::add);
        plan = planner.plan();
    }

    @Test
    void eachSharedSubnetSaysWhoConsumesItAndTheAddressesEachAccountHeld() {
        assertEquals(2, plan.sharedSubnets().size());
        Plan.SharedSubnet a = plan.sharedSubnets().get(0);
        assertEquals("subnet-shared-a", a.subnet());
        assertEquals("vpc-shared", a.vpc());
        assertEquals("111111111111", a.owner());
        assertEquals(11, a.usableIps());
        assertEquals(9, a.otherUsedIps());
        assertEquals(0, a.minAvailableIps(), "both accounts' ENIs took the last two addresses");
        assertEquals(List.of(new Plan.Consumer(ORDERS, List.of("orders-api", "orders-worker"),
                List.of(ORDERS + ":subnet-shared-a+[sg-app]"), 1), new Plan.Consumer(PAYMENTS, List.of("payments-api"),
                List.of(PAYMENTS + ":subnet-shared-a+[sg-app]"), 1)), a.consumers(),
                "one ENI per account: the accounts never share one");
        Plan.SharedSubnet b = plan.sharedSubnets().get(1);
        assertEquals("subnet-shared-b", b.subnet());
        assertEquals(10, b.otherUsedIps());
        // the design's peak (the demand runs', as section 1's): payments needs its own address in subnet-shared-b,
        // although as it is it found none there (it said 0 IPs, against the sizing table's 2)
        assertEquals(1, b.consumers().get(1).peakIps(), "payments' own ENI in subnet-shared-b");
        assertEquals(List.of(PAYMENTS + ":subnet-shared-b+[sg-app]"), b.consumers().get(1).keys());
        assertEquals(1, b.consumers().get(0).peakIps());
    }

    @Test
    void eachAccountsKeysAreConsolidatedApart() {
        Plan.VpcAdvice v = plan.vpcs().get(0);
        assertEquals("vpc-shared", v.vpc());
        // the design's demand (every subnet at /16): payments' ENI in subnet-shared-b too, which the run as it is
        // could not make (no address left there)
        assertEquals(4, v.peakEnis());
        assertEquals(4, v.consolidatedEnis(), "one security-group set already: two accounts' keys stay apart");
        assertEquals(0, v.savedByConsolidating());
        assertEquals(4, v.keys().size());
        assertTrue(v.keys().stream().allMatch(k -> k.peakEnis() == 1), v.keys().toString());
    }

    @Test
    void theFailedFunctionFailsAsItIsAndGetsNoKeepWarmAdvice() {
        assertEquals(List.of("payments-api"), plan.failedFunctions());
        assertEquals("payments-api ends Failed (SubnetOutOfIPAddresses)", plan.failsAsIs().get(0));
        assertEquals(List.of("orders-api", "orders-worker"), plan.idle().stream().map(Plan.IdleAdvice::function)
                .toList());
        Plan.IdleAdvice i = plan.idle().get(0);
        assertEquals(14 * 86_400.0, i.longestQuietSeconds(), 1e-6, "the idle rule's 14 days");
        assertEquals(7 * 86_400.0, i.keepWarmEverySeconds(), 1e-6, "half of it");
        assertTrue(i.failsAfterLongerQuiet() && i.passesAfterShorterQuiet());
        assertEquals(1.0, plan.headroom().firstLimitAtMultiplier(), "the IPs run out as it is");
        assertEquals(List.of("IP"), plan.headroom().limitsHit());
    }

    @Test
    void theProgressNamesEachVariantAsItRuns() {
        assertEquals(List.of("the scenario as it is", "every subnet at /16 and no VPC ENI quota, to see the demand for IPs and ENIs",
                "every subnet at its recommended size, on random numbers the sizes were not derived from",
                "subnet-shared-b one size smaller (/28)", "traffic x1.00",
                // a limit hit at today's traffic: the headroom again with the subnets at their recommended sizes
                "recommended sizes, traffic x1.00", "recommended sizes, traffic x2.00",
                "recommended sizes, traffic x4.00", "recommended sizes, traffic x8.00",
                "recommended sizes, traffic x16.00", "recommended sizes, traffic x32.00",
                // throttles in the minutes payments-api turns Active are its warm-up, not a limit: x32 is clear
                "recommended sizes, traffic x64.00", "recommended sizes, traffic x45.25",
                "recommended sizes, traffic x38.05", "recommended sizes, traffic x41.50",
                "recommended sizes, traffic x43.34",
                "teardown, replication 1 of 1", "orders-api: quiet periods around the idle rule",
                "orders-worker: quiet periods around the idle rule"), progress);
    }

    /**
     * The runs counted for the progress's "run k of at most N": the 19 lines above start 21 runs (two per function
     * for the idle rule), and the bound holds them: 1 as it is, 2 + 2 subnets sizing, 12 traffic, 1 teardown, 2 x 3
     * VPC functions.
     */
    @Test
    void everyRunIsCountedAndTheBoundHoldsThem() throws Exception {
        assertEquals(21, planner.runsStarted());
        assertEquals(24, Planner.mostRuns(ScenarioLoader.load(Path.of("scenarios/shared-vpc-two-accounts.yaml")),
                1, false));
        // 5 replications, both models: 1 + 2 x (5 at /16 + 5 at the recommended sizes + up to 5 smaller for each of
        // 2 subnets) + 12 traffic probes of up to 3 replications each + 5 teardowns + 6
        assertEquals(1 + 2 * 20 + 12 * 3 + 5 + 6, Planner.mostRuns(ScenarioLoader.load(Path.of(
                "scenarios/shared-vpc-two-accounts.yaml")), 5, true), "N demand and check runs, the other model's too");
    }
}
