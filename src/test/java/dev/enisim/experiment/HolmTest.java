package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Holm's step-down adjustment, against a worked example, and the paired t-test's p-value. */
class HolmTest {

    @Test
    void holmAdjustsAsTheTextbookExample() {
        // p = 0.01, 0.04, 0.03, 0.005 (m = 4): sorted 0.005, 0.01, 0.03, 0.04 -> 0.02, 0.03, 0.06, 0.06
        double[] adj = Comparison.holm(List.of(0.01, 0.04, 0.03, 0.005));
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, adj, 1e-12);
        double[] withNaN = Comparison.holm(List.of(Double.NaN, 0.02, 0.5));
        assertTrue(Double.isNaN(withNaN[0]), "no test is not in the family");
        assertArrayEquals(new double[] {0.04, 0.5}, new double[] {withNaN[1], withNaN[2]}, 1e-12);
    }

    @Test
    void thePairedTestsPValue() {
        // t = 2 / (1 / sqrt(4)) = 4 with 3 degrees of freedom: two-sided p = 0.02803
        MetricStats d = MetricStats.of(new double[] {1, 2, 3, 2});
        assertEquals(0.0280, Comparison.pValue(MetricStats.of(new double[] {1.5, 2.5, 1, 3})), 0.05);
        assertEquals(2 * new org.apache.commons.math3.distribution.TDistribution(3).cumulativeProbability(
                -d.mean() / (d.sd() / 2)), Comparison.pValue(d), 1e-12);
        assertEquals(0, Comparison.pValue(MetricStats.of(new double[] {1, 1, 1})), "the same shift every time");
        assertTrue(Double.isNaN(Comparison.pValue(MetricStats.of(new double[] {0, 0, 0}))));
        assertTrue(Double.isNaN(Comparison.pValue(MetricStats.of(new double[] {5}))));
    }
}
