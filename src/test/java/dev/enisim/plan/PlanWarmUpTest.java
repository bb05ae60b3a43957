package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The traffic headroom is judged after the warm-up: an existing, Active function starts with no warm environment,
 * so its first seconds ramp against the scaling rate; the sustained limit is concurrency (30/s x 6 s = 180 of 450,
 * about x2.5 by Little's law).
 */
class PlanWarmUpTest {

    private static final String YAML = """
            name: warm
            seed: 4
            duration: 15m
            bucket: 1m
            account: { concurrencyLimit: 450 }
            scaling: { newEnvironmentsPer10s: 100 }
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
                duration: 6s
                arrivals: { poisson: 30/s }
            """;

    @Test
    void theStartUpRampIsNotTheFirstLimit() throws Exception {
        Scenario s = ScenarioLoader.parse(YAML, "warm");
        Plan p = new Planner(s, 1, line -> { }).plan();
        Plan.Headroom h = p.headroom();
        assertEquals(List.of("concurrency"), h.limitsHit(), "the sustained limit");
        assertTrue(h.firstLimitAtMultiplier() > 2, "Little's law: about x2.5, got " + h.firstLimitAtMultiplier());
        assertEquals(300, h.warmUpSeconds(), 1e-9, "the documented default: 5 minutes");
        String text = PlanReport.text(p);
        assertTrue(text.contains("met only in the warm-up") && text.contains("scaling-rate from x1.00"), text);
        assertTrue(p.failsAsIs().stream().allMatch(l -> l.contains("all in the warm-up")), p.failsAsIs().toString());
    }

    @Test
    void noWarmUpJudgesTheWholeRun() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse(YAML, "warm"), 1, line -> { }).warmUp(0).plan();
        assertEquals(1.0, p.headroom().firstLimitAtMultiplier(), "the ramp at the start throttles at x1");
    }
}
