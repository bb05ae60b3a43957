package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.EnisCsv;
import dev.enisim.report.chart.StateTimeline;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * An ENI's lifetime from the model's snapshot to the run's result and its outputs: a step the ENI did not reach is
 * empty (not a number), enis.csv leaves its cell empty and the state timeline ends the spell at the run's end.
 */
public class EniLifetimeTest {

    /**
     * Two functions, each on its own key: both ENIs are created at 0 and ready at 10 s; "gone" is deleted at 10 min,
     * so its ENI's deletion is requested then and ends 5 min later; "kept"'s ENI is in use to the end (30 min).
     */
    public static RunResult run() throws Exception {
        return new Simulation(ScenarioLoader.parse("""
                name: lifetimes
                duration: 30m
                bucket: 1m
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }
                      - { id: subnet-b, cidr: 10.0.1.0/24, az: us-east-1b }
                    securityGroups: [sg-1]
                hyperplane: { eniCreateTime: 10s, eniDeleteTime: 5m }
                functions:
                  - name: kept
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                    duration: 100ms
                    arrivals: { constant: 1/s }
                  - name: gone
                    vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg-1] }
                    duration: 100ms
                    arrivals: { constant: 1/s, until: 5m }
                timeline:
                  - { at: 10m, action: deleteFunction, function: gone }
                """, "lifetimes.yaml"), 0).run();
    }

    static RunResult.EniLifetime in(RunResult r, String subnet) {
        List<RunResult.EniLifetime> in = r.enis().stream().filter(e -> e.subnet().equals(subnet)).toList();
        assertEquals(1, in.size(), subnet + ": " + r.enis());
        return in.get(0);
    }

    @Test
    void aStepNotReachedIsEmptyAndAStepReachedHasItsTime() throws Exception {
        RunResult r = run();
        RunResult.EniLifetime kept = in(r, "subnet-a");
        assertEquals(0, kept.createdSeconds());
        assertEquals(OptionalDouble.of(10), kept.readySeconds());
        assertEquals(OptionalDouble.empty(), kept.deletionRequestedSeconds(), "never released");
        assertEquals(OptionalDouble.empty(), kept.orphanedSeconds());
        assertEquals(OptionalDouble.empty(), kept.endedSeconds(), "never deleted: no ended time");
        assertEquals("InUse", kept.finalState());
        RunResult.EniLifetime gone = in(r, "subnet-b");
        assertEquals(OptionalDouble.of(10), gone.readySeconds());
        assertEquals(OptionalDouble.of(600), gone.deletionRequestedSeconds());
        assertEquals(OptionalDouble.empty(), gone.orphanedSeconds(), "deleted by Lambda, not orphaned");
        assertEquals(OptionalDouble.of(900), gone.endedSeconds());
        assertEquals("Deleted", gone.finalState());
        // the teardown of gone's key waited for its ENI's deletion: 5 min
        var t = r.summary().teardowns().stream().filter(x -> x.enis() == 1).toList();
        assertEquals(1, t.size(), r.summary().teardowns().toString());
        assertEquals(Double.valueOf(300), t.get(0).waitSeconds());
    }

    @Test
    void enisCsvLeavesTheCellOfAStepNotReachedEmpty() throws Exception {
        RunResult r = run();
        List<String> lines = EnisCsv.render(r.enis()).lines().toList();
        assertEquals("eni,key,subnet,ip,createdSeconds,readySeconds,deletionRequestedSeconds,orphanedSeconds,"
                + "endedSeconds,finalState,peakConnections", lines.get(0));
        RunResult.EniLifetime kept = in(r, "subnet-a");
        RunResult.EniLifetime gone = in(r, "subnet-b");
        assertTrue(lines.contains(String.join(",", kept.id(), kept.key(), "subnet-a", kept.ip(), "0", "10", "", "",
                "", "InUse", "1")), lines.toString());
        assertTrue(lines.contains(String.join(",", gone.id(), gone.key(), "subnet-b", gone.ip(), "0", "10", "600", "",
                "900", "Deleted", "1")), lines.toString());
    }

    @Test
    void theStateTimelineEndsASpellNotEndedAtTheRunsEnd() throws Exception {
        RunResult r = run();
        RunResult.EniLifetime kept = in(r, "subnet-a");
        RunResult.EniLifetime gone = in(r, "subnet-b");
        String keptLane = kept.id() + " " + kept.key();
        String goneLane = gone.id() + " " + gone.key();
        List<StateTimeline.Spell> spells = StateTimeline.spells(r);
        assertEquals(List.of(new StateTimeline.Spell(keptLane, "Creating", 0, 10),
                new StateTimeline.Spell(keptLane, "InUse", 10, 1800)),
                spells.stream().filter(s -> s.lane().equals(keptLane)).toList());
        assertEquals(List.of(new StateTimeline.Spell(goneLane, "Creating", 0, 10),
                new StateTimeline.Spell(goneLane, "InUse", 10, 600),
                new StateTimeline.Spell(goneLane, "Deleting", 600, 900)),
                spells.stream().filter(s -> s.lane().equals(goneLane)).toList());
    }
}
