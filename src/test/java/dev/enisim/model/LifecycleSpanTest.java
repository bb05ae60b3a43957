package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The idle reclaim's cause in the narrative reads as people say a span, not in raw seconds. */
class LifecycleSpanTest {

    private static final long S = 1_000_000L;

    @Test
    void spansReadInTheirLargestWholeUnitOrToATenth() {
        assertEquals("14 days", Lifecycle.span(1_209_600 * S));
        assertEquals("1 day", Lifecycle.span(86_400 * S));
        assertEquals("1.5 days", Lifecycle.span(129_600 * S));
        assertEquals("3 h", Lifecycle.span(10_800 * S));
        assertEquals("1.5 h", Lifecycle.span(5_400 * S));
        assertEquals("20 min", Lifecycle.span(1_200 * S));
        assertEquals("90 s", Lifecycle.span(90 * S));
        assertEquals("59 s", Lifecycle.span(59 * S + 999_999));
    }

    /** Each unit from its first whole value: one hour is "1 h", not "60 min"; one minute "1 min", not "60 s". */
    @Test
    void eachUnitStartsAtItsFirstWholeValue() {
        assertEquals("1 h", Lifecycle.span(3_600 * S));
        assertEquals("1 min", Lifecycle.span(60 * S));
        assertEquals("3599 s", Lifecycle.span(3_599 * S));
        assertEquals("59 min", Lifecycle.span(3_540 * S));
        assertEquals("23.5 h", Lifecycle.span(84_600 * S));
        assertEquals("2 h", Lifecycle.span(7_200 * S));
        assertEquals("0 s", Lifecycle.span(999_999));
    }
}
