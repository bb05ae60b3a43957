package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.network.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * More NAT gateway rules, each worked out by hand from the documented 55,000 connections per address per unique
 * destination: which gateway a subnet's traffic leaves by, the second address taking over when the first is full
 * and the first taking again when it frees up, a fractional share carried between invocations, an invocation that
 * cannot open one destination opening none, and the gateway's 1 to 8 addresses.
 */
class NatRulesTest {

    /** vpc-a: s1 (az-1), s3 (az-3); vpc-b: s2 (az-3). Gateways: 0 nat-b (vpc-b, az-3), 1 nat-a2 (az-2), 2 nat-a1 (az-1). */
    private static WorldHarness twoVpcs() {
        WorldHarness h = new WorldHarness(1000, 10_000_000, 60 * SEC, 5 * SEC);
        h.build.addVpc("vpc-a", 500);
        h.build.addVpc("vpc-b", 500);
        h.build.addSecurityGroup("vpc-a", "sg-a");
        h.build.addSecurityGroup("vpc-b", "sg-b");
        h.build.addSubnet("vpc-a", "s1", Cidr.parse("10.0.1.0/24"), "az-1", 0);
        h.build.addSubnet("vpc-b", "s2", Cidr.parse("10.1.2.0/24"), "az-3", 0);
        h.build.addSubnet("vpc-a", "s3", Cidr.parse("10.0.3.0/24"), "az-3", 0);
        h.build.addNatGateway("vpc-b", "nat-b", "az-3", 1);
        h.build.addNatGateway("vpc-a", "nat-a2", "az-2", 1);
        h.build.addNatGateway("vpc-a", "nat-a1", "az-1", 2);
        return h;
    }

    /** A function of {@code connections} per invocation on {@code subnets}, sending {@code share} to "api", Active. */
    private static int egress(WorldHarness h, String name, List<String> subnets, String group, int connections,
            double share) {
        int f = h.function(name, subnets, subnets.isEmpty() ? List.of() : List.of(group), -1, connections);
        h.build.addEgress(f, "api", share, false);
        h.create(f, 0);
        return f;
    }

    @Test
    void trafficLeavesByItsAzsGatewayElseTheFirstOfItsOwnVpc() {
        WorldHarness h = twoVpcs();
        int inAz1 = egress(h, "az1", List.of("s1"), "sg-a", 100, 1.0);
        int inAz3 = egress(h, "az3", List.of("s3"), "sg-a", 10, 1.0);
        int otherVpc = egress(h, "other", List.of("s2"), "sg-b", 1, 1.0);
        int noVpc = egress(h, "public", List.of(), "", 1000, 1.0);
        h.advanceTo(60 * SEC);
        for (int f : new int[] {inAz1, inAz3, otherVpc, noVpc}) {
            assertEquals(Outcome.SUCCESS, h.invoke(f, 100 * SEC));
        }
        assertArrayEquals(new int[] {100, 0}, h.world().natConnections(2, 0), "s1 -> nat-a1, its AZ's");
        assertArrayEquals(new int[] {10}, h.world().natConnections(1, 0), "s3 (az-3) -> nat-a2, vpc-a's first");
        assertArrayEquals(new int[] {1}, h.world().natConnections(0, 0), "s2 -> nat-b: the AZ matches, the VPC too");
        h.advanceTo(160 * SEC);
        assertArrayEquals(new int[] {0, 0}, h.world().natConnections(2, 0));
        assertArrayEquals(new int[] {0}, h.world().natConnections(1, 0));
        assertArrayEquals(new int[] {0}, h.world().natConnections(0, 0));
    }

    /** nat-a1 has two addresses; 1,000 connections an invocation: 55 fill the first. */
    @Test
    void theSecondAddressTakesOverWhenTheFirstIsFullAndTheFirstTakesAgainWhenItFreesUp() {
        WorldHarness h = twoVpcs();
        int f = egress(h, "crawler", List.of("s1"), "sg-a", 1000, 1.0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 10 * SEC)); // ends at 70 s
        for (int i = 1; i < 56; i++) {
            assertEquals(Outcome.SUCCESS, h.invoke(f, 600 * SEC));
        }
        assertArrayEquals(new int[] {55_000, 1000}, h.world().natConnections(2, 0));
        h.advanceTo(70 * SEC);
        assertArrayEquals(new int[] {54_000, 1000}, h.world().natConnections(2, 0));
        assertEquals(Outcome.SUCCESS, h.invoke(f, 600 * SEC));
        assertArrayEquals(new int[] {55_000, 1000}, h.world().natConnections(2, 0), "first fit: address 1 again");
        assertTrue(h.seen.nat.contains("2/0 56000"), h.seen.nat.toString());
    }

    /** 5 connections an invocation, 30% to "api": 1.5 each, so 1, 2, 1, 2 as the half is carried over. */
    @Test
    void aFractionalShareIsCarriedFromOneInvocationToTheNext() {
        WorldHarness h = twoVpcs();
        int f = egress(h, "partial", List.of("s1"), "sg-a", 5, 0.3);
        h.advanceTo(60 * SEC);
        int[] totals = new int[4];
        for (int i = 0; i < 4; i++) {
            assertEquals(Outcome.SUCCESS, h.invoke(f, 100 * SEC));
            totals[i] = h.world().natConnections(2, 0)[0];
        }
        assertArrayEquals(new int[] {1, 3, 4, 6}, totals);
    }

    /** 1,000 connections: all to "a" (55 fill it), half to "b" (500 each, 27,500 after 55). */
    @Test
    void anInvocationThatCannotOpenOneDestinationOpensNone() {
        WorldHarness h = new WorldHarness(1000, 10_000_000, 60 * SEC, 5 * SEC);
        h.vpcWithSg(500);
        h.subnet("s", "10.0.1.0/24", "az-1");
        int f = h.function("two", List.of("s"), List.of("sg"), -1, 1000);
        h.build.addEgress(f, "a", 1.0, false);
        h.build.addEgress(f, "b", 0.5, false);
        h.build.addNatGateway("vpc", "nat", "az-1", 1); // after the destinations: sized for both
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        for (int i = 0; i < 55; i++) {
            assertEquals(Outcome.SUCCESS, h.invoke(f, 600 * SEC));
        }
        assertEquals(Outcome.FUNCTION_ERROR_PORT_ALLOCATION, h.invoke(f, 600 * SEC));
        assertArrayEquals(new int[] {55_000}, h.world().natConnections(0, 0));
        assertArrayEquals(new int[] {27_500}, h.world().natConnections(0, 1), "nothing opened to b by the failure");
        assertEquals(1, h.seen.natErrors);
    }

    @Test
    void aNatGatewayHasOneToEightAddresses() {
        WorldHarness h = twoVpcs();
        assertEquals(3, h.build.addNatGateway("vpc-a", "nat-8", "az-1", 8));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> h.build.addNatGateway("vpc-a", "nat-0", "az-1", 0));
        assertEquals("nat-0: a NAT gateway has 1 to 8 addresses, not 0", none.getMessage());
        IllegalArgumentException nine = assertThrows(IllegalArgumentException.class,
                () -> h.build.addNatGateway("vpc-a", "nat-9", "az-1", 9));
        assertEquals("nat-9: a NAT gateway has 1 to 8 addresses, not 9", nine.getMessage());
    }

    @Test
    void aFunctionSendsToAtMostSixteenDestinations() {
        WorldHarness h = twoVpcs();
        int f = h.function("many", List.of("s1"), List.of("sg-a"));
        for (int d = 0; d < 16; d++) {
            h.build.addEgress(f, "d" + d, 0.0625, false);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> h.build.addEgress(f, "d16", 0.0625, false));
        assertEquals("at most 16 destinations per function", e.getMessage());
    }
}
