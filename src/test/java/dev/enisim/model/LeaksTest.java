package dev.enisim.model;

import static dev.enisim.model.WorldHarness.DAY;
import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.eni.EniState;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * What a capacity planner depends on when a function goes away or its permissions change: every IP, quota slot
 * and port comes back, at the right time, and no sooner. Each test fails if the model stops doing one thing
 * (issue 21's hand-applied mutants). subnet-1 is a /28 with 3 IPs used by others: 8 available; ENIs take 60 s to
 * create and 600 s to delete; the retry back-off is 300 s.
 */
class LeaksTest {

    private static int available(WorldHarness h, int subnet) {
        return h.world().snapshot().subnets().get(subnet).availableIps();
    }

    private static int keyConnections(WorldHarness h, int key) {
        return h.world().snapshot().keys().get(key).connections();
    }

    /**
     * A function deleted while it attaches to a key's ENI (attach 5 s): the attachment's completion, arriving after
     * the deletion, changes nothing: the function stays deleted and the key keeps its one other user and its ENI.
     */
    @Test
    void anAttachmentCompletingAfterItsFunctionWasDeletedChangesNothing() {
        WorldHarness h = WorldHarness.standard();
        int a = h.function("api", List.of("subnet-1"), List.of("sg-a"));
        int b = h.function("worker", List.of("subnet-1"), List.of("sg-a"));
        h.create(a, 0);
        h.create(b, 100 * SEC);
        h.at(102 * SEC, new SimEvent.DeleteFunction(b));
        h.advanceTo(200 * SEC);
        h.world().checkInvariants();
        assertEquals(State.Deleted, h.state(b));
        assertEquals(State.Active, h.state(a));
        assertEquals(1, h.users(0), "api alone");
        assertEquals(EniState.InUse, h.eni(1).state());
    }

    @Test
    void anEniFinishingItsCreationAfterItsFunctionWasDeletedIsDeleted() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.at(10 * SEC, new SimEvent.DeleteFunction(f));
        h.advanceTo(59 * SEC);
        assertEquals(EniState.Creating, h.eni(1).state());
        h.advanceTo(60 * SEC);
        assertEquals(EniState.Deleting, h.eni(1).state(), "its users left while it was created");
        assertEquals(7, available(h, 0));
        h.advanceTo(660 * SEC);
        assertEquals(EniState.Deleted, h.eni(1).state());
        assertEquals(8, available(h, 0), "its IP comes back");
        assertEquals(0, h.world().snapshot().vpcs().get(0).enis(), "and its quota slot");
    }

    @Test
    void aFailedCreationBacksTheKeyOffAndTheNextFunctionWaitsItOut() {
        WorldHarness h = WorldHarness.standard();
        int first = h.function("first", List.of("subnet-1"), List.of("sg-a"));
        int second = h.function("second", List.of("subnet-1"), List.of("sg-a"));
        h.at(0, new SimEvent.SetOtherUsedIps(0, 11)); // the /28 is full
        h.create(first, 10 * SEC);
        h.at(20 * SEC, new SimEvent.SetOtherUsedIps(0, 3)); // addresses free up at once
        h.create(second, 100 * SEC);
        h.advanceTo(100 * SEC);
        assertEquals(State.Failed, h.state(first));
        assertEquals(StateReasonCode.SubnetOutOfIPAddresses, h.world().snapshot().functions().get(first).reason());
        assertEquals(State.Failed, h.state(second), "within the back-off (10 s + 300 s) Lambda does not try again");
        assertEquals(StateReasonCode.SubnetOutOfIPAddresses, h.world().snapshot().functions().get(second).reason());
        assertEquals(0, h.world().snapshot().enis().size());
        h.at(310 * SEC, new SimEvent.DeleteFunction(second));
        h.at(310 * SEC, new SimEvent.CreateFunction(second));
        h.advanceTo(310 * SEC);
        assertEquals(State.Pending, h.state(second), "the back-off has passed: an ENI is being created");
        assertEquals(1, h.world().snapshot().enis().size());
        h.advanceTo(370 * SEC);
        assertEquals(State.Active, h.state(second));
    }

    @Test
    void anEniIsNotDeletedWhileConnectionsAreStillOpenOnIt() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 800 * SEC)); // runs until 860 s
        h.at(100 * SEC, new SimEvent.DeleteFunction(f));
        h.advanceTo(859 * SEC);
        assertEquals(EniState.Deleting, h.eni(1).state(), "deletion (done at 700 s) waits for the connection");
        assertEquals(1, h.eni(1).connections());
        assertEquals(7, available(h, 0));
        h.advanceTo(861 * SEC);
        assertEquals(EniState.Deleted, h.eni(1).state(), "deleted when the connection closes, the delay passed");
        assertEquals(OptionalLong.of(860 * SEC), h.eni(1).endedMicros(), "at the invocation's end, not on a 1 s poll");
        assertEquals(8, available(h, 0));
    }

    @Test
    void aFunctionDeletedMidUpdateReleasesTheNewKey() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.at(100 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-2"), List.of("sg-a"))));
        h.at(120 * SEC, new SimEvent.DeleteFunction(f));
        h.advanceTo(160 * SEC);
        assertEquals(EniState.Deleting, h.eni(1).state());
        assertEquals(EniState.Deleting, h.eni(2).state(), "the update's new ENI has no user once it is ready");
        assertEquals(0, h.world().snapshot().keys().get(1).connections());
        h.advanceTo(760 * SEC);
        assertEquals(EniState.Deleted, h.eni(2).state());
        assertEquals(251, available(h, 1), "subnet-2 (/24) has all its addresses back");
        assertEquals(8, available(h, 0));
    }

    /** "db" holds a pool of 10 connections per environment on subnet-1's ENI (key 0). */
    private static WorldHarness databaseFunction(int provisioned) {
        return databaseFunction(provisioned, ProvisionedAllocation.DEFAULT);
    }

    private static WorldHarness databaseFunction(int provisioned, ProvisionedAllocation provisioning) {
        WorldHarness h = WorldHarness.standard(provisioning);
        int f = h.function("db", 128, List.of("subnet-1"), List.of("sg-a"), 10, provisioned, 0);
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(State.Active, h.state(f));
        return h;
    }

    @Test
    void deletingAFunctionReleasesThePoolsOfItsIdleEnvironments() {
        WorldHarness h = databaseFunction(0);
        assertEquals(Outcome.SUCCESS, h.invoke(0, SEC));
        h.advanceTo(62 * SEC);
        assertEquals(10, keyConnections(h, 0), "the idle environment keeps its pool open");
        h.at(100 * SEC, new SimEvent.DeleteFunction(0));
        h.advanceTo(100 * SEC);
        assertEquals(0, keyConnections(h, 0));
        h.advanceTo(700 * SEC);
        assertEquals(EniState.Deleted, h.eni(1).state());
        assertEquals(8, available(h, 0));
    }

    @Test
    void anUpdateReleasesThePoolsOfIdleAndBusyEnvironmentsOnTheOldKey() {
        WorldHarness h = databaseFunction(0);
        assertEquals(Outcome.SUCCESS, h.invoke(0, SEC));
        assertEquals(Outcome.SUCCESS, h.invoke(0, 300 * SEC)); // busy across the update, ends at 360 s
        h.advanceTo(62 * SEC);
        assertEquals(2 * 10 + 1, keyConnections(h, 0), "2 pools + the busy invocation's own connection");
        h.at(100 * SEC, new SimEvent.UpdateVpcConfig(0, h.vpc(List.of("subnet-2"), List.of("sg-a"))));
        h.advanceTo(160 * SEC);
        assertEquals(11, keyConnections(h, 0), "the idle pool is closed when the new key is in use");
        h.advanceTo(360 * SEC);
        assertEquals(0, keyConnections(h, 0), "the busy environment's pool when its invocation ends");
        h.advanceTo(761 * SEC);
        assertEquals(EniState.Deleted, h.eni(1).state());
        assertEquals(8, available(h, 0));
    }

    /** With {@code keepsFunctionActive: false} (by default provisioned concurrency keeps the function Active). */
    @Test
    void idleReclaimReleasesTheProvisionedEnvironmentsPools() {
        WorldHarness h = databaseFunction(2, new ProvisionedAllocation(90 * SEC, 6000, false));
        assertEquals(20, keyConnections(h, 0));
        h.advanceTo(60 * SEC + 14 * DAY);
        assertEquals(State.Inactive, h.state(0));
        assertEquals(0, keyConnections(h, 0));
        h.advanceTo(60 * SEC + 14 * DAY + 600 * SEC);
        assertEquals(EniState.Deleted, h.eni(1).state());
        assertEquals(8, available(h, 0));
    }

    @Test
    void reservedConcurrencyZeroThrottlesEveryInvocation() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("off", List.of(), List.of(), 0, 1);
        h.create(f, 0);
        h.advanceTo(1);
        assertEquals(Outcome.THROTTLED_RESERVED, h.invoke(f, SEC));
        assertEquals(0, h.world().accountInFlight());
    }

    @Test
    void aRoleGrantedItsPermissionsAgainDeletesItsEnisNormally() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.at(100 * SEC, new SimEvent.SetRolePermissions(0, false, false));
        h.at(200 * SEC, new SimEvent.SetRolePermissions(0, true, false));
        h.at(300 * SEC, new SimEvent.DeleteFunction(f));
        h.advanceTo(900 * SEC);
        assertEquals(EniState.Deleted, h.eni(1).state(), "not orphaned: the role has its permissions back");
        assertEquals(8, available(h, 0));
        h.at(1000 * SEC, new SimEvent.CreateFunction(f));
        h.advanceTo(1060 * SEC);
        assertEquals(State.Active, h.state(f), "and may create ENIs again");
    }

    /**
     * "a" on subnet-1 and "b" on subnet-2, their roles deleted at 100 s, the functions at 200 s: their ENIs (1 and 2)
     * are orphaned at the request (200 s), the roles having lost their EC2 permissions.
     */
    static WorldHarness orphanInEachSubnet() {
        WorldHarness h = WorldHarness.standard();
        int a = h.function("a", List.of("subnet-1"), List.of("sg-a"));
        int b = h.function("b", List.of("subnet-2"), List.of("sg-a"));
        h.create(a, 0);
        h.create(b, 0);
        h.at(100 * SEC, new SimEvent.SetRolePermissions(0, false, true));
        h.at(100 * SEC, new SimEvent.SetRolePermissions(1, false, true));
        h.at(200 * SEC, new SimEvent.DeleteFunction(a));
        h.at(200 * SEC, new SimEvent.DeleteFunction(b));
        return h;
    }

    @Test
    void deletingOrphansInOneSubnetLeavesTheOthers() {
        WorldHarness h = orphanInEachSubnet();
        h.advanceTo(800 * SEC);
        assertEquals(EniState.Orphaned, h.eni(1).state());
        assertEquals(EniState.Orphaned, h.eni(2).state());
        h.at(900 * SEC, new SimEvent.DeleteOrphanedEnis(OptionalInt.of(1)));
        h.advanceTo(900 * SEC);
        assertEquals(EniState.Orphaned, h.eni(1).state(), "subnet-1's orphan is not touched");
        assertEquals(EniState.Deleted, h.eni(2).state());
        assertEquals(7, available(h, 0));
        assertEquals(251, available(h, 1));
        String orphan = "900s " + h.eni(1).id().name() + " ";
        String deleted = "900s " + h.eni(2).id().name() + " ";
        assertTrue(h.log.stream().anyMatch(l -> l.startsWith(deleted)), "subnet-2's orphan logged: " + h.log);
        assertTrue(h.log.stream().noneMatch(l -> l.startsWith(orphan)), "subnet-1's orphan not logged: " + h.log);
        h.at(1000 * SEC, new SimEvent.DeleteOrphanedEnis(OptionalInt.empty()));
        h.advanceTo(1000 * SEC);
        assertEquals(EniState.Deleted, h.eni(1).state());
        assertEquals(8, available(h, 0));
        assertFalse(h.world().snapshot().vpcs().get(0).enis() > 0);
    }

    @Test
    void theEc2TokenBucketRefillsFromItsLastUseNotFromTimeZero() {
        TokenBucket bucket = new TokenBucket(2, 1);
        long t = 100 * SEC;
        assertTrue(bucket.tryTake(t));
        assertTrue(bucket.tryTake(t));
        assertFalse(bucket.tryTake(t), "empty at 100 s");
        assertFalse(bucket.tryTake(t + SEC / 2), "half a token 0.5 s later");
        assertTrue(bucket.tryTake(t + SEC), "one token 1 s after it was emptied");
        assertFalse(bucket.tryTake(t + SEC));
        assertTrue(bucket.tryTake(t + 10 * SEC));
        assertTrue(bucket.tryTake(t + 10 * SEC), "full (2) after 9 s, never more");
        assertFalse(bucket.tryTake(t + 10 * SEC));
    }
}
