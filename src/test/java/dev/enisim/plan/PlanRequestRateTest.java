package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The request-rate cap (10 x concurrency requests per second, FunctionInvocationRateLimitExceeded) has its own name
 * and lever: 0.5 ms invocations at 200/s under a concurrency limit of 10 (100 requests per second) need a concurrency
 * of 0.1, so no environment scaling holds them back.
 */
class PlanRequestRateTest {

    @Test
    void theRequestRateCapIsNotCalledScalingRate() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse("""
                name: rrc
                duration: 10m
                account: { concurrencyLimit: 10, unreservedMinimum: 0 }
                functions:
                  - name: pixel
                    existing: Active
                    duration: 0.5ms
                    arrivals: { poisson: 200/s }
                """, "rrc"), 1, line -> { }).plan();
        assertEquals(1.0, p.headroom().firstLimitAtMultiplier());
        assertTrue(p.headroom().limitsHit().contains("request-rate")
                && !p.headroom().limitsHit().contains("scaling-rate"), p.headroom().limitsHit().toString());
        assertTrue(p.headroom().firstLimitDetails().stream().anyMatch(d -> d.startsWith("request-rate: pixel: ")
                && d.contains("raise the concurrency quota")),
                p.headroom().firstLimitDetails().toString());
    }
    /**
     * Which rate limit a function's rate throttles are: its offered requests a second at 80% of its cap or more are
     * the request rate. A reserved concurrency of 10 caps it at 100 a second: 80 a second exactly (4,800 calls in a
     * minute) is at the request rate, 79 a second is not. The run needs no throttle: the name is the rate's.
     */
    @Test
    void exactlyEightyPercentOfTheRequestCapIsTheRequestRate() throws Exception {
        for (int perSecond : new int[] {80, 79}) {
            dev.enisim.scenario.Scenario s = ScenarioLoader.parse("""
                    name: edge
                    seed: 1
                    duration: 1m
                    account: { concurrencyLimit: 1000, unreservedMinimum: 0 }
                    functions:
                      - { name: pixel, existing: Active, reservedConcurrency: 10, initDuration: 0s, duration: 0.5ms,
                          arrivals: { constant: %d/s } }
                    """.formatted(perSecond), "edge");
            dev.enisim.metrics.RunSummary r = new dev.enisim.run.Simulation(s, 0).run().summary();
            assertEquals(60L * perSecond, r.invocations().total(), "the run this test is made of");
            assertEquals(perSecond == 80 ? "request-rate" : "scaling-rate", Planner.rateLimit(s, r, "pixel"),
                    perSecond + " a second");
        }
    }
}
