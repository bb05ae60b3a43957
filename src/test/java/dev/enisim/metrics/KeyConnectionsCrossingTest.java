package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * {@link KeyConnections} crosses its buckets for all keys at once, at the first change at or past the current
 * bucket's end: a change exactly on an edge is the next bucket's, a key with no change of its own in a bucket has
 * its level there, and the last bucket takes every later instant.
 */
class KeyConnectionsCrossingTest {

    @Test
    void aChangeExactlyOnAnEdgeBelongsToTheNextBucket() {
        KeyConnections rows = new KeyConnections(100, 4);
        rows.ensureKey(0);
        rows.set(0, 7, 99);
        assertEquals(0, rows.bucket());
        rows.set(0, 3, 100); // bucket 1 begins at 100 at level 7, its maximum; 3 is its level from then on
        assertEquals(1, rows.bucket());
        assertArrayEquals(new long[] {7, 7, 3, 3}, rows.values(0));
        rows.set(0, 2, 199);
        rows.set(0, 1, 200);
        assertArrayEquals(new long[] {7, 7, 2, 1}, rows.values(0));
    }

    @Test
    void everyKeyCrossesWhenAnyChangesPastTheEdge() {
        KeyConnections rows = new KeyConnections(100, 5);
        rows.ensureKey(1);
        rows.set(0, 9, 10);
        rows.set(0, 2, 20);
        rows.set(1, 4, 30);
        rows.set(1, 6, 350); // buckets 1 and 2 passed, key 0 never changed after bucket 0
        assertEquals(3, rows.bucket());
        assertArrayEquals(new long[] {9, 2, 2, 2, 2}, rows.values(0));
        assertArrayEquals(new long[] {4, 4, 4, 6, 6}, rows.values(1));
        assertEquals(9, rows.peak(0));
        assertEquals(6, rows.peak(1));
        rows.set(0, 1, 420); // key 0's maximum in bucket 4 counts the level it began with
        assertArrayEquals(new long[] {9, 2, 2, 2, 2}, rows.values(0));
        assertEquals(4, rows.bucket());
    }

    @Test
    void theLastBucketTakesEveryLaterInstant() {
        KeyConnections rows = new KeyConnections(100, 3);
        rows.ensureKey(0);
        rows.set(0, 5, 250);
        rows.set(0, 8, 1_000_000);
        assertEquals(2, rows.bucket());
        assertArrayEquals(new long[] {0, 0, 8}, rows.values(0));
        assertEquals(8, rows.peak(0));
    }

    @Test
    void aKeyAddedLaterHasZeroInTheBucketsBefore() {
        KeyConnections rows = new KeyConnections(10, 4);
        rows.ensureKey(0);
        rows.set(0, 1, 25);
        rows.ensureKey(2);
        rows.set(2, 3, 26);
        assertArrayEquals(new long[] {0, 0, 3, 3}, rows.values(2));
        assertArrayEquals(new long[] {0, 0, 0, 0}, rows.values(1));
    }

    @Test
    void bucketsAndTheirLengthMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new KeyConnections(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new KeyConnections(10, 0));
        new KeyConnections(1, 1).ensureKey(0);
    }
}
