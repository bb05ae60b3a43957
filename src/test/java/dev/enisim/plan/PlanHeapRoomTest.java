package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@code plan}'s own pool started a run whenever a thread was free, while {@code run --replications --parallel},
 * {@code check} and a sweep's points wait for room in the heap ({@code experiment.HeapPool}); a review of big runs
 * (fiftieth pass) found it. Its runs now wait as theirs do: a run starts when its scenario's estimated heap, beside
 * the runs under way, fits in the room given; one that does not fit even so runs alone; the plan is the same.
 */
class PlanHeapRoomTest {

    private static Scenario scenario() throws Exception {
        return ScenarioLoader.parse("""
                name: heap-room
                duration: 10m
                bucket: 1m
                vpcs:
                  - id: v
                    subnets:
                      - { id: a, cidr: 10.0.1.0/26, az: a, otherUsedIps: 3 }
                    securityGroups: [sg-1]
                functions:
                  - { name: f, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] }, duration: 200ms,
                      arrivals: { poisson: 20/s } }
                """, "heap-room.yaml");
    }

    @Test
    void runsThatDoNotFitBesideEachOtherRunOneAfterTheOther() throws Exception {
        Planner one = new Planner(scenario(), 2, line -> { });
        String alone = PlanReport.json(one.plan());
        // three threads, and room for one run's estimate only: never two at once
        Planner p = new Planner(scenario(), 2, line -> { }).threads(3).heap(s -> 100, 150);
        assertEquals(alone, PlanReport.json(p.plan()), "the same plan");
        assertEquals(1, p.mostAtOnce(), "one run at a time: two do not fit");
        // a run whose estimate is above the room runs, alone
        Planner big = new Planner(scenario(), 2, line -> { }).threads(3).heap(s -> 1_000, 150);
        assertEquals(alone, PlanReport.json(big.plan()));
        assertEquals(1, big.mostAtOnce());
    }

    @Test
    void theRoomHoldsAsManyAsFitAndEachRunIsEstimatedFromItsOwnScenario() throws Exception {
        Set<Long> durations = ConcurrentHashMap.newKeySet();
        Planner p = new Planner(scenario(), 2, line -> { }).threads(3).heap(s -> {
            durations.add(s.durationMicros());
            return 100;
        }, 250);
        p.plan();
        assertTrue(p.mostAtOnce() <= 2, "at most two fit: " + p.mostAtOnce());
        // the teardown's runs are longer than the scenario (it is deleted at its end and watched): their own figure
        assertTrue(durations.contains(600_000_000L), "the scenario's own runs: " + durations);
        assertTrue(durations.stream().anyMatch(d -> d > 600_000_000L), "the teardown's, longer: " + durations);
    }
}
