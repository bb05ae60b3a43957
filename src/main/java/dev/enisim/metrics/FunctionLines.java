package dev.enisim.metrics;

/**
 * One row of longs per function ({@link #STRIDE} of them: two cache lines) shared by the observers that an
 * invocation's start updates one after the other: {@link LevelAreas}' (the function's environment levels and their
 * areas, from {@link #LEVELS}) and {@link Executions}' counters (from {@link #EXECUTIONS}). With thousands of
 * functions each observer's own array was a cache miss per start (the counters' one line, the levels' one or two);
 * side by side, the lines the environment levels fetch when the start takes an environment hold the counters its
 * execution then adds to. Plus one row after the functions': the account's ({@link EnvironmentLevels}' summed
 * areas).
 *
 * <p>Each observer makes its own until {@link EnvironmentLevels#shareRows} gives the executions the levels' (before
 * either is attached); either way the figures are the same, only where the longs live changes.
 */
final class FunctionLines {

    /** Longs per row. */
    static final int STRIDE = 16;
    /** Where {@link LevelAreas}' longs of a row begin ({@link LevelAreas#LONGS} of them). */
    static final int LEVELS = 0;
    /** Where {@link Executions}' counters of a row begin (up to {@link #STRIDE} - 8: six of them). */
    static final int EXECUTIONS = 8;

    private long[] rows;
    private int functions = -1;

    /** The longs of a row that no observer uses: every 8 longs of the table in a row hold one of them. */
    static final int SPARE_1 = 7;
    static final int SPARE_2 = 15;

    /**
     * Stores to longs that no observer uses on each cache line where function {@code f}'s observers keep theirs
     * (longs 0 to 6 and {@link #EXECUTIONS} to + 5: two lines, or three when the row straddles them): a look ahead
     * that fetches the row while another event is handled. A store, not a load: a load that misses holds the reorder
     * buffer's head until its line comes, and the event being handled stops once the buffer is full; a store that
     * misses retires and waits in the store buffer. The table is not aligned to lines (1.28 MB for 10,000 functions:
     * not a humongous object), so the line of each long is not known; but any 8 longs in a row of the table hold a
     * spare ({@link #SPARE_1} or {@link #SPARE_2}), so the spares just before the row, and at 7 and 15, share a line
     * with each long the observers use (function 0 has no spare before it: its first line may still be read). Does
     * nothing before the rows exist.
     */
    void touch(int f) {
        long[] r = rows;
        if (r == null) {
            return;
        }
        int o = f * STRIDE;
        r[Math.max(o - 1, SPARE_1)] = -1; // the row before's SPARE_2
        r[o + SPARE_1] = -1;
        r[o + SPARE_2] = -1;
    }

    /** The rows for {@code functions} functions and the account (made on the first call; later calls must agree). */
    long[] rows(int functions) {
        if (rows == null) {
            rows = new long[(functions + 1) * STRIDE];
            this.functions = functions;
        } else if (functions != this.functions) {
            throw new IllegalStateException("rows made for " + this.functions + " functions, asked for " + functions);
        }
        return rows;
    }
}
