package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.eni.EniState;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * An ENI's ready time (enis.csv) is when it first became InUse: one whose key loses its users and then gets one
 * again while it is being deleted goes back to InUse but keeps that first time, also when it was 0 (an existing
 * function's ENI, ready when the run starts).
 */
class EniInUseAgainKeepsItsReadyTimeTest {

    @Test
    void anEniReadyAtZeroInUseAgainIsStillReadyAtZero() {
        WorldHarness h = WorldHarness.standard();
        int old = h.function("old", List.of("subnet-2"), List.of("sg-a"));
        int next = h.function("next", List.of("subnet-2"), List.of("sg-a")); // the same key
        h.at(0, new SimEvent.ExistingFunction(old, true));
        h.at(10 * SEC, new SimEvent.DeleteFunction(old));
        h.advanceTo(20 * SEC);
        assertEquals(EniState.Deleting, h.eni(1).state());
        h.create(next, 30 * SEC);
        h.advanceTo(40 * SEC);
        WorldSnapshot.EniView eni = h.eni(1);
        assertEquals(EniState.InUse, eni.state());
        assertEquals(OptionalLong.of(0), eni.readyMicros());
        assertEquals(OptionalLong.empty(), eni.deletionRequestedMicros());
    }
}
