package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.workload.DistributionSpec;
import org.junit.jupiter.api.Test;

/**
 * The teardown's figures that a PIT run on the teardown methods alone (session 44) found unpinned: the simulated
 * quantile between two finished waits, an uncapped log-normal's horizon, and the week a horizon falls back to when
 * the deletion time's quantile is not a number. No plan is run: each is a figure worked out by hand.
 */
class PlanTeardownQuantilesTest {

    private static final long MIN = 60_000_000L;

    /**
     * Three waits of 10, 20 and 40 min: the p99 lies 98% of the way from the second to the third, 39.6 (R's type 7).
     * The quantile test before used waits 1 apart, where a product and a quotient by the gap agree.
     */
    @Test
    void aQuantileBetweenTwoWaitsInterpolatesOverTheirGap() {
        assertEquals(39.6, Planner.quantile(new double[] {40, 10, 20}, 0.99), 1e-9);
        assertEquals(15, Planner.quantile(new double[] {40, 10, 20}, 0.25), 1e-9);
    }

    /**
     * Deletions of median 40 min and p99 3 h, uncapped, one ENI, one replication: the horizon is 50 min plus the
     * deletion time passed with a chance of 1 in 10,000, 40 min x exp(0.6465 x 3.7190) = 442.9 min (by hand); not the
     * week kept for a quantile that is not a number. The test before asked only for more than 12 hours.
     */
    @Test
    void anUncappedLogNormalsHorizonIsItsQuantileNotAWeek() {
        DistributionSpec d = new DistributionSpec.LogNormal(40 * MIN, 180 * MIN, Double.POSITIVE_INFINITY);
        assertEquals(492.9, Planner.teardownHorizonMicros(d, 1, 1) / (double) MIN, 0.05);
    }

    /**
     * 100,000 ENIs over 100 million replications: the quantile asked, (1 - 1e-12)^(1e-5), rounds to 1 in a double,
     * where an uncapped log-normal is infinite; the horizon is then 50 min and a week (without that fallback, 50
     * min plus Long.MAX_VALUE overflows to a negative horizon).
     */
    @Test
    void aQuantileThatIsNotANumberGivesAWeek() {
        DistributionSpec d = new DistributionSpec.LogNormal(40 * MIN, 180 * MIN, Double.POSITIVE_INFINITY);
        assertEquals(50 * MIN + 7 * 24 * 60 * MIN, Planner.teardownHorizonMicros(d, 100_000, 100_000_000));
    }
}
