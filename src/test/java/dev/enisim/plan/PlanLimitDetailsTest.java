package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The traffic headroom names what its first limit was: a planner's review read "first limit at x10.83:
 * concurrency" and had to re-run the scenario to learn it was one function's reserved concurrency, met by 4
 * invocations in 6 million.
 */
class PlanLimitDetailsTest {

    @Test
    void theFirstLimitSaysWhoMetItAwssNameForItAndHowOften() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse("""
                name: reserved
                duration: 10m
                vpcs:
                  - id: vpc-r
                    subnets: [{ id: sn, cidr: 10.1.0.0/24, az: a }]
                    securityGroups: [sg-1]
                functions:
                  - { name: capped, reservedConcurrency: 2, vpcConfig: { subnetIds: [sn], securityGroupIds: [sg-1] },
                      existing: Active, duration: 1s, arrivals: { poisson: 3/s } }
                  - { name: free, vpcConfig: { subnetIds: [sn], securityGroupIds: [sg-1] }, existing: Active,
                      duration: 100ms, arrivals: { poisson: 1/s } }
                """, "reserved.yaml"), 1, line -> { }).plan();
        Plan.Headroom h = p.headroom();
        assertEquals(1.0, h.firstLimitAtMultiplier());
        assertEquals(List.of("concurrency"), h.limitsHit());
        List<String> d = h.firstLimitDetails();
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).matches("concurrency: capped's reserved concurrency: [0-9,]+ of [0-9,]+ invocations"
                + " throttled \\(ReservedFunctionConcurrentInvocationLimitExceeded\\)"), d.get(0));
        assertEquals(d, h.probes().get(0).details(), "the probe's, in plan.json");
        assertTrue(PlanReport.text(p).contains("   first limit at x1.00: concurrency\n     " + d.get(0) + "\n"),
                PlanReport.text(p));
        assertTrue(PlanReport.html(p).contains("<li>" + d.get(0) + "</li>"),
                "the page lists it too");
    }
}
