package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.eni.EniState;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * An ENI's lifetime as the snapshot gives it (enis.csv): a step that happened at time 0 is a time, not "not yet".
 * An existing Active function's ENI is made and ready at 0, when the run starts.
 */
class EniReadyAtTimeZeroTest {

    @Test
    void anExistingFunctionsEniIsReadyAtZero() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("old", List.of("subnet-2"), List.of("sg-a"));
        h.at(0, new SimEvent.ExistingFunction(f, true));
        h.advanceTo(0);
        WorldSnapshot.EniView eni = h.eni(1);
        assertEquals(EniState.InUse, eni.state());
        assertEquals(0, eni.createdMicros());
        assertEquals(OptionalLong.of(0), eni.readyMicros());
        assertEquals(OptionalLong.empty(), eni.deletionRequestedMicros());
        assertEquals(OptionalLong.empty(), eni.endedMicros());
    }
}
