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

    /**
     * Reads function {@code f}'s longs that the observers use (the first {@link #EXECUTIONS} + 6: two lines, or
     * three when the row straddles them) and returns their sum (meaningless: kept by the caller so that
     * the reads stay): a look ahead that fetches the row while another event is handled. 0 before the rows exist.
     */
    long touch(int f) {
        long[] r = rows;
        if (r == null) {
            return 0;
        }
        int o = f * STRIDE;
        return r[o] + r[o + 7] + r[o + EXECUTIONS + 5];
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
