package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The estimators on test functions whose indices are known analytically, before they are trusted on the
 * simulator: Ishigami (a = 7, b = 0.1) and Sobol's g-function.
 */
class SensitivityEstimatorsTest {

    private static final double[] ISHIGAMI_S1 = {0.3139, 0.4424, 0};
    private static final double[] ISHIGAMI_ST = {0.5576, 0.4424, 0.2437};
    private static final double[] G_A = {0, 1, 4.5, 9, 99, 99};

    static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + 7 * Math.sin(x2) * Math.sin(x2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
    }

    static double g(double[] u) {
        double p = 1;
        for (int i = 0; i < u.length; i++) {
            p *= (Math.abs(4 * u[i] - 2) + G_A[i]) / (1 + G_A[i]);
        }
        return p;
    }

    private static double[] eval(double[][] x, ToDoubleFunction<double[]> f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
        return y;
    }

    @Test
    void sobolIndicesOfIshigamiAreRecoveredWithinTheirIntervals() {
        int d = 3;
        List<SobolIndices.Index> s = SobolIndices.analyze(eval(SobolIndices.design(8192, d),
                SensitivityEstimatorsTest::ishigami), d, 500, 1);
        for (int i = 0; i < d; i++) {
            SobolIndices.Index ix = s.get(i);
            assertEquals(ISHIGAMI_S1[i], ix.s1(), 0.02, "S1 x" + (i + 1));
            assertEquals(ISHIGAMI_ST[i], ix.st(), 0.02, "ST x" + (i + 1));
            assertTrue(ix.s1Low() <= ISHIGAMI_S1[i] && ISHIGAMI_S1[i] <= ix.s1High(), "S1 x" + (i + 1) + " " + ix);
            assertTrue(ix.stLow() <= ISHIGAMI_ST[i] && ISHIGAMI_ST[i] <= ix.stHigh(), "ST x" + (i + 1) + " " + ix);
            assertTrue(ix.stHigh() - ix.stLow() < 0.1, "a useful interval: " + ix);
        }
    }

    @Test
    void sobolIndicesOfTheGFunctionAreRecoveredWithinTheirIntervals() {
        int d = G_A.length;
        double[] vi = new double[d];
        double prod = 1;
        for (int i = 0; i < d; i++) {
            vi[i] = 1 / (3 * (1 + G_A[i]) * (1 + G_A[i]));
            prod *= 1 + vi[i];
        }
        double v = prod - 1;
        List<SobolIndices.Index> s = SobolIndices.analyze(eval(SobolIndices.design(8192, d),
                SensitivityEstimatorsTest::g), d, 500, 2);
        for (int i = 0; i < d; i++) {
            double s1 = vi[i] / v;
            double st = vi[i] * prod / (1 + vi[i]) / v;
            SobolIndices.Index ix = s.get(i);
            assertTrue(ix.s1Low() - 1e-9 <= s1 && s1 <= ix.s1High() + 1e-9, "S1 x" + (i + 1) + "=" + s1 + " " + ix);
            assertTrue(ix.stLow() - 1e-9 <= st && st <= ix.stHigh() + 1e-9, "ST x" + (i + 1) + "=" + st + " " + ix);
            assertEquals(st, ix.st(), 0.03, "ST x" + (i + 1));
        }
    }

    @Test
    void aFunctionOfOneFactorGivesThatFactorAllTheVarianceEvenWithFewRows() {
        List<SobolIndices.Index> s = SobolIndices.analyze(eval(SobolIndices.design(64, 4),
                u -> Math.exp(3 * u[1])), 4, 500, 3);
        for (int i = 0; i < 4; i++) {
            SobolIndices.Index ix = s.get(i);
            assertEquals(i == 1 ? 1 : 0, ix.s1(), 0.1, "S1 x" + (i + 1) + " " + ix);
            assertEquals(i == 1 ? 1 : 0, ix.st(), 0.1, "ST x" + (i + 1) + " " + ix);
        }
    }

    @Test
    void morrisEffectsOfALinearFunctionAreItsSlopesWithNoSpread() {
        double[] c = {5, -2, 0, 0.5};
        double[][] x = Morris.design(10, c.length, 3);
        List<Morris.Index> m = Morris.analyze(x, eval(x, u -> {
            double y = 0;
            for (int i = 0; i < c.length; i++) {
                y += c[i] * u[i];
            }
            return y;
        }), c.length, 200, 4);
        for (int i = 0; i < c.length; i++) {
            assertEquals(c[i], m.get(i).mu(), 1e-9);
            assertEquals(Math.abs(c[i]), m.get(i).muStar(), 1e-9);
            assertEquals(0, m.get(i).sigma(), 1e-9);
        }
    }

    @Test
    void morrisTrajectoriesMoveOneFactorAtATimeByDeltaOnTheGrid() {
        int d = 5;
        double[][] x = Morris.design(30, d, 9);
        assertEquals(30 * (d + 1), x.length);
        for (int t = 0; t < 30; t++) {
            boolean[] moved = new boolean[d];
            for (int s = 0; s < d; s++) {
                double[] a = x[t * (d + 1) + s];
                double[] b = x[t * (d + 1) + s + 1];
                int changes = 0;
                for (int j = 0; j < d; j++) {
                    assertTrue(b[j] >= 0 && b[j] <= 1 + 1e-12);
                    if (a[j] != b[j]) {
                        changes++;
                        assertEquals(Morris.DELTA, Math.abs(b[j] - a[j]), 1e-12);
                        assertTrue(!moved[j], "a factor moved twice in one trajectory");
                        moved[j] = true;
                    }
                }
                assertEquals(1, changes);
            }
        }
    }

    @Test
    void morrisRanksTheGFunctionFactorsByTheirImportanceAndFlagsIshigamisInteraction() {
        int d = G_A.length;
        double[][] x = Morris.design(60, d, 5);
        List<Morris.Index> m = Morris.analyze(x, eval(x, SensitivityEstimatorsTest::g), d, 200, 6);
        for (int i = 0; i < 3; i++) {
            assertTrue(m.get(i).muStar() > m.get(i + 1).muStar(), "mu* x" + (i + 1) + " > x" + (i + 2) + ": " + m);
        }
        assertTrue(m.get(4).muStar() < 0.05 * m.get(0).muStar(), "a = 99 does not matter: " + m);
        double[][] xi = Morris.design(60, 3, 7);
        List<Morris.Index> mi = Morris.analyze(xi, eval(xi, SensitivityEstimatorsTest::ishigami), 3, 200, 8);
        // x3 acts only through its interaction with x1: its mean effect is ~0, its spread and mu* are not
        assertTrue(mi.get(2).muStar() > 1 && mi.get(2).sigma() > mi.get(2).muStar() * 0.5, mi.toString());
        for (Morris.Index ix : mi) {
            assertTrue(ix.muStarLow() <= ix.muStar() && ix.muStar() <= ix.muStarHigh(), ix.toString());
        }
    }
}
