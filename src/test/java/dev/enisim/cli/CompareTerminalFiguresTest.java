package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.experiment.Comparison;
import dev.enisim.experiment.MetricStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * compare's terminal printed its figures by MetricStats.format: an exponent beside plain decimals (a cost per
 * invocation's difference "-1.5E-7" beside a probability's "0.5") and large means without the thousands separators
 * the rest of the terminal writes ("290134.1"). Every figure now follows one rule, the page's: whole numbers with
 * separators, one decimal from 100 up, four significant digits below, never an exponent.
 */
class CompareTerminalFiguresTest {

    @Test
    void everyFigureIsAPlainDecimalWithSeparatorsAndFourSignificantDigits() {
        List<Comparison.Row> rows = List.of(
                new Comparison.Row("invocations.succeeded", 290_134.1, 297_271.9,
                        new MetricStats(5, 7137.8, 60, 7071.74, 7203.86), 1e-6, 1e-5, true),
                new Comparison.Row("coldStarts.probability", 0.5, 0.62,
                        new MetricStats(5, 0.12, 0.01, 0.1123456, 0.1276544), 1e-6, 1e-5, true),
                new Comparison.Row("cost.perInvocation", 2.0e-7, 0.5e-7,
                        new MetricStats(5, -1.5e-7, 1e-8, -1.6234e-7, -1.3766e-7), 1e-6, 1e-5, true));
        StringWriter s = new StringWriter();
        CompareCommand.table(new PrintWriter(s, true), rows, false, true);
        String out = s.toString();
        assertFalse(out.matches("(?s).*\\dE-?\\d.*"), "no exponent:\n" + out);
        assertTrue(out.contains(" 290,134.1 ") && out.contains(" 297,271.9 ") && out.contains(" 7,137.8 "),
                "separators, one decimal:\n" + out);
        assertTrue(out.contains("[7,071.7, 7,203.9]"), out);
        assertTrue(out.contains(" 0.5 ") && out.contains(" 0.62 ") && out.contains("[0.1123, 0.1277]"),
                "four significant digits, trailing zeros dropped:\n" + out);
        assertTrue(out.contains(" -0.00000015 ") && out.contains("[-0.0000001623, -0.0000001377]"),
                "a tiny figure as a plain decimal:\n" + out);
        assertEquals(4, out.lines().count(), out);
    }
}
