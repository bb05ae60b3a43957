package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function saved Failed ({@code existing: Failed}, SubnetOutOfIPAddresses) met no limit of the run: each of
 * {@link Planner}'s readings of a run leaves it out on its own ({@link Planner#limitsHit}, {@link Planner#hitDetails},
 * {@link Planner#material}, {@link Planner#limitsAfterWarmUp}), though its every invocation fails with
 * SubnetIPAddressLimitReachedException and it ends Failed by that reason. The plan's answers held before this test
 * because the readings cover for each other (PlanExistingFailedTest); here each is read alone, and beside it the
 * same run read without the scenario (no function known to have started Failed) counts broke, so the figures are
 * not empty by chance. Last, limitsHit's rate names: each once, both when a function is throttled by a cap and the
 * scaling rate. Runs of up to 3 minutes, about a second
 * each (reports/mutation/README.md, "plan, 7 December 2026, session 60": the survivors these kill).
 */
class PlanStartedFailedLimitsTest {

    /** broke, saved Failed for want of IPs on f's subnet and group, called once a second. */
    private static final String BROKE = "  - { name: broke, existing: Failed, stateReasonCode: SubnetOutOfIPAddresses,"
            + " vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] }, duration: 100ms, arrivals: { poisson: 1/s } }\n";

    private static RunResult run(String yaml) throws Exception {
        return new Simulation(ScenarioLoader.parse(yaml, "lim"), 0).run();
    }

    @Test
    void aRunWhoseOnlyFailuresAreASavedFailedFunctionsHitNoLimit() throws Exception {
        // f alone, one call a second on a subnet with room: no limit of its own
        RunResult res = run(PlanLimitsAfterWarmUpTest.vpcRun("2s", "", "10.1.0.0/24", "{ constant: 1/s }") + BROKE);
        Scenario s = res.scenario();
        assertTrue(res.summary().functions().get("broke").invocations().errors()
                .getOrDefault("SubnetIPAddressLimitReachedException", 0L) > 100, res.summary().toString());
        assertEquals(List.of(), Planner.limitsHit(res.summary(), s), "its errors and its reason left out");
        assertEquals(List.of("IP"), Planner.limitsHit(res.summary(), null), "read without the scenario");
        List<String> details = Planner.hitDetails(res.summary(), s);
        assertTrue(details.stream().noneMatch(d -> d.contains("broke")), details.toString());
        assertTrue(Planner.hitDetails(res.summary(), null).stream().anyMatch(d -> d.startsWith("IP: broke: ")),
                Planner.hitDetails(res.summary(), null).toString());
    }

    @Test
    void aSavedFailedFunctionMakesNoLimitMaterialNorKeepsItAfterTheWarmUp() throws Exception {
        // f's scale-out meets the full /28 in the warm-up only, a few of its calls failing (IP hit, but not material)
        RunResult res = run(PlanLimitsAfterWarmUpTest.vpcRun("2s", "", "10.1.0.0/28, otherUsedIps: 10",
                PlanLimitsAfterWarmUpTest.EARLY) + BROKE);
        Scenario s = res.scenario();
        List<String> hit = Planner.limitsHit(res.summary(), s);
        assertEquals(List.of("IP"), hit, "f's own failures");
        assertEquals(List.of(), Planner.limitsAfterWarmUp(res, PlanLimitsAfterWarmUpTest.WARM_UP),
                "f's failures all in the warm-up, broke's reason not a limit met after it");
        assertEquals(List.of(), Planner.material(hit, res.summary(), s, 0.5), "f's failures under half its calls");
        assertEquals(List.of("IP"), Planner.material(hit, res.summary(), null, 0.5),
                "read without the scenario, broke ends Failed by it");
    }

    /**
     * Two functions throttled by one rate limit (the scaling rate: 100 environments every 10 s each, 4,500 requests/s
     * of 100 ms at once) name it once (a survivor of the same run: the list said it once per function).
     */
    @Test
    void aLimitTwoFunctionsHitIsNamedOnce() throws Exception {
        RunResult res = run("""
                name: two
                seed: 1
                duration: 30s
                bucket: 10s
                account: { concurrencyLimit: 1100, unreservedMinimum: 0 }
                scaling: { newEnvironmentsPer10s: 100 }
                functions:
                  - { name: surge, existing: Active, initDuration: 0s, duration: 100ms, arrivals: { constant: 4500/s } }
                  - { name: swell, existing: Active, initDuration: 0s, duration: 100ms, arrivals: { constant: 4500/s } }
                """);
        res.summary().functions().forEach((name, f) -> assertTrue(f.invocations().throttleReasons()
                .getOrDefault("FunctionInvocationRateLimitExceeded", 0L) > 0, name + ": " + f.invocations()));
        assertEquals(List.of("scaling-rate"), Planner.limitsHit(res.summary(), res.scenario()));
    }

    /**
     * A function whose rate throttles are split between two limits of the two names (10 x its provisioned concurrency
     * of 5 = 50 requests/s passed at 200/s, and its environments added 2 every 10 s meanwhile) names both, and each
     * once when a function before it, {@code surge}, is throttled by the scaling rate alone.
     */
    @Test
    void aFunctionThrottledByACapAndTheScalingRateNamesBoth() throws Exception {
        String pixel = "  - { name: pixel, provisionedConcurrency: 5, initDuration: 0s, duration: 100ms,"
                + " arrivals: { constant: 200/s } }\n";
        String surge = "  - { name: surge, initDuration: 0s, duration: 100ms, arrivals: { constant: 200/s } }\n";
        String head = "name: both\nseed: 1\nduration: 30s\nbucket: 10s\nscaling: { newEnvironmentsPer10s: 2 }\n"
                + "functions:\n";
        RunResult alone = run(head + pixel);
        dev.enisim.metrics.RunSummary.Invocations inv = alone.summary().functions().get("pixel").invocations();
        assertTrue(inv.rateLimited(dev.enisim.model.RequestRateLimit.PROVISIONED) > 0
                && inv.rateLimited(dev.enisim.model.RequestRateLimit.SCALING) > 0, inv.rateLimits().toString());
        assertEquals(List.of("request-rate", "scaling-rate"), Planner.limitsHit(alone.summary(), alone.scenario()));
        RunResult after = run(head + surge + pixel);
        assertEquals(List.of("scaling-rate", "request-rate"), Planner.limitsHit(after.summary(), after.scenario()));
    }
}
