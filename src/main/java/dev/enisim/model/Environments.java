package dev.enisim.model;

import java.util.Arrays;

/**
 * A function's execution environments. Idle on-demand environments sit in a deque ordered by when they went
 * idle: by default an invocation takes the most recently used one (the top; other {@link WarmRouting} policies
 * search the deque), keep-alive expiry removes the oldest ones (the bottom), so both ends are O(1). Provisioned environments sit in their own stack and never expire. Each
 * environment remembers the key and ENI that hold its persistent connections (its database pool), and the
 * configuration generation it was made for: environments of an older generation are discarded, not reused.
 */
final class Environments {

    private int[] key = new int[16];
    private HyperplaneEni[] eni = new HyperplaneEni[16];
    private long[] idleSince = new long[16];
    private long[] createdAt = new long[16];
    private int head;   // index of the oldest idle environment
    private int size;   // idle on-demand environments
    private int[] provKey = new int[4];
    private HyperplaneEni[] provEni = new HyperplaneEni[4];
    private int provIdle;
    private int provisioned;
    private int busy;
    private int generation;
    private boolean expiryScheduled;

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
        return size == 0 ? -1 : key[(head + size - 1) & (key.length - 1)];
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
                    long c = createdAt[(head + p) & (key.length - 1)];
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
        return key[(head + position) & (key.length - 1)];
    }

    /** When the idle environment at {@code position} was created (its cold start). */
    public long idleCreatedAt(int position) {
        return createdAt[(head + position) & (key.length - 1)];
    }

    /** Takes the most recently used idle on-demand environment; returns its ENI (null if none or not attached). */
    public HyperplaneEni takeIdle() {
        return takeIdle(size - 1);
    }

    /**
     * Takes the idle on-demand environment at {@code position}; the ones above it move down, so the deque stays
     * ordered by when they went idle. Returns its ENI (null if not attached).
     */
    public HyperplaneEni takeIdle(int position) {
        int mask = key.length - 1;
        int i = (head + position) & mask;
        HyperplaneEni e = eni[i];
        for (int p = position; p < size - 1; p++) {
            int from = (head + p + 1) & mask;
            key[i] = key[from];
            eni[i] = eni[from];
            idleSince[i] = idleSince[from];
            createdAt[i] = createdAt[from];
            i = from;
        }
        eni[i] = null;
        size--;
        busy++;
        return e;
    }

    public int topProvisionedKey() {
        return provIdle == 0 ? -1 : provKey[provIdle - 1];
    }

    public HyperplaneEni takeProvisioned() {
        provIdle--;
        HyperplaneEni e = provEni[provIdle];
        provEni[provIdle] = null;
        busy++;
        return e;
    }

    /** A new on-demand environment starts (cold) and is busy. */
    public void started() {
        busy++;
    }

    /**
     * A busy on-demand environment created at {@code created} goes idle at {@code now} (most recent: top of the
     * deque).
     */
    public void returnIdle(int k, HyperplaneEni e, long created, long now) {
        busy--;
        if (size == key.length) {
            grow();
        }
        int i = (head + size) & (key.length - 1);
        key[i] = k;
        eni[i] = e;
        idleSince[i] = now;
        createdAt[i] = created;
        size++;
    }

    public void returnProvisioned(int k, HyperplaneEni e) {
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

    /** Adds a provisioned environment (idle). */
    public void addProvisioned(int k, HyperplaneEni e) {
        provisioned++;
        pushProvisioned(k, e);
    }

    private void pushProvisioned(int k, HyperplaneEni e) {
        if (provIdle == provKey.length) {
            provKey = Arrays.copyOf(provKey, provIdle * 2);
            provEni = Arrays.copyOf(provEni, provIdle * 2);
        }
        provKey[provIdle] = k;
        provEni[provIdle] = e;
        provIdle++;
    }

    // ---- expiry ---------------------------------------------------------------------------------------

    /** When the oldest idle environment went idle; {@link Long#MAX_VALUE} when none is idle. */
    public long oldestIdleSince() {
        return size == 0 ? Long.MAX_VALUE : idleSince[head];
    }

    public int oldestKey() {
        return key[head];
    }

    /** Removes the oldest idle environment and returns its ENI (may be null). */
    public HyperplaneEni expireOldest() {
        HyperplaneEni e = eni[head];
        eni[head] = null;
        head = (head + 1) & (key.length - 1);
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
        int n = key.length;
        int[] k = new int[n * 2];
        HyperplaneEni[] e = new HyperplaneEni[n * 2];
        long[] t = new long[n * 2];
        long[] c = new long[n * 2];
        for (int i = 0; i < size; i++) {
            int j = (head + i) & (n - 1);
            k[i] = key[j];
            e[i] = eni[j];
            t[i] = idleSince[j];
            c[i] = createdAt[j];
        }
        key = k;
        eni = e;
        idleSince = t;
        createdAt = c;
        head = 0;
    }

    public void checkInvariants(String function) {
        if (size < 0 || busy < 0 || provIdle < 0 || provIdle > provisioned || busyOnDemand() < 0) {
            throw new IllegalStateException(function + ": environment counts broken: idle " + size + ", busy " + busy
                    + ", provisioned " + provIdle + "/" + provisioned);
        }
    }
}
