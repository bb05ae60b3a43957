package dev.enisim.metrics;

import dev.enisim.model.Outcome;
import dev.enisim.model.WorldListener;
import dev.enisim.model.eni.EniState;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;

/**
 * The run's observers behind one listener, called directly (final fields of concrete types, so the JIT
 * inlines each call on the hot path; a generic fan-out through interfaces costs a virtual call per observer per
 * event).
 */
public final class Observers implements WorldListener {

    private final Recorder recorder;
    private final LatencyRecorder latency;
    private final Journal journal;
    private final NatRecorder nat;
    private final EnvironmentLevels levels;
    private final Executions executions;
    private final ProvisionedRecorder provisioned;
    private final AccountsRecorder accounts;

    /**
     * @param nat NAT gateway egress, or null when the scenario declares no NAT gateway
     * @param levels environment levels (time averages), or null
     * @param executions executions and cold starts by outcome, or null
     */
    public Observers(Recorder recorder, LatencyRecorder latency, Journal journal, NatRecorder nat,
            EnvironmentLevels levels, Executions executions) {
        this(recorder, latency, journal, nat, levels, executions, null, null);
    }

    /**
     * @param provisioned provisioned concurrency, or null when no function has any
     * @param accounts    the per-account breakdown, or null in a single-account run
     */
    public Observers(Recorder recorder, LatencyRecorder latency, Journal journal, NatRecorder nat,
            EnvironmentLevels levels, Executions executions, ProvisionedRecorder provisioned,
            AccountsRecorder accounts) {
        this.provisioned = provisioned;
        this.accounts = accounts;
        this.recorder = recorder;
        this.latency = latency;
        this.journal = journal;
        this.nat = nat;
        this.levels = levels;
        this.executions = executions;
        if (levels != null) { // a start updates them all: one row of longs per function for them
            if (executions != null) {
                levels.shareRows(executions);
            }
            levels.shareRows(recorder, journal);
        }
    }

    /**
     * Fetches the row that the observers update at an invocation's start or end of {@code function} (its levels,
     * counters, current successes and concurrency, its successes in the journal: {@link FunctionLines}) by stores to
     * its spare longs ({@link FunctionLines#touch}): a look ahead, so that it is fetched while another event is
     * handled. Changes no figure. Without levels, nothing (the rows are not shared).
     */
    public void touch(int function) {
        if (levels != null) {
            levels.touch(function);
        }
    }

    @Override
    public void natConnections(int gateway, int destination, int connections, long nowMicros) {
        nat.connections(gateway, destination, connections, nowMicros);
    }

    @Override
    public void natPortAllocationError(int gateway, int destination, long nowMicros) {
        nat.refused(gateway, nowMicros);
    }

    @Override
    public void environmentLevels(int function, int busyOnDemand, int idle, int provisioned, long nowMicros) {
        if (levels != null) {
            levels.environmentLevels(function, busyOnDemand, idle, provisioned, nowMicros);
        }
    }

    @Override
    public void execution(int function, Outcome outcome, boolean coldStart, boolean provisioned, long initMicros,
            long runMicros, long nowMicros) {
        if (executions != null) {
            executions.execution(function, outcome, coldStart, provisioned, initMicros, runMicros, nowMicros);
        }
        if (this.provisioned != null) {
            this.provisioned.execution(function, provisioned, nowMicros);
        }
    }

    @Override
    public void provisionedSpillover(int function, long nowMicros) {
        provisioned.spillover(function, nowMicros);
    }

    @Override
    public void provisionedConcurrency(int function, int requested, int allocated, long nowMicros) {
        provisioned.changed(function, requested, allocated, nowMicros);
    }

    /**
     * An invocation started: everything it changed, each observer told once, in one method (the same figures as
     * the fine-grained calls {@link WorldListener#started} stands for). The recorder gets its two small calls
     * ({@link Recorder#concurrency}, {@link Recorder#invocation}) rather than one that does both: the JIT inlines
     * those here, where a larger one was compiled apart and called (measured: {@code many-functions} 13% slower);
     * both in the one bucket looked up here ({@link Recorder#bucket}), not each looking it up.
     */
    @Override
    public void started(int function, Outcome outcome, boolean coldStart, boolean provisioned, long initMicros,
            long runMicros, int functionInFlight, int accountInFlight, boolean spillover, long nowMicros) {
        int bucket = recorder.bucket(nowMicros); // one lookup for the recorder's two calls
        recorder.concurrency(function, functionInFlight, accountInFlight, bucket, nowMicros);
        if (outcome == Outcome.SUCCESS) {
            latency.latency(function, initMicros + runMicros, coldStart, nowMicros);
        }
        if (executions != null) {
            executions.execution(function, outcome, coldStart, provisioned, initMicros, runMicros, nowMicros);
        }
        if (this.provisioned != null) {
            this.provisioned.execution(function, provisioned, nowMicros);
        }
        if (spillover) {
            this.provisioned.spillover(function, nowMicros);
        }
        if (accounts != null) {
            accounts.concurrency(function, functionInFlight, nowMicros);
        }
        invocation(function, outcome, bucket, nowMicros);
    }

    /** An invocation ended: the concurrency it gave back. */
    @Override
    public void ended(int function, int functionInFlight, int accountInFlight, long nowMicros) {
        recorder.ended(function, functionInFlight, accountInFlight, nowMicros);
        if (accounts != null) {
            accounts.concurrency(function, functionInFlight, nowMicros);
        }
    }

    @Override
    public void invocation(int function, Outcome outcome, long nowMicros) {
        invocation(function, outcome, recorder.bucket(nowMicros), nowMicros);
    }

    /** As {@link #invocation(int, Outcome, long)}, with the bucket of {@code nowMicros} looked up. */
    private void invocation(int function, Outcome outcome, int bucket, long nowMicros) {
        recorder.invocation(function, outcome, bucket);
        journal.invocation(function, outcome, nowMicros);
        if (accounts != null) {
            accounts.invocation(function, outcome, nowMicros);
        }
    }

    @Override
    public void latency(int function, long latencyMicros, boolean coldStart, long nowMicros) {
        latency.latency(function, latencyMicros, coldStart, nowMicros);
    }

    @Override
    public void environments(int function, int total, long nowMicros) {
        recorder.environments(function, total, nowMicros);
    }

    @Override
    public void concurrency(int function, int functionInFlight, int accountInFlight, long nowMicros) {
        recorder.concurrency(function, functionInFlight, accountInFlight, nowMicros);
        if (accounts != null) {
            accounts.concurrency(function, functionInFlight, nowMicros);
        }
    }

    @Override
    public void connections(int key, int keyConnections, long nowMicros) {
        recorder.connections(key, keyConnections, nowMicros);
    }

    @Override
    public void eniState(EniId eni, EniState from, EniState to, long nowMicros) {
        recorder.eniState(eni, from, to, nowMicros);
        journal.eniState(eni, from, to, nowMicros);
        if (accounts != null) {
            accounts.eniState(eni, from, to, nowMicros);
        }
    }

    @Override
    public void subnetIps(int subnet, int availableIps, long nowMicros) {
        recorder.subnetIps(subnet, availableIps, nowMicros);
    }

    @Override
    public void functionState(int function, State state, StateReasonCode reason, String cause, long nowMicros) {
        recorder.functionState(function, state, reason, cause, nowMicros);
        journal.functionState(function, state, reason, cause, nowMicros);
    }

    @Override
    public void eniShared(int function, EniId eni, long nowMicros) {
        journal.eniShared(function, eni, nowMicros);
    }

    @Override
    public void functionUpdate(int function, LastUpdateStatus status, StateReasonCode reason, long nowMicros) {
        recorder.functionUpdate(function, status, reason, nowMicros);
        journal.functionUpdate(function, status, reason, nowMicros);
    }

    @Override
    public void controlAction(String description, long nowMicros) {
        recorder.controlAction(description, nowMicros);
        journal.controlAction(description, nowMicros);
    }
}
