package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.model.network.Cidr;
import dev.enisim.random.RandomStreams;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who owns what and who waits for what, each worked out by hand: a legacy ENI belongs to one function (two with
 * the same VpcConfig do not share it) and an environment gives its slot back when it ends; the 2018 sizing formula
 * at exact multiples of 3 GB; a function with two keys waits for both; a cold start whose database pool finds its
 * key full gets the scale-out's error; a reservation in another account than the first; each ENI failure's
 * StateReasonCode; a second ENI's ports given back by its own row.
 */
class OwnershipAndWaitingRulesTest {

    /** A legacy world (attach 1 s, a large EC2 bucket): VPC "vpc" with "sg" and subnet "s" (a /24, az-1). */
    private static WorldHarness legacy() {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT,
                new Legacy(() -> SEC, 100, 10));
        h.vpcWithSg(500);
        h.subnet("s", "10.0.0.0/24", "az-1");
        return h;
    }

    /** Two legacy functions of 128 MB with the same subnet and group: an ENI each (it serves its own function). */
    @Test
    void legacyFunctionsWithTheSameVpcConfigDoNotShareEnis() {
        WorldHarness h = legacy();
        int a = h.function("a", List.of("s"), List.of("sg"));
        int b = h.function("b", List.of("s"), List.of("sg"));
        h.create(a, 0);
        h.create(b, 0);
        h.advanceTo(0);
        assertEquals(Outcome.SUCCESS, h.invoke(a, 60 * SEC));
        assertEquals(Outcome.SUCCESS, h.invoke(b, 60 * SEC));
        assertEquals(2, h.world().snapshot().enis().size());
    }

    /**
     * A legacy function of 3 GB: one environment per ENI. Its environment ends 10 minutes after going idle (keep
     * alive) and gives its slot back, so the next cold start, at 700 s, takes the same ENI: still one ENI.
     */
    @Test
    void aLegacyEnvironmentGivesItsSlotBackWhenItEnds() {
        WorldHarness h = legacy();
        int f = h.function("big", 3072, List.of("s"), List.of("sg"), 0, 0, 0);
        h.create(f, 0);
        h.advanceTo(0);
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC));
        assertEquals(1, h.eni(1).connections(), "its one slot taken");
        h.advanceTo(700 * SEC);
        assertEquals(0, h.eni(1).connections(), "given back when the environment ended");
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC));
        assertEquals(1, h.world().snapshot().enis().size());
        assertEquals(2, h.coldStarts);
    }

    /** ENIs = environments x memory / 3 GB, rounded up: exact multiples need no extra ENI. */
    @Test
    void theSizingFormulaAtExactMultiplesOfThreeGigabytes() {
        assertEquals(1000, Legacy.enisFor(1000, 3072));
        assertEquals(1, Legacy.enisFor(3, 1024));
        assertEquals(2, Legacy.enisFor(4, 1024));
        assertEquals(667, Legacy.enisFor(1000, 2048));
    }

    /**
     * The standard world (ENIs ready 60 s after their creation starts). "first" (subnet-1) makes subnet-1's ENI by
     * 60 s; "both" (subnet-1 and subnet-2), created at 100 s, finds subnet-1's key ready but must wait for a new ENI
     * in subnet-2 until 160 s: it is Pending until then, Active after.
     */
    @Test
    void aFunctionWithTwoKeysIsActiveOnlyOnceBothAreReady() {
        WorldHarness h = WorldHarness.standard();
        int first = h.function("first", List.of("subnet-1"), List.of("sg-a"));
        int both = h.function("both", List.of("subnet-1", "subnet-2"), List.of("sg-a"));
        h.create(first, 0);
        h.create(both, 100 * SEC);
        h.advanceTo(159 * SEC);
        assertEquals(State.Active, h.state(first));
        assertEquals(State.Pending, h.state(both), "subnet-2's ENI is not ready yet");
        h.advanceTo(200 * SEC);
        assertEquals(State.Active, h.state(both));
    }

    /**
     * ENIs of 15 ports, a subnet with one free address; "db" holds a pool of 10 connections per environment and 1
     * per invocation. The first invocation takes 11 of the ENI's 15; the second's cold start finds 4 ports for its
     * pool of 10, and the scale-out cannot have an address: SubnetIPAddressLimitReachedException, not a function
     * error.
     */
    @Test
    void aColdStartsPoolOnAFullKeyGetsTheScaleOutsError() {
        WorldHarness h = new WorldHarness(1000, 15, 60 * SEC, 5 * SEC);
        h.vpcWithSg(500);
        h.build.addSubnet("vpc", "s", Cidr.parse("10.0.1.0/28"), "az-1", 10); // 11 usable, 10 used by others
        int f = h.function("db", 128, List.of("s"), List.of("sg"), 10, 0, 0);
        h.create(f, 0);
        h.advanceTo(100 * SEC);
        assertEquals(State.Active, h.state(f));
        assertEquals(Outcome.SUCCESS, h.invoke(f, 600 * SEC));
        assertEquals(Outcome.SUBNET_IP_LIMIT_REACHED, h.invoke(f, SEC));
    }

    /**
     * Account "b" (a limit of 10) holds "reserved" with a reservation of 3 and "shared" without: "reserved" runs 3 at
     * once, "shared" the 7 left of b's limit.
     */
    @Test
    void aReservationInAnotherAccountComesOutOfThatAccountsLimit() {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC);
        h.build.setFirstAccount("a");
        assertEquals(1, h.build.addAccount("b", 10));
        RandomStreams streams = new RandomStreams(1, 0);
        int reserved = h.build.addFunction(TestFunction.of("reserved", 900 * SEC, 3, 0, List.of(), List.of()),
                streams.stream("reserved"), () -> 0L, 1);
        int shared = h.build.addFunction(TestFunction.of("shared", 900 * SEC, -1, 0, List.of(), List.of()),
                streams.stream("shared"), () -> 0L, 1);
        h.create(reserved, 0);
        h.create(shared, 0);
        h.advanceTo(0);
        for (int i = 0; i < 3; i++) {
            assertEquals(Outcome.SUCCESS, h.invoke(reserved, 60 * SEC));
        }
        assertEquals(Outcome.THROTTLED_RESERVED, h.invoke(reserved, 60 * SEC));
        for (int i = 0; i < 7; i++) {
            assertEquals(Outcome.SUCCESS, h.invoke(shared, 60 * SEC));
        }
        assertEquals(Outcome.THROTTLED_ACCOUNT, h.invoke(shared, 60 * SEC));
        assertEquals(7, h.world().concurrency().unreservedLimit(1));
    }

    /** Each failure that fails a function has its own StateReasonCode; a transient one (EC2's rate) has none. */
    @Test
    void eachEniFailureIsFoundByItsStateReasonCode() {
        for (EniFailure f : EniFailure.values()) {
            if (f == EniFailure.EC2_THROTTLED) {
                assertThrows(IllegalStateException.class, f::reason, "transient: it never fails a function");
            } else {
                assertEquals(f, EniFailure.of(f.reason()));
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EniFailure.of(StateReasonCode.Idle));
        assertEquals("no failure has StateReasonCode Idle", e.getMessage());
    }

    /** Two ENIs in one ports table: the second's ports go back to its own row. */
    @Test
    void aSecondEnisPortsGoBackToItsOwnRow() {
        EniPorts ports = new EniPorts();
        int first = ports.add(0, 100);
        int second = ports.add(0, 100);
        ports.setInUse(first, true);
        ports.setInUse(second, true);
        assertTrue(ports.tryAcquire(first, 30));
        assertTrue(ports.tryAcquire(second, 20));
        assertTrue(ports.release(second, 20));
        assertEquals(0, ports.connections(second));
        assertEquals(30, ports.connections(first));
        assertEquals(false, ports.release(second, 1), "it holds none now");
    }

    /**
     * A function whose ring moved to the slab's start (two idle environments: the first moves to the slab when the
     * second goes into the row; then the row's taken): its top is at the slab's first long, which the read ahead
     * reads too.
     */
    @Test
    void theReadAheadReadsATopIdleEnvironmentAtTheSlabsStart() {
        FunctionRows rows = new FunctionRows(1);
        rows.add(FunctionRows.UNRESERVED, 1000);
        rows.started(0);
        rows.started(0);
        rows.returnIdle(0, 1, 10, 0, 5);
        rows.returnIdle(0, 2, 20, 0, 6); // 10 moves to the slab (a ring of 2, at offset 0), 20 is the row's
        assertEquals(20, rows.takeIdle(0, 1));
        assertEquals(0, rows.topAt(0), "the one left idle is at the slab's first long");
        long before = rows.touch(0);
        assertEquals(10, rows.takeIdle(0, 0));
        assertEquals(-1, rows.topAt(0), "none idle");
        rows.returnIdle(0, 3, 30, 0, 7);
        assertEquals(-1, rows.topAt(0), "the row holds the top");
        rows.returnIdle(0, 4, 40, 0, 8); // 30 moves to the slab's first long
        assertEquals(40, rows.takeIdle(0, 1));
        assertEquals(0, rows.topAt(0));
        assertNotEquals(before, rows.touch(0));
    }
}
