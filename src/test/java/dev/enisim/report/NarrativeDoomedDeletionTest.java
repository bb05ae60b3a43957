package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * orphaned-enis: the role is deleted at 00:30 and the function at 01:00. The story said at 01:00 "2 ENIs being deleted
 * ... Lambda deletes it after a delay ... and only then frees its IP", though without the role Lambda cannot delete
 * them (domain.md §2): it must say so at the deletion request (teacher's review, finding 10).
 */
class NarrativeDoomedDeletionTest {

    @Test
    void aDeletionWithoutTheRoleIsToldAsBoundToOrphanTheEnis() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/orphaned-enis.yaml")), 0).run();
        List<String> lines = Narrative.lines(r);
        assertTrue(lines.contains("01:00:00  2 ENIs no longer used, eni-0001 to eni-0002, which Lambda cannot delete,"
                + " its execution role having lost its EC2 permissions (deleted or stripped): they will be orphaned,"
                + " keeping their IPs and quota slots"), String.join("\n", lines));
        assertFalse(lines.stream().anyMatch(l -> l.contains("being deleted")), String.join("\n", lines));
        assertFalse(lines.stream().anyMatch(l -> l.contains("only then frees its IP")), String.join("\n", lines));
        assertTrue(Narrative.failure(lines.get(lines.indexOf("01:00:00  2 ENIs no longer used, eni-0001 to eni-0002,"
                + " which Lambda cannot delete, its execution role having lost its EC2 permissions (deleted or"
                + " stripped): they will be orphaned, keeping their IPs and quota slots"))), "shown as a failure");
    }

    @Test
    void anOrdinaryDeletionIsStillToldAsBefore() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/idle-reclaim.yaml")), 0).run();
        List<String> lines = Narrative.lines(r);
        assertTrue(lines.contains("14d 00:10:00  2 ENIs being deleted: eni-0001 to eni-0002"), String.join("\n", lines));
        assertFalse(lines.stream().anyMatch(l -> l.contains("cannot delete")), String.join("\n", lines));
    }
}
