package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code hyperplane.reuseDeletingEni} (the default) [assumed]: a function created on a key whose ENI is being deleted
 * takes it back; the action says how long before its deletion was requested, and the cancellation is kept with that
 * time for the teardown. Standard harness: an ENI's deletion takes 600 s.
 */
class DeletionCancelledSaysWhenItWasRequestedTest {

    @Test
    void theCancelledDeletionSaysWhenItWasRequested() {
        WorldHarness h = WorldHarness.standard();
        int old = h.function("old", List.of("subnet-1"), List.of("sg-a"));
        int next = h.function("next", List.of("subnet-1"), List.of("sg-a"));
        h.create(old, 0);
        h.at(100 * SEC, new SimEvent.DeleteFunction(old)); // its ENI is Deleting from 100 s
        h.create(next, 400 * SEC);
        h.advanceTo(400 * SEC);
        String address = h.eni(1).id().address();
        assertTrue(h.seen.actions.contains("400s Deletion of eni-0001 cancelled: next took it back (subnet-1+[sg-a] "
                + address + ", deletion requested 5 min before; it keeps its IP and quota slot:"
                + " hyperplane.reuseDeletingEni)"), h.seen.actions.toString());
        assertEquals(List.of(new DeletionCancelled(h.eni(1).id(), 100 * SEC, 400 * SEC, next)),
                h.world().snapshot().cancellations());
    }
}
