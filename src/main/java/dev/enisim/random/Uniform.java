package dev.enisim.random;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * enisim's streams as Apache Commons RNG's {@link UniformRandomProvider}, so that its samplers draw from them: the
 * samplers take 64-bit words from the stream's {@code nextLong()} (for {@link Xoshiro256}, xoshiro256** itself); the
 * streams, their names and their seeds stay enisim's ({@link RandomStreams}).
 */
public final class Uniform {

    private Uniform() {
    }

    /** The stream itself when it is one already (a {@link Xoshiro256}), else a view of its {@code nextLong()}. */
    public static UniformRandomProvider of(RandomGenerator stream) {
        if (stream instanceof UniformRandomProvider u) {
            return u;
        }
        return stream::nextLong;
    }

    /**
     * The stream itself when it is a provider already (a {@link Xoshiro256}), else a view of its {@code nextLong()}
     * and its own {@code nextDouble()} (not Commons RNG's from the long: the draws of uniforms stay the stream's).
     */
    public static UniformRandomProvider withDoubles(RandomGenerator stream) {
        if (stream instanceof UniformRandomProvider u) {
            return u;
        }
        return new UniformRandomProvider() {
            @Override
            public long nextLong() {
                return stream.nextLong();
            }

            @Override
            public double nextDouble() {
                return stream.nextDouble();
            }
        };
    }
}
