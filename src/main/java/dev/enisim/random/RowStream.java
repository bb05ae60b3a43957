package dev.enisim.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * xoshiro256** over words kept in rows of a shared {@code long[]} (a table of many streams, one a row): pointed at
 * a row with {@link #load}, it draws that row's stream, and {@link #save} puts the words back. One cursor serves
 * every row of its table, so that Commons RNG's samplers built once over it draw from whichever stream it points
 * at: with thousands of streams, a draw touches its row (where its other state sits too) and no object of its own.
 *
 * <p>The numbers are {@link Xoshiro256}'s: the words are copied from one ({@link Xoshiro256#copyWords}). Not
 * thread-safe, and a row's words are its cursor's between load and save.
 */
public final class RowStream implements UniformRandomProvider {

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    /** Points at the stream whose four words are {@code rows[at..at + 3]}. */
    public void load(long[] rows, int at) {
        s0 = rows[at];
        s1 = rows[at + 1];
        s2 = rows[at + 2];
        s3 = rows[at + 3];
    }

    /** Puts the stream's words back into {@code rows[at..at + 3]} (where {@link #load} read them). */
    public void save(long[] rows, int at) {
        rows[at] = s0;
        rows[at + 1] = s1;
        rows[at + 2] = s2;
        rows[at + 3] = s3;
    }

    /** The next 64 bits: xoshiro256** as {@link Xoshiro256#nextLong()} computes it. */
    @Override
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1) with 53 random bits, as {@link Xoshiro256#nextDouble()}. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
