package dev.enisim.model;

import static dev.enisim.model.InvariantsTest.broken;
import static dev.enisim.model.InvariantsTest.eni;
import static dev.enisim.model.InvariantsTest.pool;
import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.eni.EniId;
import dev.enisim.random.RandomStreams;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * More of the invariant checker's rules proven to fire, on {@link InvariantsTest}'s sound world ("api" with ENI 1 on
 * subnet-1, 1 connection in flight; "db" with ENI 2 on subnet-2 holding an idle pool of 10): an address held twice,
 * a live ENI lost from its pool, the Region's count, an ENI's ports, an ENI in another key's pool, the unreserved
 * pool, each environment count, a key of another account.
 */
class InvariantsMoreTest {

    @Test
    void anAddressHeldByTwoEnis() {
        broken("held twice (eni-0003)", h -> {
            HyperplaneEni first = eni(h, 1);
            Network n = h.world().network();
            n.subnets.get(0).allocateIp(); // the subnet, VPC and Region count it: only the address is wrong
            n.vpcs.get(0).tryTakeEniSlot();
            n.region(0).tryTake();
            HyperplaneEni twin = new HyperplaneEni(new EniId(3, "eni-0003", 0, "twin", 0, 0, "10.0.1.14"),
                    first.ipIndex(), 65_000, 0);
            h.world().fleet().all.add(twin);
            pool(h, 0).added(twin);
        });
    }

    @Test
    void aLiveEniNoLongerInItsPool() {
        broken("eni-0001 is InUse but not in its pool", h -> pool(h, 0).removed(eni(h, 1)));
    }

    @Test
    void theRegionCountingAnEniNoVpcHolds() {
        broken("Region counts 3 Lambda ENIs, VPCs hold 2", h -> h.world().network().region(0).tryTake());
    }

    @Test
    void anEniOverItsPortCapacity() {
        broken("eni-0001: 65001 connections outside 0..65000", h -> eni(h, 1).release(-65_000));
    }

    @Test
    void anEniBeingCreatedWithConnections() {
        WorldHarness h = WorldHarness.standard();
        h.create(h.function("api", List.of("subnet-1"), List.of("sg-a")), 0);
        h.advanceTo(SEC);
        h.world().checkInvariants();
        eni(h, 1).release(-1);
        IllegalStateException e = assertThrows(IllegalStateException.class, h.world()::checkInvariants);
        assertTrue(e.getMessage().contains("eni-0001: 1 connections while Creating"), e.getMessage());
    }

    @Test
    void anEniInAnotherKeysPool() {
        broken("eni-0002 of key 1 in pool of key 0", h -> pool(h, 0).added(eni(h, 2)));
    }

    @Test
    void theUnreservedPoolOverItsLimit() {
        WorldHarness h = new WorldHarness(2, 65_000, 60 * SEC, 5 * SEC);
        int free = h.function("free", List.of(), List.of());
        int own = h.function("own", List.of(), List.of(), 1, 1);
        h.create(free, 0);
        h.create(own, 0);
        h.advanceTo(1);
        assertEquals(Outcome.SUCCESS, h.invoke(free, SEC));
        assertEquals(Outcome.THROTTLED_ACCOUNT, h.invoke(free, SEC), "account 2 - reserved 1 = 1 unreserved");
        h.world().concurrency().started(free);
        h.world().environments().started(free);
        IllegalStateException e = assertThrows(IllegalStateException.class, h.world()::checkInvariants);
        assertTrue(e.getMessage().contains("concurrency over limit: 2"), e.getMessage());
    }

    @Test
    void moreIdleOnDemandEnvironmentsTakenThanThereAre() {
        broken("environment counts broken: idle -1", h -> h.world().function(0).environments().expireOldest());
    }

    @Test
    void moreIdleProvisionedThanProvisioned() {
        broken("environment counts broken", h -> {
            Environments envs = h.world().function(0).environments();
            envs.started();
            envs.returnProvisioned(0, Environments.NO_ENI); // back as provisioned, though none was made
        });
    }

    @Test
    void aBusyProvisionedEnvironmentCountedAsOnDemandGone() {
        broken("environment counts broken: idle 1, busy 0, provisioned 0/1", h -> {
            Environments envs = h.world().function(1).environments();
            envs.addProvisioned(0, Environments.NO_ENI);
            envs.takeProvisioned();
            envs.discardBusy(false); // ends an on-demand one: the busy provisioned one is left uncounted
        });
    }

    /** Two accounts with a function each on the same subnet and group: one ENI each, a sound world. */
    private static WorldHarness twoAccounts() {
        WorldHarness h = WorldHarness.standard();
        h.build.setFirstAccount("111111111111");
        h.build.addAccount("222222222222", 100);
        int a = h.function("a", List.of("subnet-1"), List.of("sg-a"));
        int b = h.build.addFunction(TestFunction.of("b", SEC, -1, 1, List.of("subnet-1"), List.of("sg-a")),
                new RandomStreams(1, 0).stream("function/b/subnet"), () -> 0L, 1);
        h.create(a, 0);
        h.create(b, 0);
        h.advanceTo(60 * SEC);
        assertEquals(2, h.world().snapshot().enis().size(), "one ENI per account on the same subnet and group");
        h.world().checkInvariants();
        return h;
    }

    private static void assertAnotherAccountsKey(WorldHarness h) {
        IllegalStateException e = assertThrows(IllegalStateException.class, h.world()::checkInvariants);
        assertTrue(e.getMessage().contains("b of account '222222222222' uses key"), e.getMessage());
    }

    @Test
    void aFunctionUsingAKeyOfAnotherAccount() {
        WorldHarness h = twoAccounts();
        h.world().function(1).setBinding(h.world().function(0).binding());
        assertAnotherAccountsKey(h);
    }

    /** The same rule for the binding a function is being attached to, and for a published version's. */
    @Test
    void anAttachmentOrAVersionOnAKeyOfAnotherAccount() {
        WorldHarness h = twoAccounts();
        h.world().function(1).setAttachment(new Attachment(Attachment.Purpose.CREATE,
                h.world().function(0).binding()));
        assertAnotherAccountsKey(h);
        WorldHarness v = twoAccounts();
        LambdaFunction b = v.world().function(1);
        Binding own = b.binding();
        b.setBinding(v.world().function(0).binding());
        b.publishVersion();
        b.setBinding(own);
        assertAnotherAccountsKey(v);
    }
}
