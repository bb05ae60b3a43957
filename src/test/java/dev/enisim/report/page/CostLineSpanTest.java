package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The cost line's simulated time: four significant digits with trailing zeros stripped wrote 1,800 s (a 30-minute
 * run) as "18 s", 1,200 s as "12 s" and 1,000 h as "1 h". Now as a scenario writes durations.
 */
class CostLineSpanTest {

    @Test
    void roundFiguresKeepTheirZeros() {
        assertEquals("30m", CostLine.span(1800));
        assertEquals("20m", CostLine.span(1200));
        assertEquals("15m", CostLine.span(900));
        assertEquals("1000h", CostLine.span(3_600_000));
        assertEquals("45d", CostLine.span(45 * 86_400));
        assertEquals("70s", CostLine.span(70));
        assertEquals("1500ms", CostLine.span(1.5));
    }
}
