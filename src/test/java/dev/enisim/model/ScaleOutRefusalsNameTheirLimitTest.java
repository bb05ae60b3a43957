package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.network.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An Active function's scale-out refused by a limit is told with the limit that refused it ({@link ScaleOutLimit}:
 * what summary.json's and the page's refusals count): the key's subnet out of IPs (SubnetIPAddressLimitReachedException),
 * the VPC's ENI quota full (ENILimitReachedException), or, the VPC having room, the Region's network interfaces used up
 * (the same exception, another limit). A request during the retry back-off (300 s here) is refused by the same limit
 * again, without a new try. One port per ENI, so the second invocation in flight needs a second ENI; the key's first
 * ENI takes the one IP, VPC slot or Region interface left.
 */
class ScaleOutRefusalsNameTheirLimitTest {

    private static WorldHarness world(int regionLimit, int otherVpcEnis, int otherSubnetIps) {
        WorldHarness h = new WorldHarness(1000, 1, 60 * SEC, 5 * SEC, Scaling.DEFAULT, null, regionLimit);
        h.build.addVpc("vpc-1", 500, otherVpcEnis);
        h.build.addSecurityGroup("vpc-1", "sg-a");
        h.build.addSubnet("vpc-1", "s", Cidr.parse("10.0.0.0/24"), "az-1", otherSubnetIps);
        return h;
    }

    /** The function created at 0, its ENI ready at 60 s, one long invocation holding its port; then two more. */
    private static void refusedTwice(WorldHarness h, Outcome refused) {
        int f = h.function("f", List.of("s"), List.of("sg-a"));
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 800 * SEC));
        assertEquals(refused, h.invoke(f, SEC), "a new ENI refused");
        h.advanceTo(100 * SEC);
        assertEquals(refused, h.invoke(f, SEC), "within the back-off: the same limit, no new try");
    }

    @Test
    void aFullSubnetRefusesBySubnetIps() {
        WorldHarness h = world(WorldHarness.REGION_DEFAULT, 0, 250); // a /24: 251 usable, 1 left
        refusedTwice(h, Outcome.SUBNET_IP_LIMIT_REACHED);
        assertEquals(List.of("0 s+[sg-a] SUBNET_IPS at 60", "0 s+[sg-a] SUBNET_IPS at 100"), h.seen.refusals);
    }

    @Test
    void aFullVpcQuotaRefusesByTheVpcsQuotaEvenWithTheRegionFullToo() {
        WorldHarness h = world(WorldHarness.REGION_DEFAULT, 499, 0);
        refusedTwice(h, Outcome.ENI_LIMIT_REACHED);
        assertEquals(List.of("0 s+[sg-a] VPC_ENI_QUOTA at 60", "0 s+[sg-a] VPC_ENI_QUOTA at 100"), h.seen.refusals);

        WorldHarness both = world(500, 499, 0); // the Region's 500: the VPC's 499 others and Lambda's one
        refusedTwice(both, Outcome.ENI_LIMIT_REACHED);
        assertEquals(List.of("0 s+[sg-a] VPC_ENI_QUOTA at 60", "0 s+[sg-a] VPC_ENI_QUOTA at 100"),
                both.seen.refusals, "the VPC's quota is named first");
    }

    @Test
    void aVpcWithRoomInAFullRegionRefusesByTheRegionsInterfaces() {
        WorldHarness h = world(1, 0, 0);
        refusedTwice(h, Outcome.ENI_LIMIT_REACHED);
        assertEquals(List.of("0 s+[sg-a] REGION_NETWORK_INTERFACES at 60", "0 s+[sg-a] REGION_NETWORK_INTERFACES at 100"),
                h.seen.refusals);
    }

    /**
     * The Region's interfaces outside every VPC (EC2 instances', ECS tasks': {@code account.otherNetworkInterfaces})
     * count against the Region only, as many as fit: of a Region of 10, 9 leave Lambda's first ENI the last one.
     */
    @Test
    void otherInterfacesOfTheRegionLeaveRoomOnlyForWhatFits() {
        WorldHarness h = world(10, 0, 0);
        assertEquals(9, h.build.addOtherRegionInterfaces(9));
        refusedTwice(h, Outcome.ENI_LIMIT_REACHED);
        assertEquals(List.of("0 s+[sg-a] REGION_NETWORK_INTERFACES at 60", "0 s+[sg-a] REGION_NETWORK_INTERFACES at 100"),
                h.seen.refusals);

        WorldHarness full = world(10, 0, 0);
        assertEquals(10, full.build.addOtherRegionInterfaces(12), "as many as fit");
    }

    @Test
    void aRefusalOfAnotherKindIsNoLimitsRefusal() {
        WorldHarness h = world(WorldHarness.REGION_DEFAULT, 0, 0);
        int f = h.function("f", List.of("s"), List.of("sg-a"));
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 800 * SEC));
        assertEquals(Outcome.FUNCTION_ERROR_NO_PORT, h.invoke(f, SEC), "a second ENI made: no port yet, not refused");
        assertEquals(List.of(), h.seen.refusals);
    }
}
