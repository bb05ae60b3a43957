package dev.enisim.model;

import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniKey;
import dev.enisim.model.eni.EniState;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every notification a world sends, kept for model tests (what metrics would be fed), and forwarded to another
 * listener. The last value of each gauge (a subnet's free IPs, a key's connections, a function's environments) is
 * kept by its index, the rare notifications (control actions, shared ENIs, provisioned concurrency) in order.
 */
final class Notifications implements WorldListener {

    private final WorldListener next;
    /** Last {@code subnetIps} per subnet. */
    final Map<Integer, Integer> subnetIps = new HashMap<>();
    /** Last {@code connections} per key. */
    final Map<Integer, Integer> keyConnections = new HashMap<>();
    /** Last {@code environments} per function. */
    final Map<Integer, Integer> environments = new HashMap<>();
    /** Highest {@code environments} told per function (what {@code peakEnvironments} reads). */
    final Map<Integer, Integer> peakEnvironments = new HashMap<>();
    /** Last {@code environmentLevels} per function: {busy on-demand, idle, provisioned}. */
    final Map<Integer, int[]> levels = new HashMap<>();
    /** Last {@code concurrency} per function: {function in flight, account in flight}. */
    final Map<Integer, int[]> concurrency = new HashMap<>();
    /** Last {@code provisionedConcurrency} per function: {requested, allocated}. */
    final Map<Integer, int[]> provisioned = new HashMap<>();
    final List<String> actions = new ArrayList<>();
    /** "function eni-name at seconds" per {@code eniShared}. */
    final List<String> shared = new ArrayList<>();
    /** Functions that attached to a key whose ENI was being created: "function eni at second". */
    final List<String> awaited = new ArrayList<>();
    /** "function outcome cold|warm provisioned? init run" per {@code execution} (microseconds). */
    final List<String> executions = new ArrayList<>();
    int spillovers;
    /** "gateway/destination connections" per {@code natConnections}. */
    final List<String> nat = new ArrayList<>();
    int natErrors;
    /** "function key limit at second" per {@code scaleOutRefused}: what refused an Active function's scale-out. */
    final List<String> refusals = new ArrayList<>();

    /**
     * The per-invocation calls in order (invocation, concurrency, latency, environments, environmentLevels,
     * execution, provisionedSpillover, connections), each as "name arguments..." without the instant; null until
     * {@link #recordCalls}. This listener implements only the fine-grained calls: an invocation's start and end
     * reach it through {@link WorldListener#started} and {@link WorldListener#ended}'s defaults.
     */
    List<String> calls;

    Notifications(WorldListener next) {
        this.next = next;
    }

    /** Starts recording {@link #calls} (from an empty list). */
    void recordCalls() {
        calls = new ArrayList<>();
    }

    private void call(String name, Object... arguments) {
        if (calls != null) {
            StringBuilder b = new StringBuilder(name);
            for (Object a : arguments) {
                b.append(' ').append(a);
            }
            calls.add(b.toString());
        }
    }

    @Override
    public void invocation(int function, Outcome outcome, long nowMicros) {
        call("invocation", function, outcome);
        next.invocation(function, outcome, nowMicros);
    }

    @Override
    public void concurrency(int function, int functionInFlight, int accountInFlight, long nowMicros) {
        call("concurrency", function, functionInFlight, accountInFlight);
        concurrency.put(function, new int[] {functionInFlight, accountInFlight});
        next.concurrency(function, functionInFlight, accountInFlight, nowMicros);
    }

    @Override
    public void latency(int function, long latencyMicros, boolean coldStart, long nowMicros) {
        call("latency", function, latencyMicros, coldStart);
        next.latency(function, latencyMicros, coldStart, nowMicros);
    }

    @Override
    public void environments(int function, int total, long nowMicros) {
        call("environments", function, total);
        environments.put(function, total);
        peakEnvironments.merge(function, total, Math::max);
        next.environments(function, total, nowMicros);
    }

    @Override
    public void environmentLevels(int function, int busyOnDemand, int idle, int provisioned, long nowMicros) {
        call("environmentLevels", function, busyOnDemand, idle, provisioned);
        levels.put(function, new int[] {busyOnDemand, idle, provisioned});
        next.environmentLevels(function, busyOnDemand, idle, provisioned, nowMicros);
    }

    @Override
    public void execution(int function, Outcome outcome, boolean coldStart, boolean provisioned, long initMicros,
            long runMicros, long nowMicros) {
        call("execution", function, outcome, coldStart, provisioned, initMicros, runMicros);
        executions.add(function + " " + outcome + " " + (coldStart ? "cold" : "warm") + (provisioned ? " provisioned"
                : "") + " " + initMicros + " " + runMicros);
        next.execution(function, outcome, coldStart, provisioned, initMicros, runMicros, nowMicros);
    }

    @Override
    public void provisionedConcurrency(int function, int requested, int allocated, long nowMicros) {
        provisioned.put(function, new int[] {requested, allocated});
        next.provisionedConcurrency(function, requested, allocated, nowMicros);
    }

    @Override
    public void provisionedSpillover(int function, long nowMicros) {
        call("provisionedSpillover", function);
        spillovers++;
        next.provisionedSpillover(function, nowMicros);
    }

    @Override
    public void connections(int key, int keyConnections, long nowMicros) {
        call("connections", key, keyConnections);
        this.keyConnections.put(key, keyConnections);
        next.connections(key, keyConnections, nowMicros);
    }

    @Override
    public void natConnections(int gateway, int destination, int connections, long nowMicros) {
        nat.add(gateway + "/" + destination + " " + connections);
        next.natConnections(gateway, destination, connections, nowMicros);
    }

    @Override
    public void natPortAllocationError(int gateway, int destination, long nowMicros) {
        natErrors++;
        next.natPortAllocationError(gateway, destination, nowMicros);
    }

    @Override
    public void scaleOutRefused(int function, EniKey key, ScaleOutLimit limit, long nowMicros) {
        refusals.add(function + " " + key.label() + " " + limit + " at " + nowMicros / WorldHarness.SEC);
        next.scaleOutRefused(function, key, limit, nowMicros);
    }

    @Override
    public void eniState(EniId eni, EniState from, EniState to, long nowMicros) {
        next.eniState(eni, from, to, nowMicros);
    }

    @Override
    public void subnetIps(int subnet, int availableIps, long nowMicros) {
        subnetIps.put(subnet, availableIps);
        next.subnetIps(subnet, availableIps, nowMicros);
    }

    @Override
    public void functionState(int function, State state, StateReasonCode reason, String cause, long nowMicros) {
        next.functionState(function, state, reason, cause, nowMicros);
    }

    @Override
    public void eniShared(int function, EniId eni, long nowMicros) {
        shared.add(function + " " + eni.name() + " at " + nowMicros / WorldHarness.SEC);
        next.eniShared(function, eni, nowMicros);
    }

    @Override
    public void eniAwaited(int function, EniId eni, long nowMicros) {
        awaited.add(function + " " + eni.name() + " at " + nowMicros / WorldHarness.SEC);
        next.eniAwaited(function, eni, nowMicros);
    }

    @Override
    public void functionUpdate(int function, LastUpdateStatus status, StateReasonCode reason, long nowMicros) {
        next.functionUpdate(function, status, reason, nowMicros);
    }

    @Override
    public void controlAction(String description, long nowMicros) {
        actions.add(nowMicros / WorldHarness.SEC + "s " + description);
        next.controlAction(description, nowMicros);
    }
}
