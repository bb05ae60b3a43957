package dev.enisim.workload;

import dev.enisim.random.Uniform;
import java.util.function.LongSupplier;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A {@link DistributionSpec} bound to one random stream: draws durations in whole microseconds (rounded,
 * clamped to [0, max]). The exponential and the log-normals (plain and shifted) are Apache Commons RNG's ziggurat
 * samplers ({@code ZigguratSampler.Exponential}, {@code LogNormalSampler} over
 * {@code ZigguratSampler.NormalizedGaussian}: several times faster than Commons Math's inversion and Gaussian plus
 * {@code exp}) drawing from the stream itself ({@link Uniform}: the streams and their seeds stay enisim's); the
 * uniform and the normal are Commons Math's, given the stream explicitly (their no-argument constructors would seed
 * from the clock).
 */
public final class Sampler implements LongSupplier {

    private final DistributionSpec spec;
    private final RealDistribution distribution; // Commons Math's (uniform, normal), or null
    private final ContinuousSampler ziggurat;     // Commons RNG's (exponential, log-normals), or null
    private final double constant;
    private final double max;
    private final boolean truncateAtZero;

    private final double shift;   // added to every draw of distribution (ShiftedLogNormal's floor)
    private final Sampler base;   // Sum: first term, or null
    private final Sampler extra;  // Sum: second term, drawn from the same stream after the first
    private double ahead;         // the next draw, drawn one call early (see of)

    private Sampler(DistributionSpec spec, RealDistribution distribution, double constant) {
        this(spec, distribution, null, constant, 0, null, null);
    }

    private static Sampler ziggurat(DistributionSpec spec, ContinuousSampler ziggurat, double shift) {
        return new Sampler(spec, null, ziggurat, 0, shift, null, null);
    }

    private Sampler(DistributionSpec spec, RealDistribution distribution, ContinuousSampler ziggurat,
            double constant, double shift, Sampler base, Sampler extra) {
        this.spec = spec;
        this.distribution = distribution;
        this.ziggurat = ziggurat;
        this.constant = constant;
        this.max = spec.max();
        this.truncateAtZero = spec instanceof DistributionSpec.Normal;
        this.shift = shift;
        this.base = base;
        this.extra = extra;
    }

    /**
     * The sampler of {@code spec} drawing from {@code stream}, which becomes its own: it draws one value ahead (at
     * once, then at each draw the next), which gives the same values since nothing else draws from the stream, and
     * lets the next value's latency (a Gaussian and an {@code exp}, or a ziggurat exponential) overlap the caller's
     * work instead of delaying it.
     */
    public static Sampler of(DistributionSpec spec, RandomGenerator stream) {
        Sampler s = build(spec, stream);
        s.ahead = s.draw();
        return s;
    }

    private static Sampler build(DistributionSpec spec, RandomGenerator stream) {
        if (spec instanceof DistributionSpec.Constant c) {
            return new Sampler(spec, null, Math.min(c.value(), c.max()));
        }
        if (spec instanceof DistributionSpec.Uniform u) {
            RealDistribution d = u.low() == u.high()
                    ? null : new UniformRealDistribution(stream, u.low(), u.high());
            return new Sampler(spec, d, u.low());
        }
        if (spec instanceof DistributionSpec.Exponential e) {
            if (!(e.mean() > 0) || Double.isInfinite(e.mean())) {
                throw new IllegalArgumentException("exponential mean must be positive and finite: " + e.mean());
            }
            return ziggurat(spec, ZigguratSampler.Exponential.of(Uniform.of(stream), e.mean()), 0);
        }
        if (spec instanceof DistributionSpec.LogNormal l) {
            double sigma = l.sigma();
            if (sigma == 0) {
                return new Sampler(spec, null, l.median());
            }
            return ziggurat(spec, logNormal(stream, l.mu(), sigma), 0);
        }
        if (spec instanceof DistributionSpec.Normal n) {
            if (n.stddev() == 0) {
                return new Sampler(spec, null, Math.max(0, n.mean()));
            }
            return new Sampler(spec, new NormalDistribution(stream, n.mean(), n.stddev()), 0);
        }
        if (spec instanceof DistributionSpec.ShiftedLogNormal l) {
            if (l.sigma() == 0) {
                return new Sampler(spec, null, l.atZ(0));
            }
            return ziggurat(spec, logNormal(stream, l.mu(), l.sigma()), l.shift());
        }
        if (spec instanceof DistributionSpec.Sum sum) {
            // the terms draw in turn from the one stream, each when the sum draws (never ahead on their own)
            return new Sampler(spec, null, null, 0, 0, build(sum.base(), stream), build(sum.extra(), stream));
        }
        throw new IllegalArgumentException("unhandled distribution " + spec);
    }

    private static ContinuousSampler logNormal(RandomGenerator stream, double mu, double sigma) {
        return LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(Uniform.of(stream)), mu, sigma);
    }

    public DistributionSpec spec() {
        return spec;
    }

    /** One draw, in the spec's unit (microseconds), as a double before rounding. */
    public double sample() {
        double x = ahead;
        ahead = draw();
        return x;
    }

    private double draw() {
        if (base != null) {
            double x = base.draw() + extra.draw();
            return x > max ? max : x;
        }
        if (ziggurat != null) {
            double x = ziggurat.sample() + shift;
            if (x > max) {
                return max;
            }
            return x < 0 ? 0 : x;
        }
        if (distribution == null) {
            return constant;
        }
        double x = distribution.sample() + shift;
        if (truncateAtZero) {
            // truncated normal by rejection: fine while the mean is not far below zero (validation requires mean > 0)
            while (x < 0) {
                x = distribution.sample();
            }
        }
        if (x > max) {
            return max;
        }
        return x < 0 ? 0 : x;
    }

    /** One draw rounded to whole microseconds. */
    @Override
    public long getAsLong() {
        return Math.round(sample());
    }
}
