package dev.enisim.model;

import static dev.enisim.model.WorldHarness.DELETE_MICROS;
import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.eni.EniState;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * An ENI's deletion requested when the run starts (an existing function deleted at 0) whose role loses its EC2
 * permissions while the deletion runs is orphaned when the deletion ends: its lifetime keeps the request at 0 (a
 * time, not "not yet") and the orphaning at the deletion's end, 600 s later.
 */
class OrphanedAfterADeletionRequestedAtZeroTest {

    @Test
    void theRequestAtZeroIsKeptWhenTheEniIsOrphanedLater() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("old", List.of("subnet-2"), List.of("sg-a"));
        h.at(0, new SimEvent.ExistingFunction(f, true));
        h.at(0, new SimEvent.DeleteFunction(f));
        h.at(10 * SEC, new SimEvent.SetRolePermissions(0, false, false));
        h.advanceTo(DELETE_MICROS + SEC);
        WorldSnapshot.EniView eni = h.eni(1);
        assertEquals(EniState.Orphaned, eni.state());
        assertEquals(OptionalLong.of(0), eni.deletionRequestedMicros());
        assertEquals(OptionalLong.of(DELETE_MICROS), eni.orphanedMicros());
    }
}
