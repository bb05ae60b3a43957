package dev.enisim.random;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * The factory of named random streams of one replication of one scenario.
 *
 * <p>The seed of stream {@code name} is {@code mix(mix(mix(seed) ^ replication) ^ hash(name))}: it depends on
 * nothing else, so a stream's numbers never change when other streams are added, removed or drawn from, and
 * two runs that name the same source get the same numbers (common random numbers).
 *
 * <p>Stream names in use are listed in the README's Design notes and on {@code run.Simulation}, the one place
 * that makes a run's streams. One stream, one source. A stream's generator is {@link Xoshiro256} (xoshiro256**),
 * seeded through {@link SplitMix}.
 */
public final class RandomStreams {

    private final long seed;
    private final int replication;
    private final long base;

    public RandomStreams(long seed, int replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0: " + replication);
        }
        this.seed = seed;
        this.replication = replication;
        this.base = SplitMix.mix(SplitMix.mix(seed) ^ replication);
    }

    public long seed() {
        return seed;
    }

    public int replication() {
        return replication;
    }

    /** The seed of the named stream: a pure function of (scenario seed, replication, name). */
    public long streamSeed(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a random stream needs a name");
        }
        return SplitMix.mix(base ^ SplitMix.hash(name));
    }

    /** A new generator for the named stream, positioned at its start. */
    public RandomGenerator stream(String name) {
        return new Xoshiro256(streamSeed(name));
    }
}
