package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An existing Active function's ENI existed before the run: the snapshot marks it in place at the start (what
 * summary.json's {@code enis.inPlaceAtStart} counts, so that created minus it is what the run created), while an ENI
 * a function created at 0 makes is the run's own, though it too is created at 0.
 */
class EniInPlaceAtStartTest {

    @Test
    void anExistingFunctionsEniIsInPlaceAtTheStartAndACreatedFunctionsIsNot() {
        WorldHarness h = WorldHarness.standard();
        int old = h.function("old", List.of("subnet-2"), List.of("sg-a"));
        int created = h.function("new", List.of("subnet-1"), List.of("sg-a"));
        h.at(0, new SimEvent.ExistingFunction(old, true));
        h.create(created, 0);
        h.advanceTo(60 * SEC);
        assertEquals("subnet-2", h.eni(1).id().keyLabel().split("\\+")[0]);
        assertTrue(h.eni(1).inPlaceAtStart(), "old's ENI, put in place at 0");
        assertEquals(0, h.eni(2).createdMicros());
        assertFalse(h.eni(2).inPlaceAtStart(), "new's ENI, created by the run at 0");
    }
}
