package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.metrics.RunSummary;
import dev.enisim.scenario.ScenarioLoader;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Every rate throttle is told with the limit that refused it, once: over random accounts, scaling rules and traffic
 * (a function with reserved concurrency, one with provisioned concurrency under either reading of its cap), the
 * summary's {@code rateLimits} sum, for the run and for each function, to its FunctionInvocationRateLimitExceeded and
 * ReservedFunctionInvocationRateLimitExceeded throttles, and are left out (empty) exactly when there are none.
 */
class RateLimitCountsProperties {

    @Property(tries = 25)
    void theLimitsCountEveryRateThrottleOnce(@ForAll @IntRange(min = 5, max = 2000) int limit,
            @ForAll boolean legacy, @ForAll @IntRange(min = 10, max = 1000) int newEnvironments,
            @ForAll @IntRange(min = 0, max = 40) int reserved, @ForAll @IntRange(min = 0, max = 10) int provisioned,
            @ForAll boolean provisionedOnly, @ForAll @IntRange(min = 50, max = 15000) int rateA,
            @ForAll @IntRange(min = 50, max = 15000) int rateB, @ForAll @IntRange(min = 1, max = 2000) int tenthsMs,
            @ForAll @IntRange(min = 0, max = 1 << 20) int seed) throws Exception {
        int rc = Math.min(reserved, limit / 2);
        int pc = Math.min(provisioned, (limit - rc) / 2);
        String yaml = String.format(Locale.ROOT, """
                name: props
                seed: %d
                duration: 5s
                bucket: 5s
                account: { concurrencyLimit: %d, unreservedMinimum: 0 }
                scaling: { model: %s, newEnvironmentsPer10s: %d,
                           provisionedConcurrency: { requestRateCap: %s } }
                functions:
                  - { name: a, existing: Active, initDuration: 0s, duration: %.1fms, %s arrivals: { poisson: %d/s } }
                  - { name: b, existing: Active, initDuration: 0s, duration: 5ms, %s arrivals: { poisson: %d/s } }
                """, seed, limit, legacy ? "legacy-burst" : "per-function", newEnvironments,
                provisionedOnly ? "provisionedOnly" : "allRequests", tenthsMs / 10.0,
                rc > 0 ? "reservedConcurrency: " + rc + "," : "", rateA,
                pc > 0 ? "provisionedConcurrency: " + pc + "," : "", rateB);
        RunSummary s = new Simulation(ScenarioLoader.parse(yaml, "props"), 0).run().summary();
        sums(s.invocations(), "the run\n" + yaml);
        s.functions().forEach((name, f) -> sums(f.invocations(), name + "\n" + yaml));
    }

    private static void sums(RunSummary.Invocations inv, String what) {
        long rate = inv.throttleReasons().get("FunctionInvocationRateLimitExceeded")
                + inv.throttleReasons().get("ReservedFunctionInvocationRateLimitExceeded");
        long told = inv.rateLimits().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(rate, told, what + inv.rateLimits());
        assertEquals(rate == 0, inv.rateLimits().isEmpty(), what);
    }
}
