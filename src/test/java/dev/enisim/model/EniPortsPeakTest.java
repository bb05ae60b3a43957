package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * An ENI's peak shares its row's int with whether it is in use (a row stays 16 bytes): taking ports raises it,
 * giving them back and going out of use and back leave it, and an ENI out of use takes none.
 */
class EniPortsPeakTest {

    @Test
    void thePeakIsTheMostHeldAtOnceWhateverTheUseFlagDoes() {
        EniPorts p = new EniPorts();
        int r = p.add(0, 5);
        assertFalse(p.tryAcquire(r, 1), "not in use yet: no port");
        assertEquals(0, p.peak(r));
        p.setInUse(r, true);
        assertTrue(p.tryAcquire(r, 2));
        assertTrue(p.tryAcquire(r, 1));
        assertEquals(3, p.peak(r));
        assertTrue(p.release(r, 2));
        assertTrue(p.tryAcquire(r, 1), "back to 2: under the peak");
        assertEquals(3, p.peak(r), "a level under the peak leaves it");
        p.setInUse(r, false);
        assertEquals(3, p.peak(r), "going out of use keeps the peak");
        assertFalse(p.tryAcquire(r, 1), "out of use: no port");
        p.setInUse(r, true);
        assertEquals(3, p.peak(r), "and back in use");
        assertTrue(p.tryAcquire(r, 3));
        assertEquals(5, p.peak(r), "up to the capacity");
        assertFalse(p.tryAcquire(r, 1), "full");
        assertEquals(5, p.connections(r));
        int other = p.add(1, 5);
        assertEquals(0, p.peak(other), "a new row starts at none");
        assertEquals(5, p.peak(r), "and leaves its neighbour's");
    }
}
