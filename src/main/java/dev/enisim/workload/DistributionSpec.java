package dev.enisim.workload;

/**
 * A distribution of a non-negative quantity (in this project always a duration in microseconds), as a scenario
 * names it. Every spec may carry an upper cap ({@code max}); samples above it are clamped to it, and samples
 * below zero are clamped to zero.
 */
public sealed interface DistributionSpec {

    /** Upper cap on samples, or {@link Double#POSITIVE_INFINITY} for none. */
    double max();

    /** Mean of the uncapped distribution (before clamping), for analytic checks and reports. */
    double mean();

    /** Every sample is {@code value}. */
    record Constant(double value, double max) implements DistributionSpec {
        public Constant(double value) {
            this(value, Double.POSITIVE_INFINITY);
        }

        @Override
        public double mean() {
            return Math.min(value, max);
        }
    }

    /** Uniform on [low, high]. */
    record Uniform(double low, double high, double max) implements DistributionSpec {
        @Override
        public double mean() {
            return (low + high) / 2;
        }
    }

    /** Exponential with the given mean. */
    record Exponential(double mean, double max) implements DistributionSpec {
    }

    /**
     * Log-normal given by its median and 99th percentile: {@code mu = ln(median)},
     * {@code sigma = (ln(p99) - mu) / z(0.99)} with {@code z(0.99) = 2.3263...}.
     */
    record LogNormal(double median, double p99, double max) implements DistributionSpec {
        /** z such that Phi(z) = 0.99. */
        public static final double Z99 = 2.3263478740408408;

        public double mu() {
            return Math.log(median);
        }

        public double sigma() {
            return (Math.log(p99) - Math.log(median)) / Z99;
        }

        @Override
        public double mean() {
            double s = sigma();
            return Math.exp(mu() + s * s / 2);
        }
    }

    /** Normal with the given mean and standard deviation, truncated at zero (negative draws are redrawn). */
    record Normal(double mean, double stddev, double max) implements DistributionSpec {
    }

    /**
     * A log-normal shifted by a floor: {@code shift + exp(mu + sigma Z)}, Z standard normal. Fitted to measured
     * percentiles (p50, p90, p99) by {@link InitPresets}; {@code label} names what was measured, for reports.
     */
    record ShiftedLogNormal(String label, double shift, double mu, double sigma, double max) implements DistributionSpec {
        @Override
        public double mean() {
            return shift + Math.exp(mu + sigma * sigma / 2);
        }

        /** The uncapped distribution's value at standard-normal quantile {@code z} (z = 0: the median). */
        public double atZ(double z) {
            return shift + Math.exp(mu + sigma * z);
        }
    }

    /** The sum of two independent draws ({@code base + extra}), capped at {@code max}. */
    record Sum(DistributionSpec base, DistributionSpec extra, double max) implements DistributionSpec {
        @Override
        public double mean() {
            return base.mean() + extra.mean();
        }
    }
}
