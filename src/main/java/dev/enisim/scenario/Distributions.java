package dev.enisim.scenario;

import dev.enisim.workload.DistributionSpec;
import java.util.List;

/**
 * Reads a duration-valued distribution: a plain duration ({@code 5s}, a constant) or an object
 * {@code {dist: NAME, ...parameters, cap: DURATION}}.
 */
final class Distributions {

    static final List<String> NAMES = List.of("constant", "uniform", "exponential", "lognormal", "normal");

    private Distributions() {
    }

    /** The distribution at {@code f.name}, {@code dflt} when absent, null (with a problem) when bad. */
    static DistributionSpec read(Fields parent, String name, DistributionSpec dflt) {
        if (!parent.has(name)) {
            return dflt;
        }
        if (!parent.json().get(name).isObject()) {
            // a plain duration is a constant; duration() reports anything else with the duration hint
            long v = parent.duration(name, -1);
            return v < 0 ? null : new DistributionSpec.Constant(v);
        }
        Fields f = parent.object(name);
        if (f == null) {
            return null;
        }
        if (!f.has("dist")) {
            f.problem("dist", "is required: one of " + String.join(", ", NAMES));
            return null;
        }
        String dist = f.requireText("dist");
        // a bad cap is reported, and the parameters are still read so that their problems are reported too
        double cap = f.has("cap") ? f.duration("cap", -1) : Double.POSITIVE_INFINITY;
        DistributionSpec spec = dist == null ? null : byName(f, dist, cap);
        return cap < 0 ? null : spec;
    }

    private static DistributionSpec byName(Fields f, String dist, double cap) {
        switch (dist) {
            case "constant" -> {
                f.allowOnly("dist", "value", "cap");
                Long v = f.requireDuration("value");
                return v == null ? null : new DistributionSpec.Constant(v, cap);
            }
            case "uniform" -> {
                f.allowOnly("dist", "min", "max", "cap");
                Long lo = f.requireDuration("min");
                Long hi = f.requireDuration("max");
                if (lo == null || hi == null) {
                    return null;
                }
                if (lo > hi) {
                    f.problem("max", "must be >= min");
                    return null;
                }
                return new DistributionSpec.Uniform(lo, hi, cap);
            }
            case "exponential" -> {
                f.allowOnly("dist", "mean", "cap");
                Long mean = f.requireDuration("mean");
                if (mean != null && mean <= 0) {
                    f.problem("mean", "must be > 0");
                    return null;
                }
                return mean == null ? null : new DistributionSpec.Exponential(mean, cap);
            }
            case "lognormal" -> {
                f.allowOnly("dist", "median", "p99", "cap");
                Long median = f.requireDuration("median");
                Long p99 = f.requireDuration("p99");
                if (median == null || p99 == null) {
                    return null;
                }
                if (median <= 0) {
                    f.problem("median", "must be > 0");
                    return null;
                }
                if (p99 < median) {
                    f.problem("p99", "must be >= median (a log-normal's 99th percentile is above its median)");
                    return null;
                }
                return new DistributionSpec.LogNormal(median, p99, cap);
            }
            case "normal" -> {
                f.allowOnly("dist", "mean", "stddev", "cap");
                Long mean = f.requireDuration("mean");
                Long sd = f.requireDuration("stddev");
                if (mean == null || sd == null) {
                    return null;
                }
                if (mean <= 0) {
                    f.problem("mean", "must be > 0 (the normal is truncated at zero)");
                    return null;
                }
                return new DistributionSpec.Normal(mean, sd, cap);
            }
            default -> {
                String close = Suggest.closest(dist, NAMES);
                f.problem("dist", "unknown distribution " + Problem.quote(dist) + " (expected one of: " + String.join(", ", NAMES)
                        + ")" + (close == null ? "" : "; did you mean '" + close + "'?"));
                return null;
            }
        }
    }
}
