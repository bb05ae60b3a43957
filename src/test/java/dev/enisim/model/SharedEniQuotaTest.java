package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.model.network.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ENI quotas are shared: "Elastic network interfaces per VPC" (500) with other services such as Amazon EFS
 * [doc], and EC2's "Network interfaces per Region" (5,000, adjustable) across every VPC [doc].
 */
class SharedEniQuotaTest {

    private static WorldHarness world(int vpcs) {
        return world(vpcs, WorldHarness.REGION_DEFAULT, 0);
    }

    /** {@code otherInFirst}: other services' ENIs in vpc-1 from the start. */
    private static WorldHarness world(int vpcs, int regionLimit, int otherInFirst) {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT, null, regionLimit);
        for (int v = 1; v <= vpcs; v++) {
            h.build.addVpc("vpc-" + v, 500, v == 1 ? otherInFirst : 0);
            for (int g = 1; g <= 3; g++) {
                h.build.addSecurityGroup("vpc-" + v, "sg-" + v + g);
            }
            h.build.addSubnet("vpc-" + v, "subnet-" + v, Cidr.parse("10.0." + v + ".0/24"), "az-1", 0);
        }
        return h;
    }

    /** Three functions in the VPC, a key each (added to the world, not yet created). */
    private static int[] threeKeys(WorldHarness h, int vpc) {
        int[] f = new int[3];
        for (int g = 1; g <= 3; g++) {
            f[g - 1] = h.function("f" + vpc + g, List.of("subnet-" + vpc), List.of("sg-" + vpc + g));
        }
        return f;
    }

    private static void create(WorldHarness h, int[] functions, long atMicros) {
        for (int f : functions) {
            h.create(f, atMicros);
        }
    }

    @Test
    void efsMountTargetsTakeSlotsOfTheVpcQuota() {
        WorldHarness h = world(1, WorldHarness.REGION_DEFAULT, 498);
        int[] f = threeKeys(h, 1);
        assertEquals(498, h.world().snapshot().vpcs().get(0).otherUsedEnis());
        create(h, f, 0);
        h.advanceTo(120 * SEC);
        assertEquals(State.Active, h.state(f[0]));
        assertEquals(State.Active, h.state(f[1]));
        assertEquals(State.Failed, h.state(f[2]), "500 - 498 = 2 slots for three keys");
        assertEquals(StateReasonCode.EniLimitExceeded, h.world().snapshot().functions().get(f[2]).reason());
        assertEquals(Outcome.ENI_LIMIT_REACHED, h.invoke(f[2], SEC));
    }

    @Test
    void otherUsersGrowOverTimeAsFarAsLambdasEnisLeaveRoom() {
        WorldHarness h = world(1);
        int[] f = threeKeys(h, 1);
        int late = h.function("late", List.of("subnet-1"), List.of("sg-11", "sg-12"));
        create(h, f, 0);
        h.advanceTo(120 * SEC);
        h.at(200 * SEC, new SimEvent.SetOtherUsedEnis(0, 600));
        h.advanceTo(200 * SEC);
        WorldSnapshot.VpcView v = h.world().snapshot().vpcs().get(0);
        assertEquals(3, v.enis());
        assertEquals(497, v.otherUsedEnis(), "asked 600: 500 - Lambda's 3 fit");
        h.create(late, 300 * SEC);
        h.advanceTo(400 * SEC);
        assertEquals(StateReasonCode.EniLimitExceeded, h.world().snapshot().functions().get(late).reason());
        assertEquals(State.Active, h.state(f[0]));
    }

    @Test
    void theRegionLimitCountsEveryVpc() {
        WorldHarness h = world(2, 5, 1); // the Region holds 5; an EFS mount target in vpc-1
        int[] a = threeKeys(h, 1);
        int[] b = threeKeys(h, 2);
        create(h, a, 0);
        h.advanceTo(120 * SEC);
        create(h, b, 120 * SEC);
        h.advanceTo(240 * SEC);
        assertEquals(State.Active, h.state(a[2]));
        assertEquals(State.Active, h.state(b[0]), "1 + 3 + 1 = 5: the Region's last interface");
        assertEquals(State.Failed, h.state(b[1]), "vpc-2 has 499 slots free, the Region none");
        assertEquals(StateReasonCode.EniLimitExceeded, h.world().snapshot().functions().get(b[1]).reason());
        assertEquals(1, h.world().snapshot().vpcs().get(1).enis());
    }
}
