package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.eni.EniState;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorldTest {

    @Test
    void functionWithoutVpcIsActiveAtOnceAndNeedsNoEni() {
        WorldHarness h = WorldHarness.standard();
        int f = h.activeWithoutVpc("plain");
        assertEquals(State.Active, h.state(f));
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC));
        assertEquals(0, h.world().snapshot().enis().size());
    }

    @Test
    void vpcFunctionIsPendingUntilItsEniIsReadyAndInvocationsConflictMeanwhile() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.advanceTo(10 * SEC);
        assertEquals(State.Pending, h.state(f));
        assertEquals(StateReasonCode.Creating, h.world().snapshot().functions().get(f).reason());
        assertEquals(Outcome.RESOURCE_CONFLICT, h.invoke(f, SEC));
        assertEquals(EniState.Creating, h.world().snapshot().enis().get(0).state());
        assertEquals(7, h.world().snapshot().subnets().get(0).availableIps(), "11 usable - 3 others - 1 ENI");
        h.advanceTo(60 * SEC);
        assertEquals(State.Active, h.state(f));
        assertNull(h.world().snapshot().functions().get(f).reason());
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC));
        assertEquals(List.of("0s api Pending/Creating", "0s eni-0001 Creating", "60s eni-0001 InUse", "60s api Active"),
                h.log);
    }

    @Test
    void functionsWithTheSameSubnetAndGroupsShareOneEniWhateverTheGroupOrder() {
        WorldHarness h = WorldHarness.standard();
        int a = h.function("a", List.of("subnet-1"), List.of("sg-a", "sg-b"));
        int b = h.function("b", List.of("subnet-1"), List.of("sg-b", "sg-a"));
        h.create(a, 0);
        h.create(b, 100 * SEC);
        h.advanceTo(100 * SEC);
        assertEquals(State.Active, h.state(a));
        assertEquals(State.Pending, h.state(b));
        h.advanceTo(105 * SEC);
        assertEquals(State.Active, h.state(b), "attaching to an existing ENI takes attachExistingTime (5 s)");
        assertEquals(1, h.world().snapshot().enis().size());
        assertEquals(1, h.world().snapshot().keys().size());
    }

    @Test
    void aFunctionCreatedWhileTheKeysEniIsCreatingWaitsForIt() {
        WorldHarness h = WorldHarness.standard();
        int a = h.function("a", List.of("subnet-1"), List.of("sg-a"));
        int b = h.function("b", List.of("subnet-1"), List.of("sg-a"));
        h.create(a, 0);
        h.create(b, 30 * SEC);
        h.advanceTo(59 * SEC);
        assertEquals(State.Pending, h.state(b));
        h.advanceTo(60 * SEC);
        assertEquals(State.Active, h.state(a));
        assertEquals(State.Active, h.state(b));
        assertEquals(1, h.world().snapshot().enis().size());
    }

    @Test
    void differentSecurityGroupsNeedAnotherEni() {
        WorldHarness h = WorldHarness.standard();
        int a = h.function("a", List.of("subnet-1"), List.of("sg-a"));
        int b = h.function("b", List.of("subnet-1"), List.of("sg-b"));
        h.create(a, 0);
        h.create(b, 0);
        h.advanceTo(60 * SEC);
        assertEquals(2, h.world().snapshot().enis().size());
        assertEquals(6, h.world().snapshot().subnets().get(0).availableIps());
    }

    @Test
    void aSlash28WithThreeIpsUsedByOthersFitsExactlyEightEnis() {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC);
        h.build.addVpc("vpc-1", 500);
        for (int i = 0; i < 9; i++) {
            h.build.addSecurityGroup("vpc-1", "sg-" + i);
        }
        h.build.addSubnet("vpc-1", "tiny", dev.enisim.model.network.Cidr.parse("10.0.1.0/28"), "az-1", 3);
        for (int i = 0; i < 9; i++) {
            h.create(h.function("f" + i, List.of("tiny"), List.of("sg-" + i)), i * SEC);
        }
        h.advanceTo(200 * SEC);
        for (int i = 0; i < 8; i++) {
            assertEquals(State.Active, h.state(i));
        }
        assertEquals(State.Failed, h.state(8));
        assertEquals(StateReasonCode.SubnetOutOfIPAddresses, h.world().snapshot().functions().get(8).reason());
        assertEquals(Outcome.SUBNET_IP_LIMIT_REACHED, h.invoke(8, SEC));
        assertEquals(0, h.world().snapshot().subnets().get(0).availableIps());
    }

    @Test
    void theVpcQuotaStopsNewKeysWithEniLimitExceeded() {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC);
        h.build.addVpc("vpc-1", 2);
        for (int i = 0; i < 3; i++) {
            h.build.addSecurityGroup("vpc-1", "sg-" + i);
        }
        h.build.addSubnet("vpc-1", "big", dev.enisim.model.network.Cidr.parse("10.0.0.0/20"), "az-1", 0);
        for (int i = 0; i < 3; i++) {
            h.create(h.function("f" + i, List.of("big"), List.of("sg-" + i)), 0);
        }
        h.advanceTo(100 * SEC);
        assertEquals(StateReasonCode.EniLimitExceeded, h.world().snapshot().functions().get(2).reason());
        assertEquals(Outcome.ENI_LIMIT_REACHED, h.invoke(2, SEC));
        assertEquals(2, h.world().snapshot().vpcs().get(0).enis());
    }

    @Test
    void subnetsOfTwoVpcsOrAForeignSecurityGroupFailTheFunction() {
        WorldHarness h = WorldHarness.standard();
        h.build.addVpc("vpc-2", 500);
        h.build.addSecurityGroup("vpc-2", "sg-other");
        h.build.addSubnet("vpc-2", "subnet-x", dev.enisim.model.network.Cidr.parse("10.1.0.0/24"), "az-1", 0);
        int a = h.function("a", List.of("subnet-1", "subnet-x"), List.of("sg-a"));
        int b = h.function("b", List.of("subnet-1"), List.of("sg-other"));
        h.create(a, 0);
        h.create(b, 0);
        h.advanceTo(1);
        assertEquals(StateReasonCode.InvalidSubnet, h.world().snapshot().functions().get(a).reason());
        assertEquals(StateReasonCode.InvalidSecurityGroup, h.world().snapshot().functions().get(b).reason());
        assertEquals(Outcome.INVALID_SUBNET_ID, h.invoke(a, SEC));
        assertEquals(Outcome.INVALID_SECURITY_GROUP_ID, h.invoke(b, SEC));
        assertEquals(0, h.world().snapshot().enis().size());
    }

    @Test
    void aFullEniScalesOutAndRequestsFailToConnectUntilTheNewOneIsReady() {
        WorldHarness h = new WorldHarness(1000, 10, 60 * SEC, 5 * SEC);
        h.build.addVpc("vpc-1", 500);
        h.build.addSecurityGroup("vpc-1", "sg-a");
        h.build.addSubnet("vpc-1", "s", dev.enisim.model.network.Cidr.parse("10.0.0.0/24"), "az-1", 0);
        int f = h.function("db-heavy", List.of("s"), List.of("sg-a"), -1, 2);
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        for (int i = 0; i < 5; i++) {
            assertEquals(Outcome.SUCCESS, h.invoke(f, 800 * SEC));
        }
        assertEquals(Outcome.FUNCTION_ERROR_NO_PORT, h.invoke(f, 800 * SEC));
        assertEquals(2, h.world().snapshot().enis().size(), "the key scales out");
        assertEquals(Outcome.FUNCTION_ERROR_NO_PORT, h.invoke(f, 800 * SEC));
        assertEquals(2, h.world().snapshot().enis().size(), "one scale-out at a time");
        h.advanceTo(120 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 800 * SEC));
        assertEquals(2, h.world().snapshot().enis().get(1).connections());
    }

    @Test
    void aScaleOutWithoutIpsFailsWithSubnetIpLimitAndBacksOff() {
        WorldHarness h = new WorldHarness(1000, 1, 60 * SEC, 5 * SEC);
        h.build.addVpc("vpc-1", 500);
        h.build.addSecurityGroup("vpc-1", "sg-a");
        h.build.addSubnet("vpc-1", "s", dev.enisim.model.network.Cidr.parse("10.0.0.0/28"), "az-1", 10);
        int f = h.function("f", List.of("s"), List.of("sg-a"));
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 800 * SEC));
        assertEquals(Outcome.SUBNET_IP_LIMIT_REACHED, h.invoke(f, SEC));
        assertEquals(Outcome.SUBNET_IP_LIMIT_REACHED, h.invoke(f, SEC));
        assertEquals(1, h.world().snapshot().enis().size());
        // an address frees up, but Lambda waits out the 5-minute back-off (from 60 s) before trying again
        h.at(100 * SEC, new SimEvent.SetOtherUsedIps(0, 9));
        h.advanceTo(359 * SEC);
        assertEquals(Outcome.SUBNET_IP_LIMIT_REACHED, h.invoke(f, SEC));
        assertEquals(1, h.world().snapshot().enis().size());
        h.advanceTo(360 * SEC);
        assertEquals(Outcome.FUNCTION_ERROR_NO_PORT, h.invoke(f, SEC), "the new ENI is still being created");
        assertEquals(2, h.world().snapshot().enis().size(), "retried after the back-off");
    }

    @Test
    void reservedAndAccountConcurrencyThrottleWithTheirReasons() {
        WorldHarness h = new WorldHarness(3, 65_000, SEC, SEC);
        int r = h.function("reserved", List.of(), List.of(), 1, 1);
        int u = h.function("unreserved", List.of(), List.of());
        h.create(r, 0);
        h.create(u, 0);
        h.advanceTo(0);
        assertEquals(Outcome.SUCCESS, h.invoke(r, 10 * SEC));
        assertEquals(Outcome.THROTTLED_RESERVED, h.invoke(r, 10 * SEC));
        assertEquals(Outcome.SUCCESS, h.invoke(u, 10 * SEC));
        assertEquals(Outcome.SUCCESS, h.invoke(u, 10 * SEC));
        assertEquals(Outcome.THROTTLED_ACCOUNT, h.invoke(u, 10 * SEC), "unreserved pool = 3 - 1 reserved");
        h.advanceTo(10 * SEC);
        assertEquals(0, h.world().accountInFlight());
        assertEquals(Outcome.SUCCESS, h.invoke(u, SEC));
    }

    @Test
    void anInvocationPastItsTimeoutIsAFunctionErrorAndHoldsOnlyUntilTheTimeout() {
        WorldHarness h = WorldHarness.standard();
        h.timeoutMicros = 3 * SEC;
        int f = h.activeWithoutVpc("slow");
        assertEquals(Outcome.FUNCTION_ERROR_TIMEOUT, h.invoke(f, 10 * SEC));
        h.advanceTo(3 * SEC);
        assertEquals(0, h.world().accountInFlight());
        assertEquals(1, h.world().function(f).environments().idle(), "its environment is warm and idle");
    }
}
