package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

    @ParameterizedTest(name = "{0} = {1} us")
    @CsvSource({"250ms, 250000", "90s, 90000000", "5m, 300000000", "2h, 7200000000", "14d, 1209600000000",
        "1.5s, 1500000", "0s, 0", "100us, 100", "1h30m, 5400000000", "2d 6h, 194400000000", "0.0005ms, 1",
        "0.0004ms, 0", "1.0000005s, 1000001", "0.25us, 0", " 90 s , 90000000", "1d2h3m4s5ms6us, 93784005006"})
    void durations(String text, long micros) {
        assertEquals(micros, Units.durationMicros(text));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"90", "", "5 minutes", "s", "-5s", "1e3s", "5sec", "m5", "1m1h", "5m5m", "1.s", ".5s",
        "5 S", "9999999999999d"})
    void badDurations(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.durationMicros(text));
        assertTrue(e.getMessage().contains("duration"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), "quotes the input: " + e.getMessage());
    }

    @Test
    void durationMessagesSayWhatWasExpected() {
        assertEquals("expected a duration with a unit (us, ms, s, m, h, d), like 90s or 250ms, got '90'",
                message(() -> Units.durationMicros("90")));
        assertEquals("a duration cannot be negative: '-5s'", message(() -> Units.durationMicros("-5s")));
        assertEquals("expected the parts of a duration from the largest unit down, each unit once, like 1h30m, "
                + "got '1m1h'", message(() -> Units.durationMicros("1m1h")));
        assertEquals("expected a duration with a unit (us, ms, s, m, h, d), like 90s or 250ms, got 'null'",
                message(() -> Units.durationMicros(null)));
    }

    @Test
    void rateMessagesSayWhatWasExpected() {
        assertEquals("expected a positive rate with a unit, like 50/s or 3000/m, got '50'",
                message(() -> Units.ratePerSecond("50")));
        assertEquals("a rate must be positive: '0/s'", message(() -> Units.ratePerSecond("0/s")));
        assertEquals("a rate must be positive: '-5/s'", message(() -> Units.ratePerSecond("-5/s")));
        assertTrue(message(() -> Units.ratePerSecond("9".repeat(400) + "/s")).contains("too large"));
    }

    private static String message(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @ParameterizedTest(name = "{0} = {1}/s")
    @CsvSource({"50/s, 50", "3000/m, 50", "36/h, 0.01", "0.05/d, 5.787037037037037E-7", "2.5/s, 2.5",
        "2/d, 2.3148148148148147E-5",
        "10/h, 0.002777777777777778", "0.001/s, 0.001", " 5 / s , 5"})
    void rates(String text, double perSecond) {
        assertEquals(perSecond, Units.ratePerSecond(text), perSecond * 1e-12);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"50", "-5/s", "0/s", "0.0/m", "5/week", "/s", "five/s", "5/ms", "5/S", "1e3/s", "5 per s"})
    void badRates(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.ratePerSecond(text));
        assertTrue(e.getMessage().contains("rate"), e.getMessage());
    }
}
