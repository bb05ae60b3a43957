package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An attachment waits for each key of its binding once: told that a key is ready, it counts it once however often it
 * is told, and a key its binding does not use changes nothing. {@code Lifecycle.keyReady} relies on the second (it
 * asks the attachment of every waiting function, whatever keys its binding uses).
 */
class AttachmentCountsEachKeyOnceTest {

    private static Attachment waitingFor(int... keys) {
        return new Attachment(Attachment.Purpose.CREATE,
                new Binding(List.of("subnet-1"), List.of("sg-a"), keys, new int[0][], null));
    }

    @Test
    void aKeyToldTwiceIsCountedOnce() {
        Attachment a = waitingFor(4, 7);
        assertEquals(2, a.pending());
        assertFalse(a.keyReady(4));
        assertFalse(a.keyReady(4), "told again: still waiting for key 7");
        assertEquals(1, a.pending());
        assertFalse(a.complete());
        assertTrue(a.keyReady(7), "the last key awaited");
        assertTrue(a.complete());
        assertFalse(a.keyReady(7), "already complete: not the last one again");
        assertFalse(a.keyReady(4));
        assertEquals(0, a.pending());
    }

    @Test
    void aKeyTheBindingDoesNotUseChangesNothing() {
        Attachment a = waitingFor(4);
        assertFalse(a.keyReady(5));
        assertEquals(1, a.pending());
        assertFalse(a.complete());
        assertTrue(a.keyReady(4));
        assertFalse(a.keyReady(5), "nor once complete");
        assertEquals(0, a.pending());
    }
}
