package dev.enisim.model.function;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * One Lambda function: its configuration, its {@link State} (changed only through {@link #transition}, which
 * enforces the state table), its in-flight invocations, and which of its ENI keys are ready.
 */
public final class LambdaFunction {

    private final int index;
    private final String name;
    private final int memoryMb;
    private final long timeoutMicros;
    private final int reservedConcurrency;
    private final int connectionsPerInvocation;
    private final int[] keys;          // one pool key per configured subnet, distinct, in configuration order
    private final int[][] keysByAz;    // the same keys grouped by Availability Zone, for AZ-balanced choice
    private final StateReasonCode configError;
    private final RandomGenerator subnetChoice;
    private final boolean[] keyReady;
    private State state;
    private StateReasonCode reason;
    private int pendingKeys;
    private int inFlight;

    /**
     * @param reservedConcurrency -1 for none
     * @param configError         InvalidSubnet / InvalidSecurityGroup when the VpcConfig cannot work, else null
     */
    public LambdaFunction(int index, String name, int memoryMb, long timeoutMicros, int reservedConcurrency,
            int connectionsPerInvocation, int[] keys, int[][] keysByAz, StateReasonCode configError,
            RandomGenerator subnetChoice) {
        this.index = index;
        this.name = name;
        this.memoryMb = memoryMb;
        this.timeoutMicros = timeoutMicros;
        this.reservedConcurrency = reservedConcurrency;
        this.connectionsPerInvocation = connectionsPerInvocation;
        this.keys = keys.clone();
        this.keysByAz = keysByAz;
        this.configError = configError;
        this.subnetChoice = subnetChoice;
        this.keyReady = new boolean[keys.length];
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public int memoryMb() {
        return memoryMb;
    }

    public long timeoutMicros() {
        return timeoutMicros;
    }

    /** Reserved concurrency, or -1 when the function draws from the unreserved pool. */
    public int reservedConcurrency() {
        return reservedConcurrency;
    }

    public int connectionsPerInvocation() {
        return connectionsPerInvocation;
    }

    public boolean attached() {
        return keys.length > 0 || configError != null;
    }

    /** The function's ENI keys (do not modify). */
    public int[] keys() {
        return keys;
    }

    public StateReasonCode configError() {
        return configError;
    }

    /** Null until the function is created. */
    public State state() {
        return state;
    }

    /** StateReasonCode, null when none (Active). */
    public StateReasonCode reason() {
        return reason;
    }

    public boolean created() {
        return state != null;
    }

    public int inFlight() {
        return inFlight;
    }

    public void admitted() {
        inFlight++;
    }

    public void finished() {
        if (inFlight <= 0) {
            throw new IllegalStateException(name + ": invocation finished with none in flight");
        }
        inFlight--;
    }

    /** Picks the key of one subnet: an AZ uniformly, then a subnet of it uniformly, from the function's stream. */
    public int pickKey() {
        int[] inAz = keysByAz.length == 1 ? keysByAz[0] : keysByAz[subnetChoice.nextInt(keysByAz.length)];
        return inAz.length == 1 ? inAz[0] : inAz[subnetChoice.nextInt(inAz.length)];
    }

    /** Starts waiting for every key to be ready (on creation or restore). */
    public void awaitAllKeys() {
        java.util.Arrays.fill(keyReady, false);
        pendingKeys = keys.length;
    }

    /** Marks {@code key} ready; returns true when it was the last one awaited. */
    public boolean keyBecameReady(int key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key && !keyReady[i]) {
                keyReady[i] = true;
                pendingKeys--;
                return pendingKeys == 0;
            }
        }
        return false;
    }

    public int pendingKeys() {
        return pendingKeys;
    }

    /**
     * Moves to {@code next} with {@code nextReason}. Illegal moves are bugs: they throw with the function,
     * both states, the cause and the time.
     */
    public void transition(State next, StateReasonCode nextReason, String cause, long nowMicros) {
        boolean ok = state == null ? State.initial().contains(next) : state.canTransitionTo(next);
        if (!ok) {
            throw new IllegalStateException("function " + name + ": illegal transition " + state + " -> " + next
                    + " on " + cause + " at " + nowMicros + " us");
        }
        state = next;
        reason = nextReason;
    }

    @Override
    public String toString() {
        return name + "[" + state + (reason == null ? "" : "/" + reason) + ", in flight " + inFlight + "]";
    }
}
