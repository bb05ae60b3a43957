package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Session 41's browser review (tiles teardown-1400-00, assumptions-documented-1400-00): teardown's verdict led with
 * "14 of 90,415 invocations did not succeed (0.015%); most: Function error TaskTimedOut", assumptions-documented's
 * with 792 ResourceConflictExceptions at creation; neither said what the run shows, a deletion waiting for Lambda to
 * delete its Hyperplane ENIs. Any verdict of a run whose deleted functions released ENIs now leads with that.
 */
class DeletionVerdictTest {

    @Test
    void aStackDeletionLeadsTheVerdict() throws Exception {
        String v = Verdicts.of("teardown");
        assertTrue(v.startsWith("<p class=\"verdict warn\">Deleting api, worker and migrations together at 01:00:00 (as"
                + " a stack's deletion does) took 00:13:45, until Lambda had deleted the last of their 5 Hyperplane"
                + " ENIs (worker's), each after a deletion delay (a median of 10m, 35m at the 99th percentile, at most"
                + " 45m: hyperplane.eniDeleteTime, field assumptions); until then the subnets and security groups they used"
                + " could not be deleted. 14 of 90,415 invocations did not succeed (0.015%)"), v);
    }

    @Test
    void theDocumentedFiguresDeletionLeadsItsVerdictWithItsDelay() throws Exception {
        String v = Verdicts.of("assumptions-documented");
        assertTrue(v.startsWith("<p class=\"verdict warn\">Deleting api and worker together at 00:30:00 (as a stack's"
                + " deletion does) took 00:10:58, until Lambda had deleted the last of their 3 Hyperplane ENIs"
                + " (worker's), each after a deletion delay (a median of 10m, 20m at the 99th percentile, at most 20m:"
                + " hyperplane.eniDeleteTime, documented assumptions); until then the subnets and security groups they used"
                + " could not be deleted. 565 of 21,735 invocations"), v);
    }

    @Test
    void orphanedEnisAndRunsWithoutDeletionsGetNoLead() throws Exception {
        assertFalse(Verdicts.of("orphaned-enis").contains("Deleting "));
        assertFalse(Verdicts.of("az-outage").contains("Deleting "));
    }
}
