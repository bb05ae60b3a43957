package dev.enisim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link Uniform}: the samplers draw from enisim's streams. An enisim stream is a provider already and is used as
 * it is (no wrapper per draw); any other stream is seen through a view that takes its words from the stream's own
 * {@code nextLong()} and, for {@code withDoubles}, its uniforms from its own {@code nextDouble()}, so that the
 * numbers drawn are the stream's, in the stream's order.
 */
class UniformTest {

    @Test
    void anEnisimStreamIsItsOwnProvider() {
        Xoshiro256 stream = new Xoshiro256(42);
        assertSame(stream, Uniform.of(stream));
        assertSame(stream, Uniform.withDoubles(stream));
    }

    @Test
    void anotherStreamIsSeenThroughItsLongs() {
        RandomGenerator twin = new MersenneTwister(7);
        UniformRandomProvider view = Uniform.of(new MersenneTwister(7));
        for (int i = 0; i < 100; i++) {
            assertEquals(twin.nextLong(), view.nextLong(), "word " + i);
        }
        // Commons RNG's own double from the stream's long: the top 53 bits
        long word = twin.nextLong();
        assertEquals((word >>> 11) * 0x1.0p-53, view.nextDouble());
    }

    @Test
    void withDoublesTakesTheStreamsOwnLongsAndDoubles() {
        RandomGenerator twin = new MersenneTwister(11);
        UniformRandomProvider view = Uniform.withDoubles(new MersenneTwister(11));
        for (int i = 0; i < 100; i++) {
            assertEquals(twin.nextLong(), view.nextLong(), "word " + i);
            assertEquals(twin.nextDouble(), view.nextDouble(), "uniform " + i); // the stream's, not from a long
        }
    }
}
