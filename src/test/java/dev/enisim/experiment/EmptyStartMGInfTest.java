package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The M/G/inf ramp from an empty start against figures computed by hand and against a direct Monte Carlo. */
class EmptyStartMGInfTest {

    @Test
    void aConstantDurationFromTimeZeroAsComputedByHand() {
        // s = 1, lambda = 100, T = 10: mean lambda s (1 - s / (2T)) = 95; variance lambda s - 3 lambda s^2 / (2T)
        // + 2 lambda s^3 / (3T^2) + lambda^2 s^3 / (3T) - lambda^2 s^4 / (4T^2) = 100 - 15 + 2/3 + 1000/3 - 25 = 394
        EmptyStartMGInf one = EmptyStartMGInf.constant(100, 1, 1, 10, 0);
        assertEquals(95, one.mean(), 1e-9);
        assertEquals(394, one.variance(), 1e-9);
        // c connections each: c times the mean, c^2 times the variance
        EmptyStartMGInf three = EmptyStartMGInf.constant(100, 3, 1, 10, 0);
        assertEquals(285, three.mean(), 1e-9);
        assertEquals(9 * 394, three.variance(), 1e-8);
    }

    @Test
    void aConstantDurationOpeningLateAsComputedByHand() {
        // nothing over [0, 2], then the system of T' = 8 from empty: N = 0.8 Y's time average; E[(1/8) int Y^2] =
        // lambda gBar' + lambda^2 (1/8)(1/3 + 7) = 93.75 + 9,166.67, Var(Ybar) = lambda s^2 / T' - 2 lambda s^3 /
        // (3 T'^2) = 12.5 - 1.0417: variance 0.8 x 9,260.417 - 0.64 x (93.75^2 + 11.458) = 1,776
        EmptyStartMGInf late = EmptyStartMGInf.constant(100, 1, 1, 10, 2);
        assertEquals(75, late.mean(), 1e-9);
        assertEquals(1776, late.variance(), 1e-8);
    }

    @Test
    void aLongWindowTendsToTheStationaryFigures() {
        // uniform 0.5 to 1.5 s: E[D] = 1, so c lambda E[D] = 300 and c^2 lambda E[D] = 900
        EmptyStartMGInf longRun = EmptyStartMGInf.uniform(100, 3, 0.5, 1.5, 1e7, 0);
        assertEquals(300, longRun.mean(), 1e-3);
        assertEquals(900, longRun.variance(), 1e-2);
        // a window shorter than the longest duration: the ramp never ends (constant 10 s over 4 s: lambda T / 2)
        assertEquals(200, EmptyStartMGInf.constant(100, 1, 10, 4, 0).mean(), 1e-9);
    }

    @Test
    void aDirectMonteCarloAgrees() {
        // Poisson(20/s) arrivals over [1, 4] s, uniform 0.5 to 1.5 s, 2 connections each, nothing before 1 s: the
        // time average and the time variance over [0, 4] (about the path's own mean), 40,000 paths
        double lambda = 20;
        double t = 4;
        double start = 1;
        int paths = 40_000;
        SplittableRandom random = new SplittableRandom(53);
        double[] means = new double[paths];
        double[] variances = new double[paths];
        for (int p = 0; p < paths; p++) {
            double[] ends = new double[400];
            double[] starts = new double[400];
            int n = 0;
            for (double a = start - Math.log(1 - random.nextDouble()) / lambda; a < t;
                    a -= Math.log(1 - random.nextDouble()) / lambda) {
                starts[n] = a;
                ends[n++] = Math.min(t, a + 0.5 + random.nextDouble());
            }
            // the level changes at each start (+2) and end (-2): integrate N and N^2 between consecutive changes
            double[] at = new double[2 * n];
            int[] step = new int[2 * n];
            Integer[] order = new Integer[2 * n];
            for (int i = 0; i < n; i++) {
                at[2 * i] = starts[i];
                step[2 * i] = 2;
                at[2 * i + 1] = ends[i];
                step[2 * i + 1] = -2;
            }
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Double.compare(at[x], at[y]));
            double level = 0;
            double last = 0;
            double area = 0;
            double squares = 0;
            for (int i : order) {
                area += level * (at[i] - last);
                squares += level * level * (at[i] - last);
                last = at[i];
                level += step[i];
            }
            area += level * (t - last);
            squares += level * level * (t - last);
            means[p] = area / t;
            variances[p] = squares / t - means[p] * means[p];
        }
        EmptyStartMGInf theory = EmptyStartMGInf.uniform(lambda, 2, 0.5, 1.5, t, start);
        MetricStats mean = MetricStats.of(means);
        MetricStats variance = MetricStats.of(variances);
        double meanError = mean.sd() / Math.sqrt(paths);
        double varianceError = variance.sd() / Math.sqrt(paths);
        assertTrue(Math.abs(mean.mean() - theory.mean()) < 4 * meanError, mean + " against " + theory.mean());
        assertTrue(Math.abs(variance.mean() - theory.variance()) < 4 * varianceError,
                variance + " against " + theory.variance());
        // and the estimator's own bias matters at this window: leaving Var(Nbar) out would miss by many errors
        assertTrue(varianceError < 1, "the check's resolution: " + varianceError);
    }

    @Test
    void breakpointsMustIncreaseAndTheStartFallInTheWindow() {
        assertThrows(IllegalArgumentException.class,
                () -> new EmptyStartMGInf(1, 1, u -> 1, new double[] {2, 1}, 10, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new EmptyStartMGInf(1, 1, u -> 1, new double[] {1}, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new EmptyStartMGInf(1, 1, u -> 1, new double[0], 10, 0));
    }
}
