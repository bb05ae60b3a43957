package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The sweep page's and its "What the sweep shows" lines' figures follow the terminal's and compare's rule
 * ({@code MetricStats.readable}): {@code %.4g} wrote {@code 25.30} and, for a small share, an exponent
 * ({@code 3.805e-05}), which a planner reading a page does not expect (session 44; the terminal moved to the rule in
 * session 44 and the page had kept {@code %.4g}).
 */
class SweepDisplayTest {

    @Test
    void figuresHaveNoExponentAndNoTrailingZeros() {
        assertEquals("0.00003805", SweepReport.display(3.804952291752034E-5));
        assertEquals("25.3", SweepReport.display(25.3));
        assertEquals("0.1235", SweepReport.display(0.123456));
        assertEquals("154,319.5", SweepReport.display(154_319.5));
        assertEquals("1,200", SweepReport.display(1200));
        assertEquals("-", SweepReport.display(Double.NaN), "no figure: a dash, as before");
    }
}
