package dev.enisim.workload;

import dev.enisim.random.Xoshiro256;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The fast path of Commons RNG's ziggurat samplers, for {@link FunctionDraws} to take in line: from one 64-bit draw
 * {@code z} whose low byte {@code i} names one of the ziggurat's inner regions, {@code ZigguratSampler.Exponential}
 * returns {@code EXP_X[i] * (z >>> 1)} and {@code ZigguratSampler.NormalizedGaussian} returns {@code GAUSS_X[i] * z};
 * any other {@code z} (about 1.5% of draws) goes to the sampler's edge, drawn by the sampler itself. Taking the fast
 * path in line keeps the edge (a few kilobytes of compiled code) out of the caller, which the JIT then inlines.
 *
 * <p>The tables are read off the samplers themselves, through their public API, so they are Commons RNG's whatever
 * its version: for each low byte {@code i}, a draw {@code z} made of {@code i} and a high bit (which the conversion
 * to double turns into exactly 2^62) gives {@code x[i] x 2^62}, exactly; the fast regions are the low bytes for which
 * the sampler takes that one draw only. The formula is then checked against the sampler on random draws; should
 * it ever differ (another version computing the fast path another way), no region is taken as fast and every draw
 * goes through the sampler: the same numbers, only slower.
 */
final class ZigguratFast {

    /** Low bytes below this are the exponential's fast regions. */
    static final int EXP_FAST;
    /** The exponential's region widths (scaled by 2^-63). */
    static final double[] EXP_X = new double[256];
    /** Low bytes below this are the Gaussian's fast regions. */
    static final int GAUSS_FAST;
    /** The Gaussian's region widths (scaled by 2^-63). */
    static final double[] GAUSS_X = new double[256];

    /** Random draws the formulas are checked on. */
    static final int CHECKS = 4096;

    static {
        Scripted s = new Scripted();
        ContinuousSampler exponential = ZigguratSampler.Exponential.of(s);
        ContinuousSampler gaussian = ZigguratSampler.NormalizedGaussian.of(s);
        int expFast = regions(exponential, s, Long.MIN_VALUE, EXP_X);
        int gaussFast = regions(gaussian, s, 1L << 62, GAUSS_X);
        Xoshiro256 random = new Xoshiro256(0x5EED_2169L);
        for (int c = 0; c < CHECKS; c++) {
            long z = random.nextLong();
            if (!agrees(exponential, s, z, expFast, exponential(z, expFast))) {
                expFast = 0;
            }
            if (!agrees(gaussian, s, z, gaussFast, gaussian(z, gaussFast))) {
                gaussFast = 0;
            }
        }
        EXP_FAST = expFast;
        GAUSS_FAST = gaussFast;
    }

    private ZigguratFast() {
    }

    /**
     * The low bytes {@code 0, 1, ...} for which {@code sampler} takes one draw only, each one's width into
     * {@code x}: a draw {@code high | i} converts to exactly 2^62 (the low bits round away) in either formula.
     */
    private static int regions(ContinuousSampler sampler, Scripted s, long high, double[] x) {
        int fast = 0;
        while (fast < x.length) {
            double v = s.draw(sampler, high | fast);
            if (s.draws != 1) {
                break;
            }
            x[fast] = v * 0x1.0p-62;
            fast++;
        }
        return fast;
    }

    /** Whether {@code sampler} draws {@code formula} from {@code z} alone (or {@code z} is not in a fast region). */
    private static boolean agrees(ContinuousSampler sampler, Scripted s, long z, int fast, double formula) {
        if (((int) z & 0xff) >= fast) {
            return true;
        }
        double v = s.draw(sampler, z);
        return s.draws == 1 && Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(formula);
    }

    /** The unit exponential of {@code z}, which must be in one of the {@code fast} first regions. */
    private static double exponential(long z, int fast) {
        int i = (int) z & 0xff;
        return i < fast ? EXP_X[i] * (z >>> 1) : Double.NaN;
    }

    /** The standard normal of {@code z}, which must be in one of the {@code fast} first regions. */
    private static double gaussian(long z, int fast) {
        int i = (int) z & 0xff;
        return i < fast ? GAUSS_X[i] * z : Double.NaN;
    }

    /** Gives a sampler a chosen first draw (then others), counting what it takes. */
    private static final class Scripted implements UniformRandomProvider {

        private final Xoshiro256 rest = new Xoshiro256(0x2169_5EEDL);
        private long first;
        private int draws;

        double draw(ContinuousSampler sampler, long z) {
            first = z;
            draws = 0;
            return sampler.sample();
        }

        @Override
        public long nextLong() {
            return draws++ == 0 ? first : rest.nextLong();
        }
    }
}
