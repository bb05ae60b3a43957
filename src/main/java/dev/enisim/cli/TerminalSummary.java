package dev.enisim.cli;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.RunResult;
import java.io.PrintWriter;
import java.util.Map;

/** The few lines a user reads after {@code enisim run}. */
final class TerminalSummary {

    private TerminalSummary() {
    }

    static void print(PrintWriter out, RunResult r) {
        RunSummary s = r.summary();
        RunSummary.Invocations inv = s.invocations();
        out.printf("%s (seed %d): %s simulated, %,d events%n", s.scenario(), s.seed(),
                Format.duration(r.scenario().durationMicros()), s.events().total());
        out.printf("Invocations %,d: %,d succeeded, %,d throttled, %,d function errors, %,d invoke errors%n",
                inv.total(), inv.succeeded(), inv.throttled(), inv.functionErrors(),
                inv.errors().values().stream().mapToLong(Long::longValue).sum());
        for (Map.Entry<String, Long> e : inv.errors().entrySet()) {
            if (e.getValue() > 0) {
                out.printf("  %-40s %,d%n", e.getKey(), e.getValue());
            }
        }
        out.printf("Peak ConcurrentExecutions %,d%n", s.peakConcurrentExecutions());
        out.printf("%s ENIs: %d created, peak %d, %d at the end%n",
                r.scenario().networkModel() == dev.enisim.model.NetworkModel.LEGACY ? "Legacy" : "Hyperplane",
                s.enis().created(), s.enis().peak(), s.enis().fin());
        RunSummary.Latency lat = s.latencyMillis();
        out.printf("Latency (ms) p50 %.0f, p90 %.0f, p99 %.0f, max %.0f; %,d cold starts (p50 %.0f ms)%n", lat.p50(),
                lat.p90(), lat.p99(), lat.max(), lat.coldStarts(), lat.coldStartP50());
        for (Map.Entry<String, RunSummary.VpcSummary> v : s.vpcs().entrySet()) {
            out.printf("  %-20s peak %d of quota %d%n", v.getKey(), v.getValue().peakEnis(), v.getValue().eniQuota());
        }
        out.println("Subnets (usable IPs, fewest free):");
        for (Map.Entry<String, RunSummary.SubnetSummary> e : s.subnets().entrySet()) {
            RunSummary.SubnetSummary sub = e.getValue();
            out.printf("  %-20s %-18s %5d usable, %5d used by others, min free %d%n", e.getKey(), sub.cidr(),
                    sub.usableIps(), sub.otherUsedIps(), sub.minAvailableIps());
        }
        out.println("Functions:");
        for (Map.Entry<String, RunSummary.FunctionSummary> e : s.functions().entrySet()) {
            RunSummary.FunctionSummary f = e.getValue();
            out.printf("  %-24s %-8s %,10d invocations, %,d ok%n", e.getKey(),
                    f.finalState() + (f.finalReasonCode() == null ? "" : "/" + f.finalReasonCode()),
                    f.invocations().total(), f.invocations().succeeded());
        }
    }
}
