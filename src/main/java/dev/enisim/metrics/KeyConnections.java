package dev.enisim.metrics;

import java.util.Arrays;

/**
 * The connections of each ENI key: per bucket their maximum (as a maximum {@link Gauge} keeps it, counting the level
 * the bucket began with) and over the run their time average and variance (as {@link TimeAverage#withVariance}
 * integrates them), laid out so that a change touches one row of one shared array: the level, the instant it
 * was last integrated to, its integral and its square's, the row's bucket and that bucket's maximum so far
 * ({@link #STRIDE} longs, a cache line). A gauge and an average per key were three objects and an array per key,
 * a chain of dependent loads on every start and end of an invocation. A later bucket moves the row's maximum into
 * the key's per-bucket array (and the level into the buckets passed): work per bucket, not per change.
 */
final class KeyConnections {

    private static final int STRIDE = 8;
    private static final int LEVEL = 0;
    private static final int LAST = 1;     // the instant the integrals reach
    private static final int AREA = 2;     // level x microseconds, exact
    /**
     * level^2 x microseconds as a double accumulates it (see {@link #integrate}): while that double is an integer
     * of at most {@link #EXACT}, the integer itself; past it, the double's bits (whose value as a long is beyond
     * {@link #EXACT}, so {@link #squares} tells the two apart).
     */
    private static final int SQUARES = 3;
    private static final int BUCKET = 4;   // the bucket of the last change
    private static final int MAXIMUM = 5;  // that bucket's maximum so far

    /** 2^53: up to it, every integer is a double, and a sum of such integers is exact in doubles. */
    static final long EXACT = 1L << 53;
    /** Below this, a level's square (level < 46,341) times the time passed (< 35 minutes) is a long, and exact. */
    private static final long SMALL = 1L << 31;

    private final int buckets;
    private long[] rows = new long[0];
    private long[][] maxima = new long[0][]; // [key][bucket], up to the row's bucket (excluded)

    KeyConnections(int buckets) {
        this.buckets = buckets;
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

    /** Key {@code key}'s connections become {@code value} at {@code nowMicros}, in {@code bucket} (never earlier). */
    void set(int key, int value, int bucket, long nowMicros) {
        long[] r = rows;
        int o = key * STRIDE;
        integrate(r, o, nowMicros);
        if (bucket > r[o + BUCKET]) {
            carryTo(key, o, bucket);
        }
        r[o + LEVEL] = value;
        if (value > r[o + MAXIMUM]) {
            r[o + MAXIMUM] = value;
        }
    }

    /** Closes the row's bucket into its array, fills the buckets passed with the level, and opens {@code bucket}. */
    private void carryTo(int key, int o, int bucket) {
        long[] r = rows;
        int b = (int) r[o + BUCKET];
        long[] m = maxima[key];
        m[b] = r[o + MAXIMUM];
        Arrays.fill(m, b + 1, bucket, r[o + LEVEL]);
        r[o + BUCKET] = bucket;
        r[o + MAXIMUM] = r[o + LEVEL];
    }

    /** The key's per-bucket maxima, every bucket filled up to the end (the level carried forward). */
    long[] values(int key) {
        int o = key * STRIDE;
        int b = (int) rows[o + BUCKET];
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
        for (int b = 0, n = (int) rows[o + BUCKET]; b < n; b++) {
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
        return endMicros <= 0 ? 0 : Math.max(0, squares(rows[key * STRIDE + SQUARES]) / endMicros - m * m);
    }

    /** The key's squares' integral as its row stores it (tests: an exact integer up to {@link #EXACT}). */
    long storedSquares(int key) {
        return rows[key * STRIDE + SQUARES];
    }

    /** The squares' integral that {@code stored} holds (the integer itself, or a double's bits past EXACT). */
    static double squares(long stored) {
        return stored <= EXACT ? (double) stored : Double.longBitsToDouble(stored);
    }

    /**
     * Integrates row {@code o}'s level up to {@code nowMicros} (a no-op at or before the last instant). The square's
     * integral is the double that {@code squares += (double) level * level * dt} accumulates ({@link TimeAverage}'s
     * figure, bit for bit), computed in longs while that is exact: a level's square (an {@code int}'s: an exact
     * long) rounds to the double {@code (double) level * level} is (both round the same integer once), a product
     * and a sum of integers up to 2^53 are exact in doubles, so while the sum stays there, the long sum is the double
     * sum. Past it (or for a square or a gap too large for the long product), the same double sum as before.
     */
    private static void integrate(long[] r, int o, long nowMicros) {
        long dt = nowMicros - r[o + LAST];
        if (dt > 0) {
            long level = r[o + LEVEL];
            r[o + AREA] += level * dt;
            long square = level * level;
            long sum = r[o + SQUARES];
            long term;
            if ((square | dt) < SMALL && (term = square * dt) <= EXACT - sum) {
                r[o + SQUARES] = sum + term;
            } else {
                r[o + SQUARES] = inexact(sum, square, dt);
            }
            r[o + LAST] = nowMicros;
        }
    }

    /** The squares' sum as stored after adding {@code square * dt} in doubles to the sum {@code stored} holds. */
    static long inexact(long stored, long square, long dt) {
        double d = squares(stored) + (double) square * dt;
        return d <= EXACT ? (long) d : Double.doubleToRawLongBits(d);
    }
}
