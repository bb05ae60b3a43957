package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The one split of a span into days, hours, minutes, seconds and a fraction (the narrative's exact spans and the
 * terminal's durations both use it): each unit's boundary, and the parts told.
 */
class SpanPartsTest {

    private static final long S = 1_000_000L;

    @Test
    void eachUnitRollsOverAtItsBoundary() {
        assertEquals(new SpanParts(0, 0, 0, 0, 0), SpanParts.of(0));
        assertEquals(new SpanParts(0, 0, 0, 59, 0), SpanParts.of(59 * S));
        assertEquals(new SpanParts(0, 0, 1, 0, 0), SpanParts.of(60 * S));
        assertEquals(new SpanParts(0, 0, 59, 59, 0), SpanParts.of(3_599 * S));
        assertEquals(new SpanParts(0, 1, 0, 0, 0), SpanParts.of(3_600 * S));
        assertEquals(new SpanParts(0, 23, 59, 59, 0), SpanParts.of(86_399 * S));
        assertEquals(new SpanParts(1, 0, 0, 0, 0), SpanParts.of(86_400 * S));
        assertEquals(new SpanParts(19, 23, 45, 0, 0), SpanParts.of((19 * 86_400 + 23 * 3_600 + 45 * 60) * S));
        assertEquals(new SpanParts(400, 0, 0, 1, 0), SpanParts.of((400 * 86_400 + 1) * S), "days do not wrap");
    }

    @Test
    void theFractionIsWhatIsLeftAfterTheWholeSeconds() {
        assertEquals(new SpanParts(0, 0, 0, 0, 1), SpanParts.of(1));
        assertEquals(new SpanParts(0, 0, 0, 0, 999_999), SpanParts.of(S - 1));
        assertEquals(new SpanParts(0, 0, 3, 0, 250_000), SpanParts.of(180 * S + 250_000));
        assertEquals(new SpanParts(1, 1, 1, 1, 1), SpanParts.of(90_061 * S + 1));
    }

    @Test
    void unitsAboveZeroCountTheWholeUnitsNotTheFraction() {
        assertEquals(0, SpanParts.of(0).unitsAboveZero());
        assertEquals(0, SpanParts.of(500_000).unitsAboveZero());
        assertEquals(1, SpanParts.of(59 * S).unitsAboveZero());
        assertEquals(1, SpanParts.of(60 * S).unitsAboveZero());
        assertEquals(1, SpanParts.of(86_400 * S).unitsAboveZero());
        assertEquals(2, SpanParts.of(86_460 * S).unitsAboveZero());
        assertEquals(3, SpanParts.of((19 * 86_400 + 23 * 3_600 + 45 * 60) * S).unitsAboveZero());
        assertEquals(4, SpanParts.of(90_061 * S + 1).unitsAboveZero());
    }

    @Test
    void theTextSaysThePartsAboveZeroLargestFirst() {
        assertEquals("", SpanParts.of(0).text());
        assertEquals("59s", SpanParts.of(59 * S).text());
        assertEquals("1m", SpanParts.of(60 * S).text());
        assertEquals("1h", SpanParts.of(3_600 * S).text());
        assertEquals("23h 59m 59s", SpanParts.of(86_399 * S).text());
        assertEquals("1d", SpanParts.of(86_400 * S).text());
        assertEquals("19d 23h 45m", SpanParts.of((19 * 86_400 + 23 * 3_600 + 45 * 60) * S).text());
        assertEquals("7d 2m 46s", SpanParts.of((7 * 86_400 + 166) * S).text());
        assertEquals("1d 1h 1m 1s", SpanParts.of(90_061 * S).text());
    }

    @Test
    void aFractionIsSaidWithTheSecondsToTheMicrosecondWithoutTrailingZeros() {
        assertEquals("0.5s", SpanParts.of(500_000).text());
        assertEquals("0.000001s", SpanParts.of(1).text());
        assertEquals("0.999999s", SpanParts.of(S - 1).text());
        assertEquals("3m 0.25s", SpanParts.of(180 * S + 250_000).text());
        assertEquals("59.1s", SpanParts.of(59 * S + 100_000).text());
        assertEquals("1d 1h 1m 1.000001s", SpanParts.of(90_061 * S + 1).text());
        assertEquals("2d 0.01s", SpanParts.of(2 * 86_400 * S + 10_000).text());
    }
}
