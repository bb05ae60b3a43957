package dev.enisim.report.chart;

import dev.enisim.model.NetworkModel;
import dev.enisim.run.RunResult;

/**
 * The words of the network model in force: Hyperplane ENIs are shared per key (subnet + security groups) and
 * hold 65,000 connections each; under the legacy (pre-2019) model each function has its own ENIs per subnet,
 * made at cold starts, one per 3 GB of environment memory, with no per-ENI connection limit.
 */
public record Wording(boolean legacy) {

    public static Wording of(RunResult r) {
        return new Wording(r.scenario().networkModel() == NetworkModel.LEGACY);
    }

    /** "Hyperplane ENIs" or "ENIs". */
    public String enis() {
        return legacy ? "ENIs" : "Hyperplane ENIs";
    }

    /** What an ENI key is, in a chart title. */
    public String perKey() {
        return legacy ? "per function and subnet" : "per key (subnet + security groups)";
    }

    public String enisTitle() {
        return legacy ? "ENIs per function and subnet (legacy model: one per 3 GB of environment memory)"
                : "Hyperplane ENIs per key (subnet + security groups)";
    }

    public String connectionsTitle() {
        return legacy ? "Connections through each function's ENIs (legacy model: no per-ENI limit)"
                : "Connections per key (capacity: ENIs in service x connectionsPerEni)";
    }

    /** Whether connections have a per-ENI capacity to draw. */
    public boolean connectionCapacity() {
        return !legacy;
    }

    /** The scenario block that holds the ENI assumptions. */
    public String model() {
        return legacy ? "legacy" : "hyperplane";
    }

    /**
     * A share as a percentage that never hides a count: one decimal from 1% up, two significant digits below
     * ("0.015%": 14 failures of 90,415 were "0.0%"; "0.14%", not "0.1%"), "<0.0001%" below that, and "99.9%" kept from "100.0%" while
     * some are left out.
     */
    public static String pct(long part, long whole) {
        if (whole == 0) {
            return "-";
        }
        double p = 100.0 * part / whole;
        if (part == 0 || part == whole) {
            return part == 0 ? "0%" : "100%";
        }
        if (p < 0.0001) {
            return "<0.0001%";
        }
        if (p < 1) { // two significant figures below 1%: legacy-vs-hyperplane's 0.135% read "0.1%" beside "0.015%"
            return new java.math.BigDecimal(p).round(new java.math.MathContext(2)).stripTrailingZeros()
                    .toPlainString() + "%";
        }
        String s = String.format(java.util.Locale.ROOT, "%.1f%%", p);
        return s.equals("100.0%") ? ">99.9%" : s;
    }
}
