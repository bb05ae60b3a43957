package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A FinOps review: plan's keep-warm cost priced each ping as a warm 1 ms request, but a ping every half the idle rule
 * comes after far more idle than the keep-alive (7 days against 10 minutes by default): each is a cold start, whose
 * INIT AWS bills (prices.billInit). "$0.000001083 a month" was about 30 times too low. Each ping is priced with its
 * function's mean INIT when it outlasts the keep-alive; the terminal says once what the figure covers, and with
 * provisioned concurrency that its cost is in the run's estimate, not here.
 */
class PlanKeepWarmColdPingTest {

    /** A 45 s idle rule: a ping every 22.5 s, 115,200 in 30 days; f has 1 GB and a 1 s INIT. */
    private static Plan plan(String keepAlive, String prices, String more) throws Exception {
        Scenario s = ScenarioLoader.parse(PlanIdleShortRuleTest.idleScenario("idle", "45s", "10.1.0.0/28", "sg-1", """
                  - { name: f, existing: Active, memoryMb: 1024, initDuration: 1s,
                      vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] },
                      duration: 100ms, arrivals: { poisson: 1/s } }
                """ + more) + "scaling: { keepAlive: " + keepAlive + " }\n" + prices, "idle");
        return new Planner(s, 1, line -> { }).warmUp(30_000_000L).plan();
    }

    private static double perMonth(Plan p) {
        return p.idle().stream().filter(i -> i.function().equals("f")).findFirst().orElseThrow()
                .keepWarmCostPerMonth();
    }

    /** 115,200 pings, each $0.20 per million and 1 GB x (1 s INIT + 1 ms) at $0.0000166667 per GB-s. */
    @Test
    void aPingAfterTheKeepAliveIsAColdStartWithItsInitBilled() throws Exception {
        Plan p = plan("10s", "", "");
        assertEquals(115_200 * (0.2e-6 + 1.001 * 0.0000166667), perMonth(p), 1e-9);
        String text = PlanReport.text(p);
        assertTrue(text.contains("   (keep-warm cost: a ping every 22.5 s for 30 days at us-east-1 list prices of"
                + " 2026-11-30, each a billed request running 1 ms [assumed] and a cold start (22.5 s idle outlasts the"
                + " 10s keep-alive, scaling.keepAlive), its INIT billed too (prices.billInit) at the function's mean"
                + " init time)\n"), text);
    }

    @Test
    void aWarmPingOrAnUnbilledInitIsTheRequestAndAMillisecond() throws Exception {
        double warm = 115_200 * (0.2e-6 + 0.001 * 0.0000166667);
        Plan p = plan("1m", "", "");
        assertEquals(warm, perMonth(p), 1e-9);
        assertTrue(PlanReport.text(p).contains("on a warm environment (the 1m keep-alive, scaling.keepAlive, outlasts"
                + " the idle)"), PlanReport.text(p));
        Plan unbilled = plan("10s", "prices: { billInit: false }\n", "");
        assertEquals(warm, perMonth(unbilled), 1e-9);
        assertTrue(PlanReport.text(unbilled).contains("its INIT not billed (prices.billInit: false))"),
                PlanReport.text(unbilled));
    }

    @Test
    void provisionedConcurrencysCostIsSaidToBeTheRunsNotThePlans() throws Exception {
        Plan p = plan("10s", "", """
                  - { name: g, existing: Active, provisionedConcurrency: 1,
                      vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] },
                      duration: 100ms, arrivals: { poisson: 1/s } }
                """);
        assertTrue(PlanReport.text(p).contains("; provisioned concurrency's own cost is not in these figures: it is in"
                + " the run's estimate (enisim run's cost line, summary.json's cost.provisioned))\n"),
                PlanReport.text(p));
        assertTrue(!PlanReport.text(plan("10s", "", "")).contains("provisioned concurrency's own cost"));
    }
}
