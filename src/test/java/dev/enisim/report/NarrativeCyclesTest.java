package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session 45 (h4), a teacher's read of diurnal-week ("a week of daily peaks and troughs; ENIs stay put, environments
 * follow the traffic"): its narrative told each function's successes and the nightly jobs, and never said that the
 * Hyperplane ENIs stayed put while the load rose and fell. A load that rose and fell again and again (as the verdict
 * counts it) now has a line where it first came back up: its first peak, its trough, the environments at each, and
 * the ENIs that stayed at their number, read off the run; not when an ENI came or went between (its own line tells
 * it).
 */
class NarrativeCyclesTest {

    /** An hourly cycle on one key: 4 rises in 4h; {@code b} (created later, on a key of its own) added below. */
    private static final String HOURLY = """
            name: hourly-cycles
            description: An hourly sine on one key.
            seed: 3
            duration: 4h
            bucket: 5m
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: az-1 }
                securityGroups: [sg-a, sg-b]
            functions:
              - name: a
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                timeout: 10s
                duration: { dist: constant, value: 100ms }
                arrivals: { diurnal: { peak: 20/s, trough: 1/s, peakAt: 30m, period: 1h } }
            """;

    private static final String LATE_KEY = """
              - name: b
                createdAt: 40m
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-b] }
                timeout: 10s
                duration: { dist: constant, value: 100ms }
                arrivals: { constant: 1/s, until: 41m }
            """;

    @Test
    void diurnalWeeksStorySaysTheEnisStayedPutThroughTheFirstFallAndRise() throws Exception {
        List<String> story = Narrative.lines(new Simulation(ScenarioLoader.load(Path.of(
                "scenarios/diurnal-week.yaml")), 0).run());
        List<String> told = story.stream().filter(l -> l.contains("The load rose again")).toList();
        assertEquals(List.of("1d 10:15:00  The load rose again: 21,619 invocations in this 15m, after 27,191 at its"
                + " first peak (the 15m from 14:30:00) and 2,749 at the trough (the 15m from 1d 02:45:00); execution"
                + " environments followed it (24.2 on average at the peak, 7.0 at the trough, 24.3 now), but the"
                + " Hyperplane ENIs stayed at 4 through the fall and the rise: none created, none deleted (nor later:"
                + " the same 4 through all 7 rises and falls of the run)."), told);
        int at = story.indexOf(told.get(0));
        assertTrue(story.get(at + 1).startsWith("          why: Hyperplane ENIs belong to subnet + security-group keys,"
                + " not to execution environments"), story.get(at + 1));
        assertTrue(story.get(at - 1).startsWith("1d 10:02:42  "), "in time order: " + story.get(at - 1));
        assertTrue(story.get(at + 2).startsWith("2d 01:00:00  "), "in time order: " + story.get(at + 2));
    }

    @Test
    void aCycleOnOneKeyIsToldFromTheRunsData() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(HOURLY, "test.yaml"), 0).run();
        List<String> told = Narrative.lines(r).stream().filter(l -> l.contains("The load rose again")).toList();
        assertEquals(1, told.size(), String.join("\n", Narrative.lines(r)));
        // one ENI in words (session 52): "the Hyperplane ENIs stayed at 1 ... the same 1" read as a plural
        assertTrue(told.get(0).contains("but the one Hyperplane ENI stayed through the fall and the rise: none created,"
                + " none deleted (nor later: the same one through all 4 rises and falls of the run)."), told.get(0));
    }

    @Test
    void anEniCreatedBetweenThePeakAndTheRiseIsNoStayingPut() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(HOURLY + LATE_KEY, "test.yaml"), 0).run();
        List<String> story = Narrative.lines(r);
        assertTrue(story.stream().anyMatch(l -> l.startsWith("00:40:00  ENI eni-0002 being created")),
                String.join("\n", story));
        assertTrue(story.stream().noneMatch(l -> l.contains("The load rose again")), String.join("\n", story));
    }
}
