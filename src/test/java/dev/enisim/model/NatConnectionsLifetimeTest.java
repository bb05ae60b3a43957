package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.network.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How long an invocation's NAT connections live and what the world says about them, worked out by hand: they open
 * when the invocation starts and close when it ends, a cold start's init time included; every open and every close
 * is reported with the destination's new total, and an invocation that opens nothing to a destination reports
 * nothing; a function whose VPC has no NAT gateway opens nothing; functions with different numbers of destinations
 * open each its own.
 */
class NatConnectionsLifetimeTest {

    /** VPC "vpc" (sg "sg") with subnet "s" in az-1 and, unless {@code gateway} is false, NAT gateway "nat" there. */
    private static WorldHarness world(boolean gateway) {
        WorldHarness h = new WorldHarness(1000, 10_000_000, 60 * SEC, 5 * SEC);
        h.vpcWithSg(500);
        h.subnet("s", "10.0.1.0/24", "az-1");
        if (gateway) {
            h.build.addNatGateway("vpc", "nat", "az-1", 1);
        }
        return h;
    }

    /**
     * A cold start of 2 s of init and a run of 10 s from 60 s ends at 72 s: its connection is open until then, not
     * until 60 + 10 s, nor 60 - 2 + 10 s; a warm invocation after it (no init) holds its connection for its run alone.
     */
    @Test
    void aColdStartsConnectionsStayOpenThroughItsInitAndItsRun() {
        WorldHarness h = world(true);
        int f = h.function("cold", 128, List.of("s"), List.of("sg"), 0, 0, 2 * SEC); // 1 connection an invocation
        h.build.addEgress(f, "api", 1.0, false);
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 10 * SEC));
        assertArrayEquals(new int[] {1}, h.world().natConnections(0, 0));
        h.advanceTo(72 * SEC - 1);
        assertArrayEquals(new int[] {1}, h.world().natConnections(0, 0), "open during the init and the whole run");
        h.advanceTo(72 * SEC);
        assertArrayEquals(new int[] {0}, h.world().natConnections(0, 0), "closed when the invocation ends");
        h.advanceTo(80 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 10 * SEC)); // warm: no init
        h.advanceTo(90 * SEC - 1);
        assertArrayEquals(new int[] {1}, h.world().natConnections(0, 0));
        h.advanceTo(90 * SEC);
        assertArrayEquals(new int[] {0}, h.world().natConnections(0, 0));
        assertEquals(List.of("0/0 1", "0/0 0", "0/0 1", "0/0 0"), h.seen.nat);
    }

    /**
     * 5 connections an invocation, 10% to "api": 0.5 each, so the invocations open 0, 1, 0 (the half carried over).
     * Only the second opens one, and only it is reported: once when it opens, once when it closes.
     */
    @Test
    void onlyInvocationsThatOpenConnectionsAreReportedOnceOpeningAndOnceClosing() {
        WorldHarness h = world(true);
        int f = h.function("half", List.of("s"), List.of("sg"), -1, 5);
        h.build.addEgress(f, "api", 0.1, false);
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 10 * SEC));
        assertEquals(List.of(), h.seen.nat, "nothing opened: nothing reported");
        assertEquals(Outcome.SUCCESS, h.invoke(f, 10 * SEC));
        assertEquals(Outcome.SUCCESS, h.invoke(f, 10 * SEC));
        assertEquals(List.of("0/0 1"), h.seen.nat);
        h.advanceTo(100 * SEC);
        assertEquals(List.of("0/0 1", "0/0 0"), h.seen.nat, "the close reported with the total left");
        assertArrayEquals(new int[] {0}, h.world().natConnections(0, 0));
    }

    /** vpc-b has no gateway of its own (vpc-a's is not its): its function's traffic goes through none. */
    @Test
    void aFunctionInAVpcWithoutANatGatewayOpensNothingAndSucceeds() {
        WorldHarness h = new WorldHarness(1000, 10_000_000, 60 * SEC, 5 * SEC);
        h.build.addVpc("vpc-a", 500);
        h.build.addVpc("vpc-b", 500);
        h.build.addSecurityGroup("vpc-b", "sg-b");
        h.build.addSubnet("vpc-a", "a1", Cidr.parse("10.0.1.0/24"), "az-1", 0);
        h.build.addSubnet("vpc-b", "b1", Cidr.parse("10.1.1.0/24"), "az-1", 0);
        h.build.addNatGateway("vpc-a", "nat-a", "az-1", 1);
        int f = h.function("private", List.of("b1"), List.of("sg-b"), -1, 10);
        h.build.addEgress(f, "api", 1.0, false);
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 10 * SEC));
        assertArrayEquals(new int[] {0}, h.world().natConnections(0, 0));
        assertEquals(List.of(), h.seen.nat);
        h.advanceTo(100 * SEC);
        assertEquals(0, h.seen.natErrors);
    }

    /**
     * "two" sends 2 connections to each of "a" and "b", then "one" sends 3 to "a" alone: each opens its own
     * destinations only (what "two" took for "b" is not taken again for "one").
     */
    @Test
    void aFunctionWithFewerDestinationsThanTheOneBeforeOpensItsOwnOnly() {
        WorldHarness h = world(true);
        int two = h.function("two", List.of("s"), List.of("sg"), -1, 2);
        h.build.addEgress(two, "a", 1.0, false);
        h.build.addEgress(two, "b", 1.0, false);
        int one = h.function("one", List.of("s"), List.of("sg"), -1, 3);
        h.build.addEgress(one, "a", 1.0, false);
        h.create(two, 0);
        h.create(one, 0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(two, 10 * SEC));
        assertEquals(Outcome.SUCCESS, h.invoke(one, 10 * SEC));
        assertArrayEquals(new int[] {5}, h.world().natConnections(0, 0));
        assertArrayEquals(new int[] {2}, h.world().natConnections(0, 1));
        h.advanceTo(70 * SEC);
        assertArrayEquals(new int[] {0}, h.world().natConnections(0, 0));
        assertArrayEquals(new int[] {0}, h.world().natConnections(0, 1));
    }
}
