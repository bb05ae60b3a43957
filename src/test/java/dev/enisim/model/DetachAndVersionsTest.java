package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.eni.EniState;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.network.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Removing a function's VpcConfig, the teardowns a planner reads (what each action released), version numbers,
 * the legacy model's updates, and traffic spread over three AZs when one is down. Standard harness: create 60 s,
 * attach 5 s, delete 600 s; "db" holds a pool of 10 per environment.
 */
class DetachAndVersionsTest {

    @Test
    void removingTheVpcConfigReleasesTheKeyAndThePoolsAtOnce() {
        WorldHarness h = WorldHarness.standard();
        int f = h.warmWithPool("db");
        h.advanceTo(100 * SEC);
        assertEquals(10, h.world().snapshot().keys().get(0).connections(), "the idle environment's pool");
        h.at(100 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of(), List.of())));
        h.advanceTo(100 * SEC);
        assertEquals(LastUpdateStatus.Successful, h.world().snapshot().functions().get(f).lastUpdateStatus());
        assertEquals(0, h.world().snapshot().keys().get(0).connections(), "the pool is closed with its environment");
        assertEquals(EniState.Deleting, h.eni(1).state());
        assertEquals(0, h.users(0));
        assertTrue(h.seen.actions.contains("100s UpdateFunctionConfiguration db without VpcConfig"),
                h.seen.actions.toString());
        Teardown t = last(h);
        assertEquals("updateVpcConfig", t.action());
        assertEquals(List.of("eni-0001"), t.enis().stream().map(e -> e.name()).toList());
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC), "runs without a VPC");
        h.at(200 * SEC, new SimEvent.DeleteFunction(f));
        h.advanceTo(200 * SEC);
        assertEquals(List.of(), last(h).enis(), "deleting it releases nothing more");
        assertEquals(0, h.users(0));
    }

    /**
     * Idle reclaim is for ENIs: a function whose VpcConfig was removed after its idle check was scheduled (Active at
     * 60 s, the check due 14 days later) stays Active when that check comes, never invoked.
     */
    @Test
    void aFunctionWithoutAVpcConfigIsNotReclaimedByAnIdleCheckScheduledBefore() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.advanceTo(60 * SEC);
        assertEquals(State.Active, h.state(f));
        h.at(100 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of(), List.of())));
        h.advanceTo(WorldHarness.IDLE_AFTER + 3600 * SEC);
        assertEquals(State.Active, h.state(f), "no ENIs to reclaim: never Inactive");
    }

    private static Teardown last(WorldHarness h) {
        List<Teardown> all = h.world().snapshot().teardowns();
        return all.get(all.size() - 1);
    }

    @Test
    void anUpdateThatLeavesTheOldKeyInUseIsNoTeardown() {
        WorldHarness h = WorldHarness.standard();
        int a = h.function("a", List.of("subnet-1"), List.of("sg-a"));
        int b = h.function("b", List.of("subnet-1"), List.of("sg-a"));
        h.create(a, 0);
        h.create(b, 0);
        h.at(100 * SEC, new SimEvent.UpdateVpcConfig(a, h.vpc(List.of("subnet-2"), List.of("sg-a"))));
        h.at(200 * SEC, new SimEvent.UpdateVpcConfig(b, h.vpc(List.of(), List.of())));
        h.advanceTo(300 * SEC);
        assertEquals(EniState.Deleting, h.eni(1).state(), "b's detach released it last");
        List<Teardown> t = h.world().snapshot().teardowns();
        assertEquals(1, t.size(), "a's update released nothing: b still used the key");
        assertEquals(b, t.get(0).function());
        assertEquals(200 * SEC, t.get(0).requestedMicros());
    }

    @Test
    void aFunctionWithoutVpcConfigIsCreatedAsSuchAndVersionZeroDoesNotExist() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("plain", List.of(), List.of());
        h.create(f, 0);
        h.at(10 * SEC, new SimEvent.PublishVersion(f));
        h.at(20 * SEC, new SimEvent.PublishVersion(f));
        h.at(30 * SEC, new SimEvent.DeleteVersion(f, 0));
        h.at(40 * SEC, new SimEvent.DeleteVersion(f, 3));
        h.advanceTo(40 * SEC);
        assertEquals(List.of("0s CreateFunction plain without VpcConfig",
                "10s PublishVersion plain -> version 1, published without VpcConfig",
                "20s PublishVersion plain -> version 2, published without VpcConfig",
                "30s DeleteFunction plain:0 rejected: ResourceNotFoundException",
                "40s DeleteFunction plain:3 rejected: ResourceNotFoundException"), h.seen.actions);
        assertEquals(State.Active, h.state(f));
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> h.world().function(f).finished());
        assertEquals("plain: invocation finished with none in flight", none.getMessage());
    }

    /** Before Hyperplane a function had its own ENIs, made at cold starts: an update takes effect at once. */
    @Test
    void aLegacyUpdateSwitchesAtOnceAndTheNewSubnetsEnisComeWithColdStarts() {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT,
                new Legacy(() -> 10 * SEC, 100, 10));
        h.vpcWithSg(500);
        h.subnet("s-1", "10.0.1.0/24", "az-1");
        h.subnet("s-2", "10.0.2.0/24", "az-1");
        int f = h.function("old", 3072, List.of("s-1"), List.of("sg"), 0, 0, 0);
        h.create(f, 0);
        h.advanceTo(0);
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC)); // its ENI on s-1, made by the cold start
        h.advanceTo(20 * SEC);
        h.at(20 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("s-2"), List.of("sg"))));
        h.advanceTo(20 * SEC);
        assertEquals(LastUpdateStatus.Successful, h.world().snapshot().functions().get(f).lastUpdateStatus());
        assertEquals(EniState.Deleting, h.eni(1).state(), "s-1's ENI: nobody uses the old key");
        assertEquals(1, h.users(1), "the function uses s-2's key from now");
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC));
        assertEquals(1, h.eni(2).id().subnet(), "the next cold start makes its ENI on s-2");
    }

    @Test
    void withOneOfThreeAzsDownTrafficSpreadsOverTheOtherTwo() {
        WorldHarness h = WorldHarness.standard();
        h.build.addSubnet("vpc-1", "subnet-3", Cidr.parse("10.0.3.0/24"), "az-3", 0);
        int f = h.function("wide", List.of("subnet-1", "subnet-2", "subnet-3"), List.of("sg-a"));
        h.create(f, 0);
        h.at(100 * SEC, new SimEvent.AzAvailability(1, true)); // az-2
        h.advanceTo(100 * SEC);
        for (int i = 0; i < 20; i++) {
            assertEquals(Outcome.SUCCESS, h.invoke(f, 50 * SEC));
        }
        int[] perKey = new int[3];
        for (int k = 0; k < 3; k++) {
            perKey[k] = h.world().snapshot().keys().get(k).connections();
        }
        assertEquals(0, perKey[1], "az-2 is down");
        assertEquals(20, perKey[0] + perKey[2]);
        assertTrue(perKey[0] > 0 && perKey[2] > 0, perKey[0] + " / " + perKey[2]);
    }
}
