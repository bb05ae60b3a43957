package dev.enisim.model;

import static dev.enisim.model.UnblockPublishAndIdleRulesTest.actionsAt;
import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.function.State;
import dev.enisim.random.RandomStreams;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Provisioned environments, the ports environments hold, and request rates at their edges, each worked out by hand:
 * a raise counts only the environments it adds; the same amount again changes nothing; a lowering while every
 * provisioned environment is busy; a provisioned environment whose pool does not fit waits for the next reset;
 * one without a pool holds no ports; a pool's ports reported when taken and when given back; a key's seventh ENI
 * found past the six its row holds; the provisioned rate follows a raise; a request-rate window that ends exactly
 * when a request comes.
 */
class ProvisioningPortsAndRatesTest {

    /** "db" (pool 10, 1 connection an invocation) in the standard world's subnet-1, Active at 60 s. */
    private static WorldHarness db() {
        return ProvisionedOverTimeTest.db();
    }

    /** 3 allocated at 190 s; a raise to 5 at 300 s adds 2 (allocated in 90 s + 2 x 10 ms). */
    @Test
    void aRaiseCountsOnlyTheEnvironmentsItAdds() {
        WorldHarness h = db();
        h.at(100 * SEC, new SimEvent.PutProvisionedConcurrency(0, 3));
        h.at(300 * SEC, new SimEvent.PutProvisionedConcurrency(0, 5));
        h.advanceTo(300 * SEC);
        assertEquals(List.of("300s PutProvisionedConcurrencyConfig db 5: IN_PROGRESS, 2 environments usable in 90 s"),
                actionsAt(h, 300));
        h.advanceTo(390 * SEC + 20_000);
        assertEquals(5, h.world().function(0).environments().provisioned());
    }

    /** 3 allocated and idle; asking for 3 again takes effect at once and ends or makes no environment. */
    @Test
    void theSameAmountAgainChangesNothing() {
        WorldHarness h = db();
        h.at(100 * SEC, new SimEvent.PutProvisionedConcurrency(0, 3));
        h.advanceTo(200 * SEC);
        h.seen.recordCalls();
        h.at(300 * SEC, new SimEvent.PutProvisionedConcurrency(0, 3));
        h.advanceTo(300 * SEC);
        assertEquals(List.of("300s PutProvisionedConcurrencyConfig db 3: provisioned concurrency now 3"),
                actionsAt(h, 300));
        assertEquals(List.of(), h.seen.calls, "no environment ended or made, no port moved");
        assertEquals(3, h.world().function(0).environments().provisioned());
    }

    /** 1 allocated at 190.01 s and busy from 200 s to 400 s: deleting the configuration at 250 s ends it at 400 s. */
    @Test
    void removingProvisionedConcurrencyWhileEveryProvisionedEnvironmentIsBusy() {
        WorldHarness h = db();
        h.at(100 * SEC, new SimEvent.PutProvisionedConcurrency(0, 1));
        h.advanceTo(200 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(0, 200 * SEC));
        assertEquals(0, h.coldStarts, "on the provisioned environment");
        h.at(250 * SEC, new SimEvent.PutProvisionedConcurrency(0, 0));
        h.advanceTo(250 * SEC);
        assertEquals(List.of("250s DeleteProvisionedConcurrencyConfig db: provisioned concurrency now 0"),
                actionsAt(h, 250));
        assertEquals(1, h.world().function(0).environments().provisioned(), "busy: it ends with its invocation");
        h.advanceTo(400 * SEC);
        assertEquals(0, h.world().function(0).environments().provisioned());
    }

    /**
     * ENIs of 15 ports; "db" (pool 10) with provisioned concurrency 2: the first provisioned environment's pool
     * takes 10 of the first ENI's 15, the second's finds 5: Lambda starts another ENI and makes the rest at the
     * function's next reset, so one provisioned environment exists meanwhile.
     */
    @Test
    void aProvisionedEnvironmentWhosePoolDoesNotFitWaitsForTheNextReset() {
        WorldHarness h = new WorldHarness(1000, 15, 60 * SEC, 5 * SEC);
        h.vpcWithSg(500);
        h.subnet("s", "10.0.1.0/24", "az-1");
        int f = h.function("db", 128, List.of("s"), List.of("sg"), 10, 2, 0);
        h.create(f, 0);
        h.advanceTo(100 * SEC);
        assertEquals(State.Active, h.state(f));
        assertEquals(1, h.world().function(f).environments().provisioned());
        assertEquals(10, h.eni(1).connections());
        assertEquals(2, h.world().snapshot().enis().size(), "a second ENI started for the pool that did not fit");
        // the second ENI is ready at 120 s (60 s to create): the environment is still not made then
        h.advanceTo(300 * SEC);
        assertEquals(1, h.world().function(f).environments().provisioned(), "not made when the ENI is ready");
        // the function's next reset (an update of its VpcConfig to the same subnet and group) makes it
        h.at(300 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("s"), List.of("sg"))));
        h.advanceTo(600 * SEC);
        assertEquals(2, h.world().function(f).environments().provisioned(), "made at the next reset");
    }

    /** Provisioned environments of a function without pools (and no connections of its own) hold no ports. */
    @Test
    void provisionedEnvironmentsWithoutAPoolHoldNoPorts() {
        WorldHarness h = WorldHarness.standard();
        int f = h.build.addFunction(new TestFunction("plain", 128, 900 * SEC, OptionalInt.empty(), 0, 0, 2,
                "plain-role", List.of("subnet-1"), List.of("sg-a")), new RandomStreams(1, 0).stream("plain"),
                () -> 0L);
        h.create(f, 0);
        h.advanceTo(100 * SEC);
        assertEquals(2, h.world().function(f).environments().provisioned());
        assertEquals(0, h.eni(1).connections());
        assertEquals(java.util.Map.of(), h.seen.keyConnections, "no port taken: nothing reported");
    }

    /**
     * "pool" holds 10 connections per environment and opens none of its own: its cold start at 60 s reports the
     * key's 10; its environment, idle from 61 s, ends at 661 s (keep-alive 600 s) and reports the key's 0.
     */
    @Test
    void aPoolsPortsAreReportedWhenTakenAndWhenGivenBack() {
        WorldHarness h = WorldHarness.standard();
        int f = h.build.addFunction(new TestFunction("pool", 128, 900 * SEC, OptionalInt.empty(), 0, 10, 0,
                "pool-role", List.of("subnet-1"), List.of("sg-a")), new RandomStreams(1, 0).stream("pool"), () -> 0L);
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        h.seen.recordCalls();
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC));
        assertTrue(h.seen.calls.contains("connections 0 10"), h.seen.calls.toString());
        h.advanceTo(661 * SEC);
        assertEquals(0, h.seen.keyConnections.get(0), "the pool given back when its environment ended");
        assertEquals(0, h.eni(1).connections());
    }

    /**
     * ENIs of 10 ports and invocations of 10 connections: each ENI holds one invocation. One ENI is added per
     * minute (a full key starts one; it is ready 60 s later), each taken by a long invocation, until the seventh,
     * whose invocation ends at 430 s. At 440 s the first six are full and the seventh (past the six the key's row
     * holds) is free: the invocation runs there.
     */
    @Test
    void aKeysSeventhEniIsFoundPastTheSixItsRowHolds() {
        WorldHarness h = new WorldHarness(1000, 10, 60 * SEC, 5 * SEC);
        h.vpcWithSg(500);
        h.subnet("s", "10.0.1.0/24", "az-1");
        int f = h.function("wide", List.of("s"), List.of("sg"), -1, 10);
        h.create(f, 0);
        for (int k = 1; k <= 7; k++) {
            h.advanceTo(k * 60 * SEC);
            assertEquals(Outcome.SUCCESS, h.invoke(f, k == 7 ? 10 * SEC : 800 * SEC), "ENI " + k);
            if (k < 7) {
                assertEquals(Outcome.FUNCTION_ERROR_NO_PORT, h.invoke(f, SEC), "full: another ENI is started");
            }
        }
        assertEquals(7, h.world().snapshot().enis().size());
        h.advanceTo(440 * SEC);
        assertEquals(0, h.eni(7).connections());
        assertEquals(Outcome.SUCCESS, h.invoke(f, 10 * SEC));
        assertEquals(10, h.eni(7).connections());
        assertEquals(7, h.world().snapshot().enis().size(), "no eighth");
    }

    /**
     * Provisioned concurrency 1 (10 requests/s, 10 at once), raised to 5 at 2 s (allocated at 92.04 s): at 100 s,
     * 50 requests at once are served (10 x 5) and the 51st is throttled.
     */
    @Test
    void theProvisionedRateFollowsARaise() {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC);
        int f = h.function("f", 128, List.of(), List.of(), 0, 1, 0);
        h.create(f, 0);
        h.advanceTo(SEC);
        for (int i = 0; i < 5; i++) {
            assertEquals(Outcome.SUCCESS, h.invoke(f, 500));
        }
        h.at(2 * SEC, new SimEvent.PutProvisionedConcurrency(f, 5));
        h.advanceTo(100 * SEC);
        assertEquals(5, h.world().function(f).environments().provisioned());
        for (int i = 0; i < 50; i++) {
            assertEquals(Outcome.SUCCESS, h.invoke(f, 500), "request " + i);
        }
        assertEquals(Outcome.THROTTLED_RATE, h.invoke(f, 500));
    }

    /**
     * A function's rate starting at 2 requests per 1 s window and rising by 1 per window: 2 of 3 requests at 0.5 s
     * are served; the window ends at exactly 1 s, so the next one allows 3 from a request at 1 s on.
     */
    @Test
    void aRequestAtExactlyTheEndOfItsWindowCountsInTheNext() {
        Scaling slow = new Scaling(Scaling.Model.PER_FUNCTION, 1000, 10_000_000L, 3000, 500, 60_000_000L, 2, SEC);
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC, slow, null);
        int f = h.function("slow", List.of(), List.of());
        h.create(f, 0);
        h.advanceTo(SEC / 2);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 500));
        assertEquals(Outcome.SUCCESS, h.invoke(f, 500));
        assertEquals(Outcome.THROTTLED_RATE, h.invoke(f, 500));
        h.advanceTo(SEC);
        for (int i = 0; i < 3; i++) {
            assertEquals(Outcome.SUCCESS, h.invoke(f, 500), "request " + i + " at 1 s");
        }
        assertEquals(Outcome.THROTTLED_RATE, h.invoke(f, 500));
    }
}
