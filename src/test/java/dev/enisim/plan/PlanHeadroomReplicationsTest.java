package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import java.util.List;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The traffic headroom was one run's rare-event answer printed to four digits ("first limit at x10.83"), which moved
 * 14% with the seed. Each probe now runs up to 3 replications (a limit counts when any hits it) and the answer is
 * the bisection's interval, to three digits, with the replications said.
 */
class PlanHeadroomReplicationsTest {

    /**
     * A reserved concurrency of 12 at 3/s of 1 s: the first limit is a rare event, its multiplier moves with the seed
     * (also {@code PlanStaggeredHeadroomTest}'s).
     */
    static final String RESERVED = """
            name: reserved
            duration: 10m
            vpcs:
              - id: vpc-r
                subnets: [{ id: sn, cidr: 10.1.0.0/24, az: a }]
                securityGroups: [sg-1]
            functions:
              - { name: capped, reservedConcurrency: 12, vpcConfig: { subnetIds: [sn], securityGroupIds: [sg-1] },
                  existing: Active, duration: 1s, arrivals: { poisson: 3/s } }
            """;

    @Test
    void theLimitIsAnIntervalOverReplications() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse(RESERVED, "reserved.yaml"), 3, line -> { }).plan();
        Plan.Headroom h = p.headroom();
        String text = PlanReport.text(p);
        assertTrue(text.contains("   first limit between x"), text);
        assertTrue(text.contains("(a limit counts when any of 3 replications hits it)"), text);
        assertEquals(3, h.replications());
        assertNotNull(h.lastClearMultiplier(), h.toString());
        assertTrue(h.firstLimitAtMultiplier() / h.lastClearMultiplier() <= 1.05 + 1e-9, h.toString());
        for (Plan.Probe pr : h.probes()) {
            assertTrue(pr.limitsHit().isEmpty() ? pr.runs() == 3 : pr.runs() >= 1 && pr.runs() <= 3,
                    "a clear probe ran every replication, a hit stops at the first: " + pr);
        }
    }

    /**
     * A search that finds a limit at today's traffic ends the searches asked for (no later one can find a lower): at
     * 30/s, 30 environments against the reserved 12 throttle at x1.
     */
    @Test
    void aLimitAtTodaysTrafficEndsTheSearches() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse(RESERVED.replace("poisson: 3/s", "poisson: 30/s"), "reserved.yaml"),
                1, line -> { }).headroomSearches(3).plan();
        Plan.Headroom h = p.headroom();
        assertEquals(1.0, h.firstLimitAtMultiplier(), h.toString());
        assertTrue(h.searches().isEmpty(), "the first search's answer, the others not run: " + h.searches());
    }

    @Test
    void theIntervalIsPrintedToTheSearchsPrecision() {
        Plan.Headroom h = new Plan.Headroom(10.83, List.of("concurrency"), 16, List.of(), null, 10.31, 3);
        assertEquals("between x10.3 and x10.8", PlanReport.limitAt(h));
        assertEquals("at x1.00", PlanReport.limitAt(new Plan.Headroom(1.0, List.of("IP"), 1, List.of())),
                "today's traffic hits it");
    }
}
