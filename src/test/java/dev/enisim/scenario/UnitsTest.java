package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

    @ParameterizedTest(name = "{0} = {1} us")
    @CsvSource({"250ms, 250000", "90s, 90000000", "5m, 300000000", "2h, 7200000000", "14d, 1209600000000",
        "1.5s, 1500000", "0s, 0", "100us, 100", "1h30m, 5400000000", "2d 6h, 194400000000", "0.0005ms, 1"})
    void durations(String text, long micros) {
        assertEquals(micros, Units.durationMicros(text));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"90", "", "5 minutes", "s", "-5s", "1e3s", "5sec", "m5"})
    void badDurations(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.durationMicros(text));
        assertTrue(e.getMessage().contains("duration"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} = {1}/s")
    @CsvSource({"50/s, 50", "3000/m, 50", "36/h, 0.01", "0.05/d, 5.787037037037037E-7", "2.5/s, 2.5"})
    void rates(String text, double perSecond) {
        assertEquals(perSecond, Units.ratePerSecond(text), perSecond * 1e-12);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"50", "-5/s", "0/s", "5/week", "/s", "five/s"})
    void badRates(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.ratePerSecond(text));
        assertTrue(e.getMessage().contains("rate"), e.getMessage());
    }
}
