package dev.enisim.model;

import dev.enisim.model.eni.EniState;
import dev.enisim.model.eni.HyperplaneEni;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;

/**
 * What the world reports as it changes. Called synchronously from the hot loop: implementations must be cheap
 * and allocation-free on the per-invocation calls ({@link #invocation}, {@link #concurrency},
 * {@link #connections}). Every method does nothing by default, so an observer implements only what it needs
 * and new notifications do not break existing observers. {@link #both} fans out to two observers.
 */
public interface WorldListener {

    /** An invocation arrived and got {@code outcome} (decided at admission). */
    default void invocation(int function, Outcome outcome, long nowMicros) {
    }

    /** In-flight counts after an invocation started or ended. */
    default void concurrency(int function, int functionInFlight, int accountInFlight, long nowMicros) {
    }

    /** A successful invocation's latency: init (when cold) + duration, in microseconds. */
    default void latency(int function, long latencyMicros, boolean coldStart, long nowMicros) {
    }

    /** A function's execution environments (busy + idle + provisioned) after they changed. */
    default void environments(int function, int total, long nowMicros) {
    }

    /** Connections on a key's ENIs after they changed. */
    default void connections(int key, int keyConnections, long nowMicros) {
    }

    /** An ENI was created ({@code from} null) or changed state. */
    default void eniState(HyperplaneEni eni, EniState from, long nowMicros) {
    }

    /** A subnet's free addresses changed. */
    default void subnetIps(int subnet, int availableIps, long nowMicros) {
    }

    /** A function changed state (including its creation). */
    default void functionState(int function, State state, StateReasonCode reason, String cause, long nowMicros) {
    }

    /** A function attaches to a key that already has a ready ENI: it shares {@code eni}, no new IP needed. */
    default void eniShared(int function, HyperplaneEni eni, long nowMicros) {
    }

    /** A function's LastUpdateStatus changed (a VPC config update started, succeeded or failed). */
    default void functionUpdate(int function, LastUpdateStatus status, StateReasonCode reason, long nowMicros) {
    }

    /** A control-plane action of the timeline happened (or was rejected), in words. Rare: strings are fine. */
    default void controlAction(String description, long nowMicros) {
    }

    /** Tells {@code first}, then {@code second}, everything. */
    static WorldListener both(WorldListener first, WorldListener second) {
        return new WorldListener() {
            @Override
            public void invocation(int function, Outcome outcome, long nowMicros) {
                first.invocation(function, outcome, nowMicros);
                second.invocation(function, outcome, nowMicros);
            }

            @Override
            public void concurrency(int function, int functionInFlight, int accountInFlight, long nowMicros) {
                first.concurrency(function, functionInFlight, accountInFlight, nowMicros);
                second.concurrency(function, functionInFlight, accountInFlight, nowMicros);
            }

            @Override
            public void latency(int function, long latencyMicros, boolean coldStart, long nowMicros) {
                first.latency(function, latencyMicros, coldStart, nowMicros);
                second.latency(function, latencyMicros, coldStart, nowMicros);
            }

            @Override
            public void environments(int function, int total, long nowMicros) {
                first.environments(function, total, nowMicros);
                second.environments(function, total, nowMicros);
            }

            @Override
            public void connections(int key, int keyConnections, long nowMicros) {
                first.connections(key, keyConnections, nowMicros);
                second.connections(key, keyConnections, nowMicros);
            }

            @Override
            public void eniState(HyperplaneEni eni, EniState from, long nowMicros) {
                first.eniState(eni, from, nowMicros);
                second.eniState(eni, from, nowMicros);
            }

            @Override
            public void subnetIps(int subnet, int availableIps, long nowMicros) {
                first.subnetIps(subnet, availableIps, nowMicros);
                second.subnetIps(subnet, availableIps, nowMicros);
            }

            @Override
            public void functionState(int function, State state, StateReasonCode reason, String cause,
                    long nowMicros) {
                first.functionState(function, state, reason, cause, nowMicros);
                second.functionState(function, state, reason, cause, nowMicros);
            }

            @Override
            public void functionUpdate(int function, LastUpdateStatus status, StateReasonCode reason,
                    long nowMicros) {
                first.functionUpdate(function, status, reason, nowMicros);
                second.functionUpdate(function, status, reason, nowMicros);
            }

            @Override
            public void eniShared(int function, HyperplaneEni eni, long nowMicros) {
                first.eniShared(function, eni, nowMicros);
                second.eniShared(function, eni, nowMicros);
            }

            @Override
            public void controlAction(String description, long nowMicros) {
                first.controlAction(description, nowMicros);
                second.controlAction(description, nowMicros);
            }
        };
    }

    /** A listener that ignores everything. */
    WorldListener NONE = new WorldListener() {
    };
}
