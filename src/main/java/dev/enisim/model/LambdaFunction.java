package dev.enisim.model;

import dev.enisim.model.function.FunctionConfiguration;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One Lambda function: its configuration, its {@link State} (changed only through {@link #transition}, which
 * enforces the state table), its binding to ENI keys (current, being attached, pinned by versions), its
 * in-flight invocations and when it was last invoked. What every invocation reads and writes (whether it is Active,
 * its in-flight count, account, provisioned concurrency, environments) lives in its row of the world's {@link
 * FunctionRows}, which the hot path reads by index; the getters here read the same row.
 */
final class LambdaFunction {

    /** {@link #reservedConcurrency()} of a function without reserved concurrency. */
    static final int UNRESERVED = FunctionRows.UNRESERVED;

    private final int index;
    private final FunctionConfiguration config;
    // read once from the config: checked on every invocation, kept beside the state the hot path touches
    private final int reservedConcurrency; // UNRESERVED when none
    private final long timeoutMicros;
    private final int connectionsPerInvocation;
    private final int connectionsPerEnvironment;
    private final FunctionRows rows; // in-flight count, account, provisioned concurrency allocated, Active, environments
    private String accountId = "";
    private int provisionedRequested;
    private long provisionedToken;
    private final java.util.function.LongSupplier initMicros;
    private final Environments environments;
    private final RandomGenerator subnetChoice;
    private final List<Binding> versions = new ArrayList<>(); // version n at index n-1; null once deleted
    private Binding binding;
    private Attachment attachment;
    private boolean holdsKeys;
    private State state;
    private StateReasonCode reason;
    private LastUpdateStatus lastUpdateStatus;
    private StateReasonCode lastUpdateReason;
    private long idleToken;
    private long stateSinceMicros;

    /**
     * A function with rows of its own (for tests: {@code index} must be 0, its row's).
     *
     * @param subnetChoice the function's stream for choosing a subnet
     * @param initMicros   draws a cold start's init duration
     */
    LambdaFunction(int index, FunctionConfiguration config, RandomGenerator subnetChoice,
            java.util.function.LongSupplier initMicros, Binding binding) {
        this(new FunctionRows(), index, config, subnetChoice, initMicros, binding);
    }

    /**
     * A function whose hot state is the next row of {@code rows} (its index: {@code index} must be the number of
     * rows so far).
     */
    LambdaFunction(FunctionRows rows, int index, FunctionConfiguration config, RandomGenerator subnetChoice,
            java.util.function.LongSupplier initMicros, Binding binding) {
        this.index = index;
        this.config = config;
        this.reservedConcurrency = config.reservedConcurrency().orElse(UNRESERVED);
        this.timeoutMicros = config.timeoutMicros();
        this.connectionsPerInvocation = config.connectionsPerInvocation();
        this.connectionsPerEnvironment = config.connectionsPerEnvironment();
        this.rows = rows;
        if (rows.add(reservedConcurrency, timeoutMicros) != index) {
            throw new IllegalArgumentException("function " + config.name() + ": index " + index + ", row "
                    + (rows.functions() - 1));
        }
        this.environments = new Environments(rows, index);
        rows.setProvisionedConcurrency(index, config.provisionedConcurrency());
        this.provisionedRequested = config.provisionedConcurrency();
        this.initMicros = initMicros;
        setBinding(binding);
        this.subnetChoice = subnetChoice;
    }

    /** The function's configuration as the scenario gives it: a setting the model newly reads is read here. */
    FunctionConfiguration config() {
        return config;
    }

    public int index() {
        return index;
    }

    public String name() {
        return config.name();
    }

    public int memoryMb() {
        return config.memoryMb();
    }

    public long timeoutMicros() {
        return timeoutMicros;
    }

    /** Reserved concurrency, or {@link #UNRESERVED} when the function draws from the unreserved pool. */
    public int reservedConcurrency() {
        return reservedConcurrency;
    }

    /** True when the function has reserved concurrency (possibly 0). */
    public boolean reserved() {
        return reservedConcurrency != UNRESERVED;
    }

    public int connectionsPerInvocation() {
        return connectionsPerInvocation;
    }

    public String role() {
        return config.role();
    }

    public int connectionsPerEnvironment() {
        return connectionsPerEnvironment;
    }

    /** The index of the function's account (0 in a single-account world). */
    public int account() {
        return rows.account(index);
    }

    /** The function's account id ("" in a single-account world): part of its ENI keys. */
    public String accountId() {
        return accountId;
    }

    void setAccount(int account, String id) {
        rows.setAccount(index, account);
        accountId = id;
    }

    /** Provisioned concurrency allocated (usable while the function is Active). */
    public int provisionedConcurrency() {
        return rows.provisionedConcurrency(index);
    }

    /** Provisioned concurrency last requested (allocated, or still being allocated). */
    public int provisionedRequested() {
        return provisionedRequested;
    }

    /**
     * A new request for {@code n} provisioned environments: returns its token (an allocation under way for an
     * earlier request is superseded, its {@link SimEvent.ProvisionedReady} will be stale).
     */
    long requestProvisioned(int n) {
        provisionedRequested = n;
        return ++provisionedToken;
    }

    /** Whether {@code token} is the latest request's. */
    boolean provisionedRequestCurrent(long token) {
        return token == provisionedToken;
    }

    /** The provisioned concurrency allocated is now {@code n}. */
    void setProvisionedConcurrency(int n) {
        rows.setProvisionedConcurrency(index, n);
    }

    /** Draws a cold start's init duration in microseconds. */
    public long sampleInitMicros() {
        return initMicros.getAsLong();
    }

    public Environments environments() {
        return environments;
    }

    /** The VpcConfig invocations use now. */
    public Binding binding() {
        return binding;
    }

    public void setBinding(Binding b) {
        binding = b;
        rows.setHasKeys(index, b.keys().length > 0);
    }

    /** The binding invocations use has keys (a VpcConfig that resolved): {@code binding().keys().length > 0}. */
    boolean hasKeys() {
        return rows.hasKeys(index);
    }

    /** The binding being attached (creation, restore, update), or null. */
    public Attachment attachment() {
        return attachment;
    }

    public void setAttachment(Attachment a) {
        attachment = a;
    }

    /** True while the function counts as a user of its current binding's keys. */
    public boolean holdsKeys() {
        return holdsKeys;
    }

    public void setHoldsKeys(boolean h) {
        holdsKeys = h;
    }

    /** Published versions, version n at index n - 1, null where deleted. Do not modify. */
    public List<Binding> versions() {
        return versions;
    }

    public int publishVersion() {
        versions.add(binding);
        return versions.size();
    }

    /** Deletes version {@code n}; returns its binding, or null if there is no such live version. */
    public Binding deleteVersion(int n) {
        if (n < 1 || n > versions.size() || versions.get(n - 1) == null) {
            return null;
        }
        return versions.set(n - 1, null);
    }

    /** Null until the function is created. */
    public State state() {
        return state;
    }

    /** StateReasonCode, null when none (Active). */
    public StateReasonCode reason() {
        return reason;
    }

    public LastUpdateStatus lastUpdateStatus() {
        return lastUpdateStatus;
    }

    public StateReasonCode lastUpdateReason() {
        return lastUpdateReason;
    }

    public void setLastUpdate(LastUpdateStatus status, StateReasonCode why) {
        lastUpdateStatus = status;
        lastUpdateReason = why;
    }

    public int inFlight() {
        return rows.inFlight(index);
    }

    public void admitted() {
        rows.admitted(index);
    }

    public void finished() {
        if (!rows.finished(index)) {
            throw noneInFlight();
        }
    }

    /** The bug of an invocation ending with none of the function's in flight. */
    IllegalStateException noneInFlight() {
        return new IllegalStateException(name() + ": invocation finished with none in flight");
    }

    /** When the function entered its current state. */
    public long stateSinceMicros() {
        return stateSinceMicros;
    }

    public long lastInvokedMicros() {
        return rows.lastInvokedMicros(index);
    }

    public void invokedAt(long nowMicros) {
        rows.invokedAt(index, nowMicros);
    }

    /** A new token for the idle check; older checks become stale. */
    public long nextIdleToken() {
        return ++idleToken;
    }

    public long idleToken() {
        return idleToken;
    }

    /**
     * Picks the key of one subnet: an AZ uniformly among those {@code healthy} allows, then a subnet of it
     * uniformly, from the function's own stream. Returns -1 when no AZ is healthy.
     */
    public int pickKey(AzHealth healthy) {
        int[][] byAz = binding.keysByAz();
        if (healthy == null) {
            int[] inAz = byAz.length == 1 ? byAz[0] : byAz[subnetChoice.nextInt(byAz.length)];
            return inAz.length == 1 ? inAz[0] : inAz[subnetChoice.nextInt(inAz.length)];
        }
        int up = 0;
        for (int[] az : byAz) {
            if (healthy.up(az[0])) {
                up++;
            }
        }
        if (up == 0) {
            return -1;
        }
        int pick = up == 1 ? 0 : subnetChoice.nextInt(up);
        for (int[] az : byAz) {
            if (healthy.up(az[0]) && pick-- == 0) {
                return az.length == 1 ? az[0] : az[subnetChoice.nextInt(az.length)];
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Whether the AZ of a key is up. */
    @FunctionalInterface
    public interface AzHealth {
        boolean up(int key);
    }

    /**
     * Moves to {@code next} with {@code nextReason}. Illegal moves are bugs: they throw with the function,
     * both states, the cause and the time.
     */
    public void transition(State next, StateReasonCode nextReason, String cause, long nowMicros) {
        boolean ok = state == null ? State.initial().contains(next) : state.canTransitionTo(next);
        if (!ok) {
            throw new IllegalStateException("function " + name() + ": illegal transition " + state + " -> " + next
                    + " on " + cause + " at " + nowMicros + " us");
        }
        if (state != next) {
            stateSinceMicros = nowMicros;
        }
        state = next;
        reason = nextReason;
        rows.setState(index, next == State.Active, rejection(next, nextReason));
    }

    /**
     * The Invoke error an invocation gets from a function in {@code state} (null before it is created) for
     * {@code reason}, when that is all it does; null when the invocation does more (an Inactive function is
     * restored), when the function is Active, or when the reason names no failure ({@link Lifecycle#rejected} then
     * throws). The function's row keeps it ({@link FunctionRows#rejection}), so that a rejected invocation need not
     * read the function object.
     */
    static Outcome rejection(State state, StateReasonCode reason) {
        if (state == null || state == State.Deleted) {
            return Outcome.RESOURCE_NOT_FOUND;
        }
        if (state == State.Pending) {
            return reason == StateReasonCode.Restoring ? Outcome.RESOURCE_NOT_READY : Outcome.RESOURCE_CONFLICT;
        }
        if (state == State.Failed) {
            EniFailure why = EniFailure.find(reason); // the failure that stopped it
            return why == null ? null : why.invokeError();
        }
        return null;
    }

    @Override
    public String toString() {
        return name() + "[" + state + (reason == null ? "" : "/" + reason) + ", in flight " + inFlight() + "]";
    }
}
