package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link KeyConnections} at its edges: covering a key already covered keeps every key's row, a run of no time has
 * averages of 0 (not 0 / 0), and each key's integrals are its own.
 */
class KeyConnectionsKeysAndEmptyRunTest {

    @Test
    void coveringAKeyAlreadyCoveredKeepsTheHigherKeys() {
        KeyConnections rows = new KeyConnections(100, 3);
        rows.ensureKey(2);
        rows.set(2, 5, 10);
        rows.ensureKey(0); // covered: nothing changes
        rows.ensureKey(2);
        rows.set(2, 6, 150);
        rows.set(0, 1, 160);
        assertArrayEquals(new long[] {5, 6, 6}, rows.values(2));
        assertArrayEquals(new long[] {0, 1, 1}, rows.values(0));
        assertEquals(6, rows.peak(2));
        // key 2: 5 from 10 to 150, 6 from 150 to 300: (700 + 900) / 300
        assertEquals(1_600.0 / 300, rows.mean(2, 300), 1e-12);
    }

    @Test
    void aRunOfNoTimeHasAveragesOfZero() {
        KeyConnections rows = new KeyConnections(100, 1);
        rows.ensureKey(0);
        rows.set(0, 3, 0);
        assertEquals(0.0, rows.mean(0, 0));
        assertEquals(0.0, rows.variance(0, 0));
        assertEquals(0.0, rows.squares(0));
    }

    @Test
    void eachKeyIntegratesItsOwnSquares() {
        KeyConnections rows = new KeyConnections(100, 1);
        rows.ensureKey(1);
        rows.set(0, 2, 0);
        rows.set(1, 3, 0);
        assertEquals(2.0, rows.mean(0, 10));
        assertEquals(3.0, rows.mean(1, 10));
        assertEquals(40.0, rows.squares(0)); // 2^2 x 10
        assertEquals(90.0, rows.squares(1)); // 3^2 x 10
        assertEquals(0.0, rows.variance(1, 10));
    }
}
