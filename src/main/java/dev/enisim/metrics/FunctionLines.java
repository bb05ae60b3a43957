package dev.enisim.metrics;

/**
 * One row of longs per function ({@link #STRIDE} of them) shared by the observers that an invocation's start and
 * end update one after the other: {@link LevelAreas}' (the function's environment levels and their areas, from
 * {@link #LEVELS}), {@link Executions}' counters (from {@link #EXECUTIONS}; the two provisioned ones apart, at
 * {@link #PROVISIONED}), the concurrency gauge's level and open maximum ({@link #CONCURRENCY}, {@link GaugeRows}),
 * the current bucket's successes ({@link #SUCCESSES}, {@link InvocationCounts}) and the journal's successes in the
 * spell ({@link #SPELL}, {@link Journal}). With thousands of functions each observer's own array was a cache miss
 * per start; side by side, an invocation's start and end touch two lines of the function's (the 15 longs from
 * {@link #LEVELS} to {@link #SPARE_2}, 13 used, a spare on each line and long 20 unused) and nothing else per function. Plus one
 * row after the functions': the account's ({@link EnvironmentLevels}' summed areas).
 *
 * <p>The table is laid out for a large one (at least {@link #ALIGNED_BYTES}: 8,191 functions or more), which G1
 * allocates at the start of a region (a humongous object, never moved): a row's used longs begin {@link #LEVELS}
 * longs into its {@link #STRIDE}, 16 + 8 x 14 = 128 bytes into its 256 (the array's header is 16 bytes), so that they
 * are one aligned pair of cache lines. A smaller table is wherever the collector puts it, its rows on any lines;
 * every 8 longs of the table hold one that nothing reads (longs 0 to 13 of a row are unused, and {@link #SPARE_1}
 * and {@link #SPARE_2} are spares), so the look ahead's stores reach each line of a row either way ({@link #touch}).
 *
 * <p>Each observer makes its own until {@link EnvironmentLevels#shareRows} gives the others the levels' (before
 * either is attached); either way the figures are the same, only where the longs live changes.
 */
final class FunctionLines {

    /** Longs per row: 32 (256 bytes), 15 of them used. */
    static final int STRIDE = 32;
    /**
     * Bytes from which a table is taken to start a G1 region (a humongous object: half of this machine's 4 MiB
     * regions), so that its rows' used longs sit on aligned lines. With larger regions the table is not aligned and a
     * row's used longs straddle three lines, one of which the look ahead does not reach; the figures are the same.
     */
    static final long ALIGNED_BYTES = 2L << 20;

    /** The long before a row's used ones (longs 0 to 13 are unused): on their first line when it is not aligned. */
    static final int SPARE_BEFORE = 13;
    /** Where {@link LevelAreas}' longs of a row begin ({@link LevelAreas#LONGS} of them: 14 to 19; 20 unused since round 2's
     * seventeenth pass, when they lost the row's last instant). */
    static final int LEVELS = 14;
    /** The spare of the first line (longs 14 to 21): nothing reads it, the look ahead stores to it. */
    static final int SPARE_1 = 21;
    /** Where {@link Executions}' four counters of every invocation begin (22 to 25). */
    static final int EXECUTIONS = 22;
    /** The function's concurrency: its level (low int) and its maximum in the open bucket (high int). */
    static final int CONCURRENCY = 26;
    /** The function's successes in the current bucket ({@link InvocationCounts}). */
    static final int SUCCESSES = 27;
    /** The function's successes since its last state change ({@link Journal}). */
    static final int SPELL = 28;
    /** The spare of the second line (longs 22 to 29). */
    static final int SPARE_2 = 29;
    /** {@link Executions}' provisioned requests and their billed milliseconds (30, 31): only provisioned starts. */
    static final int PROVISIONED = 30;

    private long[] rows;
    private int functions = -1;
    /** Where the look ahead's first store goes: {@link #SPARE_BEFORE}, or {@link #SPARE_1} on an aligned table. */
    private int lead = SPARE_BEFORE;

    /**
     * Stores to longs that no observer uses on each cache line where function {@code f}'s observers keep theirs
     * (longs {@link #LEVELS} to {@link #SPELL}: two lines when the table is aligned, else three): a look ahead that
     * fetches the row while another event is handled. A store, not a load: a load that misses holds the reorder
     * buffer's head until its line comes, and the event being handled stops once the buffer is full; a store that
     * misses retires and waits in the store buffer. On an aligned table the two spares {@link #SPARE_1} and {@link
     * #SPARE_2}; on another, {@link #SPARE_BEFORE} too (the line the row's first longs share with the longs before
     * them). Does nothing before the rows exist.
     */
    void touch(int f) {
        long[] r = rows;
        if (r == null) {
            return;
        }
        int o = f * STRIDE;
        r[o + lead] = -1;
        r[o + SPARE_1] = -1;
        r[o + SPARE_2] = -1;
    }

    /** The rows for {@code functions} functions and the account (made on the first call; later calls must agree). */
    long[] rows(int functions) {
        if (rows == null) {
            rows = new long[(functions + 1) * STRIDE];
            this.functions = functions;
            lead = aligned(functions + 1) ? SPARE_1 : SPARE_BEFORE;
        } else if (functions != this.functions) {
            throw new IllegalStateException("rows made for " + this.functions + " functions, asked for " + functions);
        }
        return rows;
    }

    /** Whether a table of {@code rows} rows is taken to start a G1 region ({@link #ALIGNED_BYTES}). */
    static boolean aligned(int rows) {
        return 16 + 8L * STRIDE * rows >= ALIGNED_BYTES;
    }

    /** Where the look ahead's first store goes in a row (tests). */
    int lead() {
        return lead;
    }
}
