package dev.enisim.workload;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.apache.commons.math3.util.FastMath;

/**
 * Commons Math's exponential sampler (Ahrens and Dieter's algorithm SA, {@code ExponentialDistribution.sample()}
 * in 3.6.1) redone to give the very same numbers, faster. The original halves-and-counts its uniform in a loop
 * (one unpredictable branch per halving) before its table test; here the count is the uniform's binary exponent
 * and the loop's sums come from a table built by the same additions, so every result is bit for bit the
 * original's (a test draws millions of both). Exponential durations are drawn at every arrival of the bench's
 * loss workload, so this is on the simulator's hottest path.
 */
final class ExactExponential {

    /** q_i = sum_{j=1..i} (ln 2)^j / j!, built exactly as Commons Math builds it, until it reaches 1. */
    private static final double[] QI;
    /** SUMS[k]: 0 plus q_1 added k times, one addition at a time (the original's running sum after k halvings). */
    private static final double[] SUMS = new double[64];
    /** 2^k: doubling k times is exact, so one multiplication by 2^k gives the same number. */
    private static final double[] POWERS = new double[64];

    static {
        double ln2 = FastMath.log(2);
        double[] q = new double[32];
        int n = 0;
        double qi = 0;
        for (int i = 1; qi < 1; i++) {
            qi += FastMath.pow(ln2, i) / CombinatoricsUtils.factorial(i);
            q[n++] = qi;
        }
        QI = java.util.Arrays.copyOf(q, n);
        double a = 0;
        for (int k = 0; k < SUMS.length; k++) {
            SUMS[k] = a;
            POWERS[k] = Math.scalb(1.0, k);
            a += QI[0];
        }
    }

    private final RandomGenerator random;
    private final double mean;

    /** Draws from {@code random} what {@code new ExponentialDistribution(random, mean).sample()} would. */
    ExactExponential(RandomGenerator random, double mean) {
        if (!(mean > 0)) {
            throw new IllegalArgumentException("an exponential's mean must be positive: " + mean);
        }
        this.random = random;
        this.mean = mean;
    }

    double sample() {
        double u = random.nextDouble();
        double a;
        // the original: while (u < 0.5) { a += q_1; u *= 2; } -- k halvings, k = -1 - exponent of u
        int k = -1 - Math.getExponent(u);
        if (k < SUMS.length) {
            a = SUMS[k];
            u *= POWERS[k];
        } else {
            // u below 2^-64 (never from a 53-bit generator): the original loop, as is
            a = 0;
            while (u < 0.5) {
                a += QI[0];
                u *= 2;
            }
        }
        u += u - 1;
        if (u <= QI[0]) {
            return mean * (a + u);
        }
        int i = 0;
        double u2 = random.nextDouble();
        double umin = u2;
        do {
            ++i;
            u2 = random.nextDouble();
            if (u2 < umin) {
                umin = u2;
            }
        } while (u > QI[i]);
        return mean * (a + umin * QI[0]);
    }
}
