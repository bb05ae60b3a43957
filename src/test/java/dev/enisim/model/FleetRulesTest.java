package dev.enisim.model;

import static dev.enisim.model.WorldHarness.DAY;
import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.eni.EniState;
import dev.enisim.model.function.State;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * More rules of the ENI fleet and the lifecycle around it (create 60 s, attach 5 s, delete 600 s, idle 14 d): a
 * deletion superseded by a second one finishes at the second's time, orphans deleted by hand in subnet 0 only,
 * existing functions sharing one ENI, and when an existing or newly created function has its environments.
 */
class FleetRulesTest {

    @Test
    void anEniReleasedTwiceIsDeletedAtTheSecondReleasesTimeNotTheFirsts() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.at(100 * SEC, new SimEvent.DeleteFunction(f)); // deletion would finish at 700 s
        h.at(200 * SEC, new SimEvent.CreateFunction(f)); // the key is used again: the ENI is kept
        h.at(300 * SEC, new SimEvent.DeleteFunction(f)); // released again: deletion finishes at 900 s
        h.advanceTo(205 * SEC);
        assertEquals(State.Active, h.state(f), "attached to the kept ENI in 5 s");
        assertEquals(EniState.InUse, h.eni(1).state());
        h.advanceTo(899 * SEC);
        assertEquals(EniState.Deleting, h.eni(1).state(), "the first deletion's end (700 s) is stale");
        assertEquals(7, h.availableIps(0));
        h.advanceTo(900 * SEC);
        assertEquals(EniState.Deleted, h.eni(1).state());
        assertEquals(OptionalLong.of(900 * SEC), h.eni(1).endedMicros());
        assertEquals(8, h.availableIps(0));
    }

    @Test
    void orphansDeletedByHandInSubnetZeroLeaveTheOtherSubnetsOrphans() {
        WorldHarness h = LeaksTest.orphanInEachSubnet();
        h.at(900 * SEC, new SimEvent.DeleteOrphanedEnis(OptionalInt.of(0)));
        h.advanceTo(900 * SEC);
        assertEquals(EniState.Deleted, h.eni(1).state());
        assertEquals(EniState.Orphaned, h.eni(2).state(), "subnet-2's orphan is not touched");
        assertEquals(8, h.availableIps(0));
        assertEquals(250, h.availableIps(1));
        assertTrue(h.seen.actions.contains("900s DeleteNetworkInterface by hand: 1 orphaned ENI in subnet-1"),
                h.seen.actions.toString());
    }

    @Test
    void existingFunctionsOnOneKeyShareOneEni() {
        WorldHarness h = WorldHarness.standard();
        int a = h.function("a", List.of("subnet-1"), List.of("sg-a"));
        int b = h.function("b", List.of("subnet-1"), List.of("sg-b", "sg-a"));
        int c = h.function("c", List.of("subnet-1"), List.of("sg-a", "sg-b")); // found only at 1 s
        h.at(0, new SimEvent.ExistingFunction(a, true));
        h.at(0, new SimEvent.ExistingFunction(b, true));
        h.advanceTo(0);
        assertEquals(State.Active, h.state(a));
        assertEquals(State.Active, h.state(b));
        assertEquals(2, h.world().snapshot().enis().size(), "one per key: {sg-a} and {sg-a, sg-b}");
        h.at(SEC, new SimEvent.ExistingFunction(c, true));
        h.advanceTo(SEC);
        assertEquals(2, h.world().snapshot().enis().size(), "c shares b's");
        assertEquals(2, h.users(1));
        assertEquals(6, h.availableIps(0));
        assertTrue(h.seen.actions.contains("1s Existing function c with subnets subnet-1 and security groups"
                + " [sg-a, sg-b] (Active)"), h.seen.actions.toString());
    }

    /** Activation counts as a use: an existing function found at 100 s goes idle 14 days after that. */
    @Test
    void anExistingActiveFunctionGoesIdleFourteenDaysAfterItWasFound() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("late", List.of("subnet-1"), List.of("sg-a"));
        h.at(100 * SEC, new SimEvent.ExistingFunction(f, true));
        h.advanceTo(100 * SEC + 14 * DAY - 1);
        assertEquals(State.Active, h.state(f));
        h.advanceTo(100 * SEC + 14 * DAY);
        assertEquals(State.Inactive, h.state(f));
    }

    @Test
    void provisionedEnvironmentsAreMadeWhenAFunctionBecomesActive() {
        WorldHarness h = WorldHarness.standard();
        int plain = h.function("plain", 128, List.of(), List.of(), 0, 2, 0);
        int found = h.function("found", 128, List.of("subnet-1"), List.of("sg-a"), 10, 3, 0);
        h.create(plain, 0);
        h.at(0, new SimEvent.ExistingFunction(found, true));
        h.advanceTo(0);
        assertEquals(2, h.world().function(plain).environments().provisioned(), "no VpcConfig: Active at once");
        assertEquals(3, h.world().function(found).environments().provisioned(), "existing: its ENI is in place");
        assertEquals(30, h.world().snapshot().keys().get(0).connections(), "3 pools of 10");
        assertEquals(5, h.world().environments().accountEnvironments());
    }
}
