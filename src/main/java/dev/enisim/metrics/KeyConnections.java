package dev.enisim.metrics;

import java.util.Arrays;

/**
 * The connections of each ENI key: per bucket their maximum (as a maximum {@link Gauge} keeps it, counting the level
 * the bucket began with) and over the run their time average and variance (as {@link TimeAverage#withVariance}
 * integrates them), laid out so that a change touches one row of one shared array: the level, the instant it
 * was last integrated to, its integral and its square's, and the current bucket's maximum so far ({@link #STRIDE}
 * longs, a cache line). A gauge and an average per key were three objects and an array per key, a chain of dependent
 * loads on every start and end of an invocation.
 *
 * <p>The buckets are crossed by all rows at once, as {@link LevelAreas} crosses them ({@link #crossTo}): every row's
 * maximum moves into its key's per-bucket array (and the level into the buckets passed) and the new bucket opens at
 * the level. In a run {@link Observers} crosses every metric's buckets at once, at the bucket's first instant, and a
 * change tests no edge of its own ({@link #put}); used on its own, the first change at or past the current bucket's end
 * crosses first ({@link #set}: one comparison with one field). Either way a change needs no bucket looked up and reads
 * no bucket of its row. Work per bucket and key, not per change.
 */
final class KeyConnections {

    private static final int STRIDE = 8;
    private static final int LEVEL = 0;
    private static final int LAST = 1;     // the instant the integrals reach
    private static final int AREA = 2;     // level x microseconds, exact
    /**
     * level^2 x microseconds as a double accumulates it ({@link TimeAverage}'s figure, bit for bit: see {@link
     * #integrate}), its raw bits.
     */
    private static final int SQUARES = 3;
    private static final int MAXIMUM = 4;  // the current bucket's maximum so far

    private final long bucketMicros;
    private final int buckets;
    private long[] rows = new long[0];
    private long[][] maxima = new long[0][]; // [key][bucket], up to the current bucket (excluded)
    private int bucket;                      // the bucket every row is in
    private long end;                        // the instant the next one begins: Long.MAX_VALUE in the last

    /**
     * Buckets of {@code bucketMicros} ({@code [i x bucketMicros, (i + 1) x bucketMicros)}, the last one taking every
     * later instant, as {@link BucketGrid} cuts them), {@code buckets} of them.
     */
    KeyConnections(long bucketMicros, int buckets) {
        if (buckets < 1 || bucketMicros <= 0) {
            throw new IllegalArgumentException("buckets and their length must be positive");
        }
        this.bucketMicros = bucketMicros;
        this.buckets = buckets;
        this.end = endOf(0);
    }

    /** The instant bucket {@code b} ends: Long.MAX_VALUE for the last one (which takes everything after it). */
    private long endOf(int b) {
        return b == buckets - 1 ? Long.MAX_VALUE : (b + 1) * bucketMicros;
    }

    /** Grows to cover keys 0 to {@code key}, the new ones at level 0 from time 0. */
    void ensureKey(int key) {
        int n = maxima.length;
        if (key < n) {
            return;
        }
        rows = Arrays.copyOf(rows, (key + 1) * STRIDE);
        maxima = Arrays.copyOf(maxima, key + 1);
        for (int k = n; k <= key; k++) {
            maxima[k] = new long[buckets];
        }
    }

    /**
     * Key {@code key}'s connections become {@code value} at {@code nowMicros} (no earlier than the last change of any
     * key); at or past the current bucket's end, every row first crosses into the bucket of {@code nowMicros}.
     */
    void set(int key, int value, long nowMicros) {
        if (nowMicros >= end) {
            crossTo((int) Math.min(nowMicros / bucketMicros, buckets - 1));
        }
        put(key, value, nowMicros);
    }

    /**
     * As {@link #set}, with every row already in the bucket of {@code nowMicros} ({@link #crossTo}: the caller crosses
     * the buckets for all the metrics at once, {@link Observers}): no edge of its own to test.
     */
    void put(int key, int value, long nowMicros) {
        long[] r = rows;
        int o = key * STRIDE;
        integrate(r, o, nowMicros);
        r[o + LEVEL] = value;
        if (value > r[o + MAXIMUM]) {
            r[o + MAXIMUM] = value;
        }
    }

    /**
     * Every row closes the current bucket (its maximum into its key's array), fills the buckets passed with its level
     * and opens bucket {@code nb} (a later one) at its level: the same figures whenever before a key's next change in
     * bucket {@code nb} it is called.
     */
    void crossTo(int nb) {
        long[] r = rows;
        long[][] m = maxima;
        int b = bucket;
        for (int k = 0; k < m.length; k++) {
            int o = k * STRIDE;
            long level = r[o + LEVEL];
            m[k][b] = r[o + MAXIMUM];
            Arrays.fill(m[k], b + 1, nb, level);
            r[o + MAXIMUM] = level;
        }
        bucket = nb;
        end = endOf(nb);
    }

    /** The bucket every row is in (tests). */
    int bucket() {
        return bucket;
    }

    /** The key's per-bucket maxima, every bucket filled up to the end (the level carried forward). */
    long[] values(int key) {
        int o = key * STRIDE;
        int b = bucket;
        long[] v = maxima[key].clone();
        v[b] = rows[o + MAXIMUM];
        Arrays.fill(v, b + 1, buckets, rows[o + LEVEL]);
        return v;
    }

    /** The key's highest level so far. */
    long peak(int key) {
        int o = key * STRIDE;
        long[] m = maxima[key];
        long p = rows[o + MAXIMUM];
        for (int b = 0, n = bucket; b < n; b++) {
            p = Math.max(p, m[b]);
        }
        return p;
    }

    /** The key's time average over [0, {@code endMicros}) (the level integrated up to the end; call at the end). */
    double mean(int key, long endMicros) {
        integrate(rows, key * STRIDE, endMicros);
        return endMicros <= 0 ? 0 : (double) rows[key * STRIDE + AREA] / endMicros;
    }

    /** The key's time variance over [0, {@code endMicros}) (as {@link TimeAverage#variance}; call at the end). */
    double variance(int key, long endMicros) {
        double m = mean(key, endMicros);
        return endMicros <= 0 ? 0 : Math.max(0, squares(key) / endMicros - m * m);
    }

    /** The key's squares' integral so far (level^2 x microseconds, as a double sums it). */
    double squares(int key) {
        return Double.longBitsToDouble(rows[key * STRIDE + SQUARES]);
    }

    /**
     * Integrates row {@code o}'s level up to {@code nowMicros} (a no-op at or before the last instant). The square's
     * integral is the double that {@code squares += (double) level * level * dt} accumulates ({@link TimeAverage}'s
     * expression, so its figure bit for bit), kept as its raw bits in the row of longs.
     *
     * <p>From round 2's eleventh to its fifteenth pass it was summed in longs while that double was an exact integer
     * (up to 2^53), and in doubles past it; the fifteenth chose between the two without a branch (a run whose sum
     * passes 2^53, {@code loss}, took a branch its compiled code had never seen taken, and every unit that had inlined
     * this one was thrown away), so both sums were computed at every change, the double one with a conversion back to
     * a long (a third of the connections' cost, about 5% of {@code loss-100}'s and {@code account}'s samples in the
     * sixteenth pass' profiles). The double sum alone is the figure, with no branch, nothing to convert back and
     * nothing to trap.
     */
    private static void integrate(long[] r, int o, long nowMicros) {
        long dt = nowMicros - r[o + LAST];
        if (dt > 0) {
            long level = r[o + LEVEL];
            r[o + AREA] += level * dt;
            r[o + SQUARES] = Double.doubleToRawLongBits(Double.longBitsToDouble(r[o + SQUARES])
                    + (double) level * level * dt);
            r[o + LAST] = nowMicros;
        }
    }
}
