package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.experiment.Comparison;
import dev.enisim.experiment.MetricStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * compare's terminal table, from a planner's review of az-outage with its single-AZ function given a second subnet:
 * the interval column was a fixed 29 characters, so the cold-start probability's "[-0.0000101885, 0.00000742411]"
 * pushed its row's p-value and verdict one character right of every other row's. Each column is now as wide as its
 * widest figure (the means' too, fixed at 14 before, which "-0.00000138218" filled).
 */
class CompareColumnsTest {

    @Test
    void everyRowsPValueStartsInTheSameColumn() {
        List<Comparison.Row> rows = List.of(
                new Comparison.Row("invocations.errors.ServiceException", 7194.4, 0,
                        new MetricStats(5, -7194.4, 100, -7337.22, -7051.58), 1e-6, 1e-5, true),
                new Comparison.Row("coldStarts.probability", 0.000225934, 0.000224551,
                        new MetricStats(5, -0.00000138218, 1e-5, -0.0000101885, 0.00000742411), 0.8, 1, false));
        StringWriter s = new StringWriter();
        CompareCommand.table(new PrintWriter(s, true), rows, false, true);
        List<String> lines = s.toString().lines().toList();
        assertEquals(3, lines.size(), s.toString());
        int header = lines.get(0).indexOf("p (Holm)");
        assertEquals(header, lines.get(1).indexOf("<0.0001"), s.toString());
        assertEquals(header, lines.get(2).indexOf("1.0000"), s.toString());
        String probability = lines.get(2);
        assertEquals(' ', probability.charAt(probability.indexOf("-0.000001382") - 1),
                "B and B - A apart: " + probability);
        assertEquals(' ', probability.charAt(probability.indexOf("0.0002246") - 1), probability);
        int column = lines.get(0).indexOf("B - A") + "B - A".length();
        assertEquals(column, probability.indexOf("-0.000001382") + "-0.000001382".length(),
                "the difference right-aligned under its heading: " + s);
    }
}
