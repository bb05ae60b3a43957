package dev.enisim.metrics;

import java.util.List;
import java.util.Map;

/**
 * The run's headline figures, shaped as {@code summary.json}. Invariant (globally and per function):
 * total = succeeded + throttled + functionErrors + sum of errors.
 */
public record RunSummary(
        String scenario,
        long seed,
        int replication,
        double simulatedSeconds,
        Events events,
        Invocations invocations,
        int peakConcurrentExecutions,
        Map<String, FunctionSummary> functions,
        Enis enis,
        Map<String, VpcSummary> vpcs,
        Map<String, SubnetSummary> subnets,
        Map<String, KeySummary> eniKeys) {

    /** Events delivered by the loop: arrivals + completions + the model's other events. */
    public record Events(long total, long arrivals, long completions, long other) {
    }

    /**
     * @param errors          invoke errors by exception name (every name present, zero when none)
     * @param throttleReasons TooManyRequestsException by Reason
     * @param functionErrorCauses function errors by cause (NoFreePortOnEni, TaskTimedOut)
     */
    public record Invocations(long total, long succeeded, long throttled, long functionErrors,
            Map<String, Long> errors, Map<String, Long> throttleReasons, Map<String, Long> functionErrorCauses) {
    }

    public record FunctionSummary(Invocations invocations, String finalState, String finalReasonCode,
            int peakConcurrentExecutions, List<Transition> transitions) {
    }

    /** A state change: when, to what, why. */
    public record Transition(double atSeconds, String state, String reasonCode, String cause) {
    }

    /** ENIs created over the run, the most alive at once, and those alive at the end. */
    public record Enis(long created, long peak, long fin) {
    }

    public record VpcSummary(int eniQuota, long peakEnis, long finalEnis) {
    }

    public record SubnetSummary(String cidr, String az, int usableIps, int otherUsedIps, long minAvailableIps,
            long finalAvailableIps) {
    }

    /** One ENI key (subnet + security groups): its peak ENIs and connections. */
    public record KeySummary(String vpc, String subnet, List<String> securityGroups, long peakEnis,
            long finalEnis, long peakConnections) {
    }
}
