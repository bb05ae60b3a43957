package dev.enisim.model;

import static dev.enisim.model.WorldHarness.DAY;
import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.eni.EniState;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** One test per lifecycle rule of domain.md section 2 (create 60 s, attach 5 s, delete 600 s, idle 14 d). */
class LifecycleTest {

    private static WorldHarness activeFunction(String... groups) {
        return activeFunction(List.of(groups), List.of());
    }

    /** "api" Active at 60 s; {@code others} (on subnet-1 and sg-a, functions 1, 2...) added but not yet created. */
    private static WorldHarness activeFunction(List<String> groups, List<String> others) {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("api", List.of("subnet-1"), groups);
        for (String o : others) {
            h.function(o, List.of("subnet-1"), List.of("sg-a"));
        }
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(State.Active, h.state(f));
        return h;
    }

    @Test
    void idleFunctionGoesInactiveAndItsUnsharedEniIsDeleted() {
        WorldHarness h = activeFunction("sg-a");
        h.advanceTo(60 * SEC + 14 * DAY);
        assertEquals(State.Inactive, h.state(0));
        assertEquals(StateReasonCode.Idle, h.world().snapshot().functions().get(0).reason());
        assertEquals(EniState.Deleting, h.eni(1).state());
        assertEquals(7, h.world().snapshot().subnets().get(0).availableIps(), "the IP is freed only when deletion finishes");
        h.advanceTo(60 * SEC + 14 * DAY + 600 * SEC);
        assertEquals(EniState.Deleted, h.eni(1).state());
        assertEquals(8, h.world().snapshot().subnets().get(0).availableIps());
    }

    @Test
    void invocationsPostponeIdleReclaim() {
        WorldHarness h = activeFunction("sg-a");
        h.advanceTo(10 * DAY);
        assertEquals(Outcome.SUCCESS, h.invoke(0, SEC));
        h.advanceTo(20 * DAY);
        assertEquals(State.Active, h.state(0), "last invoked on day 10: idle only from day 24");
        h.advanceTo(24 * DAY + 1);
        assertEquals(State.Inactive, h.state(0));
    }

    @Test
    void theFirstInvocationAfterIdleFailsAndRestoresTheFunction() {
        WorldHarness h = activeFunction("sg-a");
        h.advanceTo(30 * DAY);
        assertEquals(Outcome.RESOURCE_NOT_READY, h.invoke(0, SEC));
        assertEquals(State.Pending, h.state(0));
        assertEquals(StateReasonCode.Restoring, h.world().snapshot().functions().get(0).reason());
        assertEquals(Outcome.RESOURCE_NOT_READY, h.invoke(0, SEC), "invocations during restore fail the same way");
        assertEquals(2, h.world().snapshot().enis().size(), "the old ENI was deleted: a new one is created");
        h.advanceTo(30 * DAY + 60 * SEC);
        assertEquals(State.Active, h.state(0));
        assertEquals(Outcome.SUCCESS, h.invoke(0, SEC));
    }

    @Test
    void aSharedKeyKeepsItsEniWhenOneUserGoesIdle() {
        WorldHarness h = activeFunction(List.of("sg-a"), List.of("busy"));
        int other = 1;
        h.create(other, 60 * SEC);
        for (long d = 1; d <= 20; d++) {
            h.advanceTo(d * DAY);
            h.invoke(other, SEC);
        }
        assertEquals(State.Inactive, h.state(0));
        assertEquals(EniState.InUse, h.eni(1).state(), "busy still uses the key");
        h.invoke(0, SEC);
        h.advanceTo(20 * DAY + 5 * SEC);
        assertEquals(State.Active, h.state(0), "restore attaches to the existing ENI in 5 s");
        assertEquals(1, h.world().snapshot().enis().size());
    }

    @Test
    void aPublishedVersionPinsItsKeyThroughIdleAndTheEniIsKept() {
        WorldHarness h = activeFunction("sg-a");
        h.at(61 * SEC, new SimEvent.PublishVersion(0));
        h.advanceTo(15 * DAY);
        assertEquals(State.Inactive, h.state(0));
        assertEquals(EniState.InUse, h.eni(1).state());
        h.at(15 * DAY, new SimEvent.DeleteVersion(0, 1));
        h.advanceTo(15 * DAY);
        assertEquals(EniState.Deleting, h.eni(1).state());
    }

    @Test
    void restoringFailsBackToInactiveWhenTheSubnetIsFull() {
        WorldHarness h = activeFunction("sg-a");
        h.advanceTo(15 * DAY);
        h.at(15 * DAY, new SimEvent.SetOtherUsedIps(0, 11));
        h.advanceTo(16 * DAY);
        assertEquals(11, h.world().snapshot().subnets().get(0).otherUsedIps());
        assertEquals(Outcome.RESOURCE_NOT_READY, h.invoke(0, SEC));
        assertEquals(State.Inactive, h.state(0), "restoring failed: back to Inactive");
        assertTrue(h.log.contains("1382400s api Inactive/SubnetOutOfIPAddresses"), h.log.toString());
        assertEquals(StateReasonCode.SubnetOutOfIPAddresses,
                h.world().snapshot().functions().get(0).reason(), "the cause, not Idle");
    }

    @Test
    void vpcUpdateKeepsTheOldEnisUntilTheNewOnesAreReadyThenReleasesThem() {
        WorldHarness h = activeFunction("sg-a");
        h.at(100 * SEC, new SimEvent.UpdateVpcConfig(0, h.vpc(List.of("subnet-2"), List.of("sg-a"))));
        h.advanceTo(100 * SEC);
        assertEquals(LastUpdateStatus.InProgress, h.world().snapshot().functions().get(0).lastUpdateStatus());
        assertEquals(State.Active, h.state(0));
        assertEquals(Outcome.SUCCESS, h.invoke(0, 50 * SEC));
        assertEquals(1, h.eni(1).connections(), "still on the old key's ENI");
        h.advanceTo(160 * SEC);
        assertEquals(LastUpdateStatus.Successful, h.world().snapshot().functions().get(0).lastUpdateStatus());
        assertEquals(EniState.Deleting, h.eni(1).state());
        h.invoke(0, SEC);
        assertEquals(1, h.eni(2).connections(), "now on the new key");
        h.advanceTo(160 * SEC + 600 * SEC);
        assertEquals(EniState.Deleted, h.eni(1).state(), "deleted once its in-flight connection is gone");
    }

    @Test
    void aFailedUpdateLeavesTheFunctionOnItsOldConfig() {
        WorldHarness h = activeFunction("sg-a");
        h.at(100 * SEC, new SimEvent.SetOtherUsedIps(0, 10));
        h.at(100 * SEC, new SimEvent.UpdateVpcConfig(0, h.vpc(List.of("subnet-1"), List.of("sg-b"))));
        h.advanceTo(100 * SEC);
        assertEquals(LastUpdateStatus.Failed, h.world().snapshot().functions().get(0).lastUpdateStatus());
        assertEquals(StateReasonCode.SubnetOutOfIPAddresses, h.world().function(0).lastUpdateReason());
        assertEquals(List.of("sg-a"), h.world().function(0).binding().securityGroupIds());
        assertEquals(Outcome.SUCCESS, h.invoke(0, SEC));
    }

    @Test
    void detachingReleasesTheKeyAtOnce() {
        WorldHarness h = activeFunction("sg-a");
        h.at(100 * SEC, new SimEvent.UpdateVpcConfig(0, h.vpc(List.of(), List.of())));
        h.advanceTo(100 * SEC);
        assertEquals(LastUpdateStatus.Successful, h.world().snapshot().functions().get(0).lastUpdateStatus());
        assertEquals(EniState.Deleting, h.eni(1).state());
        assertEquals(Outcome.SUCCESS, h.invoke(0, SEC));
    }

    @Test
    void deletionFreesTheIpOnlyAfterTheDeletionDelay() {
        WorldHarness h = activeFunction("sg-a");
        h.at(100 * SEC, new SimEvent.DeleteFunction(0));
        h.advanceTo(699 * SEC);
        assertEquals(State.Deleted, h.state(0));
        assertEquals(Outcome.RESOURCE_NOT_FOUND, h.invoke(0, SEC));
        assertEquals(EniState.Deleting, h.eni(1).state());
        assertEquals(7, h.world().snapshot().subnets().get(0).availableIps());
        h.advanceTo(700 * SEC);
        assertEquals(EniState.Deleted, h.eni(1).state());
        assertEquals(8, h.world().snapshot().subnets().get(0).availableIps());
        assertEquals(1, h.world().snapshot().teardowns().size());
        assertEquals(100 * SEC, h.world().snapshot().teardowns().get(0).requestedMicros());
    }

    @Test
    void aKeyReusedBeforeDeletionFinishesKeepsItsEni() {
        WorldHarness h = activeFunction(List.of("sg-a"), List.of("again"));
        int again = 1;
        h.at(100 * SEC, new SimEvent.DeleteFunction(0));
        h.create(again, 300 * SEC);
        h.advanceTo(305 * SEC);
        assertEquals(EniState.InUse, h.eni(1).state());
        assertEquals(State.Active, h.state(again));
        h.advanceTo(2000 * SEC);
        assertEquals(EniState.InUse, h.eni(1).state(), "the stale deletion did nothing");
        assertEquals(1, h.world().snapshot().enis().size());
    }

    @Test
    void anEniWhoseRoleLostItsPermissionsIsOrphanedAndKeepsItsIpUntilDeletedByHand() {
        WorldHarness h = activeFunction("sg-a");
        h.at(100 * SEC, new SimEvent.SetRolePermissions(0, false, true));
        h.advanceTo(200 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(0, SEC), "invocations do not need the role's EC2 permissions");
        h.at(200 * SEC, new SimEvent.DeleteFunction(0));
        h.advanceTo(900 * SEC);
        assertEquals(EniState.Orphaned, h.eni(1).state());
        assertEquals(7, h.world().snapshot().subnets().get(0).availableIps(), "an orphan keeps its IP");
        assertEquals(1, h.world().snapshot().vpcs().get(0).enis(), "and its quota slot");
        h.at(1000 * SEC, new SimEvent.DeleteOrphanedEnis(OptionalInt.empty()));
        h.advanceTo(1000 * SEC);
        assertEquals(EniState.Deleted, h.eni(1).state());
        assertEquals(8, h.world().snapshot().subnets().get(0).availableIps());
    }

    @Test
    void creatingAnEniWithoutPermissionsFailsTheFunction() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("api", List.of("subnet-1"), List.of("sg-a"));
        h.at(0, new SimEvent.SetRolePermissions(0, false, false));
        h.create(f, 0);
        h.advanceTo(1);
        assertEquals(State.Failed, h.state(f));
        assertEquals(StateReasonCode.InsufficientRolePermissions, h.world().snapshot().functions().get(f).reason());
        assertEquals(Outcome.EC2_ACCESS_DENIED, h.invoke(f, SEC));
    }

    @Test
    void anAzOutageSendsTrafficToHealthyAzsAndFailsSingleAzFunctions() {
        WorldHarness h = WorldHarness.standard();
        int both = h.function("both", List.of("subnet-1", "subnet-2"), List.of("sg-a"));
        int one = h.function("one", List.of("subnet-1"), List.of("sg-b"));
        h.create(both, 0);
        h.create(one, 0);
        h.at(100 * SEC, new SimEvent.AzAvailability(0, true));
        h.at(200 * SEC, new SimEvent.AzAvailability(0, false));
        h.advanceTo(100 * SEC);
        for (int i = 0; i < 50; i++) {
            assertEquals(Outcome.SUCCESS, h.invoke(both, 10 * SEC));
            assertEquals(Outcome.SERVICE_EXCEPTION, h.invoke(one, SEC));
        }
        assertEquals(0, h.world().snapshot().keys().get(0).connections(), "nothing goes to the AZ that is down");
        assertEquals(50, h.world().snapshot().keys().get(1).connections());
        h.advanceTo(200 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(one, SEC));
    }

    @Test
    void aFailedFunctionCanOnlyBeDeletedThenRecreated() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("api", List.of("subnet-1"), List.of("sg-a"));
        h.at(0, new SimEvent.SetOtherUsedIps(0, 11));
        h.create(f, 0);
        h.at(10 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-2"), List.of("sg-a"))));
        h.at(20 * SEC, new SimEvent.DeleteFunction(f));
        h.at(30 * SEC, new SimEvent.CreateFunction(f, h.vpc(List.of("subnet-2"), List.of("sg-a"))));
        h.advanceTo(30 * SEC);
        assertEquals(State.Pending, h.state(f));
        h.advanceTo(90 * SEC);
        assertEquals(State.Active, h.state(f));
        assertEquals(List.of("0s api Pending/Creating", "0s api Failed/SubnetOutOfIPAddresses", "20s api Deleted",
                "30s api Pending/Creating", "30s eni-0001 Creating", "90s eni-0001 InUse", "90s api Active"), h.log);
    }

    @Test
    void anExistingFunctionStartsActiveWithItsEnisOrInactive() {
        WorldHarness h = WorldHarness.standard();
        int live = h.function("live", List.of("subnet-1", "subnet-2"), List.of("sg-a"));
        int idle = h.function("idle", List.of("subnet-2"), List.of("sg-b"));
        h.at(0, new SimEvent.ExistingFunction(live, true));
        h.at(0, new SimEvent.ExistingFunction(idle, false));
        h.advanceTo(0);
        assertEquals(State.Active, h.state(live));
        assertEquals(2, h.world().snapshot().enis().size());
        assertEquals(EniState.InUse, h.eni(1).state(), "in place at once, not after eniCreateTime");
        assertEquals(Outcome.SUCCESS, h.invoke(live, SEC));
        assertEquals(State.Inactive, h.state(idle));
        assertEquals(Outcome.RESOURCE_NOT_READY, h.invoke(idle, SEC));
        assertEquals(State.Pending, h.state(idle));
    }
}
