package dev.enisim.random;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * xoshiro256** (Blackman and Vigna, 2018): a small, fast generator with a 2^256 - 1 period, exposed as a
 * Commons Math {@link RandomGenerator} so that Commons Math distributions draw from it, and as a Commons RNG
 * {@link UniformRandomProvider} (its {@code nextLong()}) so that Commons RNG's samplers do. Not thread-safe:
 * each stream belongs to one simulation.
 */
public final class Xoshiro256 implements RandomGenerator, UniformRandomProvider {

    /** The four words of state, drawn by {@link RowStream}'s kernel: the one xoshiro256** step of the code base. */
    private final long[] s = new long[4];
    private double nextGaussian = Double.NaN;

    /** Seeds the four words of state from {@code seed} with SplitMix64, as the authors recommend. */
    public Xoshiro256(long seed) {
        setSeed(seed);
    }

    @Override
    public void setSeed(int seed) {
        setSeed((long) seed);
    }

    @Override
    public void setSeed(int[] seed) {
        long h = 0x9E3779B97F4A7C15L;
        for (int v : seed) {
            h = SplitMix.mix(h ^ v);
        }
        setSeed(h);
    }

    @Override
    public void setSeed(long seed) {
        long x = seed;
        s[0] = SplitMix.mix(x += 0x9E3779B97F4A7C15L);
        s[1] = SplitMix.mix(x += 0x9E3779B97F4A7C15L);
        s[2] = SplitMix.mix(x += 0x9E3779B97F4A7C15L);
        s[3] = SplitMix.mix(x + 0x9E3779B97F4A7C15L);
        if ((s[0] | s[1] | s[2] | s[3]) == 0) {
            s[0] = 1;
        }
        nextGaussian = Double.NaN;
    }

    /**
     * Copies the four words of state into {@code rows[at..at + 3]}, for a {@link RowStream} to draw the rest of this
     * stream there: this generator must not be drawn from again (its words are left as they were).
     */
    public void copyWords(long[] rows, int at) {
        System.arraycopy(s, 0, rows, at, 4);
    }

    @Override
    public long nextLong() {
        long[] w = s;
        long result = RowStream.peek(w, 0);
        RowStream.step(w, 0);
        return result;
    }

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** Uniform in [0, n), without modulo bias (Lemire's method). */
    @Override
    public int nextInt(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + n);
        }
        long m = (nextLong() >>> 32) * n;
        long low = m & 0xFFFFFFFFL;
        if (low < n) {
            long threshold = (0x100000000L - n) % n;
            while (low < threshold) {
                m = (nextLong() >>> 32) * n;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    @Override
    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            long v = nextLong();
            for (int b = 0; b < 8 && i < bytes.length; b++, v >>>= 8) {
                bytes[i++] = (byte) v;
            }
        }
    }

    /** Uniform in [0, 1) with 53 random bits. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    @Override
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Standard normal by the polar Box-Muller method (caches the second value). */
    @Override
    public double nextGaussian() {
        if (!Double.isNaN(nextGaussian)) {
            double g = nextGaussian;
            nextGaussian = Double.NaN;
            return g;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextGaussian = v2 * multiplier;
        return v1 * multiplier;
    }
}
