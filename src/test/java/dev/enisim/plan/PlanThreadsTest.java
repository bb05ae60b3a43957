package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plan's simulations on several threads ({@link Planner#threads}) give the plan of one thread, byte for byte:
 * with searches that stop early (a size one smaller that runs out in a later replication, a traffic probe that hits
 * a limit before its last replication), where a run started ahead is not used.
 */
class PlanThreadsTest {

    private static Scenario scenario() throws Exception {
        return ScenarioLoader.parse("""
                name: threads
                duration: 10m
                bucket: 1m
                account: { concurrencyLimit: 200 }
                vpcs:
                  - id: v
                    subnets:
                      - { id: c, cidr: 10.0.3.0/27, az: a, otherUsedIps: 8 }
                      - { id: b, cidr: 10.0.2.0/24, az: b, otherUsedIps: 3 }
                    securityGroups: [sg-1, sg-2, sg-3]
                functions:
                  - { name: f, vpcConfig: { subnetIds: [c, b], securityGroupIds: [sg-1] }, duration: 200ms,
                      arrivals: { poisson: 20/s } }
                  - { name: g, vpcConfig: { subnetIds: [c], securityGroupIds: [sg-2] }, duration: 1s,
                      arrivals: { poisson: 8/s } }
                  # about 40 concurrent, 1,000 connections each: a second ENI (65,000 per ENI) in some replications
                  - { name: h, vpcConfig: { subnetIds: [c], securityGroupIds: [sg-3] }, duration: 1s,
                      connectionsPerInvocation: 1000, arrivals: { poisson: 40/s } }
                """, "threads.yaml");
    }

    private record Planned(Plan plan, List<String> progress, int runs) {
    }

    private static Planned plan(int threads) throws Exception {
        List<String> lines = new ArrayList<>();
        Planner p = new Planner(scenario(), 6, lines::add).threads(threads);
        Plan plan = p.plan();
        return new Planned(plan, lines, p.runsStarted());
    }

    @Test
    void severalThreadsGiveTheSamePlanAsOne() throws Exception {
        Planned one = plan(1);
        Planned three = plan(3);
        assertEquals(PlanReport.json(one.plan()), PlanReport.json(plan(2).plan()), "two threads");
        assertEquals(PlanReport.json(one.plan()), PlanReport.json(three.plan()));
        assertEquals(PlanReport.text(one.plan(), List.of()), PlanReport.text(three.plan(), List.of()));
        // the searches that stop early did so here (else nothing was started ahead for nothing)
        assertTrue(three.plan().headroom().probes().stream().anyMatch(pr -> !pr.limitsHit().isEmpty()
                && pr.runs() < 3), "a probe hit a limit before its last replication: " + three.plan().headroom());
        assertTrue(three.plan().subnets().stream().anyMatch(sn -> sn.runsFailedOneSmaller() > 0
                && sn.runsOneSmaller() < 6), "a size one smaller ran out before the last replication: "
                + three.plan().subnets());
        // every run one thread told is told with three, in the same order; the runs started ahead are told as well
        List<String> rest = new ArrayList<>(three.progress());
        int at = 0;
        for (String line : one.progress()) {
            int i = rest.subList(at, rest.size()).indexOf(line);
            assertTrue(i >= 0, "told with one thread, not (in order) with three: " + line);
            at += i + 1;
        }
        assertTrue(three.runs() > one.runs(), "runs started ahead and not used are counted as started: "
                + three.runs() + " against " + one.runs());
        assertEquals(three.runs() - one.runs(), three.progress().size() - one.progress().size(),
                "each run started ahead is told");
    }

    @Test
    void threadsBelowOneAreRefused() throws Exception {
        Planner p = new Planner(scenario(), 1, line -> { });
        assertThrows(IllegalArgumentException.class, () -> p.threads(0));
    }
}
