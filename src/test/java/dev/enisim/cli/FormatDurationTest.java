package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The terminal's durations: whole seconds in parts (split by {@code model.SpanParts}, as the narrative's exact spans
 * are), under a second in milliseconds, with a fraction in seconds to the millisecond. What {@code run},
 * {@code validate}, {@code plan} and the budget lines print.
 */
class FormatDurationTest {

    private static final long S = 1_000_000L;

    @Test
    void wholeSecondsAreSaidInPartsAboveZero() {
        assertEquals("59s", Format.duration(59 * S));
        assertEquals("1m", Format.duration(60 * S));
        assertEquals("1m 30s", Format.duration(90 * S));
        assertEquals("59m 59s", Format.duration(3_599 * S));
        assertEquals("2h", Format.duration(7_200 * S));
        assertEquals("23h 59m 59s", Format.duration(86_399 * S));
        assertEquals("1d", Format.duration(86_400 * S));
        assertEquals("14d 3h", Format.duration((14 * 86_400 + 3 * 3_600) * S));
        assertEquals("19d 23h 45m", Format.duration((19 * 86_400 + 23 * 3_600 + 45 * 60) * S));
        assertEquals("1d 1h 1m 1s", Format.duration(90_061 * S));
    }

    @Test
    void underASecondIsSaidInMilliseconds() {
        assertEquals("0.0ms", Format.duration(0));
        assertEquals("0.001ms", Format.duration(1));
        assertEquals("250.0ms", Format.duration(250_000));
        assertEquals("999.999ms", Format.duration(S - 1));
    }

    @Test
    void aFractionOfASecondAboveOneIsSaidInSecondsToTheMillisecond() {
        assertEquals("1.500s", Format.duration(S + 500_000));
        assertEquals("90.250s", Format.duration(90 * S + 250_000));
        assertEquals("86400.001s", Format.duration(86_400 * S + 1_000));
    }
}
