package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
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
     * Which rate limit a function's rate throttles are is the run's record (summary.json's rateLimits), not a share
     * of its cap guessed from its traffic (it was: 80% of the cap or more was "request-rate" whether or not the cap
     * throttled). A reserved concurrency of 10 caps it at 100 a second: at 80 and 79 a second nothing is throttled,
     * so nothing is named, and at 150 a second the cap's throttles are the request rate.
     */
    @Test
    void theRecordNotTheShareOfTheCapNamesTheRateLimit() throws Exception {
        for (int perSecond : new int[] {80, 79, 150}) {
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
            boolean over = perSecond > 100;
            assertEquals(over, r.functions().get("pixel").invocations().rateLimited(
                    dev.enisim.model.RequestRateLimit.RESERVED) > 0, perSecond + " a second");
            assertEquals(over ? List.of("request-rate") : List.of(), Planner.limitsHit(r, s), perSecond + " a second");
            assertEquals(over, Planner.hitDetails(r, s).stream().anyMatch(d -> d.startsWith("request-rate: pixel: ")),
                    perSecond + " a second");
        }
    }
}
