package dev.enisim.model;

import java.util.Arrays;

/**
 * A function's execution environments. Idle on-demand environments sit in a deque ordered by when they went
 * idle: by default an invocation takes the most recently used one (the top; other {@link WarmRouting} policies
 * search the deque), keep-alive expiry removes the oldest ones (the bottom), so both ends are O(1). Provisioned environments sit in their own stack and never expire. Each
 * environment remembers the key and ENI that hold its persistent connections (its database pool), and the
 * configuration generation it was made for: environments of an older generation are discarded, not reused.
 *
 * <p>Laid out for many functions: an idle environment is one row of three longs in one array (its key and its
 * ENI's row in the fleet's ports table, when it went idle, when it was made), so taking or returning one touches one
 * or two cache lines; the array starts with room for two and doubles; the provisioned stack is made on first use.
 * An ENI is its row in the fleet's {@link EniPorts} ({@link #NO_ENI} when the environment holds none).
 */
final class Environments {

    /** The ENI row of an environment that holds no ENI (not attached, or nothing persistent). */
    static final int NO_ENI = -1;
    private static final int STRIDE = 3; // key|eni, idle since, created at
    private static final long[] NONE = new long[0];

    private long[] idleRow = new long[2 * STRIDE]; // a ring of idle environments, capacity a power of two
    private int capacity = 2;
    private int head;   // position in the ring of the oldest idle environment
    private int size;   // idle on-demand environments
    private long[] prov = NONE; // the provisioned stack: key|eni
    private int provIdle;
    private int provisioned;
    private int busy;
    private int generation;
    private boolean expiryScheduled;

    private static long pair(int key, int eni) {
        return ((long) key << 32) | (eni & 0xFFFF_FFFFL);
    }

    private static int keyOf(long pair) {
        return (int) (pair >> 32);
    }

    private static int eniOf(long pair) {
        return (int) pair;
    }

    /** The row offset of the idle environment at {@code position} (0 = idle longest). */
    private int at(int position) {
        return ((head + position) & (capacity - 1)) * STRIDE;
    }

    /** Idle on-demand environments. */
    public int idle() {
        return size;
    }

    public int provisionedIdle() {
        return provIdle;
    }

    /** Provisioned environments in existence (busy or idle). */
    public int provisioned() {
        return provisioned;
    }

    /** Environments running an invocation. */
    public int busy() {
        return busy;
    }

    /** All environments in existence. */
    public int total() {
        return size + provisioned + busyOnDemand();
    }

    /** On-demand environments running an invocation. */
    public int busyOnDemand() {
        return busy - (provisioned - provIdle);
    }

    public int generation() {
        return generation;
    }

    // ---- taking and returning ------------------------------------------------------------------------

    /** Key of the idle environment {@link #takeIdle} would return (top of the deque); -1 when none. */
    public int topIdleKey() {
        return size == 0 ? -1 : keyOf(idleRow[at(size - 1)]);
    }

    /**
     * The position (0 = idle longest, {@code idle() - 1} = most recently used) of the idle environment a warm
     * invocation takes under {@code routing}; {@code random} (a uniform draw below its argument) is used only under {@link WarmRouting#RANDOM}.
     */
    public int choose(WarmRouting routing, java.util.function.IntUnaryOperator random) {
        return switch (routing) {
            case MOST_RECENTLY_USED -> size - 1;
            case RANDOM -> random.applyAsInt(size);
            case NEWEST -> {
                int best = size - 1;
                long newest = Long.MIN_VALUE;
                for (int p = size - 1; p >= 0; p--) {
                    long c = idleRow[at(p) + 2];
                    if (c > newest) {
                        newest = c;
                        best = p;
                    }
                }
                yield best;
            }
        };
    }

    /** Key of the idle environment at {@code position} (see {@link #choose}). */
    public int idleKey(int position) {
        return keyOf(idleRow[at(position)]);
    }

    /** When the idle environment at {@code position} was created (its cold start). */
    public long idleCreatedAt(int position) {
        return idleRow[at(position) + 2];
    }

    /** Takes the most recently used idle on-demand environment; returns its ENI row ({@link #NO_ENI} if none). */
    public int takeIdle() {
        return takeIdle(size - 1);
    }

    /**
     * Takes the idle on-demand environment at {@code position}; the ones above it move down, so the deque stays
     * ordered by when they went idle. Returns its ENI row ({@link #NO_ENI} if it holds none).
     */
    public int takeIdle(int position) {
        long[] r = idleRow;
        int i = at(position);
        int e = eniOf(r[i]);
        for (int p = position; p < size - 1; p++) {
            int from = at(p + 1);
            r[i] = r[from];
            r[i + 1] = r[from + 1];
            r[i + 2] = r[from + 2];
            i = from;
        }
        size--;
        busy++;
        return e;
    }

    public int topProvisionedKey() {
        return provIdle == 0 ? -1 : keyOf(prov[provIdle - 1]);
    }

    /** Takes the provisioned environment on top of the stack; returns its ENI row. */
    public int takeProvisioned() {
        provIdle--;
        busy++;
        return eniOf(prov[provIdle]);
    }

    /** A new on-demand environment starts (cold) and is busy. */
    public void started() {
        busy++;
    }

    /**
     * A busy on-demand environment created at {@code created}, holding ENI row {@code e}, goes idle at {@code now}
     * (most recent: top of the deque).
     */
    public void returnIdle(int k, int e, long created, long now) {
        busy--;
        if (size == capacity) {
            grow();
        }
        int i = at(size);
        long[] r = idleRow;
        r[i] = pair(k, e);
        r[i + 1] = now;
        r[i + 2] = created;
        size++;
    }

    public void returnProvisioned(int k, int e) {
        busy--;
        pushProvisioned(k, e);
    }

    /** A busy environment ends for good (its generation is gone, or it was on-demand and discarded). */
    public void discardBusy(boolean wasProvisioned) {
        busy--;
        if (wasProvisioned) {
            provisioned--;
        }
    }

    /** Adds a provisioned environment (idle), holding ENI row {@code e}. */
    public void addProvisioned(int k, int e) {
        provisioned++;
        pushProvisioned(k, e);
    }

    private void pushProvisioned(int k, int e) {
        if (provIdle == prov.length) {
            prov = Arrays.copyOf(prov, Math.max(4, provIdle * 2));
        }
        prov[provIdle] = pair(k, e);
        provIdle++;
    }

    // ---- expiry ---------------------------------------------------------------------------------------

    /** When the oldest idle environment went idle; {@link Long#MAX_VALUE} when none is idle. */
    public long oldestIdleSince() {
        return size == 0 ? Long.MAX_VALUE : idleRow[head * STRIDE + 1];
    }

    public int oldestKey() {
        return keyOf(idleRow[head * STRIDE]);
    }

    /** Removes the oldest idle environment and returns its ENI row (may be {@link #NO_ENI}). */
    public int expireOldest() {
        int e = eniOf(idleRow[head * STRIDE]);
        head = (head + 1) & (capacity - 1);
        size--;
        return e;
    }

    public boolean expiryScheduled() {
        return expiryScheduled;
    }

    public void setExpiryScheduled(boolean b) {
        expiryScheduled = b;
    }

    /**
     * A new configuration: every environment made for the old one is discarded. Idle ones go now (the caller
     * releases their connections first, via {@link #expireOldest} and {@link #takeProvisioned}); busy ones when
     * they finish. Returns the new generation.
     */
    public int newGeneration() {
        return ++generation;
    }

    private void grow() {
        long[] r = new long[capacity * 2 * STRIDE];
        for (int p = 0; p < size; p++) {
            System.arraycopy(idleRow, at(p), r, p * STRIDE, STRIDE);
        }
        idleRow = r;
        capacity *= 2;
        head = 0;
    }

    public void checkInvariants(String function) {
        if (size < 0 || busy < 0 || provIdle < 0 || provIdle > provisioned || busyOnDemand() < 0) {
            throw new IllegalStateException(function + ": environment counts broken: idle " + size + ", busy " + busy
                    + ", provisioned " + provIdle + "/" + provisioned);
        }
    }
}
