package dev.enisim.metrics;

/**
 * Time integrals of three levels per row (a function's busy, idle and provisioned environments; a row for the
 * account), per time bucket, kept so that a change costs a few multiply-adds into one row of a shared array.
 *
 * <p>Each row holds, side by side ({@link #LONGS} longs of a {@link FunctionLines} row, from its long
 * {@link FunctionLines#LEVELS}), the three levels and, per level, its <em>weighted changes</em> in the current bucket:
 * the level the bucket began with times the bucket's first instant, plus each change since (new level minus old) times
 * its instant. A level's area over {@code [a, e)} is {@code level(e) x e} minus that sum (the integral of a step
 * function, each step weighed by the time from it to {@code e}): so a change needs no instant of the row's last change
 * and reads no clock of its own, only the level it replaces ({@link #levels}: three subtract-multiply-adds; until
 * round 2's seventeenth pass a change read the row's last instant, added level x elapsed to each area, and wrote the
 * instant back, a read-modify-write chain per change). The sums are longs and may wrap past 2^63 on the way: the
 * area, the difference, is exact whenever it fits a long (two's complement arithmetic is exact modulo 2^64), the
 * same integers as before. The buckets are crossed by all rows at once ({@link #crossTo}): every row's bucket closes
 * (the buckets passed in between filled at the levels that held) into the row's per-bucket array, which exists only
 * once the row had a non-zero area, and the new bucket opens at its start. In a run the crossing is {@link
 * Observers}', for every metric at once, at the bucket's first instant: a change then tests no edge of its own
 * ({@link #levels}). Used on its own, a change past the current bucket's end crosses first ({@link #advance}: one
 * comparison with one field, the crossing a rare call outside it; with a crossing per row, C2 compiled that crossing
 * into it and then refused to inline it, "already compiled into a big method"). The work per change does not depend
 * on the number of rows; a crossing is work per row and bucket, and a row never touched costs its {@link #STRIDE}
 * longs.
 *
 * <p>Instants never go back: each change's is no earlier than the last change's of any row (a run's clock). The
 * areas are exact integers (longs). They equal what {@code BucketedAverage} (the straightforward per-level object,
 * kept in the tests as the reference) accumulates in doubles whenever that accumulation is exact, i.e. while a level's
 * integral over the run stays below 2^53 level-microseconds (a level of 1,000 for 104 days): the same figures, hence
 * the same outputs.
 */
final class LevelAreas {

    /** Levels per row. */
    static final int KINDS = 3;
    /** Longs of a row used: the levels, the current bucket's weighted changes. */
    static final int LONGS = 2 * KINDS;
    /** Rows are {@link FunctionLines}' (shared with other observers' longs), these from {@link FunctionLines#LEVELS}. */
    private static final int STRIDE = FunctionLines.STRIDE;
    private static final int LEVEL = FunctionLines.LEVELS;
    private static final int WEIGHED = LEVEL + KINDS;

    private final long bucketMicros;
    private final int buckets;
    private final long[] rows;
    private final long[][] closed; // [row][kind * buckets + bucket], null while all zero
    private final int rowCount;
    private int bucket;            // the bucket every row is in
    private long end;              // the instant it ends: (bucket + 1) x bucketMicros, Long.MAX_VALUE in the last
    private long at;               // the instant of the last advance (the changes of set are at it)

    LevelAreas(int rows, long bucketMicros, int buckets) {
        this(new long[rows * STRIDE], rows, bucketMicros, buckets);
    }

    /**
     * On {@code shared}, rows of {@link FunctionLines#STRIDE} longs (all zero where this uses them, at least
     * {@code rows} of them), whose longs {@link FunctionLines#LEVELS} to {@code + }{@link #LONGS} this owns (each
     * row in the first bucket, at time 0).
     */
    LevelAreas(long[] shared, int rows, long bucketMicros, int buckets) {
        if (buckets < 1 || bucketMicros <= 0) {
            throw new IllegalArgumentException("buckets and their length must be positive");
        }
        if (shared.length < rows * STRIDE) {
            throw new IllegalArgumentException("rows for " + shared.length / STRIDE + ", not " + rows);
        }
        this.bucketMicros = bucketMicros;
        this.buckets = buckets;
        this.rows = shared;
        this.closed = new long[rows][];
        this.rowCount = rows;
        this.end = endOf(0);
    }

    /** The instant bucket {@code b} ends: Long.MAX_VALUE for the last one (which takes everything after it). */
    private long endOf(int b) {
        return b == buckets - 1 ? Long.MAX_VALUE : (b + 1) * bucketMicros;
    }

    /**
     * The changes {@link #set} makes next are at {@code nowMicros} (no earlier than any change before); past the
     * current bucket's end, every row first crosses into the bucket of {@code nowMicros} ({@link #crossTo}). Row
     * {@code r} needs nothing of its own: the argument stays for the callers' reading.
     */
    void advance(int r, long nowMicros) {
        reach(nowMicros);
        at = nowMicros;
    }

    /** Past the current bucket's end, every row crosses into the bucket of {@code nowMicros} ({@link #crossTo}). */
    void reach(long nowMicros) {
        if (nowMicros > end) {
            crossTo(bucketOf(nowMicros));
        }
    }

    /**
     * Row {@code r}'s levels become {@code l0}, {@code l1}, {@code l2} at {@code nowMicros} (no earlier than any change
     * before), every row already in the bucket of {@code nowMicros} ({@link #crossTo}: the caller crosses the buckets
     * for all the metrics at once, {@link Observers}): no edge of its own to test. Each level's weighted changes grow by
     * (new - old) x {@code nowMicros}: nothing when it does not change.
     */
    void levels(int r, long nowMicros, long l0, long l1, long l2) {
        long[] s = rows;
        int o = r * STRIDE;
        s[o + WEIGHED] += (l0 - s[o + LEVEL]) * nowMicros;
        s[o + WEIGHED + 1] += (l1 - s[o + LEVEL + 1]) * nowMicros;
        s[o + WEIGHED + 2] += (l2 - s[o + LEVEL + 2]) * nowMicros;
        s[o + LEVEL] = l0;
        s[o + LEVEL + 1] = l1;
        s[o + LEVEL + 2] = l2;
    }

    /**
     * As {@link #levels}, row {@code r}'s level 0 one higher and its level 1 one lower (level 2 kept): what {@link
     * #levels} computes for them (weighted changes grow by +1 and -1 times {@code nowMicros}, the same longs),
     * from the row alone (a warm start: an idle environment now busy).
     */
    void idleToBusy(int r, long nowMicros) {
        long[] s = rows;
        int o = r * STRIDE;
        s[o + WEIGHED] += nowMicros;
        s[o + WEIGHED + 1] -= nowMicros;
        s[o + LEVEL]++;
        s[o + LEVEL + 1]--;
    }

    /** As {@link #idleToBusy}, the other way: level 0 one lower, level 1 one higher (an environment gone idle). */
    void busyToIdle(int r, long nowMicros) {
        long[] s = rows;
        int o = r * STRIDE;
        s[o + WEIGHED] -= nowMicros;
        s[o + WEIGHED + 1] += nowMicros;
        s[o + LEVEL]--;
        s[o + LEVEL + 1]++;
    }

    /** The bucket of an instant (the last one takes every later instant). */
    private int bucketOf(long nowMicros) {
        return (int) Math.min(nowMicros / bucketMicros, buckets - 1);
    }

    /**
     * Every row closes the current bucket (its areas up to the bucket's end), fills the buckets passed with its levels
     * and opens bucket {@code nb} (a later one) at its start, with no change yet. No change may have been made past
     * the current bucket's end; the figures are the same whenever before a row's next change past that end it is
     * called.
     */
    void crossTo(int nb) {
        long[] s = rows;
        int b = bucket;
        long e = end;
        long start = nb * bucketMicros;
        for (int r = 0; r < rowCount; r++) {
            int o = r * STRIDE;
            for (int k = 0; k < KINDS; k++) {
                long level = s[o + LEVEL + k];
                long area = level * e - s[o + WEIGHED + k];
                if (area != 0) {
                    closedRow(r)[k * buckets + b] += area;
                }
                if (level != 0) {
                    long[] c = closedRow(r);
                    for (int i = b + 1; i < nb; i++) {
                        c[k * buckets + i] += level * bucketMicros;
                    }
                }
                s[o + WEIGHED + k] = level * start;
            }
        }
        bucket = nb;
        end = endOf(nb);
    }

    private long[] closedRow(int r) {
        long[] c = closed[r];
        if (c == null) {
            c = new long[KINDS * buckets];
            closed[r] = c;
        }
        return c;
    }

    long level(int r, int kind) {
        return rows[r * STRIDE + LEVEL + kind];
    }

    /**
     * Row {@code r}'s level of {@code kind} becomes {@code value} at the instant of the last {@link #advance} (call it
     * to the instant first).
     */
    void set(int r, int kind, long value) {
        int i = r * STRIDE + LEVEL + kind;
        rows[i + KINDS] += (value - rows[i]) * at;
        rows[i] = value;
    }

    /**
     * Closes row {@code r}'s areas of the current bucket at {@code endMicros} (no earlier than any change; after the
     * run) into its buckets; the row's later areas then begin there (a second call at the same instant adds nothing).
     */
    void finish(int r, long endMicros) {
        reach(endMicros);
        int o = r * STRIDE;
        int b = bucket;
        for (int k = 0; k < KINDS; k++) {
            long level = rows[o + LEVEL + k];
            long area = level * endMicros - rows[o + WEIGHED + k];
            if (area != 0) {
                closedRow(r)[k * buckets + b] += area;
            }
            rows[o + WEIGHED + k] = level * endMicros;
        }
    }

    /**
     * Makes row {@code into}'s buckets the sum of rows {@code from} to {@code to - 1} (after {@link #finish}): the
     * areas of a level that is their levels' sum. Row {@code into} must not have been advanced itself.
     */
    void sumRows(int from, int to, int into) {
        long[] sum = null;
        for (int r = from; r < to; r++) {
            long[] c = closed[r];
            if (c == null) {
                continue;
            }
            if (sum == null) {
                sum = new long[c.length];
            }
            for (int i = 0; i < c.length; i++) {
                sum[i] += c[i];
            }
        }
        closed[into] = sum;
    }

    /** Row {@code r}'s area of {@code kind} in bucket {@code b}, in level x microseconds (after {@link #finish}). */
    long area(int r, int kind, int b) {
        long[] c = closed[r];
        return c == null ? 0 : c[kind * buckets + b];
    }

    /** Row {@code r}'s integral of {@code kind} over the run (after {@link #finish}). */
    long total(int r, int kind) {
        return total(r, kind, 0);
    }

    /** Row {@code r}'s integral of {@code kind} over the buckets from {@code from} on (after {@link #finish}). */
    long total(int r, int kind, int from) {
        long[] c = closed[r];
        long sum = 0;
        for (int b = from; c != null && b < buckets; b++) {
            sum += c[kind * buckets + b];
        }
        return sum;
    }

    /** Bytes held: the rows' longs this uses, and the bucket arrays of those that had a non-zero level. */
    long footprintBytes() {
        long n = 16 + 8L * LONGS * closed.length + 16 + 8L * closed.length;
        for (long[] c : closed) {
            n += c == null ? 0 : 16 + 8L * c.length;
        }
        return n;
    }
}
