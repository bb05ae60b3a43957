package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.eni.EniState;
import dev.enisim.model.function.State;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The invariant checker fires: each test builds a sound world (two functions on one /28, one ENI in use with a
 * database pool, one invocation in flight), breaks one rule behind the model's back, and expects
 * {@link World#checkInvariants()} to throw naming it. Were the checker switched off (World not calling it, or a
 * rule dropped), the matching test fails.
 */
class InvariantsTest {

    /** "api" Active on subnet-1 (ENI 1 in use, 1 connection in flight) and "db" Active on subnet-2. */
    static WorldHarness sound() {
        WorldHarness h = WorldHarness.standard();
        int api = h.function("api", List.of("subnet-1"), List.of("sg-a"), 5, 1);
        int db = h.function("db", 128, List.of("subnet-2"), List.of("sg-a"), 10, 0, 0);
        h.create(api, 0);
        h.create(db, 0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(api, 100 * SEC));
        assertEquals(Outcome.SUCCESS, h.invoke(db, SEC));
        h.advanceTo(62 * SEC); // db's environment is idle now, holding its pool of 10 on ENI 2
        h.world().checkInvariants();
        return h;
    }

    static void broken(String expected, Consumer<WorldHarness> breakIt) {
        WorldHarness h = sound();
        breakIt.accept(h);
        IllegalStateException e = assertThrows(IllegalStateException.class, h.world()::checkInvariants);
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    }

    static HyperplaneEni eni(WorldHarness h, int id) {
        return h.world().fleet().all.get(id - 1);
    }

    static EniPool pool(WorldHarness h, int key) {
        return h.world().fleet().pools.get(key);
    }

    @Test
    void theSoundWorldPasses() {
        WorldHarness h = sound();
        assertEquals(EniState.InUse, h.eni(1).state());
        assertEquals(1, h.eni(1).connections());
        assertEquals(10, h.eni(2).connections());
    }

    @Test
    void aDeletedEniWithConnections() {
        broken("connections while Deleted", h -> {
            eni(h, 1).transition(EniState.Deleting, 0);
            eni(h, 1).transition(EniState.Deleted, 0);
        });
    }

    @Test
    void anOrphanedEniWithConnections() {
        broken("connections while Orphaned", h -> {
            eni(h, 1).transition(EniState.Deleting, 0);
            eni(h, 1).transition(EniState.Orphaned, 0);
        });
    }

    @Test
    void aPoolCountingOtherConnectionsThanItsEnis() {
        broken("pool counts 1 connections, its ENIs 0", h -> eni(h, 1).release(1));
    }

    @Test
    void aDeletedEniStillInItsPool() {
        broken("is Deleted but still in its pool", h -> {
            pool(h, 0).release(eni(h, 1), 1);
            eni(h, 1).transition(EniState.Deleting, 0);
            eni(h, 1).transition(EniState.Deleted, 0);
        });
    }

    @Test
    void aVpcCountingAnEniThatDoesNotExist() {
        broken("counts 3 ENIs, holds 2", h -> h.world().network().vpcs.get(0).tryTakeEniSlot());
    }

    @Test
    void aSubnetCountingAnIpNoEniHolds() {
        broken("counts 2 Lambda IPs, ENIs hold 1", h -> h.world().network().subnets.get(0).allocateIp());
    }

    @Test
    void aKeyCountingAUserNobodyIs() {
        broken("counts 2 users, holders 1", h -> pool(h, 0).addUser());
    }

    @Test
    void aPoolCountingAnEniCreatingThatIsNot() {
        broken("pool counts -1 creating, found 0", h -> pool(h, 0).becameReady(eni(h, 1)) /* counts -1 */);
    }

    @Test
    void anEniBeingDeletedWhileItsKeyHasUsers() {
        broken("is being deleted while its key has 1 users", h -> eni(h, 2).transition(EniState.Deleting, 0));
    }

    @Test
    void anEniInUseOnAKeyWithNoUsers() {
        broken("is in use on key", h -> {
            h.world().function(1).setHoldsKeys(false);
            pool(h, 1).removeUser("db-role");
        });
    }

    @Test
    void aFunctionWithMoreBusyEnvironmentsThanInvocations() {
        broken("1 in flight but 2 busy environments", h -> h.world().function(0).environments().started());
    }

    @Test
    void brokenEnvironmentCounts() {
        broken("environment counts broken", h -> h.world().function(1).environments().discardBusy(false));
    }

    @Test
    void theAccountCountingOtherInvocationsThanItsFunctions() {
        broken("in-flight counts disagree", h -> {
            h.world().function(0).admitted(); // the function counts one more, the account does not
            h.world().function(0).environments().started();
        });
    }

    @Test
    void theAccountCountingOtherEnvironmentsThanItsFunctions() {
        broken("environments: functions hold", h -> {
            h.world().function(1).requestProvisioned(1);
            h.world().function(1).setProvisionedConcurrency(1);
            h.world().function(1).environments().addProvisioned(1, Environments.NO_ENI); // the function counts it, the account not
        });
    }

    @Test
    void moreIdleProvisionedEnvironmentsThanAllocated() {
        broken("1 provisioned environments (1 idle) but 0 allocated", h ->
                h.world().function(1).environments().addProvisioned(1, Environments.NO_ENI));
    }

    @Test
    void moreAllocatedThanRequested() {
        broken("but 1 allocated, 0 requested", h -> h.world().function(1).setProvisionedConcurrency(1));
    }

    @Test
    void aFunctionOverItsReservedConcurrency() {
        broken("in flight > reserved 5", h -> {
            for (int i = 0; i < 5; i++) {
                h.world().concurrency().started(0);
                h.world().function(0).environments().started();
            }
        });
    }

    @Test
    void theAccountOverItsConcurrencyLimit() {
        WorldHarness h = new WorldHarness(2, 65_000, 60 * SEC, 5 * SEC);
        int f = h.function("a", List.of(), List.of());
        h.create(f, 0);
        h.advanceTo(1);
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC));
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC));
        assertEquals(Outcome.THROTTLED_ACCOUNT, h.invoke(f, SEC));
        h.world().concurrency().started(f);
        h.world().environments().started(f);
        IllegalStateException e = assertThrows(IllegalStateException.class, h.world()::checkInvariants);
        assertTrue(e.getMessage().contains("concurrency over limit: 3"), e.getMessage());
    }

    @Test
    void aFunctionThatIsNoLongerActiveKeepingItsIdleEnvironments() {
        broken("is Deleted but keeps 1 idle", h -> h.world().function(1).transition(State.Deleted, null, "test", 0));
    }

    /** The same for provisioned environments: "api" (none idle on demand) Inactive while one provisioned is idle. */
    @Test
    void aFunctionThatIsNoLongerActiveKeepingItsProvisionedEnvironments() {
        broken("api is Inactive but keeps 0 idle and 1 provisioned environments", h -> {
            LambdaFunction api = h.world().function(0);
            api.requestProvisioned(1);
            api.setProvisionedConcurrency(1);
            api.environments().addProvisioned(1, Environments.NO_ENI);
            api.transition(State.Inactive, null, "test", 0);
        });
    }

}
