package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * orphaned-enis in the state timeline: the role deleted before the function, Lambda's deletion fails at the request
 * (README, "Lifecycle"). eni-0001, idle then, has no Deleting spell: InUse to 01:00:00, Orphaned from then to its
 * deletion by hand at 03:00:00; eni-0002 carried an invocation that started before the release: Deleting for that
 * one second only. Until round 2's thirty-third pass both were Deleting for the whole deletion delay (7 and 21
 * minutes).
 */
class OrphanSpellsTest {

    @Test
    void anEniOrphanedAtTheRequestHasNoDeletingSpell() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/orphaned-enis.yaml")), 0).run();
        List<StateTimeline.Spell> one = StateTimeline.spells(r).stream()
                .filter(s -> s.lane().startsWith("eni-0001 ")).toList();
        assertEquals(List.of("Creating 0.0-0.0", "InUse 0.0-3600.0", "Orphaned 3600.0-10800.0"),
                one.stream().map(s -> s.state() + " " + s.fromSeconds() + "-" + s.toSeconds()).toList());
        List<StateTimeline.Spell> two = StateTimeline.spells(r).stream()
                .filter(s -> s.lane().startsWith("eni-0002 ") && s.state().equals("Deleting")).toList();
        assertEquals(1, two.size());
        // until its last invocation, in flight at the request, ends: 0.219979 s later (it was a 1 s poll)
        assertEquals(0.219979, two.get(0).toSeconds() - two.get(0).fromSeconds(), 1e-9,
                "the in-flight invocation's drain");
    }
}
