package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The idle probe runs the function as configured: one with provisioned concurrency stays Active (the default
 * {@code scaling.provisionedConcurrency.keepsFunctionActive}), as the run keeps it, while one without goes Inactive.
 */
class PlanIdleProvisionedTest {

    /** A function of 128 MB (the default) without provisioned concurrency. */
    private static final String PLAIN = """
              - name: plain
                existing: Active
                vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-b] }
                duration: 100ms
                arrivals: { constant: 1/m }
            """;

    @Test
    void provisionedConcurrencyKeepsTheFunctionActiveInTheIdleProbe() throws Exception {
        Plan p = plan("""
                  - name: provisioned
                    existing: Active
                    reservedConcurrency: 10
                    provisionedConcurrency: 2
                    vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-b] }
                    duration: 100ms
                    arrivals: { constant: 1/m }
                """ + PLAIN);
        Plan.IdleAdvice pc = p.idle().get(0);
        assertEquals("provisioned", pc.function());
        assertFalse(pc.failsAfterLongerQuiet(), "provisioned concurrency keeps it Active, as in the run");
        assertTrue(pc.passesAfterShorterQuiet());
        Plan.IdleAdvice plain = p.idle().get(1);
        assertTrue(plain.failsAfterLongerQuiet(), "without provisioned concurrency it goes Inactive");
        assertEquals(7200, plain.longestQuietSeconds());
        assertEquals(3600, plain.keepWarmEverySeconds(), "half the idle rule's 2 h");
        // a ping every hour: 720 in 30 days, each a request of 1 ms at 128 MB and, an hour outlasting the 10-minute
        // keep-alive, a cold start whose mean INIT is billed (prices.billInit)
        dev.enisim.scenario.Scenario.Function fn = scenario(PLAIN).functions().stream()
                .filter(x -> x.name().equals(plain.function())).findFirst().orElseThrow();
        double init = Math.min(fn.initDuration().mean(), fn.initDuration().max()) / 1e6;
        double onePing = dev.enisim.metrics.CostEstimate.keepWarmPerMonth(scenario(PLAIN).prices(), 128, "x86_64",
                30 * 86_400, 600, init);
        assertEquals(720 * onePing, plain.keepWarmCostPerMonth(), 1e-12);
        assertTrue(plain.keepWarmCostPerMonth() > 720 * (0.2e-6 + 0.125 * init * 0.0000166667), "its INIT billed");
        String text = PlanReport.text(p);
        assertTrue(text.contains("provisioned              stays Active"), text);
        assertFalse(text.contains("DOES NOT FAIL"), text);
    }

    /**
     * A function that starts Inactive (an imported one reclaimed while idle) fails its first call whatever the
     * quiet period: the probe judges only the call after the quiet period. The import example's audit-export read
     * "FAILS (!) after a shorter" quiet period.
     */
    @Test
    void aFunctionThatStartsInactiveIsJudgedByTheCallAfterTheQuietPeriod() throws Exception {
        Plan p = plan("""
                  - name: asleep
                    existing: Inactive
                    vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-b] }
                    duration: 100ms
                    arrivals: { constant: 1/m }
                """);
        Plan.IdleAdvice a = p.idle().get(0);
        assertEquals("asleep", a.function());
        assertTrue(a.passesAfterShorterQuiet(), "awake after its first call, it succeeds after a shorter quiet");
        assertTrue(a.failsAfterLongerQuiet(), "and fails after a longer one");
        assertFalse(PlanReport.text(p).contains("FAILS (!)"), PlanReport.text(p));
    }

    /** The plan of one subnet's functions ({@code functions}: the scenario's list) with a 2 h idle reclaim. */
    private static Plan plan(String functions) throws Exception {
        return new Planner(scenario(functions), 1, line -> { }).plan();
    }

    private static dev.enisim.scenario.Scenario scenario(String functions) throws Exception {
        return ScenarioLoader.parse("""
                name: idle
                duration: 5m
                hyperplane: { idleReclaimAfter: 2h }
                vpcs:
                  - id: v
                    subnets:
                      - { id: s1, cidr: 10.1.0.0/24, az: a }
                    securityGroups: [sg-b]
                functions:
                """ + functions, "idle");
    }
}
