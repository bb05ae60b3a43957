package dev.enisim.report;

import dev.enisim.metrics.Seconds;
import dev.enisim.model.NetworkModel;
import dev.enisim.model.Scaling;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.DistributionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The assumptions a run used, written as a scenario would write them ({@code {dist: lognormal, median: 75s,
 * p99: 5m}}, {@code 14d}, {@code 65000}), under the block of the network model in force: {@code hyperplane.*}
 * for Hyperplane runs, {@code legacy.*} (and the ENI limit) for legacy runs. Pure functions.
 */
public final class Assumptions {

    /** One assumption: its field path in the scenario and its value in scenario syntax. */
    public record Row(String field, String value) {
    }

    private Assumptions() {
    }

    public static List<Row> rows(Scenario sc) {
        List<Row> out = new ArrayList<>();
        Scenario.Hyperplane h = sc.hyperplane();
        out.add(new Row("assumptions", sc.assumptions().label()));
        if (sc.networkModel() == NetworkModel.LEGACY) {
            Scenario.Legacy l = sc.legacy();
            out.add(new Row("networkModel", "legacy"));
            out.add(new Row("legacy.coldStartAttachTime", distribution(l.coldStartAttachTime())));
            out.add(new Row("legacy.ec2ApiBurst", String.valueOf(l.ec2ApiBurst())));
            out.add(new Row("legacy.ec2ApiRefill", number(l.ec2ApiRefillPerSecond()) + "/s"));
            out.add(new Row("legacy.eniLimit", String.valueOf(l.eniLimit())));
        } else {
            out.add(new Row("hyperplane.eniCreateTime", distribution(h.eniCreateTime())));
            out.add(new Row("hyperplane.attachExistingTime", distribution(h.attachExistingTime())));
            out.add(new Row("hyperplane.connectionsPerEni", String.valueOf(h.connectionsPerEni())));
            out.add(new Row("hyperplane.eniRetryBackoff", duration(h.eniRetryBackoffMicros())));
            out.add(new Row("hyperplane.eniDeleteTime", distribution(h.eniDeleteTime())));
            out.add(new Row("hyperplane.idleReclaimAfter", duration(h.idleReclaimAfterMicros())));
            out.add(new Row("hyperplane.stuckPendingAfter", duration(h.stuckPendingAfterMicros())));
            out.add(new Row("hyperplane.ec2RequestLimit", h.ec2RequestLimit().map(ec2 -> "{burst: " + ec2.burst()
                    + ", refill: " + number(ec2.perSecond()) + "/s}").orElse("none")));
            out.add(new Row("hyperplane.eniNotReadyOnScaleOut", String.valueOf(h.eniNotReadyOnScaleOut())));
        }
        Scaling s = sc.scaling().scaling();
        if (s.model() == Scaling.Model.PER_FUNCTION) {
            out.add(new Row("scaling.model", "per-function"));
            out.add(new Row("scaling.newEnvironmentsPer10s", String.valueOf(s.newEnvironments())));
        } else {
            out.add(new Row("scaling.model", "legacy-burst"));
            out.add(new Row("scaling.burst", String.valueOf(s.burst())));
            out.add(new Row("scaling.burstIncreasePerMinute", String.valueOf(s.burstIncrease())));
        }
        out.add(new Row("scaling.keepAlive", duration(sc.scaling().keepAliveMicros())));
        // the idle environments existing functions start with: an assumption that moves a run's first minutes
        // (enisim import writes auto), said when any function has them
        java.util.Map<String, Integer> warm = new java.util.LinkedHashMap<>();
        for (Scenario.Function f : sc.functions()) {
            java.util.OptionalInt w = f.warmEnvironments();
            if (w.isEmpty() || w.getAsInt() > 0) {
                warm.merge(w.isEmpty() ? "auto" : String.valueOf(w.getAsInt()), 1, Integer::sum);
            }
        }
        if (!warm.isEmpty()) {
            List<String> parts = new ArrayList<>();
            warm.forEach((v, n) -> parts.add(v + " (" + n + " function" + (n == 1 ? "" : "s") + ")"));
            out.add(new Row("functions[*].warmEnvironments", String.join(", ", parts)));
        }
        return out;
    }

    /** A distribution of durations (microseconds) as the scenario writes it; a constant is a plain duration. */
    public static String distribution(DistributionSpec d) {
        String cap = Double.isInfinite(d.max()) ? "" : ", cap: " + duration(d.max());
        if (d instanceof DistributionSpec.Constant c) {
            return cap.isEmpty() ? duration(c.value()) : "{dist: constant, value: " + duration(c.value()) + cap + "}";
        }
        if (d instanceof DistributionSpec.Uniform u) {
            return "{dist: uniform, min: " + duration(u.low()) + ", max: " + duration(u.high()) + cap + "}";
        }
        if (d instanceof DistributionSpec.Exponential e) {
            return "{dist: exponential, mean: " + duration(e.mean()) + cap + "}";
        }
        if (d instanceof DistributionSpec.LogNormal l) {
            return "{dist: lognormal, median: " + duration(l.median()) + ", p99: " + duration(l.p99()) + cap + "}";
        }
        if (d instanceof DistributionSpec.Normal n) {
            return "{dist: normal, mean: " + duration(n.mean()) + ", stddev: " + duration(n.stddev()) + cap + "}";
        }
        throw new IllegalArgumentException("unhandled distribution " + d);
    }

    /**
     * A duration in microseconds in the largest unit that writes it exactly ({@code 14d}, {@code 5m}, {@code 75s},
     * {@code 250ms}); otherwise seconds with decimals ({@code 1.5s}) or, past an hour, parts ({@code 1h30m}).
     */
    public static String duration(double micros) {
        long us = Math.round(micros);
        long[] units = {86_400_000_000L, 3_600_000_000L, 60_000_000L, Seconds.MICROS, 1_000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms", "us"};
        if (us == 0) {
            return "0s";
        }
        for (int i = 0; i < units.length; i++) {
            if (us % units[i] == 0) {
                return (us / units[i]) + names[i];
            }
        }
        return number(Seconds.of(us)) + "s";
    }

    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
