package dev.enisim.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * xoshiro256** over words kept in rows of a shared {@code long[]} (a table of many streams, one a row): pointed at
 * a row with {@link #point}, it draws that row's stream in place. One cursor serves every row of its table, so that
 * Commons RNG's samplers built once over it draw from whichever stream it points at: with thousands of streams, a
 * draw touches its row (where its other state sits too) and no object of its own.
 *
 * <p>The static kernel ({@link #peek}, {@link #step}) is the code base's one xoshiro256** step: it draws from any
 * four words without a cursor, and {@link Xoshiro256} draws with it from its own.
 *
 * <p>The numbers are {@link Xoshiro256}'s: the words are copied from one ({@link Xoshiro256#copyWords}). Not
 * thread-safe.
 */
public final class RowStream implements UniformRandomProvider {

    private long[] rows;
    private int at;

    /** A cursor pointed at nothing yet ({@link #point(long[], int)} before the first draw). */
    public RowStream() {
        this(new long[4]);
    }

    /**
     * A cursor over the table {@code rows}, pointed at its first four words: {@link #point(int)} moves it between
     * the table's rows without storing the table again.
     */
    public RowStream(long[] rows) {
        this.rows = rows;
    }

    /** Points at the stream whose four words are {@code rows[at..at + 3]}: the following draws are its. */
    public void point(long[] rows, int at) {
        this.rows = rows;
        this.at = at;
    }

    /**
     * Points at the stream whose four words are {@code rows[at..at + 3]} of the table the cursor is over: the
     * following draws are its. Only an {@code int} is stored: storing the table's reference at every draw (as
     * {@link #point(long[], int)} does) pays G1's write barrier, whose card check fences the store once the cursor
     * has been promoted (2% of {@code many-functions}' samples, two draws an arrival).
     */
    public void point(int at) {
        this.at = at;
    }

    /** The next 64 bits: xoshiro256** as {@link Xoshiro256#nextLong()} computes it, on the row's words. */
    @Override
    public long nextLong() {
        long[] w = rows;
        int i = at;
        long result = peek(w, i);
        step(w, i);
        return result;
    }

    /** Uniform in [0, 1) with 53 random bits, as {@link Xoshiro256#nextDouble()}. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** The next 64 bits of the stream in {@code w[i..i + 3]}, leaving it where it is (the scrambler of xoshiro256**). */
    public static long peek(long[] w, int i) {
        return Long.rotateLeft(w[i + 1] * 5, 7) * 9;
    }

    /**
     * Moves the stream in {@code w[i..i + 3]} past its next value: xoshiro256**'s linear step, the one of the code
     * base ({@link Xoshiro256} draws with it too, from its own four words).
     */
    public static void step(long[] w, int i) {
        long s0 = w[i];
        long s1 = w[i + 1];
        long s2 = w[i + 2];
        long s3 = w[i + 3];
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        w[i] = s0;
        w[i + 1] = s1;
        w[i + 2] = s2;
        w[i + 3] = Long.rotateLeft(s3, 45);
    }
}
