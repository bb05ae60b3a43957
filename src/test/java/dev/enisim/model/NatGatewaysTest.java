package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NAT gateway egress with the documented figures: 55,000 simultaneous connections per address to each unique
 * destination, 1 to 8 addresses, idle timeout 350 s; exhaustion is ErrorPortAllocation, before the ENI's 65,000.
 */
class NatGatewaysTest {

    /** One subnet in az-1, one NAT gateway there with {@code addresses}; a function of 1,000 connections each. */
    private static WorldHarness world(int addresses, double share, boolean kept) {
        return world(addresses, share, kept, 65_000);
    }

    /** As above, with ENIs of {@code portsPerEni} (large, to look at the NAT alone). */
    private static WorldHarness world(int addresses, double share, boolean kept, int portsPerEni) {
        WorldHarness h = new WorldHarness(1000, portsPerEni, 60 * SEC, 5 * SEC);
        h.vpcWithSg(500);
        h.subnet("subnet-1", "10.0.1.0/24", "az-1");
        h.subnet("subnet-2", "10.0.2.0/24", "az-2");
        h.build.addNatGateway("vpc", "nat-2", "az-2", 1);
        h.build.addNatGateway("vpc", "nat-1", "az-1", addresses);
        int f = h.function("crawler", List.of("subnet-1"), List.of("sg"), -1, 1000);
        h.build.addEgress(f, "api.partner.example:443/tcp", share, kept);
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        return h;
    }

    private static int invokeUntilFailure(WorldHarness h, int max) {
        for (int i = 0; i < max; i++) {
            Outcome o = h.invoke(0, 600 * SEC);
            if (o != Outcome.SUCCESS) {
                assertEquals(Outcome.FUNCTION_ERROR_PORT_ALLOCATION, o);
                return i;
            }
        }
        return max;
    }

    @Test
    void oneAddressCarries55000ConnectionsToADestinationThenErrorPortAllocation() {
        WorldHarness h = world(1, 1.0, false);
        assertEquals(55, invokeUntilFailure(h, 100), "55 x 1,000 = 55,000; the 56th would need 56,000");
        assertArrayEquals(new int[] {55_000}, h.world().natConnections(1, 0), "through its own AZ's gateway");
        assertArrayEquals(new int[] {0}, h.world().natConnections(0, 0));
        assertEquals("ErrorPortAllocation", Outcome.FUNCTION_ERROR_PORT_ALLOCATION.reason());
        assertEquals(56_000, h.world().snapshot().keys().get(0).connections(),
                "the ENI (65,000 ports) still had room: the NAT fails first");
    }

    /**
     * A subnet in an AZ without a NAT gateway: its traffic leaves by the VPC's first gateway (nat-2, declared first),
     * not by a later one.
     */
    @Test
    void aSubnetWithoutAGatewayInItsAzLeavesByTheVpcsFirst() {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC);
        h.vpcWithSg(500);
        h.subnet("subnet-3", "10.0.3.0/24", "az-3");
        h.build.addNatGateway("vpc", "nat-2", "az-2", 1);
        h.build.addNatGateway("vpc", "nat-1", "az-1", 1);
        int f = h.function("crawler", List.of("subnet-3"), List.of("sg"), -1, 1000);
        h.build.addEgress(f, "api.partner.example:443/tcp", 1.0, false);
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 600 * SEC));
        assertArrayEquals(new int[] {1000}, h.world().natConnections(0, 0), "nat-2, the VPC's first");
        assertArrayEquals(new int[] {0}, h.world().natConnections(1, 0));
    }

    @Test
    void eightAddressesCarryEightTimesAsMany() {
        WorldHarness h = world(8, 1.0, false, 10_000_000);
        assertEquals(8 * 55, invokeUntilFailure(h, 1000), "8 x 55,000 / 1,000");
    }

    @Test
    void aShareOfTheConnectionsGoesToTheHotDestination() {
        WorldHarness h = world(1, 0.25, false, 10_000_000);
        assertEquals(220, invokeUntilFailure(h, 1000), "250 each: 55,000 / 250");
    }

    @Test
    void connectionsCloseWithTheInvocationOrAfterTheIdleTimeoutWhenKeptOpen() {
        WorldHarness closing = world(1, 1.0, false);
        closing.invoke(0, 10 * SEC);
        closing.advanceTo(70 * SEC);
        assertArrayEquals(new int[] {0}, closing.world().natConnections(1, 0));

        WorldHarness keeping = world(1, 1.0, true);
        keeping.invoke(0, 10 * SEC);
        keeping.advanceTo(70 * SEC + 349 * SEC);
        assertArrayEquals(new int[] {1000}, keeping.world().natConnections(1, 0), "idle, not yet timed out");
        keeping.advanceTo(70 * SEC + 350 * SEC);
        assertArrayEquals(new int[] {0}, keeping.world().natConnections(1, 0), "dropped after 350 s idle");
    }
}
