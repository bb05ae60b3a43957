package dev.enisim.model;

import java.util.Arrays;

/**
 * The functions' hot state, one row of a shared {@code long[]} per function (16 longs, 128 bytes: two cache lines
 * when the row is aligned, as in a large table, three at most): what an invocation's start and end read and write (its state is
 * Active, whether its binding has keys, its in-flight count, reservation, account and provisioned concurrency, its
 * timeout and connections, when it was last invoked, its request-rate window, its environments' counts, packed two
 * to a long), so that they touch a line or two rather than several objects per function. An end reads and writes
 * only the row's first 88 bytes. The hot path names a function by its index; {@link LambdaFunction} and {@link
 * Environments} read and write the same rows for everything else.
 *
 * <p>A function's idle on-demand environments are ordered by when they went idle (three longs per environment:
 * its key and ENI row, when it went idle, when it was made): by default an invocation takes the most recently used
 * one (the top), keep-alive expiry removes the oldest (the bottom), so both ends are O(1). An environment going idle
 * goes into the function's row, at a fixed offset (the one there before, if still there, onto the ring's top), so
 * that the next warm start reads it without first reading where it is; the others sit in a ring in a shared {@code
 * long[]} (the slab), made when a second goes idle, moved to one twice its size when full. A take of the row's top
 * only marks it gone (the ring's top is then the top, where it is): a function whose environments go and come one
 * at a time reads and writes its row alone. A ring given up in the slab is kept for the next ring of its size: the
 * slab never holds more than twice what the rings ever held at once. Provisioned environments sit in a stack of
 * their own per function, made on first use. An ENI is its row in the fleet's {@link EniPorts} ({@link
 * Environments#NO_ENI} when none).
 */
final class FunctionRows {

    /** {@link #reservedConcurrency} of a function without reserved concurrency. */
    static final int UNRESERVED = -1;

    private static final int STRIDE = 16;
    /**
     * Longs before the first row: 112 bytes, which with the array's 16-byte header make 128. A large table (at
     * least half a G1 region: 2 MiB with this machine's 4 MiB regions, 16,384 rows) is allocated at a region's
     * start and never moved, so there every row is one aligned pair of cache lines (two lines, fetched together)
     * instead of straddling three; a smaller one is wherever the collector puts it (in cache anyway, mostly).
     */
    private static final int FIRST = 14;
    // what an end reads and writes: the first 11 longs
    private static final int COUNTS = 0;            // invocations in flight (low) | environments busy (high)
    private static final int RESERVED_ACCOUNT = 1;  // reserved concurrency (low; UNRESERVED when none) | account
    private static final int FLAGS_GENERATION = 2;  // flags (low: Active, has keys, expiry, top idle in the row)
                                                    // | the environments' configuration generation (high)
    private static final int CONNECTIONS = 3;       // the network model's per invocation (low) | per environment
    private static final int IDLE_HEAD = 4;         // idle on-demand environments (low) | ring position of the oldest
    private static final int RING = 5;              // the ring's offset in the slab (low) | capacity (0: none yet)
    private static final int PROVISIONED = 6;      // provisioned concurrency allocated (low) | environments made
    private static final int PROV_IDLE = 7;         // provisioned environments idle
    private static final int INLINE_RING = 8;       // the latest idle environment (3 longs) while TOP_IN_ROW
    // what a start reads besides
    private static final int TIMEOUT = 11;
    private static final int LAST_INVOKED = 12;
    /** The request-rate window: its start, the requests admitted in it, its allowance ({@link RequestRate}). */
    static final int WINDOW_START = 13;
    static final int IN_WINDOW = 14;
    static final int ALLOWANCE = 15;

    private static final int ACTIVE = 1;
    private static final int HAS_KEYS = 2;
    private static final int EXPIRY_SCHEDULED = 4;
    /** The top idle environment is in the row (else every idle one is in the ring). */
    private static final int TOP_IN_ROW = 8;

    private static final int ENV = 3;               // longs per idle environment: key|eni, idle since, created at
    private static final long[] NONE = new long[0];

    private long[] row;
    private int functions;
    private long[] slab = new long[0];
    private int slabUsed;
    private int[] freeRings = new int[0];           // by log2(capacity): the offset of a ring given up, -1 when none
    private long[][] provisioned = new long[0][];   // per function: the provisioned stack (key|eni), NONE until used

    FunctionRows() {
        this(1);
    }

    /** Rows for {@code expected} functions at first (more are added as needed). */
    FunctionRows(int expected) {
        row = new long[FIRST + Math.max(1, expected) * STRIDE];
    }

    /** The offset of function {@code f}'s row. */
    private static int base(int f) {
        return FIRST + f * STRIDE;
    }

    /**
     * A new function's row: its reservation ({@link #UNRESERVED} when none) and timeout. Returns its index (the
     * next).
     */
    int add(int reservedConcurrency, long timeoutMicros) {
        int f = functions;
        if (base(f + 1) > row.length) {
            row = Arrays.copyOf(row, FIRST + 2 * (row.length - FIRST)); // twice the rows
        }
        if (f >= provisioned.length) {
            int old = provisioned.length;
            provisioned = Arrays.copyOf(provisioned, Math.max(4, 2 * old));
            Arrays.fill(provisioned, old, provisioned.length, NONE);
        }
        functions++;
        int b = base(f);
        row[b + RESERVED_ACCOUNT] = pair(0, reservedConcurrency);
        row[b + TIMEOUT] = timeoutMicros;
        return f;
    }

    int functions() {
        return functions;
    }

    private static long pair(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFF_FFFFL);
    }

    private static int high(long pair) {
        return (int) (pair >> 32);
    }

    private static int low(long pair) {
        return (int) pair;
    }

    /**
     * One in the high half of a packed long: adding or subtracting it moves the high half alone (a count in the low
     * half moves by plus or minus one the same way, as long as it neither passes -1 nor goes below 0: counts do not).
     */
    private static final long HIGH_ONE = 1L << 32;

    /** The row's long at {@code field} (the request-rate window's fields), for its owner. */
    long get(int f, int field) {
        return row[base(f) + field];
    }

    void set(int f, int field, long value) {
        row[base(f) + field] = value;
    }

    // ---- the function ---------------------------------------------------------------------------------------

    boolean active(int f) {
        return (row[base(f) + FLAGS_GENERATION] & ACTIVE) != 0;
    }

    void setActive(int f, boolean active) {
        flag(f, ACTIVE, active);
    }

    boolean hasKeys(int f) {
        return (row[base(f) + FLAGS_GENERATION] & HAS_KEYS) != 0;
    }

    void setHasKeys(int f, boolean hasKeys) {
        flag(f, HAS_KEYS, hasKeys);
    }

    private void flag(int f, int bit, boolean on) {
        int b = base(f) + FLAGS_GENERATION;
        row[b] = on ? row[b] | bit : row[b] & ~bit;
    }

    int inFlight(int f) {
        return low(row[base(f) + COUNTS]);
    }

    /** One more invocation of the function in flight. */
    void admitted(int f) {
        row[base(f) + COUNTS]++;
    }

    /** One invocation of the function ends; false (and nothing changes) when none was in flight. */
    boolean finished(int f) {
        int b = base(f) + COUNTS;
        if (low(row[b]) <= 0) {
            return false;
        }
        row[b]--;
        return true;
    }

    /** Reserved concurrency, {@link #UNRESERVED} when none. */
    int reservedConcurrency(int f) {
        return low(row[base(f) + RESERVED_ACCOUNT]);
    }

    int account(int f) {
        return high(row[base(f) + RESERVED_ACCOUNT]);
    }

    void setAccount(int f, int account) {
        int b = base(f) + RESERVED_ACCOUNT;
        row[b] = pair(account, low(row[b]));
    }

    int provisionedConcurrency(int f) {
        return low(row[base(f) + PROVISIONED]);
    }

    void setProvisionedConcurrency(int f, int n) {
        int b = base(f) + PROVISIONED;
        row[b] = pair(high(row[b]), n);
    }

    long timeoutMicros(int f) {
        return row[base(f) + TIMEOUT];
    }

    /** The network model's connections per invocation and per environment of the function (read once). */
    void setConnections(int f, int perInvocation, int perEnvironment) {
        row[base(f) + CONNECTIONS] = pair(perEnvironment, perInvocation);
    }

    int invocationConnections(int f) {
        return low(row[base(f) + CONNECTIONS]);
    }

    int environmentConnections(int f) {
        return high(row[base(f) + CONNECTIONS]);
    }

    long lastInvokedMicros(int f) {
        return row[base(f) + LAST_INVOKED];
    }

    void invokedAt(int f, long now) {
        row[base(f) + LAST_INVOKED] = now;
    }

    // ---- the function's environments: counts ----------------------------------------------------------------

    /** Idle on-demand environments. */
    int idle(int f) {
        return low(row[base(f) + IDLE_HEAD]);
    }

    int provisionedIdle(int f) {
        return (int) row[base(f) + PROV_IDLE];
    }

    /** Provisioned environments in existence (busy or idle). */
    int provisioned(int f) {
        return high(row[base(f) + PROVISIONED]);
    }

    /** Environments running an invocation. */
    int busy(int f) {
        return high(row[base(f) + COUNTS]);
    }

    /** On-demand environments running an invocation. */
    int busyOnDemand(int f) {
        int b = base(f);
        return high(row[b + COUNTS]) - (high(row[b + PROVISIONED]) - (int) row[b + PROV_IDLE]);
    }

    /** All environments in existence. */
    int total(int f) {
        return idle(f) + provisioned(f) + busyOnDemand(f);
    }

    int generation(int f) {
        return high(row[base(f) + FLAGS_GENERATION]);
    }

    /** A new configuration: environments made for the old one are not reused. Returns the new generation. */
    int newGeneration(int f) {
        return high(row[base(f) + FLAGS_GENERATION] += HIGH_ONE);
    }

    boolean expiryScheduled(int f) {
        return (row[base(f) + FLAGS_GENERATION] & EXPIRY_SCHEDULED) != 0;
    }

    void setExpiryScheduled(int f, boolean b) {
        flag(f, EXPIRY_SCHEDULED, b);
    }

    /** A new on-demand environment starts (cold) and is busy. */
    void started(int f) {
        row[base(f) + COUNTS] += HIGH_ONE;
    }

    /** A busy environment ends for good (its generation is gone, or it was on-demand and discarded). */
    void discardBusy(int f, boolean wasProvisioned) {
        int b = base(f);
        row[b + COUNTS] -= HIGH_ONE;
        if (wasProvisioned) {
            row[b + PROVISIONED] -= HIGH_ONE;
        }
    }

    // ---- idle on-demand environments: the top in the row, the others in a ring ---------------------------------

    private static long keyEni(int key, int eni) {
        return pair(key, eni);
    }

    /** Whether the idle environment at {@code position} of the row at {@code b} is the row's own (the top). */
    private boolean inRow(int b, int position) {
        return position == low(row[b + IDLE_HEAD]) - 1 && (row[b + FLAGS_GENERATION] & TOP_IN_ROW) != 0;
    }

    /**
     * The offset of the idle environment at {@code position} (0 = idle longest) of the row at {@code b} in {@link
     * #store}: the row's own slot for the top when it is there, else its place in the ring.
     */
    private int at(int b, int position) {
        return inRow(b, position) ? b + INLINE_RING : ringAt(b, high(row[b + IDLE_HEAD]), position);
    }

    /** The array holding the idle environment at {@code position} of the row at {@code b}. */
    private long[] store(int b, int position) {
        return inRow(b, position) ? row : slab;
    }

    /** The offset in the slab of position {@code position} of the ring of the row at {@code b} (oldest at head). */
    private int ringAt(int b, int head, int position) {
        long ring = row[b + RING];
        return low(ring) + ((head + position) & (high(ring) - 1)) * ENV;
    }

    /** Key of the idle environment {@link #takeIdle} would return (top of the deque); -1 when none. */
    int topIdleKey(int f) {
        int size = idle(f);
        int b = base(f);
        return size == 0 ? -1 : high(store(b, size - 1)[at(b, size - 1)]);
    }

    /**
     * The position (0 = idle longest, {@code idle - 1} = most recently used) of the idle environment a warm
     * invocation takes under {@code routing}; {@code random} (a uniform draw below its argument) is used only under
     * {@link WarmRouting#RANDOM}.
     */
    int choose(int f, WarmRouting routing, java.util.function.IntUnaryOperator random) {
        int size = idle(f);
        return switch (routing) {
            case MOST_RECENTLY_USED -> size - 1;
            case RANDOM -> random.applyAsInt(size);
            case NEWEST -> {
                int best = size - 1;
                long newest = Long.MIN_VALUE;
                int b = base(f);
                for (int p = size - 1; p >= 0; p--) {
                    long c = store(b, p)[at(b, p) + 2];
                    if (c > newest) {
                        newest = c;
                        best = p;
                    }
                }
                yield best;
            }
        };
    }

    /** Key of the idle environment at {@code position}. */
    int idleKey(int f, int position) {
        int b = base(f);
        return high(store(b, position)[at(b, position)]);
    }

    /** When the idle environment at {@code position} was created (its cold start). */
    long idleCreatedAt(int f, int position) {
        int b = base(f);
        return store(b, position)[at(b, position) + 2];
    }

    /**
     * Takes the idle on-demand environment at {@code position}; the ones above it move down, so the deque stays
     * ordered by when they went idle. Returns its ENI row.
     */
    int takeIdle(int f, int position) {
        int b = base(f);
        int e = low(store(b, position)[at(b, position)]);
        removeIdle(b, position);
        return e;
    }

    /**
     * Takes the idle on-demand environment at {@code position} into {@code lease} (its key, ENI row and when it was
     * made), as {@link #idleKey}, {@link #idleCreatedAt} and {@link #takeIdle} would, finding it once. The top (the
     * most recently used, the default routing's) is read from the row at a fixed offset: no wait on the row's
     * fields or the ring for its address.
     */
    void takeIdle(int f, int position, Lease lease) {
        int b = base(f);
        long[] s = store(b, position);
        int i = at(b, position);
        long keyEni = s[i];
        lease.key = high(keyEni);
        lease.eni = low(keyEni);
        lease.createdMicros = s[i + 2];
        removeIdle(b, position);
    }

    /**
     * The idle environment at {@code position} of the row at {@code b} becomes busy. The row's own top is just
     * marked gone (the ring's top becomes the top, where it is); in the ring, the ones above it move down.
     */
    private void removeIdle(int b, int position) {
        long idle = row[b + IDLE_HEAD];
        if (inRow(b, position)) {
            row[b + FLAGS_GENERATION] &= ~TOP_IN_ROW;
        } else {
            int head = high(idle);
            int inRing = low(idle) - ((row[b + FLAGS_GENERATION] & TOP_IN_ROW) != 0 ? 1 : 0);
            long[] s = slab;
            int i = ringAt(b, head, position);
            for (int p = position; p < inRing - 1; p++) {
                int from = ringAt(b, head, p + 1);
                s[i] = s[from];
                s[i + 1] = s[from + 1];
                s[i + 2] = s[from + 2];
                i = from;
            }
        }
        row[b + IDLE_HEAD] = idle - 1;
        row[b + COUNTS] += HIGH_ONE;
    }

    /**
     * A busy on-demand environment created at {@code created}, holding ENI row {@code e} of key {@code k}, goes
     * idle at {@code now} (most recent: top of the deque, in the row; a top still there goes on top of the ring).
     */
    void returnIdle(int f, int k, int e, long created, long now) {
        int b = base(f);
        row[b + COUNTS] -= HIGH_ONE;
        long flags = row[b + FLAGS_GENERATION];
        if ((flags & TOP_IN_ROW) != 0) {
            int inRing = low(row[b + IDLE_HEAD]) - 1;
            if (inRing == high(row[b + RING])) {
                grow(b, inRing);
            }
            int i = ringAt(b, high(row[b + IDLE_HEAD]), inRing);
            long[] s = slab;
            s[i] = row[b + INLINE_RING];
            s[i + 1] = row[b + INLINE_RING + 1];
            s[i + 2] = row[b + INLINE_RING + 2];
        }
        row[b + INLINE_RING] = keyEni(k, e);
        row[b + INLINE_RING + 1] = now;
        row[b + INLINE_RING + 2] = created;
        row[b + FLAGS_GENERATION] = flags | TOP_IN_ROW;
        row[b + IDLE_HEAD]++;
    }

    /** When the oldest idle environment went idle; {@link Long#MAX_VALUE} when none is idle. */
    long oldestIdleSince(int f) {
        int b = base(f);
        return idle(f) == 0 ? Long.MAX_VALUE : store(b, 0)[at(b, 0) + 1];
    }

    int oldestKey(int f) {
        int b = base(f);
        return high(store(b, 0)[at(b, 0)]);
    }

    /** Removes the oldest idle environment and returns its ENI row. */
    int expireOldest(int f) {
        int b = base(f);
        long idle = row[b + IDLE_HEAD];
        if (inRow(b, 0) || high(row[b + RING]) == 0) {
            // the only one, in the row (or none at all, a caller's bug: the count goes below 0, which
            // checkEnvironments reports, as it did before the ring could be empty of a slab)
            row[b + FLAGS_GENERATION] &= ~TOP_IN_ROW;
            row[b + IDLE_HEAD] = idle - 1;
            return low(row[b + INLINE_RING]);
        }
        int head = high(idle);
        int e = low(slab[ringAt(b, head, 0)]);
        row[b + IDLE_HEAD] = pair((head + 1) & (high(row[b + RING]) - 1), low(idle) - 1);
        return e;
    }

    /**
     * The ring of the row at {@code b} is full ({@code size} in it; none yet when its capacity is 0): it moves to
     * one twice as big (two at first) in the slab.
     */
    private void grow(int b, int size) {
        long ring = row[b + RING];
        int head = high(row[b + IDLE_HEAD]);
        int capacity = Math.max(2, 2 * high(ring));
        int offset = takeRing(capacity);
        for (int p = 0; p < size; p++) {
            System.arraycopy(slab, ringAt(b, head, p), slab, offset + p * ENV, ENV);
        }
        if (high(ring) > 0) {
            giveRing(low(ring), high(ring));
        }
        row[b + RING] = pair(capacity, offset);
        row[b + IDLE_HEAD] = pair(0, low(row[b + IDLE_HEAD]));
    }

    /** A ring of {@code capacity} environments: one given up earlier, else new at the slab's end. */
    private int takeRing(int capacity) {
        int log = Integer.numberOfTrailingZeros(capacity);
        if (log < freeRings.length && freeRings[log] >= 0) {
            int offset = freeRings[log];
            freeRings[log] = (int) slab[offset]; // the next free ring of that size
            return offset;
        }
        int need = slabUsed + capacity * ENV;
        if (need > slab.length) {
            slab = Arrays.copyOf(slab, Math.max(need, 2 * slab.length));
        }
        int offset = slabUsed;
        slabUsed = need;
        return offset;
    }

    private void giveRing(int offset, int capacity) {
        int log = Integer.numberOfTrailingZeros(capacity);
        if (log >= freeRings.length) {
            int old = freeRings.length;
            freeRings = Arrays.copyOf(freeRings, log + 1);
            Arrays.fill(freeRings, old, log + 1, -1);
        }
        slab[offset] = freeRings[log];
        freeRings[log] = offset;
    }

    /** Longs of the slab in use or kept for reuse (for tests: bounded by what the rings beyond the first hold). */
    int slabLongs() {
        return slabUsed;
    }

    // ---- provisioned environments: a stack per function -----------------------------------------------------

    int topProvisionedKey(int f) {
        int idle = provisionedIdle(f);
        return idle == 0 ? -1 : high(provisioned[f][idle - 1]);
    }

    /** Takes the provisioned environment on top of the stack; returns its ENI row. */
    int takeProvisioned(int f) {
        int b = base(f);
        int idle = (int) --row[b + PROV_IDLE];
        row[b + COUNTS] += HIGH_ONE;
        return low(provisioned[f][idle]);
    }

    void returnProvisioned(int f, int k, int e) {
        row[base(f) + COUNTS] -= HIGH_ONE;
        pushProvisioned(f, k, e);
    }

    /** Adds a provisioned environment (idle), holding ENI row {@code e}. */
    void addProvisioned(int f, int k, int e) {
        row[base(f) + PROVISIONED] += HIGH_ONE;
        pushProvisioned(f, k, e);
    }

    private void pushProvisioned(int f, int k, int e) {
        int idle = provisionedIdle(f);
        long[] stack = provisioned[f];
        if (idle == stack.length) {
            stack = Arrays.copyOf(stack, Math.max(4, idle * 2));
            provisioned[f] = stack;
        }
        stack[idle] = keyEni(k, e);
        row[base(f) + PROV_IDLE] = idle + 1;
    }

    void checkEnvironments(int f, String function) {
        int size = idle(f);
        int busy = busy(f);
        int provIdle = provisionedIdle(f);
        if (size < 0 || busy < 0 || provIdle < 0 || provIdle > provisioned(f) || busyOnDemand(f) < 0) {
            throw new IllegalStateException(function + ": environment counts broken: idle " + size + ", busy " + busy
                    + ", provisioned " + provIdle + "/" + provisioned(f));
        }
    }
}
