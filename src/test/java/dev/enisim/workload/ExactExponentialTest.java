package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.random.Xoshiro256;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.AbstractRandomGenerator;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The fast exponential sampler gives Commons Math's numbers bit for bit (outputs and baselines depend on it). */
class ExactExponentialTest {

    private static void sameDraws(RandomGenerator a, RandomGenerator b, double mean, int n) {
        ExponentialDistribution original = new ExponentialDistribution(a, mean);
        ExactExponential exact = new ExactExponential(b, mean);
        for (int i = 0; i < n; i++) {
            double expected = original.sample();
            double actual = exact.sample();
            if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
                assertEquals(expected, actual, 0, "draw " + i + " of mean " + mean);
            }
        }
        // both consumed the same uniforms
        assertEquals(a.nextLong(), b.nextLong());
    }

    @Test
    void sameNumbersAsCommonsMathOnOurGenerator() {
        sameDraws(new Xoshiro256(1), new Xoshiro256(1), 1e6, 2_000_000);
        sameDraws(new Xoshiro256(-7), new Xoshiro256(-7), 0.37, 500_000);
        sameDraws(new Xoshiro256(42), new Xoshiro256(42), 3.2e12, 500_000);
    }

    @Test
    void sameNumbersOnAnotherGenerator() {
        sameDraws(new Well19937c(5), new Well19937c(5), 250e3, 500_000);
    }

    /** Uniforms from a generator with every bit pattern below 0.5 down to tiny ones: the halving count is exact. */
    @Test
    void sameNumbersForTinyUniforms() {
        double[] us = {0.5, 0.4999999999999999, 0.25, 0.1, 1e-3, 1e-9, Math.scalb(1.0, -53), Math.scalb(1.0, -63),
            Math.scalb(1.0, -64), Math.scalb(1.0, -70), 0.75, 0.999999, 0.6931471805599453, 0.693147180559945};
        for (double u : us) {
            sameDraws(new Fixed(u), new Fixed(u), 1e6, 3);
        }
    }

    @Test
    void rejectsANonPositiveMean() {
        assertThrows(IllegalArgumentException.class, () -> new ExactExponential(new Xoshiro256(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new ExactExponential(new Xoshiro256(1), Double.NaN));
    }

    /** Returns {@code first}, then uniforms from a seeded generator (the samplers draw nothing but doubles). */
    private static final class Fixed extends AbstractRandomGenerator {
        private final RandomGenerator rest = new Xoshiro256(3);
        private final double first;
        private boolean used;

        Fixed(double first) {
            this.first = first;
        }

        @Override
        public double nextDouble() {
            if (!used) {
                used = true;
                return first;
            }
            return rest.nextDouble();
        }

        @Override
        public void setSeed(long seed) {
            rest.setSeed(seed);
        }
    }
}
