package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The ENI and IP sections and the verdict judge the peaks after the warm-up, as the traffic headroom does. An
 * existing, Active function at 520/s of 1 s holds about 52,000 connections (100 per environment): one ENI (65,000)
 * carries it. The simulation starts it with no warm environment, and the ramp overshoots to 643 environments: its
 * connections reach 65,000, Lambda makes a second ENI and about 45 invocations fail with NoFreePortOnEni, all in the
 * first minute. The plan said "already fails", "peak IPs 2" and "peak 2" ENIs for a design that needs one.
 */
class PlanWarmUpPeaksTest {

    private static final String YAML = """
            name: startpeak
            seed: 7
            duration: %s
            bucket: 30s
            account: { concurrencyLimit: 3000 }
            vpcs:
              - id: v
                subnets:
                  - { id: s1, cidr: 10.1.0.0/24, az: a }
                securityGroups: [sg-a]
            functions:
              - name: api
                existing: Active
                vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-a] }
                timeout: 30s
                duration: 1s
                connectionsPerEnvironment: 100
                arrivals: { poisson: 520/s }
            """;

    private static Plan plan(String duration, long warmUp) throws Exception {
        return new Planner(ScenarioLoader.parse(YAML.formatted(duration), "startpeak"), 1, line -> { })
                .warmUp(warmUp).plan();
    }

    @Test
    void theStartUpPeakIsSaidButNotCounted() throws Exception {
        Plan p = plan("12m", Planner.DEFAULT_WARM_UP_MICROS);
        String text = PlanReport.text(p);
        assertEquals(java.util.List.of(), p.failsAsIs(), "the port refusals are all in the first minute");
        assertFalse(text.contains("already fails"), text);
        Plan.SubnetAdvice s = p.subnets().get(0);
        assertEquals(1, s.peakLambdaIps(), "one ENI after the warm-up: " + s);
        assertEquals(249, s.headroomIps(), "251 usable, 2 held: the warm-up's second ENI keeps its address too");
        Plan.VpcAdvice v = p.vpcs().get(0);
        assertEquals(1, v.peakEnis(), "the design needs one ENI: " + v);
        assertEquals(1, v.keys().get(0).peakEnis());
        assertTrue(v.keys().get(0).peakConnections() < 65_000, "after the warm-up: " + v.keys().get(0));
        assertFalse(p.headroom().limitsHit().contains("connections") && p.headroom().firstLimitAtMultiplier() <= 1,
                "today's traffic hits no limit after the warm-up: " + p.headroom());
        // what the warm-up did is still said, and the recommended size holds the ENI it made (it keeps its address)
        assertTrue(text.contains("During the warm-up (the first 5 min") && text.contains("function errors"
                + " (NoFreePortOnEni)") && text.contains("peak 2 ENIs in v (1 after it)")
                && text.contains("peak 2 IPs in s1 (1 after it)"), text);
        assertTrue(s.recommendedUsableIps() >= 2, "the warm-up's second ENI keeps its address: " + s);
        String json = PlanReport.json(p);
        assertTrue(json.contains("\"warmUpLambdaIps\" : 2") || json.contains("\"warmUpLambdaIps\":2"), json);
        assertTrue(json.contains("\"warmUpPeakEnis\" : 2") || json.contains("\"warmUpPeakEnis\":2"), json);
        assertTrue(json.contains("failsInWarmUp") && json.contains("NoFreePortOnEni"), json);
        String html = PlanReport.html(p);
        assertTrue(html.contains("verdict ok") && html.contains("no invocation fails after the warm-up"), html);
    }

    @Test
    void noWarmUpCountsTheStartUpPeakAsBefore() throws Exception {
        Plan p = plan("12m", 0);
        assertTrue(p.failsAsIs().stream().anyMatch(l -> l.contains(" function errors (NoFreePortOnEni; ")),
                p.failsAsIs().toString());
        assertEquals(2, p.subnets().get(0).peakLambdaIps());
        assertEquals(2, p.vpcs().get(0).peakEnis());
        assertEquals(java.util.List.of("connections"), p.headroom().limitsHit());
        assertEquals(1.0, p.headroom().firstLimitAtMultiplier());
        String json = PlanReport.json(p);
        assertFalse(json.contains("warmUp"), "nothing of the warm-up in plan.json: " + json);
    }

    @Test
    void aWarmUpTheRunIsTooShortForIsSaid() throws Exception {
        Plan p = plan("10m", Planner.DEFAULT_WARM_UP_MICROS);
        assertEquals(0, p.headroom().warmUpSeconds(), "nothing was left out");
        String text = PlanReport.text(p);
        assertTrue(text.contains("the 5 min warm-up (plan --warm-up) was not applied: the run (10 min) is not longer"
                + " than twice it"), text);
        assertTrue(text.contains("already fails"), "every failure counts then: " + text);
    }

    /** ENIs the traffic needs after the warm-up still count: a step to 3 x the traffic at minute 7 needs a second. */
    @Test
    void enisTheTrafficNeedsAfterTheWarmUpCount() throws Exception {
        String yaml = YAML.formatted("14m").replace("arrivals: { poisson: 520/s }",
                "arrivals: { schedule: { phases: [ { rate: 300/s, for: 7m }, { rate: 900/s, for: 7m } ] } }");
        Plan p = new Planner(ScenarioLoader.parse(yaml, "step"), 1, line -> { }).plan();
        assertEquals(2, p.vpcs().get(0).peakEnis(), "about 90,000 connections after minute 7: " + p.vpcs());
        assertEquals(2, p.subnets().get(0).peakLambdaIps(), p.subnets().toString());
        assertEquals(0, p.vpcs().get(0).warmUpPeakEnis(), "the warm-up held no more than the traffic after it");
        assertTrue(p.vpcs().get(0).keys().get(0).peakConnections() > 65_000, p.vpcs().toString());
    }
}
