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
import org.junit.jupiter.api.Test;

/**
 * The control-plane calls a planner's timeline makes, and what Lambda answers when a call does not fit the function's
 * state (domain.md section 2): a second CreateFunction, an update while Pending or updating, PublishVersion and
 * DeleteFunction of a version that does not exist, an update of an Inactive function, and the six-minute rule for a
 * restore that hangs. Standard harness: create 60 s, attach 5 s, delete 600 s; subnet-1 8 free IPs, subnet-2 251.
 */
class LifecycleRulesTest {

    private static void assertAction(WorldHarness h, String expected) {
        assertTrue(h.seen.actions.contains(expected), () -> "no '" + expected + "' in " + h.seen.actions);
    }

    @Test
    void aSecondCreateFunctionIsRejectedAndChangesNothing() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.create(f, 10 * SEC);
        h.create(f, 70 * SEC);
        h.advanceTo(10 * SEC);
        assertAction(h, "10s CreateFunction api rejected: ResourceConflictException (it exists)");
        assertEquals(State.Pending, h.state(f));
        h.advanceTo(70 * SEC);
        assertAction(h, "70s CreateFunction api rejected: ResourceConflictException (it exists)");
        assertEquals(State.Active, h.state(f));
        assertEquals(1, h.world().snapshot().enis().size());
        assertEquals(1, h.users(0), "the function counts once");
    }

    @Test
    void anUpdateIsRefusedBeforeCreationWhilePendingAndWhileAnotherUpdateRuns() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("api", List.of("subnet-1"), List.of("sg-a"));
        h.at(0, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-2"), List.of("sg-a"))));
        h.create(f, 10 * SEC);
        h.at(20 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-2"), List.of("sg-a"))));
        h.at(100 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-2"), List.of("sg-a"))));
        h.at(110 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-1"), List.of("sg-b"))));
        h.advanceTo(110 * SEC);
        assertAction(h, "0s UpdateFunctionConfiguration api rejected: ResourceNotFoundException");
        assertAction(h, "20s UpdateFunctionConfiguration api rejected: ResourceConflictException (function Pending)");
        assertAction(h, "100s UpdateFunctionConfiguration api with subnets subnet-2 and security groups [sg-a]");
        assertAction(h, "110s UpdateFunctionConfiguration api rejected: ResourceConflictException (function Active,"
                + " update in progress)");
        assertEquals(2, h.world().snapshot().enis().size(), "only the first accepted update made an ENI");
        h.advanceTo(160 * SEC);
        assertEquals(LastUpdateStatus.Successful, h.world().snapshot().functions().get(f).lastUpdateStatus());
        assertEquals(List.of(1), java.util.Arrays.stream(h.world().function(f).binding().keys()).boxed().toList(),
                "subnet-2's key, not sg-b's");
        assertEquals(EniState.Deleting, h.eni(1).state(), "the old key lost its only user");
    }

    @Test
    void anUpdateOfAnInactiveFunctionSwitchesAtOnceAndItsRestoreUsesTheNewSubnet() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.advanceTo(15 * DAY);
        assertEquals(State.Inactive, h.state(f), "idle since 60 s: Inactive at 14 d + 60 s");
        assertEquals(EniState.Deleted, h.eni(1).state());
        h.at(15 * DAY, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-2"), List.of("sg-a"))));
        h.advanceTo(15 * DAY);
        assertEquals(LastUpdateStatus.Successful, h.world().snapshot().functions().get(f).lastUpdateStatus(),
                "nothing to wait for: an Inactive function makes its ENIs when restored");
        assertEquals(1, h.world().snapshot().enis().size(), "no ENI made for the update");
        assertEquals(0, h.users(1), "nor a user counted on the new key");
        assertEquals(Outcome.RESOURCE_NOT_READY, h.invoke(f, SEC));
        assertEquals(State.Pending, h.state(f));
        assertEquals(1, h.eni(2).id().subnet(), "the restore's ENI is in subnet-2");
        assertEquals(250, h.availableIps(1));
        assertEquals(8, h.availableIps(0));
        h.advanceTo(15 * DAY + 60 * SEC);
        assertEquals(State.Active, h.state(f));
    }

    /** ENIs take 10 min to create here, so a restore is still Pending after the six minutes of the rule. */
    @Test
    void aRestorePendingForMoreThanSixMinutesIsCancelledByAnUpdateAndGivesItsKeyBack() {
        WorldHarness h = WorldHarness.standard(600 * SEC, ProvisionedAllocation.DEFAULT);
        int f = h.createdApi();
        h.advanceTo(15 * DAY);
        assertEquals(State.Inactive, h.state(f));
        assertEquals(Outcome.RESOURCE_NOT_READY, h.invoke(f, SEC)); // restore: ENI 2 ready at 15 d + 600 s
        h.at(15 * DAY + 360 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-1"), List.of("sg-a"))));
        h.at(15 * DAY + 361 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-1"), List.of("sg-a"))));
        h.advanceTo(15 * DAY + 360 * SEC);
        long at = 15 * 86_400;
        assertAction(h, (at + 360) + "s UpdateFunctionConfiguration api rejected: ResourceConflictException"
                + " (function Pending)");
        assertEquals(State.Pending, h.state(f), "exactly six minutes: not yet");
        h.advanceTo(15 * DAY + 361 * SEC);
        assertAction(h, (at + 361) + "s UpdateFunctionConfiguration api after 361 s Pending: Lambda cancels the"
                + " pending operation");
        assertEquals(State.Failed, h.state(f));
        assertEquals(StateReasonCode.InternalError, h.world().snapshot().functions().get(f).reason());
        assertEquals(0, h.users(0), "the cancelled restore no longer holds the key");
        assertEquals(Outcome.RESOURCE_CONFLICT, h.invoke(f, SEC));
        h.advanceTo(15 * DAY + 600 * SEC);
        assertEquals(EniState.Deleting, h.eni(2).state(), "ready with no user: deleted at once");
        h.advanceTo(15 * DAY + 1200 * SEC);
        assertEquals(EniState.Deleted, h.eni(2).state());
        assertEquals(8, h.availableIps(0));
    }

    @Test
    void anInvocationOfAFunctionThatIsNotActiveGetsTheErrorOfItsState() {
        WorldHarness h = WorldHarness.standard();
        int full = h.function("full", List.of("subnet-1"), List.of("sg-a"));
        int denied = h.function("denied", List.of("subnet-2"), List.of("sg-b"));
        int gone = h.function("gone", List.of(), List.of());
        h.advanceTo(0);
        assertEquals(Outcome.RESOURCE_NOT_FOUND, h.invoke(gone, SEC), "never created");
        h.at(0, new SimEvent.SetOtherUsedIps(0, 11));
        h.at(0, new SimEvent.SetRolePermissions(1, false, false));
        h.create(full, 10 * SEC);
        h.create(denied, 10 * SEC);
        h.create(gone, 10 * SEC);
        h.at(20 * SEC, new SimEvent.DeleteFunction(gone));
        h.advanceTo(20 * SEC);
        assertEquals(State.Failed, h.state(full));
        assertEquals(Outcome.SUBNET_IP_LIMIT_REACHED, h.invoke(full, SEC));
        assertEquals(State.Failed, h.state(denied));
        assertEquals(Outcome.EC2_ACCESS_DENIED, h.invoke(denied, SEC));
        assertEquals(Outcome.RESOURCE_NOT_FOUND, h.invoke(gone, SEC), "deleted");
        assertEquals(0, h.world().accountInFlight());
    }

    @Test
    void aVersionPinsTheOldKeyThroughAnUpdateUntilItIsDeleted() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("api", List.of("subnet-1"), List.of("sg-a"));
        h.at(0, new SimEvent.PublishVersion(f));
        h.create(f, 0);
        h.at(30 * SEC, new SimEvent.PublishVersion(f));
        h.at(100 * SEC, new SimEvent.PublishVersion(f));
        h.at(200 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-2"), List.of("sg-a"))));
        h.at(300 * SEC, new SimEvent.DeleteVersion(f, 2));
        h.at(400 * SEC, new SimEvent.DeleteVersion(f, 1));
        h.at(500 * SEC, new SimEvent.DeleteVersion(f, 1));
        h.advanceTo(100 * SEC);
        assertAction(h, "0s PublishVersion api rejected: ResourceConflictException (function null)");
        assertAction(h, "30s PublishVersion api rejected: ResourceConflictException (function Pending)");
        assertAction(h, "100s PublishVersion api -> version 1, published with subnets subnet-1 and security groups"
                + " [sg-a]; it keeps their ENIs while it exists");
        assertEquals(2, h.users(0), "the function and version 1");
        h.advanceTo(399 * SEC);
        assertAction(h, "300s DeleteFunction api:2 rejected: ResourceNotFoundException");
        assertEquals(EniState.InUse, h.eni(1).state(), "version 1 still uses subnet-1's key after the update");
        assertEquals(1, h.users(0));
        h.advanceTo(500 * SEC);
        assertAction(h, "400s DeleteFunction api:1");
        assertAction(h, "500s DeleteFunction api:1 rejected: ResourceNotFoundException");
        assertEquals(EniState.Deleting, h.eni(1).state());
        Teardown t = h.world().snapshot().teardowns().get(h.world().snapshot().teardowns().size() - 1);
        assertEquals("deleteVersion 1", t.action());
        assertEquals(400 * SEC, t.requestedMicros());
        assertEquals(List.of("eni-0001"), t.enis().stream().map(e -> e.name()).toList());
        h.advanceTo(1000 * SEC);
        assertEquals(EniState.Deleted, h.eni(1).state());
        assertEquals(8, h.availableIps(0));
    }

    @Test
    void deletingAFunctionReleasesItsVersionsKeysAndIsRecordedAsOneTeardown() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.at(100 * SEC, new SimEvent.PublishVersion(f));
        h.at(200 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-2"), List.of("sg-a"))));
        h.at(300 * SEC, new SimEvent.DeleteFunction(f));
        h.at(310 * SEC, new SimEvent.DeleteFunction(f));
        h.advanceTo(310 * SEC);
        assertAction(h, "310s DeleteFunction api rejected: ResourceNotFoundException");
        assertEquals(EniState.Deleting, h.eni(1).state(), "version 1's key");
        assertEquals(EniState.Deleting, h.eni(2).state(), "the function's own key");
        assertEquals(0, h.users(0));
        assertEquals(0, h.users(1));
        List<Teardown> teardowns = h.world().snapshot().teardowns();
        Teardown t = teardowns.get(teardowns.size() - 1);
        assertEquals("deleteFunction", t.action());
        assertEquals(List.of("eni-0002", "eni-0001"), t.enis().stream().map(e -> e.name()).toList(),
                "its own key first, then its versions'");
        h.advanceTo(900 * SEC);
        assertEquals(8, h.availableIps(0));
        assertEquals(251, h.availableIps(1));
    }
}
