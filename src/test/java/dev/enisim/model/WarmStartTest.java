package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link WarmStart}: the idle environments an existing Active function has at time 0, the expected pool a steady run
 * of its traffic keeps under the keep-alive (most-recently-used routing, M/G/infinity occupancy).
 */
class WarmStartTest {

    /**
     * enisim's own measurement (scenarios/README.md, "What warm routing changes": 1 request/s of exponential 2 s
     * invocations, keepAlive 60 s, 24 h, 10 replications): 6.293 mean environments. The sum may stand above it
     * (clustered upcrossings are not discounted) by at most 6%, never below it.
     */
    @Test
    void itIsThePoolASteadyRunKeeps() {
        double expected = WarmStart.expected(1, 2, 60, 0, 1000);
        assertTrue(expected >= 6.293 && expected <= 6.293 * 1.06, "expected pool " + expected);
        assertEquals(7, WarmStart.environments(1, 2, 60, 0, 1000));
    }

    /**
     * Every level below the usual occupancy is there (the occupancy stays above it), so the pool is at least the mean
     * concurrency A = lambda E[D]: 1,409/s of 120 ms (A = 169, an imported account's busiest function) keeps about
     * A + 5 standard deviations over a 10-minute keep-alive. The first version summed the upcrossings alone and
     * gave 120, below A: a storm of cold starts at the start of every run.
     */
    @Test
    void aBusyFunctionKeepsMoreThanItsMeanConcurrency() {
        assertFiveSigmasOver(1409, 0.12, WarmStart.environments(1409, 0.12, 600, 0, 1000));
    }

    /** A function invoked m times a keep-alive, each briefly, keeps one environment with chance 1 - exp(-m). */
    @Test
    void aRarelyInvokedFunctionKeepsOneWhenInvokedWithinTheKeepAlive() {
        assertEquals(1 - Math.exp(-6), WarmStart.expected(0.01, 0.0001, 600, 0, 1000), 1e-3);
        assertEquals(1, WarmStart.environments(0.01, 0.0001, 600, 0, 1000));
        assertEquals(0, WarmStart.environments(0.001, 0.0001, 600, 0, 1000), "0.6 invocations a keep-alive");
    }

    @Test
    void noTrafficOrNoKeepAliveKeepsNone() {
        assertEquals(0, WarmStart.environments(0, 0.2, 600, 0, 1000));
        assertEquals(0, WarmStart.environments(50, 0.2, 0, 0, 1000));
    }

    /** Levels its provisioned environments serve need no on-demand one; the total is capped. */
    @Test
    void provisionedConcurrencyAndTheCapTakeTheirShare() {
        int all = WarmStart.environments(50, 0.2, 600, 0, 1000);
        assertEquals(26, all, "50/s of 200 ms: A = 10");
        assertEquals(all - 5, WarmStart.environments(50, 0.2, 600, 5, 1000), "levels 1..5 are provisioned");
        assertEquals(12, WarmStart.environments(50, 0.2, 600, 0, 12), "reserved concurrency 12");
        assertEquals(7, WarmStart.environments(50, 0.2, 600, 5, 12));
        assertEquals(0, WarmStart.environments(50, 0.2, 600, 12, 12));
    }

    /** A mean concurrency past exp's range (A = 20,000: exp(-A) underflows) is summed in logs. */
    @Test
    void aHugeLoadDoesNotUnderflow() {
        assertFiveSigmasOver(100_000, 0.2, WarmStart.environments(100_000, 0.2, 600, 0, 100_000));
    }

    /**
     * A long keep-alive's pool for {@code perSecond} invocations of {@code seconds}: between A + 4 and A + 6 standard
     * deviations of the M/G/inf occupancy (Poisson, mean and variance A = lambda E[D]).
     */
    private static void assertFiveSigmasOver(double perSecond, double seconds, int environments) {
        double a = perSecond * seconds;
        assertTrue(environments > a + 4 * Math.sqrt(a) && environments < a + 6 * Math.sqrt(a),
                environments + " environments for A = " + a);
    }
}
