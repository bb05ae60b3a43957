package dev.enisim.model;

import static dev.enisim.model.WorldHarness.DAY;
import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.function.State;
import dev.enisim.model.network.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Control-plane rules, as the control actions a run reports them (each expected line worked out from the rule):
 * a call that unblocks a function stuck Pending does only that (the call itself is not then rejected as well);
 * PublishVersion needs an Active function with no update in progress; DeleteFunction is reported; only functions
 * whose ENIs come before invocations (Hyperplane, with a VpcConfig) go Inactive when idle; a legacy function's
 * provisioned concurrency is allocated at its creation.
 */
class UnblockPublishAndIdleRulesTest {

    /** "api" in subnet-1 with sg-a, created at 0, its ENI taking 10 minutes: Pending past the 6. */
    private static WorldHarness slowEni() {
        WorldHarness h = new WorldHarness(1000, 65_000, 600 * SEC, 5 * SEC);
        h.build.addVpc("vpc-1", 500);
        h.build.addSecurityGroup("vpc-1", "sg-a");
        h.build.addSubnet("vpc-1", "subnet-1", Cidr.parse("10.0.1.0/24"), "az-1", 0);
        h.function("api", List.of("subnet-1"), List.of("sg-a"));
        h.create(0, 0);
        return h;
    }

    /** The control actions reported at {@code seconds} (whole seconds), in order. */
    static List<String> actionsAt(WorldHarness h, long seconds) {
        return h.seen.actions.stream().filter(a -> a.startsWith(seconds + "s ")).toList();
    }

    @Test
    void anUpdateThatUnblocksAStuckFunctionIsNotAlsoRejected() {
        WorldHarness h = slowEni();
        h.at(361 * SEC, new SimEvent.UpdateVpcConfig(0, h.vpc(List.of("subnet-1"), List.of("sg-a"))));
        h.advanceTo(361 * SEC);
        assertEquals(List.of("361s UpdateFunctionConfiguration api after 361 s Pending: Lambda cancels the pending"
                + " operation"), actionsAt(h, 361));
        assertEquals(State.Failed, h.state(0));
    }

    @Test
    void aPublishVersionThatUnblocksAStuckFunctionIsNotAlsoRejected() {
        WorldHarness h = slowEni();
        h.at(400 * SEC, new SimEvent.PublishVersion(0));
        h.advanceTo(400 * SEC);
        assertEquals(List.of("400s PublishVersion api after 400 s Pending: Lambda cancels the pending operation"),
                actionsAt(h, 400));
    }

    /**
     * The standard world (ENIs ready 60 s after creation): "api" Pending at 10 s; Active from 60 s; from 100 s an
     * update to subnet-2 is in progress (a new ENI: 60 s). PublishVersion is rejected while Pending and during the
     * update; after it, version 1 pins the new subnet.
     */
    @Test
    void publishVersionNeedsAnActiveFunctionWithNoUpdateInProgress() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.at(10 * SEC, new SimEvent.PublishVersion(f));
        h.at(100 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-2"), List.of("sg-a"))));
        h.at(110 * SEC, new SimEvent.PublishVersion(f));
        h.at(300 * SEC, new SimEvent.PublishVersion(f));
        h.advanceTo(300 * SEC);
        assertEquals(List.of("10s PublishVersion api rejected: ResourceConflictException (function Pending)"),
                actionsAt(h, 10));
        assertEquals(List.of("110s PublishVersion api rejected: ResourceConflictException (function Active)"),
                actionsAt(h, 110));
        assertEquals(List.of("300s PublishVersion api -> version 1, published with subnets subnet-2 and security groups"
                + " [sg-a]; it keeps their ENIs while it exists"), actionsAt(h, 300));
    }

    @Test
    void deleteFunctionIsReported() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.at(200 * SEC, new SimEvent.DeleteFunction(f));
        h.at(300 * SEC, new SimEvent.DeleteFunction(f));
        h.advanceTo(300 * SEC);
        assertEquals(List.of("200s DeleteFunction api"), actionsAt(h, 200));
        assertEquals(List.of("300s DeleteFunction api rejected: ResourceNotFoundException"), actionsAt(h, 300));
    }

    /**
     * Three functions never invoked for 30 days: without VpcConfig, in the legacy model (ENIs at cold starts), and a
     * Hyperplane one. Only the last has ENIs to reclaim: it goes Inactive after 14 days; the others stay Active.
     */
    @Test
    void onlyFunctionsWithHyperplaneEnisGoInactiveWhenIdle() {
        WorldHarness h = WorldHarness.standard();
        int vpc = h.createdApi();
        int plain = h.function("plain", List.of(), List.of());
        h.create(plain, 0);
        WorldHarness legacy = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT,
                new Legacy(() -> SEC, 100, 10));
        legacy.vpcWithSg(500);
        legacy.subnet("s", "10.0.0.0/24", "az-1");
        int old = legacy.function("old", List.of("s"), List.of("sg"));
        legacy.create(old, 0);
        h.advanceTo(30 * DAY);
        legacy.advanceTo(30 * DAY);
        assertEquals(State.Active, h.state(plain));
        assertEquals(State.Inactive, h.state(vpc));
        assertEquals(State.Active, legacy.state(old));
    }

    /**
     * Functions that existed when the run started, Active, never invoked: one without VpcConfig and one of the legacy
     * model keep no Hyperplane ENIs, so 30 days later they are still Active (and their idle checks do not spin).
     */
    @Test
    void existingFunctionsWithoutHyperplaneEnisStayActiveWhenIdle() {
        WorldHarness h = WorldHarness.standard();
        int plain = h.function("plain", List.of(), List.of());
        h.at(0, new SimEvent.ExistingFunction(plain, true));
        WorldHarness legacy = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT,
                new Legacy(() -> SEC, 100, 10));
        legacy.vpcWithSg(500);
        legacy.subnet("s", "10.0.0.0/24", "az-1");
        int old = legacy.function("old", List.of("s"), List.of("sg"));
        legacy.at(0, new SimEvent.ExistingFunction(old, true));
        h.advanceTo(30 * DAY);
        legacy.advanceTo(30 * DAY);
        assertEquals(State.Active, h.state(plain));
        assertEquals(State.Active, legacy.state(old));
    }

    /**
     * A legacy function (Active at its creation) with provisioned concurrency 2: its two environments are
     * allocated from its creation, as a Hyperplane function's are from its activation; an hour later both are idle.
     */
    @Test
    void aLegacyFunctionsProvisionedConcurrencyIsAllocatedAtItsCreation() {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT,
                new Legacy(() -> SEC, 100, 10));
        h.vpcWithSg(500);
        h.subnet("s", "10.0.0.0/24", "az-1");
        int f = h.function("warm", 128, List.of("s"), List.of("sg"), 0, 2, 0);
        h.create(f, 0);
        h.advanceTo(0);
        assertEquals(State.Active, h.state(f), "Active at its creation");
        assertEquals(2, h.world().function(f).environments().provisioned(), "both allocated at its creation");
        h.advanceTo(3600 * SEC);
        assertEquals(State.Active, h.state(f));
        int[] levels = h.seen.levels.get(f);
        assertTrue(levels != null, "environment levels reported");
        assertEquals(0, levels[0], "none busy an hour later");
        assertEquals(2, levels[2], "provisioned environments");
    }
}
