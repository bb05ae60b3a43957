package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The traffic headroom's searches (plan --headroom-searches), on small runs of a few seconds in all: which
 * replications each runs on, which answer is given when they differ or tie, what the progress lines say, and a
 * search that finds no limit up to x64.
 */
class PlanHeadroomSearchTest {

    /** A reserved concurrency of 12 at 3/s of 1 s: a rare event whose first multiplier moves with the seed. */
    private static Plan plan(int seed, List<String> progress) throws Exception {
        return new Planner(ScenarioLoader.parse("seed: " + seed + "\n" + PlanHeadroomReplicationsTest.RESERVED,
                "reserved.yaml"), 2, progress::add).headroomSearches(3).plan();
    }

    private static List<Integer> firstReplications(Plan.Headroom h) {
        List<Integer> out = new ArrayList<>();
        h.searches().forEach(x -> out.add(x.firstReplication()));
        return out;
    }

    /**
     * Seed 2, two replications a probe: search k runs replications 2k and 2k + 1, and the third finds the lowest
     * first limit (x1.04 against x1.09 and x1.14): it is the answer, said first, the others in the order they ran.
     */
    @Test
    void eachSearchRunsItsOwnReplicationsAndTheLowestIsGiven() throws Exception {
        List<String> progress = new ArrayList<>();
        Plan.Headroom h = plan(2, progress).headroom();
        assertEquals(List.of(4, 0, 2), firstReplications(h), h.searches().toString());
        assertEquals(Math.pow(2, 1.0 / 16), h.firstLimitAtMultiplier(), 1e-12, "x1.04: " + h);
        assertEquals(h.searches().get(0).firstLimitAtMultiplier(), h.firstLimitAtMultiplier());
        assertTrue(h.searches().get(1).firstLimitAtMultiplier() > h.firstLimitAtMultiplier(), h.toString());
        assertTrue(h.searches().get(2).firstLimitAtMultiplier() > h.firstLimitAtMultiplier(), h.toString());
        for (int k = 1; k <= 3; k++) {
            assertTrue(progress.contains("search " + k + " of 3, traffic x1.00, replication 1 of 2"),
                    "search " + k + ": " + progress);
            assertTrue(progress.contains("search " + k + " of 3, traffic x2.00, replication 1 of 2"), progress
                    .toString());
        }
        assertTrue(progress.stream().noneMatch(l -> l.startsWith("search 0 ") || l.startsWith("search 4 ")),
                progress.toString());
    }

    /** Seed 5: the first two searches tie at x1.04; the first of them is given (the third found x1.19). */
    @Test
    void aTieGivesTheEarlierSearch() throws Exception {
        Plan.Headroom h = plan(5, new ArrayList<>()).headroom();
        assertEquals(List.of(0, 2, 4), firstReplications(h), h.searches().toString());
        assertEquals(h.searches().get(0).firstLimitAtMultiplier(), h.searches().get(1).firstLimitAtMultiplier(),
                "the tie: " + h.searches());
    }

    /** 0.1/s of 100 ms hits nothing up to x64: seven doubling probes, x1 to x64, and the warm-up it left out. */
    @Test
    void noLimitUpToX64() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse("""
                name: calm
                seed: 1
                duration: 3m
                bucket: 10s
                functions:
                  - { name: calm, initDuration: 0s, duration: 100ms, arrivals: { poisson: 0.1/s } }
                """, "calm"), 1, line -> { }).warmUp(30_000_000L).plan();
        Plan.Headroom h = p.headroom();
        assertNull(h.firstLimitAtMultiplier(), h.toString());
        assertEquals(List.of(), h.limitsHit());
        assertEquals(64, h.largestTried());
        List<Double> tried = new ArrayList<>();
        h.probes().forEach(x -> tried.add(x.multiplier()));
        assertEquals(List.of(1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0), tried);
        assertNull(h.lastClearMultiplier());
        assertEquals(30, h.warmUpSeconds(), 1e-9);
    }
}
