package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A span in the narrative's words ({@link Spans#of}): whole days, hours or minutes when it is exactly one, from the
 * unit's first whole value (one day is "1 day", not "24 h"; one hour "1 h", not "60 min"), else to a tenth.
 */
class SpansInWordsTest {

    private static final long S = 1_000_000L;

    @Test
    void eachUnitStartsAtItsFirstWholeValue() {
        assertEquals("1 day", Spans.of(86_400 * S));
        assertEquals("1 h", Spans.of(3_600 * S));
        assertEquals("1 min", Spans.of(60 * S));
        assertEquals("59 s", Spans.of(59 * S));
        assertEquals("23.5 h", Spans.of(84_600 * S));
        assertEquals("59 min", Spans.of(3_540 * S));
        assertEquals("3599 s", Spans.of(3_599 * S));
    }

    @Test
    void wholeUnitsInThePluralAndTenthsOtherwise() {
        assertEquals("14 days", Spans.of(14 * 86_400 * S));
        assertEquals("1.5 days", Spans.of(129_600 * S));
        assertEquals("2 h", Spans.of(7_200 * S));
        assertEquals("1.5 h", Spans.of(5_400 * S));
        assertEquals("90 s", Spans.of(90 * S));
        assertEquals("0 s", Spans.of(999_999));
    }
}
