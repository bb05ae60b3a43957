package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The idle reclaim's span is exact: one unit in words ("14 days"), else in parts ("19d 23h 45m"), never rounded. */
class IdleCauseExactSpanTest {

    private static final long S = 1_000_000L;

    @Test
    void oneUnitReadsInWordsAsBefore() {
        assertEquals("14 days", Lifecycle.exactSpan(1_209_600 * S));
        assertEquals("3 h", Lifecycle.exactSpan(10_800 * S));
        assertEquals("20 min", Lifecycle.exactSpan(1_200 * S));
        assertEquals("45 s", Lifecycle.exactSpan(45 * S));
    }

    @Test
    void severalUnitsAreEachSaid() {
        assertEquals("19d 23h 45m", Lifecycle.exactSpan((19 * 86_400 + 23 * 3_600 + 45 * 60) * S));
        assertEquals("7d 2m 46s", Lifecycle.exactSpan((7 * 86_400 + 166) * S));
        assertEquals("1h 30m", Lifecycle.exactSpan(5_400 * S));
        assertEquals("3m 0.25s", Lifecycle.exactSpan(180 * S + 250_000));
        assertEquals("0.5s", Lifecycle.exactSpan(500_000));
    }
}
