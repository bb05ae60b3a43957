package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.JournalEntry;
import dev.enisim.metrics.Metric;
import dev.enisim.report.PlanReport;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A journal spell whose failures straddle the warm-up's end is split by the time series, which does not tell
 * throttles apart by reason. An existing function with reserved concurrency 12 ramps against the scaling rate (5
 * environments per 10 s: 302 ReservedFunctionInvocationRateLimitExceeded in its first 14 s), is held to 12 at 30/s
 * for 4 minutes (4,139 ReservedFunctionConcurrentInvocationLimitExceeded), then at 6/s is throttled now and then
 * (71 more, after the warm-up). The concurrency spell straddles the warm-up's end; the buckets wholly inside it held
 * 4,441 throttles, the ramp's 302 among them, and the split gave the spell all of them it could: 4,210 of 4,210,
 * "all in the warm-up", and the plan said the scenario as it is did not fail. The other entries' failures on the
 * same series are now taken out of those buckets, and a straddling spell keeps at least its last failure after the
 * warm-up.
 */
class PlanWarmUpStraddleTest {

    static final String SCENARIO = """
            name: straddle
            seed: 1
            duration: 20m
            bucket: 1m
            scaling: { newEnvironmentsPer10s: 5 }
            functions:
              - name: f
                existing: Active
                reservedConcurrency: 12
                initDuration: 0s
                duration: 1s
                arrivals: { schedule: { phases: [ { rate: 30/s, for: 4m }, { rate: 6/s, for: 16m } ] } }
            """;

    private static final String CONCURRENCY = "throttle:ReservedFunctionConcurrentInvocationLimitExceeded";
    private static final String RATE = "throttle:ReservedFunctionInvocationRateLimitExceeded";

    @Test
    void theRampsThrottlesAreNotTakenForTheSpellThatWentOn() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(SCENARIO, "straddle.yaml"), 0).run();
        long concurrency = r.summary().invocations().throttleReasons().get(
                "ReservedFunctionConcurrentInvocationLimitExceeded");
        long rate = r.summary().invocations().throttleReasons().get("ReservedFunctionInvocationRateLimitExceeded");
        assertEquals(4_210, concurrency);
        assertEquals(302, rate);
        // the run as the test reads it: the rate's spell all in the first 14 s, the concurrency's from 14 s to 19 min
        List<JournalEntry> spells = r.journal().stream().filter(e -> e.kind() == JournalEntry.Kind.INVOCATIONS
                && e.state().startsWith("THROTTLED")).toList();
        assertEquals(2, spells.size(), spells.toString());
        assertTrue(spells.get(0).lastMicros() < 60_000_000L && spells.get(1).atMicros() < 60_000_000L
                && spells.get(1).lastMicros() > 300_000_000L, spells.toString());
        long[] throttles = r.timeSeries().get(Metric.THROTTLES, Metric.Scope.FUNCTION, "f").values();
        long firstFive = 0;
        for (int b = 0; b < 5; b++) {
            firstFive += throttles[b];
        }
        Planner.WarmCounts warm = Planner.warmCounts(r, Planner.DEFAULT_WARM_UP_MICROS);
        assertEquals(rate, warm.byKind().get(RATE), "all inside the warm-up: counted exactly");
        assertEquals(firstFive - rate, warm.byKind().get(CONCURRENCY), "the first five buckets less the ramp's");
        assertEquals(71, concurrency - warm.byKind().get(CONCURRENCY), "after the warm-up");
        List<String> lines = Planner.failsAsIs(r, Planner.DEFAULT_WARM_UP_MICROS);
        assertFalse(lines.get(0).contains("all in the warm-up"), lines.toString());
        assertTrue(lines.get(1).contains("all in the warm-up"), lines.toString());
    }

    @Test
    void theScenarioAsItIsFailsAfterTheWarmUp() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse(SCENARIO, "straddle.yaml"), 1, line -> { }).plan();
        assertEquals(List.of("71 invocations (0.55% of 12,866) throttled (TooManyRequestsException,"
                + " ReservedFunctionConcurrentInvocationLimitExceeded), of f; 4,139 more in the warm-up, not counted"),
                p.failsAsIs(), PlanReport.text(p));
        assertTrue(PlanReport.text(p).contains("already fails"), PlanReport.text(p));
    }
}
