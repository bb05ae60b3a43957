package dev.enisim.model;

/**
 * A function's execution environments. Idle on-demand environments sit in a deque ordered by when they went
 * idle: by default an invocation takes the most recently used one (the top; other {@link WarmRouting} policies
 * search the deque), keep-alive expiry removes the oldest ones (the bottom), so both ends are O(1). Provisioned environments sit in their own stack and never expire. Each
 * environment remembers the key and ENI that hold its persistent connections (its database pool), and the
 * configuration generation it was made for: environments of an older generation are discarded, not reused.
 *
 * <p>Laid out for many functions: the counts are in the function's row of the world's {@link FunctionRows} and the
 * idle environments in its shared ring store; this is a view of one function's, for everything but the hot path
 * (which names the function by index). An ENI is its row in the fleet's {@link EniPorts} ({@link #NO_ENI} when
 * the environment holds none).
 */
final class Environments {

    /** The ENI row of an environment that holds no ENI (not attached, or nothing persistent). */
    static final int NO_ENI = Lease.NO_ENI;

    private final FunctionRows rows;
    private final int f;

    /** The environments of a function of its own (for tests). */
    Environments() {
        this(new FunctionRows(), 0);
        rows.add(FunctionRows.UNRESERVED, 0);
    }

    /** The environments of function {@code f} of {@code rows}. */
    Environments(FunctionRows rows, int f) {
        this.rows = rows;
        this.f = f;
    }

    /** Idle on-demand environments. */
    public int idle() {
        return rows.idle(f);
    }

    public int provisionedIdle() {
        return rows.provisionedIdle(f);
    }

    /** Provisioned environments in existence (busy or idle). */
    public int provisioned() {
        return rows.provisioned(f);
    }

    /** Environments running an invocation. */
    public int busy() {
        return rows.busy(f);
    }

    /** All environments in existence. */
    public int total() {
        return rows.total(f);
    }

    /** On-demand environments running an invocation. */
    public int busyOnDemand() {
        return rows.busyOnDemand(f);
    }

    public int generation() {
        return rows.generation(f);
    }

    // ---- taking and returning ------------------------------------------------------------------------

    /** Key of the idle environment {@link #takeIdle} would return (top of the deque); -1 when none. */
    public int topIdleKey() {
        return rows.topIdleKey(f);
    }

    /**
     * The position (0 = idle longest, {@code idle() - 1} = most recently used) of the idle environment a warm
     * invocation takes under {@code routing}; {@code random} (a uniform draw below its argument) is used only under {@link WarmRouting#RANDOM}.
     */
    public int choose(WarmRouting routing, java.util.function.IntUnaryOperator random) {
        return rows.choose(f, routing, random);
    }

    /** Key of the idle environment at {@code position} (see {@link #choose}). */
    public int idleKey(int position) {
        return rows.idleKey(f, position);
    }

    /** When the idle environment at {@code position} was created (its cold start). */
    public long idleCreatedAt(int position) {
        return rows.idleCreatedAt(f, position);
    }

    /** Takes the most recently used idle on-demand environment; returns its ENI row ({@link #NO_ENI} if none). */
    public int takeIdle() {
        return takeIdle(idle() - 1);
    }

    /**
     * Takes the idle on-demand environment at {@code position}; the ones above it move down, so the deque stays
     * ordered by when they went idle. Returns its ENI row ({@link #NO_ENI} if it holds none).
     */
    public int takeIdle(int position) {
        return rows.takeIdle(f, position);
    }

    public int topProvisionedKey() {
        return rows.topProvisionedKey(f);
    }

    /** Takes the provisioned environment on top of the stack; returns its ENI row. */
    public int takeProvisioned() {
        return rows.takeProvisioned(f);
    }

    /** A new on-demand environment starts (cold) and is busy. */
    public void started() {
        rows.started(f);
    }

    /**
     * A busy on-demand environment created at {@code created}, holding ENI row {@code e}, goes idle at {@code now}
     * (most recent: top of the deque).
     */
    public void returnIdle(int k, int e, long created, long now) {
        rows.returnIdle(f, k, e, created, now);
    }

    public void returnProvisioned(int k, int e) {
        rows.returnProvisioned(f, k, e);
    }

    /** A busy environment ends for good (its generation is gone, or it was on-demand and discarded). */
    public void discardBusy(boolean wasProvisioned) {
        rows.discardBusy(f, wasProvisioned);
    }

    /** Adds a provisioned environment (idle), holding ENI row {@code e}. */
    public void addProvisioned(int k, int e) {
        rows.addProvisioned(f, k, e);
    }

    // ---- expiry ---------------------------------------------------------------------------------------

    /** When the oldest idle environment went idle; {@link Long#MAX_VALUE} when none is idle. */
    public long oldestIdleSince() {
        return rows.oldestIdleSince(f);
    }

    public int oldestKey() {
        return rows.oldestKey(f);
    }

    /** Removes the oldest idle environment and returns its ENI row (may be {@link #NO_ENI}). */
    public int expireOldest() {
        return rows.expireOldest(f);
    }

    public boolean expiryScheduled() {
        return rows.expiryScheduled(f);
    }

    public void setExpiryScheduled(boolean b) {
        rows.setExpiryScheduled(f, b);
    }

    /**
     * A new configuration: every environment made for the old one is discarded. Idle ones go now (the caller
     * releases their connections first, via {@link #expireOldest} and {@link #takeProvisioned}); busy ones when
     * they finish. Returns the new generation.
     */
    public int newGeneration() {
        return rows.newGeneration(f);
    }

    public void checkInvariants(String function) {
        rows.checkEnvironments(f, function);
    }
}
