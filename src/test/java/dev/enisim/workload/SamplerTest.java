package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.random.RandomStreams;
import dev.enisim.random.Xoshiro256;
import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    private static double[] draw(DistributionSpec spec, int n) {
        Sampler s = Sampler.of(spec, new RandomStreams(11, 0).stream("test"));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = s.sample();
        }
        return out;
    }

    @Test
    void constantIsConstant() {
        double[] x = draw(new DistributionSpec.Constant(5e6), 10);
        assertTrue(Arrays.stream(x).allMatch(v -> v == 5e6));
    }

    @Test
    void uniformStaysInItsRangeWithTheRightMean() {
        double[] x = draw(new DistributionSpec.Uniform(1e6, 3e6, INF), 100_000);
        assertTrue(Arrays.stream(x).allMatch(v -> v >= 1e6 && v <= 3e6));
        assertEquals(2e6, Arrays.stream(x).average().orElseThrow(), 0.01e6);
    }

    @Test
    void exponentialHasItsMean() {
        double[] x = draw(new DistributionSpec.Exponential(1e6, INF), 200_000);
        SummaryStatistics s = new SummaryStatistics();
        Arrays.stream(x).forEach(s::addValue);
        assertEquals(1e6, s.getMean(), 0.01e6);
        assertEquals(1e6, s.getStandardDeviation(), 0.015e6);
    }

    @Test
    void logNormalHitsItsMedianAndP99() {
        double[] x = draw(new DistributionSpec.LogNormal(75e6, 300e6, INF), 200_000);
        Arrays.sort(x);
        assertEquals(75e6, x[x.length / 2], 1.5e6);
        assertEquals(300e6, x[(int) (x.length * 0.99)], 12e6);
    }

    @Test
    void capClampsTheTail() {
        double[] x = draw(new DistributionSpec.LogNormal(600e6, 2100e6, 2700e6), 100_000);
        assertTrue(Arrays.stream(x).allMatch(v -> v <= 2700e6));
        assertTrue(Arrays.stream(x).anyMatch(v -> v == 2700e6), "some draws reach the cap");
    }

    @Test
    void normalIsTruncatedAtZero() {
        double[] x = draw(new DistributionSpec.Normal(1e6, 1e6, INF), 50_000);
        assertTrue(Arrays.stream(x).allMatch(v -> v >= 0));
    }

    /**
     * The ziggurat samplers draw the distributions asked for: Kolmogorov-Smirnov against the exact CDFs (exponential and
     * log-normal), 200,000 draws each, on several streams. A sampler drawing the wrong
     * distribution (a wrong mean, sigma or shift) fails by orders of magnitude; a correct one fails one seed in a
     * thousand, and the seeds are fixed.
     */
    @Test
    void zigguratDrawsFollowTheirDistributions() {
        org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest ks =
                new org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest();
        for (int seed = 1; seed <= 3; seed++) {
            Sampler e = Sampler.of(new DistributionSpec.Exponential(250e3, Double.MAX_VALUE), new Xoshiro256(seed));
            double[] x = draws(e, 200_000);
            assertTrue(ks.kolmogorovSmirnovTest(new org.apache.commons.math3.distribution.ExponentialDistribution(
                    null, 250e3), x) > 0.001, "exponential, seed " + seed);
            DistributionSpec.LogNormal l = new DistributionSpec.LogNormal(100e3, 1e6, Double.MAX_VALUE);
            x = draws(Sampler.of(l, new Xoshiro256(seed)), 200_000);
            assertTrue(ks.kolmogorovSmirnovTest(new org.apache.commons.math3.distribution.LogNormalDistribution(
                    null, l.mu(), l.sigma()), x) > 0.001, "log-normal, seed " + seed);
        }
    }

    /**
     * Draw for draw, the samplers give Commons RNG's samplers' values over the same stream, in the same order,
     * although they draw one value ahead; a sum draws its terms in turn from its one stream; getAsLong rounds the
     * same sequence. Every output and baseline depends on these numbers.
     */
    @Test
    void drawsAreTheLibrarysSamplersDrawForDraw() {
        DistributionSpec.LogNormal l = new DistributionSpec.LogNormal(100e3, 1e6, 3e6);
        DistributionSpec.ShiftedLogNormal sl = new DistributionSpec.ShiftedLogNormal("init", 50e3, 11.0, 0.8, INF);
        DistributionSpec.Exponential e = new DistributionSpec.Exponential(250e3, 2e6);
        for (long seed = 1; seed <= 3; seed++) {
            Sampler exp = Sampler.of(e, new Xoshiro256(seed));
            Sampler logNormal = Sampler.of(l, new Xoshiro256(seed));
            Sampler shifted = Sampler.of(sl, new Xoshiro256(seed));
            Sampler sum = Sampler.of(new DistributionSpec.Sum(sl, e, INF), new Xoshiro256(seed));
            org.apache.commons.rng.sampling.distribution.ContinuousSampler exp0 =
                    org.apache.commons.rng.sampling.distribution.ZigguratSampler.Exponential.of(new Xoshiro256(seed),
                            e.mean());
            org.apache.commons.rng.sampling.distribution.ContinuousSampler logNormal0 = logNormal(seed, l.mu(),
                    l.sigma());
            org.apache.commons.rng.sampling.distribution.ContinuousSampler shifted0 = logNormal(seed, sl.mu(),
                    sl.sigma());
            Xoshiro256 sumStream = new Xoshiro256(seed);
            org.apache.commons.rng.sampling.distribution.ContinuousSampler sumBase0 =
                    org.apache.commons.rng.sampling.distribution.LogNormalSampler.of(
                            org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(sumStream),
                            sl.mu(), sl.sigma());
            org.apache.commons.rng.sampling.distribution.ContinuousSampler sumExtra0 =
                    org.apache.commons.rng.sampling.distribution.ZigguratSampler.Exponential.of(sumStream, e.mean());
            for (int i = 0; i < 20_000; i++) {
                boolean rounded = i % 3 == 0;
                assertEquals(value(Math.min(exp0.sample(), 2e6), rounded), value(exp, rounded), "exponential " + i);
                assertEquals(value(Math.min(logNormal0.sample(), 3e6), rounded), value(logNormal, rounded),
                        "log-normal " + i);
                assertEquals(value(shifted0.sample() + 50e3, rounded), value(shifted, rounded), "shifted " + i);
                double base = sumBase0.sample() + 50e3;
                assertEquals(value(base + Math.min(sumExtra0.sample(), 2e6), rounded), value(sum, rounded), "sum " + i);
            }
        }
    }

    private static org.apache.commons.rng.sampling.distribution.ContinuousSampler logNormal(long seed, double mu,
            double sigma) {
        return org.apache.commons.rng.sampling.distribution.LogNormalSampler.of(
                org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(new Xoshiro256(seed)),
                mu, sigma);
    }

    private static double value(double x, boolean rounded) {
        return rounded ? Math.round(x) : x;
    }

    private static double value(Sampler s, boolean rounded) {
        return rounded ? s.getAsLong() : s.sample();
    }

    private static double[] draws(Sampler s, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.sample();
        }
        return x;
    }
}
