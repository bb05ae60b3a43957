package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.function.State;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function created while its key's ENI is being made for another function waits for that ENI rather than making
 * one: the world tells which ENI it awaits (the narrative's "waits for eni-N"), once, and both are Active when it
 * is ready. The function that made the ENI awaited nothing; one created once the ENI is ready shares it.
 */
class EniAwaitedTest {

    @Test
    void aSecondFunctionOnAKeyWhoseEniIsBeingCreatedAwaitsIt() {
        WorldHarness h = WorldHarness.standard(); // ENIs ready 60 s after their creation
        int first = h.function("first", List.of("subnet-1"), List.of("sg-a"));
        int second = h.function("second", List.of("subnet-1"), List.of("sg-a"));
        int third = h.function("third", List.of("subnet-1"), List.of("sg-a"));
        h.create(first, 0);
        h.create(second, 10 * SEC);
        h.create(third, 100 * SEC);
        h.advanceTo(200 * SEC);
        assertEquals(List.of(second + " eni-0001 at 10"), h.seen.awaited);
        assertEquals(List.of(third + " eni-0001 at 100"), h.seen.shared);
        assertEquals(State.Active, h.state(first));
        assertEquals(State.Active, h.state(second));
        assertEquals(1, h.world().snapshot().enis().size(), "one ENI for the key");
    }
}
