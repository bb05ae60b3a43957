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
}
