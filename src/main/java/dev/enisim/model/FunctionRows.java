package dev.enisim.model;

import java.util.Arrays;

/**
 * The functions' hot state, one row of a shared {@code long[]} per function (16 longs, 128 bytes: two cache lines
 * when the row is aligned, as in a large table ({@link #FIRST}), three at most): what an invocation's start and end
 * read and write (its state is Active, whether its binding has keys, its in-flight count, reservation, account and
 * provisioned concurrency, its timeout and connections, when it was last invoked, its request-rate window, its
 * environments' counts, packed two to a long), so that they touch a line or two rather than several objects per
 * function. The hot path names a function by its index; {@link LambdaFunction} and {@link
 * Environments} read and write the same rows for everything else.
 *
 * <p>A function's idle on-demand environments sit in a ring (three longs per environment: its key and ENI row, when
 * it went idle, when it was made), ordered by when they went idle: by default an invocation takes the most recently
 * used one (the top), keep-alive expiry removes the oldest (the bottom), so both ends are O(1). In a run that reads
 * ahead ({@link #keepTops}) the top is held in the function's row itself whenever the last change was a return (an environment going idle goes into the row;
 * the one the row held moves to the top of the rest: stores), so that the usual warm start, the environment that
 * went idle last taken again, and the end after it read and write no line but the row's (sixteenth pass: with
 * thousands of functions the slab's line was one more miss per event). The rest sit in a ring in a shared
 * {@code long[]} (the slab), room for two at first, moved to one twice its size when full (a ring given up there
 * is kept for the next ring of its size: the slab never holds more than twice what the rings ever held at once). Provisioned environments sit in a stack of their own per function, made on first use. An ENI is its row in
 * the fleet's {@link EniPorts} ({@link Environments#NO_ENI} when none).
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
    /**
     * The size from which a table is taken to start a G1 region (half of this machine's 4 MiB regions: G1 allocates
     * an array of half a region or more, humongous, at a region's start and never moves it), as {@code
     * FunctionLines.ALIGNED_BYTES}. Then each row is two whole lines, {@link #CONNECTIONS} in the first and {@link
     * #TIMEOUT} in the second, and {@link #touchRow} needs no third store (a store that misses holds an entry of the
     * store buffer, which the look ahead's batch of some 30 stores can fill). Wrong for another region size costs a
     * line not fetched ahead, never a figure.
     */
    static final long ALIGNED_BYTES = 2L << 20;
    /*
     * The row's three longs that change only by their setters (the function's configuration), one at each of its
     * first, ninth and last longs: whatever line the row starts at, each of its lines (two when aligned, three at
     * most) holds one of them, so that a read ahead can fetch every line by stores of their values ({@link
     * #touchRow}).
     */
    private static final int CONNECTIONS = 0;       // the network model's per invocation (low) | per environment
    private static final int TIMEOUT = 8;
    private static final int RESERVED_ACCOUNT = 15; // reserved concurrency (low; UNRESERVED when none) | account
    private static final int COUNTS = 1;            // invocations in flight (low) | environments busy (high)
    private static final int FLAGS_GENERATION = 2;  // flags (low) | the environments' configuration generation
    private static final int IDLE_HEAD = 3;         // idle on-demand environments (low) | ring position of the oldest
    private static final int RING = 4;              // the ring's offset in the slab (low) | capacity (0: none yet)
    private static final int PROVISIONED = 5;       // provisioned concurrency allocated (low) | environments made
    private static final int PROV_IDLE = 6;         // provisioned environments idle
    private static final int INLINE_RING = 9;       // the top idle environment, when the row holds it (3 longs)
    private static final int LAST_INVOKED = 12;
    /** The request-rate window: its start, the requests admitted in it, its allowance ({@link RequestRate}). */
    static final int WINDOW_START = 13;
    static final int IN_WINDOW = 14;
    static final int ALLOWANCE = 7;
    /**
     * Longs per function in {@link #fixed}: copies of the row's {@link #CONNECTIONS}, {@link #TIMEOUT} and {@link
     * #RESERVED_ACCOUNT}.
     */
    private static final int FIXED = 3;

    private static final int ACTIVE = 1;
    private static final int HAS_KEYS = 2;
    private static final int EXPIRY_SCHEDULED = 4;
    /** The top idle environment is the row's own ({@link #INLINE_RING}), not the ring's top in the slab. */
    private static final int TOP_IN_ROW = 8;
    /**
     * The flags' bits 8 to 15: the Invoke error an invocation of the function gets while it is not Active (its
     * {@link Outcome}'s ordinal plus one), 0 when the function object is to be asked ({@link #rejection}).
     */
    private static final int REJECTION_SHIFT = 8;
    private static final int REJECTION_MASK = 0xFF << REJECTION_SHIFT;
    private static final Outcome[] OUTCOMES = Outcome.all();

    private static final int ENV = 3;               // longs per idle environment: key|eni, idle since, created at
    private static final int FIRST_RING = 2;        // the first ring in the slab: room for two
    private static final long[] NONE = new long[0];

    private long[] row;
    private int functions;
    private long[] slab = new long[0];
    private int slabUsed;
    private int[] freeRings = new int[0];           // by log2(capacity): the offset of a ring given up, -1 when none
    private long[][] provisioned = new long[0][];   // per function: the provisioned stack (key|eni), NONE until used
    /**
     * Per function: the slab offset of its ring's top environment ({@link #touch}), -1 while its ring is the row's
     * own. Kept beside the row (a small dense array, in cache) so that the look ahead finds the slab's line without
     * waiting for the row's.
     */
    private int[] topAt = new int[0];
    /**
     * Per function, {@link #FIXED} longs: copies of its row's {@link #CONNECTIONS}, {@link #TIMEOUT} and {@link
     * #RESERVED_ACCOUNT}, always equal to them (their setters write both), so that {@link #touchRow} stores into
     * the row what it holds: a small dense array (in cache), read without waiting for the row's lines.
     */
    private long[] fixed = new long[0];
    /** Whether {@link #topAt} is kept: only a look ahead reads it ({@link #keepTops}). */
    private boolean tops = true;
    /** Whether the table {@link #row} is taken to be aligned to lines ({@link #aligned(int)}), kept as it grows. */
    private boolean aligned;

    FunctionRows() {
        this(1);
    }

    /** Rows for {@code expected} functions at first (more are added as needed). */
    FunctionRows(int expected) {
        row = new long[FIRST + Math.max(1, expected) * STRIDE];
        aligned = aligned(row.length);
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
            aligned = aligned(row.length);
        }
        if (f >= provisioned.length) {
            int old = provisioned.length;
            provisioned = Arrays.copyOf(provisioned, Math.max(4, 2 * old));
            Arrays.fill(provisioned, old, provisioned.length, NONE);
            topAt = Arrays.copyOf(topAt, provisioned.length);
            fixed = Arrays.copyOf(fixed, FIXED * provisioned.length);
        }
        topAt[f] = -1;
        functions++;
        int b = base(f);
        setFixed(f, CONNECTIONS, 0);
        setFixed(f, RESERVED_ACCOUNT, pair(0, reservedConcurrency));
        setFixed(f, TIMEOUT, timeoutMicros);
        row[b + RING] = 0; // no ring in the slab yet
        return f;
    }

    int functions() {
        return functions;
    }

    /**
     * Sets {@code field} of function {@code f}'s row ({@link #CONNECTIONS}, {@link #TIMEOUT} or {@link
     * #RESERVED_ACCOUNT}) and its copy in {@link #fixed}.
     */
    private void setFixed(int f, int field, long value) {
        row[base(f) + field] = value;
        fixed[FIXED * f + (field == CONNECTIONS ? 0 : field == TIMEOUT ? 1 : 2)] = value;
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

    /**
     * Fetches function {@code f}'s row ({@link #touchRow}: by stores) and, when the top idle environment is not the
     * row's own but the ring's in the slab, reads that line of the slab (the one a warm start takes), and returns what
     * it read (0 when nothing: meaningless, kept by the caller so that the read stays): a look ahead that fetches
     * them while another event is handled. Changes nothing. The slab's offset comes from {@link #topAt}, not from the
     * row: read from the row it was a load that waited for the row's, a second miss after the first. Since the
     * sixteenth pass the row holds the top idle environment whenever the last change to the function's idle ones was
     * a return (a function's usual case with 10,000 functions: one invocation at a time), so the slab's line is read
     * only after a warm start took the row's top while others were idle.
     */
    long touch(int f) {
        touchRow(f);
        int top = topAt[f];
        return top >= 0 ? slab[top] : 0;
    }

    /**
     * Fetches function {@code f}'s row by stores, reading none of it: each of its lines (two when the row is aligned,
     * three when not) holds one of the three longs that change only by their setters ({@link #CONNECTIONS}, {@link
     * #TIMEOUT}, {@link #RESERVED_ACCOUNT}), and the touch stores into each the value it holds, from its copy in
     * {@link #fixed} (dense: in cache); on an aligned table ({@link #ALIGNED_BYTES}) into the first two alone, one
     * in each of the row's two lines. A store that misses retires and waits in the store buffer; a load that
     * misses (the reads ahead until the seventeenth pass) held the reorder buffer's head until its line came, so
     * the batch of events read ahead waited for the rows' lines in the touch itself. Also an invocation's end's read
     * ahead: an end puts its environment back into the row when the row does not hold the top, else moves the row's
     * top to the slab by stores; it never reads the slab. Returns 0 (nothing read).
     */
    long touchRow(int f) {
        long[] r = row;
        long[] c = fixed;
        int b = base(f);
        int i = FIXED * f;
        r[b + CONNECTIONS] = c[i];
        r[b + TIMEOUT] = c[i + 1];
        if (!aligned) { // a row over three lines: the third holds RESERVED_ACCOUNT alone
            r[b + RESERVED_ACCOUNT] = c[i + 2];
        }
        return 0;
    }

    /** The row's longs {@link #touchRow} stores to (for tests: one in each line of the row wherever it starts). */
    static int[] touchedLongs() {
        return new int[] {CONNECTIONS, TIMEOUT, RESERVED_ACCOUNT};
    }

    /**
     * Whether a table of {@code longs} longs is taken to start a G1 region, so that its rows are aligned to lines
     * ({@link #FIRST}): at least {@link #ALIGNED_BYTES} with the array's 16-byte header.
     */
    static boolean aligned(int longs) {
        return 16 + 8L * longs >= ALIGNED_BYTES;
    }

    /** Whether {@link #touchRow} takes the table as aligned and stores to the row's first two lines only (tests). */
    boolean touchesTwoLines() {
        return aligned;
    }

    /**
     * Sets {@link #topAt} of the function of the row at {@code b} after its idle environments changed: the offset of
     * its top environment in the slab when the top is there, -1 when the row holds it or none is idle.
     */
    private void placeTop(int b) {
        if (!tops) {
            return;
        }
        int idle = low(row[b + IDLE_HEAD]);
        topAt[(b - FIRST) / STRIDE] = idle > 0 && !rowHoldsTop(b) ? slabAt(b, idle - 1) : -1;
    }

    /**
     * Whether {@link #topAt} is kept and the row holds the top idle environment (both are at first): only {@link
     * #touch} reads {@link #topAt}, so a run that does not look ahead (fewer functions than its threshold) saves its
     * store at every take and return of an idle environment; and there, where the rows are in cache, a return goes
     * onto the ring in the slab, as the top did before the sixteenth pass: with one function or a hundred, a
     * function's warm starts and ends come in any order, so whether the row holds the top would be a branch taken
     * half the time at each take and return (`loss-100` leaned behind with it: HISTORY, sixteenth pass). Turned off, every function's entry
     * reads -1 (nothing in the slab to read ahead) and a top the row holds stays there until taken; turned on again,
     * the entries are placed anew.
     */
    void keepTops(boolean on) {
        tops = on;
        for (int f = 0; f < functions; f++) {
            topAt[f] = -1;
            placeTop(base(f));
        }
    }

    /** Whether function {@code f}'s top idle environment is held in its row (for tests: none in the slab to read). */
    boolean topInRow(int f) {
        return rowHoldsTop(base(f));
    }

    /** {@link #topAt} of function {@code f} (for tests: what {@link #touch} reads in the slab, -1 for nothing). */
    int topAt(int f) {
        return topAt[f];
    }

    /** The slab's long at {@code offset} (for tests: the key and ENI row of the environment {@link #topAt} names). */
    long slabLong(int offset) {
        return slab[offset];
    }

    // ---- the function ---------------------------------------------------------------------------------------

    boolean active(int f) {
        return (row[base(f) + FLAGS_GENERATION] & ACTIVE) != 0;
    }

    void setActive(int f, boolean active) {
        flag(f, ACTIVE, active);
    }

    /**
     * The function's state changed: whether it is Active now, and {@code rejection}, the Invoke error an invocation
     * gets while it is not (null when the function object is to be asked: {@link LambdaFunction#rejection}).
     */
    void setState(int f, boolean active, Outcome rejection) {
        int b = base(f) + FLAGS_GENERATION;
        long flags = row[b] & ~(long) (ACTIVE | REJECTION_MASK);
        int code = rejection == null ? 0 : (rejection.ordinal() + 1) << REJECTION_SHIFT;
        row[b] = flags | (active ? ACTIVE : 0) | code;
    }

    /**
     * The Invoke error an invocation of the function gets while it is not Active, as {@link #setState} last set
     * it; null when the function object is to be asked (so that a rejected invocation reads the row it reads
     * anyway, not the object: with thousands of functions, another cache miss).
     */
    Outcome rejection(int f) {
        int code = ((int) row[base(f) + FLAGS_GENERATION] & REJECTION_MASK) >>> REJECTION_SHIFT;
        return code == 0 ? null : OUTCOMES[code - 1];
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
        setFixed(f, RESERVED_ACCOUNT, pair(account, low(row[base(f) + RESERVED_ACCOUNT])));
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
        setFixed(f, CONNECTIONS, pair(perEnvironment, perInvocation));
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

    // ---- idle on-demand environments: the ring --------------------------------------------------------------

    private static long keyEni(int key, int eni) {
        return pair(key, eni);
    }

    /** Whether the row at {@code b}'s top idle environment is in the row itself ({@link #INLINE_RING}). */
    private boolean rowHoldsTop(int b) {
        return (row[b + FLAGS_GENERATION] & TOP_IN_ROW) != 0;
    }

    /** Whether position {@code position} of the row at {@code b} is the top held in the row. */
    private boolean inRow(int b, int position) {
        return position == low(row[b + IDLE_HEAD]) - 1 && rowHoldsTop(b);
    }

    /** The offset in the slab of the row at {@code b}'s ring position {@code p} (0 = idle longest). */
    private int slabAt(int b, int p) {
        long ring = row[b + RING];
        return low(ring) + ((high(row[b + IDLE_HEAD]) + p) & (high(ring) - 1)) * ENV;
    }

    /**
     * The offset of the idle environment at {@code position} (0 = idle longest) of the row at {@code b}, in {@link
     * #ring}: the row's own top, or a place of the ring in the slab.
     */
    private int at(int b, int position) {
        return inRow(b, position) ? b + INLINE_RING : slabAt(b, position);
    }

    /** The array holding the row at {@code b}'s idle environment at {@code position}: the row, or the slab. */
    private long[] ring(int b, int position) {
        return inRow(b, position) ? row : slab;
    }

    /** Key of the idle environment {@link #takeIdle} would return (top of the deque); -1 when none. */
    int topIdleKey(int f) {
        int size = idle(f);
        int b = base(f);
        return size == 0 ? -1 : high(ring(b, size - 1)[at(b, size - 1)]);
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
                    long c = ring(b, p)[at(b, p) + 2];
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
        return high(ring(b, position)[at(b, position)]);
    }

    /** When the idle environment at {@code position} was created (its cold start). */
    long idleCreatedAt(int f, int position) {
        int b = base(f);
        return ring(b, position)[at(b, position) + 2];
    }

    /**
     * Takes the idle on-demand environment at {@code position}; the ones above it move down, so the deque stays
     * ordered by when they went idle. Returns its ENI row.
     */
    int takeIdle(int f, int position) {
        int b = base(f);
        int e = low(ring(b, position)[at(b, position)]);
        removeIdle(b, position);
        return e;
    }

    /**
     * Takes the idle on-demand environment at {@code position} into {@code lease} (its key, ENI row and when it was
     * made), as {@link #idleKey}, {@link #idleCreatedAt} and {@link #takeIdle} would, finding it once. The top, when
     * the row holds it (a function's usual case: it went idle last and nothing else did since), is read from the
     * row: no line of the slab.
     */
    void takeIdle(int f, int position, Lease lease) {
        int b = base(f);
        long[] s;
        int i;
        if (inRow(b, position)) {
            s = row;
            i = b + INLINE_RING;
        } else {
            s = slab;
            i = slabAt(b, position);
        }
        long keyEni = s[i];
        lease.key = high(keyEni);
        lease.eni = low(keyEni);
        lease.createdMicros = s[i + 2];
        removeIdle(b, position);
    }

    /**
     * The idle environment at {@code position} becomes busy: the top held in the row leaves it (the ring's top in
     * the slab becomes the top); one in the slab's ring has the ones above it there move down.
     */
    private void removeIdle(int b, int position) {
        if (inRow(b, position)) {
            row[b + FLAGS_GENERATION] &= ~TOP_IN_ROW;
        } else {
            long[] s = slab;
            int inSlab = low(row[b + IDLE_HEAD]) - (rowHoldsTop(b) ? 1 : 0);
            int i = slabAt(b, position);
            for (int p = position; p < inSlab - 1; p++) {
                int from = slabAt(b, p + 1);
                s[i] = s[from];
                s[i + 1] = s[from + 1];
                s[i + 2] = s[from + 2];
                i = from;
            }
        }
        row[b + IDLE_HEAD]--;
        row[b + COUNTS] += HIGH_ONE;
        placeTop(b);
    }

    /**
     * A busy on-demand environment created at {@code created}, holding ENI row {@code e} of key {@code k}, goes
     * idle at {@code now} (most recent: top of the deque), into the row; the top the row held before (if any) moves
     * to the top of the ring in the slab (stores only).
     */
    void returnIdle(int f, int k, int e, long created, long now) {
        int b = base(f);
        long[] r = row;
        r[b + COUNTS] -= HIGH_ONE;
        long flags = r[b + FLAGS_GENERATION];
        int idle = low(r[b + IDLE_HEAD]);
        if ((flags & TOP_IN_ROW) != 0) {
            toSlab(b, idle - 1, r[b + INLINE_RING], r[b + INLINE_RING + 1], r[b + INLINE_RING + 2]);
        } else if (!tops) { // no look ahead: the top stays in the slab ({@link #keepTops})
            toSlab(b, idle, keyEni(k, e), now, created);
            r[b + IDLE_HEAD]++;
            return;
        } else {
            r[b + FLAGS_GENERATION] = flags | TOP_IN_ROW;
        }
        r[b + INLINE_RING] = keyEni(k, e);
        r[b + INLINE_RING + 1] = now;
        r[b + INLINE_RING + 2] = created;
        r[b + IDLE_HEAD]++;
        placeTop(b);
    }

    /** An idle environment onto the top of the row at {@code b}'s ring in the slab, which holds {@code inSlab}. */
    private void toSlab(int b, int inSlab, long keyEni, long idleSince, long created) {
        if (inSlab == high(row[b + RING])) {
            grow(b, inSlab);
        }
        int i = slabAt(b, inSlab);
        long[] s = slab;
        s[i] = keyEni;
        s[i + 1] = idleSince;
        s[i + 2] = created;
    }

    /** When the oldest idle environment went idle; {@link Long#MAX_VALUE} when none is idle. */
    long oldestIdleSince(int f) {
        int b = base(f);
        return idle(f) == 0 ? Long.MAX_VALUE : ring(b, 0)[at(b, 0) + 1];
    }

    int oldestKey(int f) {
        int b = base(f);
        return high(ring(b, 0)[at(b, 0)]);
    }

    /** Removes the oldest idle environment and returns its ENI row. */
    int expireOldest(int f) {
        int b = base(f);
        if (inRow(b, 0) || high(row[b + RING]) == 0) { // the only one idle (or none, no ring yet: counts broken)
            int e = low(row[b + INLINE_RING]);
            row[b + FLAGS_GENERATION] &= ~TOP_IN_ROW;
            row[b + IDLE_HEAD]--;
            return e; // nothing in the slab: topAt stays -1
        }
        int e = low(slab[slabAt(b, 0)]);
        long p = row[b + IDLE_HEAD];
        row[b + IDLE_HEAD] = pair((high(p) + 1) & (high(row[b + RING]) - 1), low(p) - 1);
        placeTop(b); // the ring's top has not moved, unless the ring is empty now
        return e;
    }

    /**
     * The row at {@code b}'s ring in the slab is full ({@code size} environments; none yet at first): it moves to one
     * twice as big (2 at first).
     */
    private void grow(int b, int size) {
        long ring = row[b + RING];
        int capacity = Math.max(FIRST_RING, 2 * high(ring));
        int offset = takeRing(capacity);
        for (int p = 0; p < size; p++) {
            System.arraycopy(slab, slabAt(b, p), slab, offset + p * ENV, ENV);
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
