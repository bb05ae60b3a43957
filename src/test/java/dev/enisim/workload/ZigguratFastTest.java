package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.random.RowStream;
import dev.enisim.random.Xoshiro256;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/**
 * The fast path read off Commons RNG's ziggurats draws what the samplers draw, and covers the regions it should
 * (a table read wrong, or no fast region at all, would still draw the right numbers, only through the sampler:
 * these pin the regions themselves).
 */
class ZigguratFastTest {

    @Test
    void fastRegionsAreAllButTheZigguratsEdges() {
        // Commons RNG 1.7: 252 of the exponential's 256 regions, 253 of the Gaussian's
        assertEquals(252, ZigguratFast.EXP_FAST);
        assertEquals(253, ZigguratFast.GAUSS_FAST);
    }

    @Test
    void theFastPathDrawsWhatTheSamplersDraw() {
        Xoshiro256 mine = new Xoshiro256(42);
        Xoshiro256 theirs = new Xoshiro256(42);
        ContinuousSampler exponential = ZigguratSampler.Exponential.of(theirs);
        ContinuousSampler gaussian = ZigguratSampler.NormalizedGaussian.of(theirs);
        int fastExp = 0;
        int fastGauss = 0;
        for (int n = 0; n < 200_000; n++) {
            boolean exp = n % 2 == 0;
            long z = peek(mine);
            int i = (int) z & 0xff;
            double expected = exp ? exponential.sample() : gaussian.sample();
            if (exp && i < ZigguratFast.EXP_FAST) {
                mine.nextLong();
                assertEquals(expected, ZigguratFast.EXP_X[i] * (z >>> 1), "z " + z);
                fastExp++;
            } else if (!exp && i < ZigguratFast.GAUSS_FAST) {
                mine.nextLong();
                assertEquals(expected, ZigguratFast.GAUSS_X[i] * z, "z " + z);
                fastGauss++;
            } else {
                // an edge: the sampler drew more than one value; draw the same on this side through a sampler
                ContinuousSampler again = exp ? ZigguratSampler.Exponential.of(mine)
                        : ZigguratSampler.NormalizedGaussian.of(mine);
                assertEquals(expected, again.sample());
            }
        }
        // the edges are rare: 4 and 3 regions of 256
        assertEquals(100_000 * 252 / 256.0, fastExp, 500);
        assertEquals(100_000 * 253 / 256.0, fastGauss, 500);
    }

    /** The next value of {@code stream}, without moving it (drawn from a copy of its words). */
    private static long peek(Xoshiro256 stream) {
        long[] w = new long[4];
        stream.copyWords(w, 0);
        return RowStream.peek(w, 0);
    }
}
