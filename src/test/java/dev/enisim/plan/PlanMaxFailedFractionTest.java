package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Under {@code plan --max-failed-fraction} a limit counts when its failures are more than that fraction of the run's
 * invocations ({@link Planner#material}): every kind of failure that limit causes is counted, not only the commonest
 * one. One run of a minute or two each.
 */
class PlanMaxFailedFractionTest {

    /** A reserved concurrency of 10 (100 requests a second) offered 200 a second, a minute. */
    private static final String RSV = """
            name: rsv
            seed: 1
            duration: 1m
            account: { concurrencyLimit: 1000, unreservedMinimum: 0 }
            functions:
              - { name: pixel, existing: Active, reservedConcurrency: 10, initDuration: 0s, duration: 0.5ms,
                  arrivals: { poisson: 200/s } }
            """;

    private static RunSummary run(Scenario s) {
        return new Simulation(s, 0).run().summary();
    }

    /**
     * A function with a reserved concurrency of 10 (100 requests a second) offered 200 a second: its 5,842 throttles
     * of 11,941 (49%) are all ReservedFunctionInvocationRateLimitExceeded, the request rate's reason for a function
     * with reserved concurrency. They count over a threshold of 40%, not over one of 50%.
     */
    @Test
    void aReservedFunctionsRateThrottlesCountAgainstTheFraction() throws Exception {
        Scenario s = ScenarioLoader.parse(RSV, "rsv");
        RunSummary r = run(s);
        assertEquals(5_842, r.invocations().throttleReasons().get("ReservedFunctionInvocationRateLimitExceeded"),
                "the run this test is made of");
        assertEquals(0, r.invocations().throttleReasons().get("FunctionInvocationRateLimitExceeded"));
        assertEquals(List.of("request-rate"), Planner.limitsHit(r, s));
        assertEquals(List.of("request-rate"), Planner.material(List.of("request-rate"), r, s, 0.4));
        assertEquals(List.of(), Planner.material(List.of("request-rate"), r, s, 0.5));
    }

    /**
     * Connections refused on the ENI (374, NoFreePortOnEni) and at the NAT gateway (86, ErrorPortAllocation) are one
     * limit: 460 of 957 calls (48%) count over a threshold of 40%, though the ENI's alone (39%) would not.
     */
    @Test
    void bothKindsOfConnectionRefusalCountAgainstTheFraction() throws Exception {
        Scenario s = ScenarioLoader.parse(PlanHitDetailsTest.NAT_AND_ENI, "nat");
        RunSummary r = run(s);
        assertEquals(957, r.invocations().total(), "the run this test is made of");
        assertEquals(List.of("connections"), Planner.material(List.of("connections"), r, s, 0.4));
        assertEquals(List.of(), Planner.material(List.of("connections"), r, s, 0.5));
    }
    /**
     * Failures at most the fraction do not count: the 5,842 throttles of 11,941 calls at exactly their own fraction
     * of the run are within it.
     */
    @Test
    void failuresOfExactlyTheFractionAreWithinIt() throws Exception {
        Scenario s = ScenarioLoader.parse(RSV, "rsv");
        RunSummary r = run(s);
        double exact = 5_842.0 / 11_941;
        assertEquals(5_842.0, exact * r.invocations().total(), "the fraction this test is made of");
        assertEquals(List.of(), Planner.material(List.of("request-rate"), r, s, exact));
    }
}
