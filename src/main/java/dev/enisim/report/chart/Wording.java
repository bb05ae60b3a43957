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
}
