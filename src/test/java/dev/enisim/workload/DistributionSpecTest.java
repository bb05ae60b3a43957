package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The analytic means and quantiles the reports and checks compare runs against ({@code mean()} is the uncapped
 * distribution's, except a constant's, which is its capped value), each against its closed form worked out by hand.
 */
class DistributionSpecTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void aConstantsMeanIsItsValueCappedAtItsMax() {
        assertEquals(5, new DistributionSpec.Constant(5).mean());
        assertEquals(3, new DistributionSpec.Constant(5, 3).mean());
    }

    @Test
    void aUniformsMeanIsTheMiddleOfItsRange() {
        assertEquals(2e6, new DistributionSpec.Uniform(1e6, 3e6, INF).mean());
    }

    @Test
    void aLogNormalsMeanIsExpOfMuPlusHalfSigmaSquared() {
        // median 100 and a p99 at z99 x 0.5 above it in logs: mu = ln 100, sigma = 0.5, mean = 100 e^0.125
        double p99 = 100 * Math.exp(0.5 * DistributionSpec.LogNormal.Z99);
        DistributionSpec.LogNormal l = new DistributionSpec.LogNormal(100, p99, INF);
        assertEquals(Math.log(100), l.mu(), 1e-12);
        assertEquals(0.5, l.sigma(), 1e-12);
        assertEquals(100 * Math.exp(0.125), l.mean(), 1e-9);
    }

    @Test
    void aShiftedLogNormalsMeanAndQuantilesCarryItsShift() {
        DistributionSpec.ShiftedLogNormal s = new DistributionSpec.ShiftedLogNormal("init", 10, 2, 0.5, INF);
        assertEquals(10 + Math.exp(2.125), s.mean(), 1e-9);
        assertEquals(10 + Math.exp(2), s.atZ(0), 1e-9, "the median");
        assertEquals(10 + Math.exp(3), s.atZ(2), 1e-9, "two sigmas up");
        assertEquals(10 + Math.exp(1.5), s.atZ(-1), 1e-9, "one sigma down");
    }

    @Test
    void aSumsMeanIsItsTermsMeans() {
        DistributionSpec.Sum s = new DistributionSpec.Sum(new DistributionSpec.Constant(3),
                new DistributionSpec.Uniform(1, 5, INF), INF);
        assertEquals(6, s.mean());
    }
}
