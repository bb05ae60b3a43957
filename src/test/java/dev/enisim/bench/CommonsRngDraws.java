package dev.enisim.bench;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoShiRo256StarStar;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Apache Commons RNG 1.7's candidates for {@link SamplerBench}, one class per group (each loop stays
 * monomorphic): the same generators (xoshiro256**, SplitMix64) and its ziggurat samplers for the exponential
 * and, under a log-normal, the Gaussian. Test scope: the jar does not depend on Commons RNG unless the switch is
 * made; {@code .ci/bench} puts these on the class path.
 */
public final class CommonsRngDraws {

    private CommonsRngDraws() {
    }

    private static UniformRandomProvider xoshiro(long seed) {
        return RandomSource.XO_SHI_RO_256_SS.create(seed);
    }

    /** nextLong of XoShiRo256StarStar, the class itself (what RandomSource hands back). */
    public static final class UniformLong extends Draws.Named {
        public UniformLong() {
            super("uniform-long", "commons-rng XoShiRo256StarStar");
        }

        @Override
        public double run(long seed, int n) {
            XoShiRo256StarStar r = (XoShiRo256StarStar) xoshiro(seed);
            long s = 0;
            for (int i = 0; i < n; i++) {
                s += r.nextLong();
            }
            return s;
        }
    }

    /** nextDouble of XoShiRo256StarStar. */
    public static final class UniformDouble extends Draws.Named {
        public UniformDouble() {
            super("uniform-double", "commons-rng XoShiRo256StarStar");
        }

        @Override
        public double run(long seed, int n) {
            XoShiRo256StarStar r = (XoShiRo256StarStar) xoshiro(seed);
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += r.nextDouble();
            }
            return s;
        }
    }

    /** nextLong of SplitMix64. */
    public static final class Seeding extends Draws.Named {
        public Seeding() {
            super("seeding", "commons-rng SplitMix64");
        }

        @Override
        public double run(long seed, int n) {
            SplitMix64 r = new SplitMix64(seed);
            long s = 0;
            for (int i = 0; i < n; i++) {
                s += r.nextLong();
            }
            return s;
        }
    }

    /** ZigguratSampler.Exponential with the same mean. */
    public static final class Exponential extends Draws.Named {
        public Exponential() {
            super("exponential", "commons-rng ZigguratSampler.Exponential");
        }

        @Override
        public double run(long seed, int n) {
            ZigguratSampler.Exponential d = ZigguratSampler.Exponential.of(xoshiro(seed),
                    SamplerBench.EXPONENTIAL_MEAN_MICROS);
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += d.sample();
            }
            return s;
        }
    }

    /** LogNormalSampler over ZigguratSampler.NormalizedGaussian, same median and p99. */
    public static final class LogNormal extends Draws.Named {
        public LogNormal() {
            super("lognormal", "commons-rng LogNormalSampler(ZigguratSampler.NormalizedGaussian)");
        }

        @Override
        public double run(long seed, int n) {
            double mu = Math.log(SamplerBench.LOGNORMAL_MEDIAN_MICROS);
            double sigma = Math.log(SamplerBench.LOGNORMAL_P99_MICROS / SamplerBench.LOGNORMAL_MEDIAN_MICROS)
                    / 2.3263478740408408;
            SharedStateContinuousSampler d = LogNormalSampler.of(
                    ZigguratSampler.NormalizedGaussian.of(xoshiro(seed)), mu, sigma);
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += d.sample();
            }
            return s;
        }
    }
}
