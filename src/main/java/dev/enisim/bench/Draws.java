package dev.enisim.bench;

/**
 * One way of drawing random numbers, timed by {@link SamplerBench}: {@code n} draws in a tight loop of its own
 * (so that each candidate's call sites stay monomorphic), summed so that the JIT cannot drop them. Candidates of
 * the same {@link #group()} draw the same quantity and are compared with one another. Found with
 * {@link java.util.ServiceLoader}: the jar carries enisim's own ({@link SamplerBench#OWN}); the Apache Commons
 * RNG candidates live in the tests and join when the test classes are on the class path ({@code .ci/bench}).
 */
public interface Draws {

    /**
     * What is drawn: {@code uniform-long}, {@code uniform-double}, {@code seeding}, {@code exponential},
     * {@code lognormal}, {@code poisson-arrival}, {@code diurnal-arrival}.
     */
    String group();

    /** Whose draws, e.g. {@code enisim Xoshiro256} or {@code commons-rng XO_SHI_RO_256_SS}. */
    String name();

    /** Draws {@code n} values from a generator seeded with {@code seed}; returns their sum. */
    double run(long seed, int n);

    /** A candidate's group and name; subclasses give {@link #run}. */
    abstract class Named implements Draws {
        private final String group;
        private final String name;

        protected Named(String group, String name) {
            this.group = group;
            this.name = name;
        }

        @Override
        public String group() {
            return group;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
