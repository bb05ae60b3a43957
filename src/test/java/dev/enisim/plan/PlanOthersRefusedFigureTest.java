package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.report.SummaryJson;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The addresses a shared subnet's other tenants asked for and did not get: the model keeps the most at once in the
 * run's summary ({@code subnets.<id>.otherUsedIpsRefused}), and the plan's one-size-smaller check reads that figure
 * ({@link Planner#othersRefused}); it read the number back out of the timeline action's words, so a rewording of
 * "Other tenants of sn-b now use 25 IPs (asked 26; ...)" would have made the check pass a size that runs out.
 */
class PlanOthersRefusedFigureTest {

    /** {@link PlanOthersGrowTest#SCENARIO} with its tenants' timeline replaced by {@code timeline}. */
    private static RunSummary run(String timeline) throws Exception {
        String yaml = PlanOthersGrowTest.SCENARIO;
        yaml = yaml.substring(0, yaml.indexOf("timeline:")) + "timeline:\n" + timeline;
        return new Simulation(ScenarioLoader.parse(yaml, "grows.yaml"), 0).run().summary();
    }

    /** 27 usable, two ENIs: the tenants asking for 26 get 25; the model says 1 refused, and the planner reads it. */
    @Test
    void theModelKeepsWhatTheTenantsWereRefused() throws Exception {
        RunSummary r = run("  - { at: 1h, action: setOtherUsedIps, subnet: sn-b, otherUsedIps: 26 }\n");
        assertEquals(25, r.subnets().get("sn-b").otherUsedIps(), "they got what the two ENIs left");
        assertEquals(1, r.subnets().get("sn-b").otherUsedIpsRefused(), "asked 26, got 25");
        assertEquals(1, Planner.othersRefused(r, "sn-b"));
        assertEquals(0, Planner.othersRefused(r, "no-such-subnet"));
        assertTrue(SummaryJson.render(r).contains("\"otherUsedIpsRefused\" : 1"), SummaryJson.render(r));
    }

    /**
     * Asked three times: the most refused at once (all 27 usable addresses asked, 27 - 25 = 2), not the last ask's
     * (none) nor a sum (3). (It asked 30 of the 27, which the loader now refuses, as it does in the vpcs section.)
     */
    @Test
    void theMostRefusedAtOnceIsKept() throws Exception {
        RunSummary r = run("""
                  - { at: 30m, action: setOtherUsedIps, subnet: sn-b, otherUsedIps: 26 }
                  - { at: 1h, action: setOtherUsedIps, subnet: sn-b, otherUsedIps: 27 }
                  - { at: 90m, action: setOtherUsedIps, subnet: sn-b, otherUsedIps: 12 }
                """);
        assertEquals(12, r.subnets().get("sn-b").otherUsedIps());
        assertEquals(2, r.subnets().get("sn-b").otherUsedIpsRefused());
    }

    /** Tenants that always fit: 0, and summary.json says nothing of it (as every summary before the figure). */
    @Test
    void tenantsThatFitLeaveTheSummaryAsItWas() throws Exception {
        RunSummary r = run("  - { at: 1h, action: setOtherUsedIps, subnet: sn-b, otherUsedIps: 25 }\n");
        assertEquals(25, r.subnets().get("sn-b").otherUsedIps());
        assertEquals(0, r.subnets().get("sn-b").otherUsedIpsRefused());
        assertFalse(SummaryJson.render(r).contains("otherUsedIpsRefused"), SummaryJson.render(r));
    }
}
