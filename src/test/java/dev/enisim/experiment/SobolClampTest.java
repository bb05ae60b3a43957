package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A methodologist's review: Sobol total indices were shown with intervals past 1 ([0.650, 1.088]) and first-order
 * ones below 0, which no share of a variance can be. Few rows and one factor that decides everything bring both.
 */
class SobolClampTest {

    @Test
    void indicesAndTheirIntervalsStayWithinZeroAndOne() {
        int d = 3;
        double[][] x = SobolIndices.design(16, d);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(4 * x[i][0]) + 0.01 * x[i][1]; // x1 decides nearly all of it, x3 nothing
        }
        List<SobolIndices.Index> ix = SobolIndices.analyze(y, d, 1000, 7);
        for (SobolIndices.Index k : ix) {
            for (double v : new double[] {k.s1(), k.s1Low(), k.s1High(), k.st(), k.stLow(), k.stHigh()}) {
                assertTrue(v >= 0 && v <= 1, "outside [0, 1]: " + k);
            }
            assertTrue(k.s1Low() <= k.s1() && k.s1() <= k.s1High() && k.stLow() <= k.st() && k.st() <= k.stHigh(),
                    "the estimate inside its interval: " + k);
        }
        assertTrue(ix.get(0).stHigh() == 1, "the bootstrap went past 1 here, clamped: " + ix.get(0));
    }
}
