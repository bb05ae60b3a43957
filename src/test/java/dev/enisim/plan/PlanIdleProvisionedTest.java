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

    @Test
    void provisionedConcurrencyKeepsTheFunctionActiveInTheIdleProbe() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse("""
                name: pcidle
                duration: 5m
                hyperplane: { idleReclaimAfter: 2h }
                vpcs:
                  - id: v
                    subnets:
                      - { id: s1, cidr: 10.1.0.0/24, az: a }
                    securityGroups: [sg-b]
                functions:
                  - name: provisioned
                    existing: Active
                    reservedConcurrency: 10
                    provisionedConcurrency: 2
                    vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-b] }
                    duration: 100ms
                    arrivals: { constant: 1/m }
                  - name: plain
                    existing: Active
                    vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-b] }
                    duration: 100ms
                    arrivals: { constant: 1/m }
                """, "pcidle"), 1, line -> { }).plan();
        Plan.IdleAdvice pc = p.idle().get(0);
        assertEquals("provisioned", pc.function());
        assertFalse(pc.failsAfterLongerQuiet(), "provisioned concurrency keeps it Active, as in the run");
        assertTrue(pc.passesAfterShorterQuiet());
        Plan.IdleAdvice plain = p.idle().get(1);
        assertTrue(plain.failsAfterLongerQuiet(), "without provisioned concurrency it goes Inactive");
        String text = PlanReport.text(p);
        assertTrue(text.contains("provisioned              stays Active"), text);
        assertFalse(text.contains("DOES NOT FAIL"), text);
    }
}
