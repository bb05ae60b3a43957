package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Figures as the terminal prints them: a large mean keeps its whole digits (it was rounded to six significant). */
class MetricStatsFormatTest {

    @Test
    void largeMeansKeepTheirWholeDigitsAndOneDecimal() {
        assertEquals("1090241.3", MetricStats.format(1_090_241.33), "it printed 1090240 beside a difference of 2");
        assertEquals("154319.5", MetricStats.format(154_319.5));
        assertEquals("100000.1", MetricStats.format(100_000.06));
        assertEquals("3741", MetricStats.format(3741), "whole numbers as such");
        assertEquals("37.8", MetricStats.format(37.8));
        assertEquals("99999.9", MetricStats.format(99_999.94), "below 1e5: six significant digits, as before");
        assertEquals("0.333333", MetricStats.format(1 / 3.0));
        assertEquals("-1090241.3", MetricStats.format(-1_090_241.33));
    }
}
