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
 * in-flight invocations and when it was last invoked.
 */
final class LambdaFunction {

    /** {@link #reservedConcurrency()} of a function without reserved concurrency. */
    static final int UNRESERVED = -1;

    private final int index;
    private final FunctionConfiguration config;
    // read once from the config: checked on every invocation, kept beside the state the hot path touches
    private final int reservedConcurrency; // UNRESERVED when none
    private final long timeoutMicros;
    private final int connectionsPerInvocation;
    private final int connectionsPerEnvironment;
    private int provisionedConcurrency; // allocated: the configured amount, then as the timeline changes it
    private int account;
    private String accountId = "";
    private int provisionedRequested;
    private long provisionedToken;
    private final java.util.function.LongSupplier initMicros;
    private final Environments environments = new Environments();
    private final RandomGenerator subnetChoice;
    private final List<Binding> versions = new ArrayList<>(); // version n at index n-1; null once deleted
    private Binding binding;
    private boolean attached; // the binding has keys: read on every invocation, kept here beside the hot state
    private Attachment attachment;
    private boolean holdsKeys;
    private State state;
    private StateReasonCode reason;
    private LastUpdateStatus lastUpdateStatus;
    private StateReasonCode lastUpdateReason;
    private int inFlight;
    private long lastInvokedMicros;
    private long idleToken;
    private long stateSinceMicros;

    /**
     * @param subnetChoice the function's stream for choosing a subnet
     * @param initMicros   draws a cold start's init duration
     */
    LambdaFunction(int index, FunctionConfiguration config, RandomGenerator subnetChoice,
            java.util.function.LongSupplier initMicros, Binding binding) {
        this.index = index;
        this.config = config;
        this.reservedConcurrency = config.reservedConcurrency().orElse(UNRESERVED);
        this.timeoutMicros = config.timeoutMicros();
        this.connectionsPerInvocation = config.connectionsPerInvocation();
        this.connectionsPerEnvironment = config.connectionsPerEnvironment();
        this.provisionedConcurrency = config.provisionedConcurrency();
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
        return account;
    }

    /** The function's account id ("" in a single-account world): part of its ENI keys. */
    public String accountId() {
        return accountId;
    }

    void setAccount(int index, String id) {
        account = index;
        accountId = id;
    }

    /** Provisioned concurrency allocated (usable while the function is Active). */
    public int provisionedConcurrency() {
        return provisionedConcurrency;
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
        provisionedConcurrency = n;
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
        attached = b.keys().length > 0;
    }

    /** The binding invocations use has keys (a VpcConfig that resolved): {@code binding().keys().length > 0}. */
    boolean hasKeys() {
        return attached;
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
        return inFlight;
    }

    public void admitted() {
        inFlight++;
    }

    public void finished() {
        if (inFlight <= 0) {
            throw new IllegalStateException(name() + ": invocation finished with none in flight");
        }
        inFlight--;
    }

    /** When the function entered its current state. */
    public long stateSinceMicros() {
        return stateSinceMicros;
    }

    public long lastInvokedMicros() {
        return lastInvokedMicros;
    }

    public void invokedAt(long nowMicros) {
        lastInvokedMicros = nowMicros;
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
    }

    @Override
    public String toString() {
        return name() + "[" + state + (reason == null ? "" : "/" + reason) + ", in flight " + inFlight + "]";
    }
}
