package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniKey;
import dev.enisim.model.eni.EniState;
import dev.enisim.model.network.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The owners of the counts a capacity planner reads, on their own: the Region's network interfaces, a VPC's ENI
 * quota, a subnet's addresses, an ENI's ports and a key's ENIs. Each is filled to its limit by hand and must refuse
 * the next one, give back exactly what was taken, and refuse to give back what it does not hold.
 */
class CountersTest {

    @Test
    void theRegionCountsLambdasAndOtherServicesEnisUpToItsLimit() {
        assertThrows(IllegalArgumentException.class, () -> new RegionEnis(0));
        assertEquals(1, new RegionEnis(1).limit());
        RegionEnis r = new RegionEnis(3);
        assertTrue(r.tryTake());
        assertTrue(r.tryTake());
        r.addOther(1);
        assertEquals(0, r.free());
        assertFalse(r.tryTake(), "2 Lambda + 1 other = 3, the limit");
        assertEquals(2, r.lambdaEnis());
        assertEquals(1, r.otherEnis());
        assertEquals(3, r.peak());
        IllegalArgumentException over = assertThrows(IllegalArgumentException.class, () -> r.addOther(1));
        assertEquals("other ENIs 2 do not fit beside 2 Lambda ENIs in the Region's 3", over.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.addOther(-2), "cannot go below 0 others");
        r.release();
        r.release();
        r.addOther(-1);
        assertEquals(0, r.lambdaEnis() + r.otherEnis());
        assertEquals(3, r.peak(), "the most held at once, kept");
        assertEquals(3, r.free());
        assertThrows(IllegalStateException.class, r::release);
        r.checkInvariants(0, 0);
        IllegalStateException miscount = assertThrows(IllegalStateException.class, () -> r.checkInvariants(1, 0));
        assertEquals("Region counts 0 Lambda ENIs, VPCs hold 1", miscount.getMessage());
        r.addOther(2);
        assertTrue(r.tryTake());
        assertEquals(3, r.peak());
        r.checkInvariants(1, 2);
    }

    /** The peak counts other services' ENIs already there when Lambda takes one: 2 others, then 1: 3 at once. */
    @Test
    void theRegionsPeakCountsOthersPresentWhenLambdaTakesOne() {
        RegionEnis r = new RegionEnis(5);
        r.addOther(2);
        assertEquals(2, r.peak());
        assertTrue(r.tryTake());
        assertEquals(3, r.peak());
    }

    @Test
    void aVpcsQuotaIsSharedWithOtherServicesAndKeepsItsPeak() {
        assertThrows(IllegalArgumentException.class, () -> new EniQuota(0, "vpc-0", 0));
        assertEquals(1, new EniQuota(0, "vpc-1", 1).eniQuota());
        EniQuota v = new EniQuota(0, "vpc", 3);
        assertTrue(v.tryTakeEniSlot());
        assertTrue(v.tryTakeEniSlot());
        v.setOtherUsedEnis(1);
        assertEquals(0, v.freeSlots());
        assertFalse(v.tryTakeEniSlot(), "2 Lambda + 1 other = the quota of 3");
        assertEquals(2, v.enis());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> v.setOtherUsedEnis(2));
        assertEquals("vpc: other ENIs 2 do not fit beside 2 Lambda ENIs in the quota of 3", tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> v.setOtherUsedEnis(-1));
        v.releaseEniSlot();
        assertEquals(1, v.freeSlots());
        assertEquals(2, v.peakEnis(), "the most Lambda ENIs at once");
        v.releaseEniSlot();
        assertThrows(IllegalStateException.class, v::releaseEniSlot);
        v.setOtherUsedEnis(3);
        assertEquals(0, v.freeSlots());
        v.checkInvariants();
    }

    /** 10.0.1.0/28: 16 addresses, .0 to .3 and .15 reserved [doc], so 11 usable, .4 to .14. */
    @Test
    void aSubnetGivesItsLowestFreeAddressCountedFromTheTopOfTheBlock() {
        Cidr block = Cidr.parse("10.0.1.0/28");
        assertThrows(IllegalArgumentException.class, () -> new IpPool(0, "s", block, "az", 0, 12));
        assertThrows(IllegalArgumentException.class, () -> new IpPool(0, "s", block, "az", 0, -1));
        assertEquals(0, new IpPool(0, "s", block, "az", 0, 11).availableIps(), "all 11 used by others");
        IpPool s = new IpPool(0, "s", block, "az", 0, 3);
        assertEquals(8, s.availableIps());
        assertEquals(0, s.allocateIp());
        assertEquals(1, s.allocateIp());
        assertEquals(2, s.allocateIp());
        assertEquals("10.0.1.14", s.address(0));
        assertEquals("10.0.1.13", s.address(1));
        s.releaseIp(1);
        assertEquals(1, s.allocateIp(), "the lowest free index again");
        for (int i = 3; i < 8; i++) {
            assertEquals(i, s.allocateIp());
        }
        assertEquals(0, s.availableIps());
        assertEquals(-1, s.allocateIp(), "full: 3 others + 8 Lambda");
        assertEquals(8, s.lambdaUsedIps());
        s.checkInvariants();
        IllegalStateException notHeld = assertThrows(IllegalStateException.class, () -> s.releaseIp(9));
        assertEquals("s: releasing address index 9 that is not held", notHeld.getMessage());
        IllegalArgumentException noRoom = assertThrows(IllegalArgumentException.class, () -> s.setOtherUsedIps(4));
        assertEquals("s: other tenants' IPs 4 do not fit beside 8 Lambda IPs in 11", noRoom.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.setOtherUsedIps(-1));
        s.releaseIp(7);
        s.setOtherUsedIps(4);
        assertEquals(0, s.availableIps());
        s.checkInvariants();
    }

    private static HyperplaneEni eni(int capacity) {
        return new HyperplaneEni(new EniId(1, "eni-0001", 0, "k", 0, 0, "10.0.1.14"), 0, capacity, 5);
    }

    @Test
    void anEniTakesPortsOnlyWhileInUseAndNeverPastItsCapacity() {
        HyperplaneEni e = eni(10);
        assertEquals("eni-0001", e.name());
        assertEquals(10, e.capacity());
        assertFalse(e.tryAcquire(1), "still Creating");
        e.transition(EniState.InUse, 65);
        assertTrue(e.tryAcquire(10));
        assertFalse(e.tryAcquire(1), "10 of 10");
        e.release(3);
        assertEquals(7, e.connections());
        assertTrue(e.tryAcquire(3));
        IllegalStateException tooMany = assertThrows(IllegalStateException.class, () -> e.release(11));
        assertEquals("eni-0001: releasing 11 connections of 10", tooMany.getMessage());
        e.release(10);
        e.checkInvariants();
    }

    @Test
    void anEniRemembersWhenItWasCreatedReadyDeletedAndOrphaned() {
        HyperplaneEni e = eni(10);
        assertEquals(5, e.createdMicros());
        assertEquals(-1, e.readyMicros());
        e.transition(EniState.InUse, 65);
        e.transition(EniState.Deleting, 100);
        assertEquals(100, e.deletionRequestedMicros());
        e.transition(EniState.InUse, 150); // its key got a user again
        assertEquals(65, e.readyMicros(), "ready once, at 65");
        assertEquals(-1, e.deletionRequestedMicros());
        e.transition(EniState.Deleting, 200);
        e.transition(EniState.Orphaned, 800);
        assertEquals(800, e.orphanedMicros());
        assertEquals(-1, e.endedMicros());
        e.transition(EniState.Deleted, 900);
        assertEquals(900, e.endedMicros());
        IllegalStateException illegal = assertThrows(IllegalStateException.class,
                () -> e.transition(EniState.InUse, 1000));
        assertEquals("ENI eni-0001: illegal transition Deleted -> InUse at 1000 us", illegal.getMessage());
    }

    private static HyperplaneEni eniOf(int id, int capacity) {
        return new HyperplaneEni(new EniId(id, EniId.name(id), 0, "k", 0, 0, "10.0.1." + id), id, capacity, 0);
    }

    @Test
    void aKeyFindsTheFirstReadyEniWithRoomInCreationOrder() {
        EniPool p = new EniPool(0, new EniKey("vpc", "s", List.of("sg"), "", ""), 0, 0, 10);
        HyperplaneEni first = eniOf(1, 10);
        HyperplaneEni second = eniOf(2, 10);
        p.added(first);
        p.added(second);
        assertEquals(2, p.creating());
        assertFalse(p.hasInUse());
        assertNull(p.acquire(1), "none ready");
        second.transition(EniState.InUse, 1);
        p.becameReady(second);
        assertSame(second, p.firstInUse());
        first.transition(EniState.InUse, 2);
        p.becameReady(first);
        assertEquals(0, p.creating());
        assertSame(first, p.firstInUse(), "creation order, not readiness");
        assertSame(first, p.acquire(6));
        assertSame(second, p.acquire(6), "4 left on the first");
        assertSame(first, p.acquire(4));
        assertEquals(16, p.connections());
        assertNull(p.acquire(5), "4 left on the second");
        p.release(first, 10);
        assertEquals(6, p.connections());
        p.checkInvariants();
    }

    @Test
    void aKeyCountsItsUsersAndTheRoleOfTheLastOneToLeave() {
        EniPool p = new EniPool(0, new EniKey("vpc", "s", List.of("sg"), "", ""), 0, 0, 10);
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> p.removeUser("r"));
        assertTrue(none.getMessage().endsWith(": removing a user it does not have"), none.getMessage());
        p.addUser();
        p.addUser();
        p.removeUser("first-role");
        p.removeUser("second-role");
        assertEquals(0, p.users());
        assertEquals("second-role", p.lastReleasingRole());
        HyperplaneEni creating = eniOf(1, 10);
        p.added(creating);
        p.removed(creating);
        assertEquals(0, p.creating(), "a Creating ENI removed is no longer being created");
        IllegalStateException absent = assertThrows(IllegalStateException.class, () -> p.removed(creating));
        assertTrue(absent.getMessage().endsWith("eni-0001 is not in its pool"), absent.getMessage());
        HyperplaneEni ready = eniOf(2, 10);
        p.added(ready);
        ready.transition(EniState.InUse, 1);
        p.becameReady(ready);
        p.removed(ready);
        assertEquals(0, p.creating(), "removing a ready one leaves the count alone");
    }

    @Test
    void waitersAreTakenInTheOrderTheyCameAndOnlyOnce() {
        EniPool p = new EniPool(0, new EniKey("vpc", "s", List.of("sg"), "", ""), 0, 0, 10);
        for (int f = 0; f < 9; f++) {
            p.addWaiter(f);
        }
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, p.takeWaiters());
        assertArrayEquals(new int[0], p.takeWaiters());
    }

    /** "Up to 6,000 execution environments every minute" after "a minute or two" [doc]; 90 s assumed. */
    @Test
    void provisionedConcurrencyIsUsableAfterThePreparationAndItsShareOfAMinute() {
        ProvisionedAllocation a = ProvisionedAllocation.DEFAULT;
        assertEquals(90_000_000L + 10_000_000L, a.readyAfterMicros(1000), "1,000 of 6,000 a minute: 10 s");
        assertEquals(90_000_000L + 60_000_000L, a.readyAfterMicros(6000));
        assertEquals(90_000_000L + 10_000L, a.readyAfterMicros(1), "60 s / 6,000 = 10 ms");
        assertEquals(8_571_429L, new ProvisionedAllocation(0, 7, true).readyAfterMicros(1), "60 s / 7, rounded up");
        assertEquals(90_000_000L, a.readyAfterMicros(0));
        assertEquals(90_000_000L, a.readyAfterMicros(-5));
        assertThrows(IllegalArgumentException.class, () -> new ProvisionedAllocation(-1, 6000, true));
        assertThrows(IllegalArgumentException.class, () -> new ProvisionedAllocation(0, 0, true));
        assertEquals(60_000_000L, new ProvisionedAllocation(0, 1, true).readyAfterMicros(1));
    }
}
