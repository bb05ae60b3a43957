package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link Gauge#lower} on a minimum gauge is {@link Gauge#set} (its javadoc): a lower level is the bucket's new low,
 * where on a maximum gauge only the level moves.
 */
class MinimumGaugeLoweredTest {

    @Test
    void aMinimumGaugeLoweredKeepsTheLowInItsBucket() {
        Gauge low = new Gauge(3, false, 10);
        low.lower(0, 4);
        low.lower(1, 7);
        low.lower(1, 2);
        assertEquals(2, low.low());
        assertEquals(2, low.current());
        assertArrayEquals(new long[] {4, 2, 2}, low.values());
    }

    @Test
    void aMaximumGaugeLoweredKeepsItsBucketsMaximum() {
        Gauge high = new Gauge(3, true, 10);
        high.lower(0, 4);
        high.lower(1, 7);
        high.lower(1, 2);
        assertEquals(10, high.peak());
        assertArrayEquals(new long[] {10, 7, 2}, high.values());
    }
}
