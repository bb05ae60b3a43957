package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.eni.EniState;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The snapshot's ENI lifetime (create 60 s, attach 5 s, delete 600 s): each step empty until it happens, its time
 * once it has; a deletion that did not go ahead (the key used again) is empty again.
 */
class EniViewTest {

    @Test
    void eachStepIsEmptyUntilItHappens() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi();
        h.advanceTo(30 * SEC);
        WorldSnapshot.EniView creating = h.eni(1);
        assertEquals(EniState.Creating, creating.state());
        assertEquals(0, creating.createdMicros());
        assertEquals(OptionalLong.empty(), creating.readyMicros());
        assertEquals(OptionalLong.empty(), creating.deletionRequestedMicros());
        assertEquals(OptionalLong.empty(), creating.orphanedMicros());
        assertEquals(OptionalLong.empty(), creating.endedMicros());

        h.at(100 * SEC, new SimEvent.DeleteFunction(f));
        h.advanceTo(100 * SEC);
        WorldSnapshot.EniView deleting = h.eni(1);
        assertEquals(OptionalLong.of(60 * SEC), deleting.readyMicros());
        assertEquals(OptionalLong.of(100 * SEC), deleting.deletionRequestedMicros());
        assertEquals(OptionalLong.empty(), deleting.endedMicros(), "not deleted yet");

        h.at(200 * SEC, new SimEvent.CreateFunction(f)); // the key is used again: the ENI is kept
        h.advanceTo(205 * SEC);
        WorldSnapshot.EniView kept = h.eni(1);
        assertEquals(EniState.InUse, kept.state());
        assertEquals(OptionalLong.of(60 * SEC), kept.readyMicros(), "ready once, at its first readiness");
        assertEquals(OptionalLong.empty(), kept.deletionRequestedMicros(), "the deletion did not go ahead");
        h.advanceTo(800 * SEC);
        assertEquals(OptionalLong.empty(), h.eni(1).endedMicros(), "kept: never deleted");
    }
}
