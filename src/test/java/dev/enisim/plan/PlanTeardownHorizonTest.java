package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.workload.DistributionSpec;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * How long each teardown replication runs on after the deletions ({@link Planner#teardownHorizonMicros}), for each
 * family of deletion time a scenario can give: 50 minutes plus the time the longest of k deletions passes with a
 * chance of 1e-4 over all the replications (its q-quantile, q = (1 - 1e-4 / replications)^(1/k)), or the cap.
 */
class PlanTeardownHorizonTest {

    private static final long MIN = 60_000_000L;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static double q(int k, int replications) {
        return Math.pow(1 - 1e-4 / replications, 1.0 / k);
    }

    private static long horizon(double tailMicros) {
        return 50 * MIN + (long) Math.ceil(tailMicros);
    }

    @Test
    void anExponentialDeletionTimeRunsToItsTailQuantile() {
        double q = q(5, 10);
        assertEquals(horizon(-10 * MIN * Math.log(1 - q)),
                Planner.teardownHorizonMicros(new DistributionSpec.Exponential(10 * MIN, INF), 5, 10));
        assertEquals(50 * MIN + 30 * MIN,
                Planner.teardownHorizonMicros(new DistributionSpec.Exponential(10 * MIN, 30 * MIN), 5, 10),
                "its cap is nearer");
    }

    @Test
    void moreEnisOrMoreReplicationsRunLonger() {
        DistributionSpec d = new DistributionSpec.Exponential(10 * MIN, INF);
        long one = Planner.teardownHorizonMicros(d, 1, 1);
        assertEquals(horizon(-10 * MIN * Math.log(1e-4)), one);
        assertEquals(horizon(-10 * MIN * Math.log(1 - q(20, 1))), Planner.teardownHorizonMicros(d, 20, 1));
        assertEquals(horizon(-10 * MIN * Math.log(1 - q(1, 20))), Planner.teardownHorizonMicros(d, 1, 20));
    }

    @Test
    void aUniformDeletionTimeRunsToItsHighEnd() {
        assertEquals(50 * MIN + 5 * MIN,
                Planner.teardownHorizonMicros(new DistributionSpec.Uniform(MIN, 5 * MIN, INF), 7, 3));
    }

    /**
     * Its q-quantile as the sampler draws it, truncated at zero: the untruncated (1 - (1 - q) P(X > 0))-quantile
     * (mean 5 standard deviations above 0: 8 microseconds past the untruncated q-quantile this case expected before).
     */
    @Test
    void aNormalDeletionTimeRunsToItsTailQuantile() {
        NormalDistribution n = new NormalDistribution();
        double z = n.inverseCumulativeProbability(1 - (1 - q(4, 2)) * n.cumulativeProbability(5));
        assertEquals(horizon(10 * MIN + 2 * MIN * z),
                Planner.teardownHorizonMicros(new DistributionSpec.Normal(10 * MIN, 2 * MIN, INF), 4, 2));
    }

    /**
     * A normal deletion time is truncated at zero (the sampler draws a negative value again), so its tail past x is
     * the untruncated one over P(X > 0). Mean 1 min beside a standard deviation of 10 (P(X > 0) = 0.54): the longest
     * of 5 deletions passes the horizon in one of 20 replications with the chance of 1 in 10,000 the plan intends;
     * the untruncated quantile it took gave 1.85 in 10,000.
     */
    @Test
    void aNormalDeletionTimeTruncatedAtZeroGivesTheIntendedChanceOfACutReplication() {
        DistributionSpec.Normal d = new DistributionSpec.Normal(MIN, 10 * MIN, INF);
        int k = 5;
        int replications = 20;
        double x = Planner.teardownHorizonMicros(d, k, replications) - 50 * MIN;
        NormalDistribution z = new NormalDistribution();
        double tail = z.cumulativeProbability(-(x - MIN) / (10 * MIN)) / z.cumulativeProbability(0.1);
        double chance = -Math.expm1(k * replications * Math.log1p(-tail));
        assertEquals(1e-4, chance, 1e-7, "the chance that some replication is cut short");
    }

    /** A normal of no spread: its mean, as the sampler draws it. */
    @Test
    void aNormalOfNoSpreadRunsToItsMean() {
        assertEquals(50 * MIN + 10 * MIN, Planner.teardownHorizonMicros(new DistributionSpec.Normal(10 * MIN, 0, INF),
                4, 2));
    }

    @Test
    void aShiftedLogNormalRunsToItsTailQuantile() {
        DistributionSpec.ShiftedLogNormal d = new DistributionSpec.ShiftedLogNormal("deletion", 5 * MIN,
                Math.log(3 * MIN), 0.5, INF);
        double z = new NormalDistribution().inverseCumulativeProbability(q(3, 4));
        assertEquals(horizon(5 * MIN + Math.exp(Math.log(3 * MIN) + 0.5 * z)), Planner.teardownHorizonMicros(d, 3, 4));
    }

    /** A sum's tail: each part at half the chance (P(X + Y > a + b) <= P(X > a) + P(Y > b)). */
    @Test
    void aSumRunsToItsPartsTailsAtHalfTheChanceEach() {
        double q = q(2, 5);
        double each = 1 - (1 - q) / 2;
        DistributionSpec d = new DistributionSpec.Sum(new DistributionSpec.Exponential(10 * MIN, INF),
                new DistributionSpec.Constant(5 * MIN, INF), INF);
        assertEquals(horizon(-10 * MIN * Math.log(1 - each) + 5 * MIN), Planner.teardownHorizonMicros(d, 2, 5));
    }
}
