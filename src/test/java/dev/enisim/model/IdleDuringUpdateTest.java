package dev.enisim.model;

import static dev.enisim.model.WorldHarness.DAY;
import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.enisim.model.eni.EniState;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function whose idle period (14 d) ends while a VPC config update is under way: it is not reclaimed in the middle
 * of the update, and is reclaimed once the update has ended (it has still not been invoked). Create 60 s, delete
 * 600 s. Before the fix, the idle check re-scheduled itself at the same microsecond for as long as the update ran:
 * the event loop never advanced (the simulation hung).
 */
class IdleDuringUpdateTest {

    @Test
    void theIdleReclaimWaitsForTheUpdateThenHappens() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            WorldHarness h = WorldHarness.standard();
            int f = h.function("api", List.of("subnet-1"), List.of("sg-a"));
            h.create(f, 0); // Active at 60 s: idle from 60 s + 14 d
            h.at(14 * DAY + 30 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-2"), List.of("sg-a"))));
            h.advanceTo(14 * DAY + 89 * SEC);
            assertEquals(State.Active, h.state(f), "not reclaimed while its update runs");
            assertEquals(LastUpdateStatus.InProgress, h.world().snapshot().functions().get(f).lastUpdateStatus());
            h.advanceTo(14 * DAY + 90 * SEC); // the new ENI is ready: the update ends
            assertEquals(LastUpdateStatus.Successful, h.world().snapshot().functions().get(f).lastUpdateStatus());
            assertEquals(State.Inactive, h.state(f), "idle since 60 s, more than 14 days");
            assertEquals(EniState.Deleting, h.eni(1).state(), "the old key, released by the update");
            assertEquals(EniState.Deleting, h.eni(2).state(), "the new key, released by the reclaim");
            List<Teardown> t = h.world().snapshot().teardowns();
            assertEquals(List.of("updateVpcConfig", "idle reclaim"), t.stream().map(Teardown::action).toList());
        });
    }

    /** An update is not an invocation: one that ended before the idle period does not move the reclaim. */
    @Test
    void anEarlierUpdateNeitherPostponesNorAdvancesTheReclaim() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            WorldHarness h = WorldHarness.standard();
            int f = h.createdApi();
            h.at(10 * DAY, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-2"), List.of("sg-a"))));
            h.advanceTo(14 * DAY + 60 * SEC - 1);
            assertEquals(State.Active, h.state(f));
            assertEquals(LastUpdateStatus.Successful, h.world().snapshot().functions().get(f).lastUpdateStatus());
            h.advanceTo(14 * DAY + 60 * SEC);
            assertEquals(State.Inactive, h.state(f));
        });
    }
}
