package dev.enisim.model;

import static dev.enisim.model.WorldHarness.KEEP_ALIVE;
import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.function.State;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * What the world tells its listener, which is all the metrics see: a subnet's free addresses (Sim.SubnetAvailableIps),
 * a key's connections (Sim.EniConnections), shared ENIs, environments by kind, and the timeline's actions in words.
 * A planner reading the charts depends on each figure being sent when it changes, with its new value. The values
 * are worked out by hand from the standard harness: subnet-1 is a /28 (16 - 5 reserved = 11 usable) with 3 used by
 * others, so 8 free; subnet-2 a /24 (251 usable); ENIs take 60 s to create and 600 s to delete.
 */
class GaugesTest {

    @Test
    void aSubnetsFreeAddressesAreSentWhenAnEniTakesItsIpAndWhenDeletionGivesItBack() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.advanceTo(0);
        assertEquals(7, h.seen.subnetIps.get(0), "8 free - 1 taken by the new ENI, at its creation");
        h.at(100 * SEC, new SimEvent.DeleteFunction(f));
        h.advanceTo(699 * SEC);
        assertEquals(7, h.seen.subnetIps.get(0), "held while the ENI is being deleted (100 s + 600 s)");
        h.advanceTo(700 * SEC);
        assertEquals(8, h.seen.subnetIps.get(0));
    }

    @Test
    void otherTenantsGrowingAreSentAndCappedAtWhatLambdasEnisLeave() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.at(10 * SEC, new SimEvent.SetOtherUsedIps(0, 5));
        h.advanceTo(10 * SEC);
        assertEquals(11 - 5 - 1, h.seen.subnetIps.get(0));
        assertTrue(h.seen.actions.contains("10s Other tenants of subnet-1 now use 5 IPs"), h.seen.actions.toString());
        h.at(20 * SEC, new SimEvent.SetOtherUsedIps(0, 11));
        h.advanceTo(20 * SEC);
        assertEquals(0, h.seen.subnetIps.get(0), "11 usable - 1 Lambda IP = 10 for the others");
        assertEquals(10, h.world().snapshot().subnets().get(0).otherUsedIps());
        assertTrue(h.seen.actions.contains(
                "20s Other tenants of subnet-1 now use 10 IPs (asked 11; Lambda's ENIs hold the rest)"),
                h.seen.actions.toString());
    }

    @Test
    void aFunctionJoiningAKeyWithAReadyEniSharesItAndNeedsNoNewIp() {
        WorldHarness h = WorldHarness.standard();
        int a = h.function("a", List.of("subnet-1"), List.of("sg-a"));
        int b = h.function("b", List.of("subnet-1"), List.of("sg-a"));
        int c = h.function("c", List.of("subnet-1"), List.of("sg-a"));
        h.create(a, 0);
        h.create(c, 30 * SEC); // while the ENI is being created: c waits for it, shares nothing yet
        h.create(b, 100 * SEC);
        h.advanceTo(100 * SEC);
        assertEquals(List.of("1 eni-0001 at 100"), h.seen.shared);
        assertEquals(State.Active, h.state(c), "c became Active with a, at 60 s");
        assertEquals(State.Pending, h.state(b));
        h.advanceTo(105 * SEC);
        assertEquals(State.Active, h.state(b), "attached in 5 s");
        assertEquals(1, h.world().snapshot().enis().size());
        assertEquals(7, h.seen.subnetIps.get(0));
    }

    @Test
    void aKeysConnectionsAreSentAsInvocationsTakeAndGiveBackTheirPorts() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("api", List.of("subnet-1"), List.of("sg-a"), -1, 3);
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 10 * SEC)); // ends at 70 s
        assertEquals(3, h.seen.keyConnections.get(0));
        h.advanceTo(65 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 10 * SEC)); // ends at 75 s
        assertEquals(6, h.seen.keyConnections.get(0));
        h.advanceTo(70 * SEC);
        assertEquals(3, h.seen.keyConnections.get(0));
        h.advanceTo(75 * SEC);
        assertEquals(0, h.seen.keyConnections.get(0));
    }

    @Test
    void environmentsAreSentByKindAsTheyStartGoIdleAndExpire() {
        WorldHarness h = WorldHarness.standard();
        int f = h.activeWithoutVpc("api");
        h.invoke(f, SEC);
        h.invoke(f, 2 * SEC);
        assertEquals(2, h.seen.environments.get(f));
        assertArrayEquals(new int[] {2, 0, 0}, h.seen.levels.get(f), "2 busy on-demand");
        assertArrayEquals(new int[] {2, 2}, h.seen.concurrency.get(f), "function and account in flight");
        h.advanceTo(SEC);
        assertArrayEquals(new int[] {1, 1, 0}, h.seen.levels.get(f));
        assertArrayEquals(new int[] {1, 1}, h.seen.concurrency.get(f));
        h.advanceTo(2 * SEC);
        assertArrayEquals(new int[] {0, 2, 0}, h.seen.levels.get(f));
        assertArrayEquals(new int[] {0, 0}, h.seen.concurrency.get(f));
        h.invoke(f, SEC); // warm: takes the most recently used
        assertArrayEquals(new int[] {1, 1, 0}, h.seen.levels.get(f));
        assertEquals(2, h.seen.environments.get(f));
        h.advanceTo(SEC + KEEP_ALIVE);
        assertArrayEquals(new int[] {0, 1, 0}, h.seen.levels.get(f), "the one idle since 1 s expired");
        assertEquals(1, h.seen.environments.get(f));
        h.advanceTo(3 * SEC + KEEP_ALIVE);
        assertEquals(0, h.seen.environments.get(f), "the other, idle since 3 s");
        assertArrayEquals(new int[] {0, 0, 0}, h.seen.levels.get(f));
    }

    @Test
    void timelineActionsAreToldInWords() {
        WorldHarness h = WorldHarness.standard();
        int a = h.function("a", List.of("subnet-1"), List.of("sg-a"));
        h.create(a, 0);
        h.at(10 * SEC, new SimEvent.SetRolePermissions(0, false, false));
        h.at(20 * SEC, new SimEvent.SetRolePermissions(0, true, false));
        h.at(30 * SEC, new SimEvent.SetRolePermissions(0, false, true));
        h.at(40 * SEC, new SimEvent.AzAvailability(0, true));
        h.at(50 * SEC, new SimEvent.AzAvailability(0, false));
        h.at(60 * SEC, new SimEvent.SetOtherUsedEnis(0, 499));
        h.at(70 * SEC, new SimEvent.SetOtherUsedEnis(0, 3));
        h.at(80 * SEC, new SimEvent.DeleteOrphanedEnis(OptionalInt.of(1)));
        h.at(90 * SEC, new SimEvent.DeleteOrphanedEnis(OptionalInt.empty()));
        h.advanceTo(90 * SEC);
        assertEquals(List.of(
                "0s CreateFunction a with subnets subnet-1 and security groups [sg-a]",
                "10s Revoke EC2 permissions of role a-role",
                "20s Grant EC2 permissions to role a-role",
                "30s DeleteRole a-role",
                "40s Availability Zone az-1 down",
                "50s Availability Zone az-1 back up",
                "60s Other services' ENIs in vpc-1 now number 499",
                "70s Other services' ENIs in vpc-1 now number 3",
                "80s DeleteNetworkInterface by hand: 0 orphaned ENIs in subnet-2",
                "90s DeleteNetworkInterface by hand: 0 orphaned ENIs"), h.seen.actions);
    }

    @Test
    void otherServicesEnisAreCappedAtWhatLambdasLeaveInTheQuota() {
        WorldHarness h = WorldHarness.standard();
        int a = h.function("a", List.of("subnet-1"), List.of("sg-a"));
        h.create(a, 0);
        h.at(10 * SEC, new SimEvent.SetOtherUsedEnis(0, 500));
        h.advanceTo(10 * SEC);
        assertEquals(499, h.world().snapshot().vpcs().get(0).otherUsedEnis(), "quota 500 - 1 Lambda ENI");
        assertEquals(500, h.world().snapshot().region().otherEnis() + h.world().snapshot().region().lambdaEnis());
        assertTrue(h.seen.actions.contains("10s Other services' ENIs in vpc-1 now number 499 (asked 500; Lambda's ENIs"
                + " hold the rest of the quota)"), h.seen.actions.toString());
    }
}
