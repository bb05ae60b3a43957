package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.random.Xoshiro256;
import org.junit.jupiter.api.Test;

/**
 * The samplers at their edges: degenerate distributions (no spread) are constants and never reach the libraries
 * (which refuse a spread of zero), samples are clamped to [0, max], a normal is truncated at zero by redrawing (not
 * clamped), and an exponential without a positive finite mean is refused with its own message.
 */
class SamplerEdgesTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    private static double[] draws(DistributionSpec spec, int n) {
        Sampler s = Sampler.of(spec, new Xoshiro256(7));
        assertSame(spec, s.spec());
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.sample();
        }
        return x;
    }

    private static void assertAll(double expected, double[] x) {
        for (double v : x) {
            assertEquals(expected, v);
        }
    }

    @Test
    void distributionsWithoutSpreadAreTheirValue() {
        assertAll(3e5, draws(new DistributionSpec.Uniform(3e5, 3e5, INF), 20));
        assertAll(2e5, draws(new DistributionSpec.Normal(2e5, 0, INF), 20));
        assertAll(0, draws(new DistributionSpec.Normal(-2e5, 0, INF), 20));
        // exp(ln 6.5) is 6.499999999999999: a median drawn through the log-normal would round to 6, not 7
        DistributionSpec.LogNormal flat = new DistributionSpec.LogNormal(6.5, 6.5, INF);
        assertAll(6.5, draws(flat, 20));
        Sampler s = Sampler.of(flat, new Xoshiro256(7));
        for (int i = 0; i < 20; i++) {
            assertEquals(7, s.getAsLong());
        }
        DistributionSpec.ShiftedLogNormal shifted = new DistributionSpec.ShiftedLogNormal("flat", 100, 2, 0, INF);
        assertAll(100 + Math.exp(2), draws(shifted, 20));
    }

    @Test
    void samplesAreClampedToTheCapAndToZero() {
        double[] x = draws(new DistributionSpec.Uniform(0, 10e5, 5e5), 2_000);
        int capped = 0;
        for (double v : x) {
            assertTrue(v >= 0 && v <= 5e5, () -> "capped at 5e5: " + v);
            capped += v == 5e5 ? 1 : 0;
        }
        assertEquals(1_000, capped, 100, "half the uniform lies above the cap and is drawn as the cap");
        x = draws(new DistributionSpec.Uniform(-1e5, 1e5, INF), 2_000);
        int zeros = 0;
        for (double v : x) {
            assertTrue(v >= 0, () -> "clamped at 0: " + v);
            zeros += v == 0 ? 1 : 0;
        }
        assertEquals(1_000, zeros, 100, "half the uniform lies below zero and is drawn as 0");
    }

    /**
     * Normal(1e5, 1e6) truncated at zero: alpha = -0.1, its mean 1e5 + 1e6 x phi(-0.1) / (1 - Phi(-0.1)) = 835,340;
     * clamping instead of redrawing would give about 46% zeros and a mean near 450,000.
     */
    @Test
    void aNormalIsTruncatedByRedrawingNotClamped() {
        double[] x = draws(new DistributionSpec.Normal(1e5, 1e6, INF), 100_000);
        double sum = 0;
        for (double v : x) {
            assertTrue(v > 0, () -> "a truncated normal draws no zero: " + v);
            sum += v;
        }
        assertEquals(835_340, sum / x.length, 10_000);
    }

    @Test
    void anExponentialNeedsAPositiveFiniteMean() {
        for (double mean : new double[] {0, -1, INF, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Sampler.of(new DistributionSpec.Exponential(mean, INF), new Xoshiro256(1)));
            assertEquals("exponential mean must be positive and finite: " + mean, e.getMessage());
        }
    }
}
