package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Functions deployed before the run, told as a learner reads them: an existing function's ENIs were "created"
 * then "ready" in the same second under "creating one takes a median of 75s"; an existing Inactive function went
 * "-> Active" then "-> Inactive" at 00:00:00.
 */
class NarrativeExistingTest {

    @Test
    void anExistingFunctionsEnisAreInPlaceAndCreationIsExplainedAtTheFirstRealOne() throws Exception {
        List<String> s = NarrativeTeachesTest.story("idle-reclaim.yaml");
        String all = String.join("\n", s);
        assertTrue(s.contains("00:00:00  ENI eni-0001 in place (subnet-batch-a+[sg-report] 10.1.0.254)"), all);
        assertFalse(s.stream().anyMatch(l -> l.startsWith("00:00:00  ENI eni-0001 ready")), all);
        assertFalse(s.stream().anyMatch(l -> l.startsWith("00:00:00  ENI eni-0001 created")), all);
        int inPlace = s.indexOf("00:00:00  ENI eni-0001 in place (subnet-batch-a+[sg-report] 10.1.0.254)");
        assertTrue(s.get(inPlace + 1).contains("why: The function existed before the run"), all);
        int created = NarrativeTeachesTest.lastLine(s, l -> l.contains("ENIs being created: eni-0005 to eni-0006"));
        assertTrue(created > inPlace, all);
        assertTrue(s.get(created + 1).contains("creating one takes a median of 75s"), "explained where it happens: "
                + all);
        assertEquals(1, s.stream().filter(l -> l.contains("creating one takes")).count(), all);
    }

    @Test
    void anExistingInactiveFunctionStartsInactiveWithoutPassingThroughActive() throws Exception {
        List<String> s = NarrativeTeachesTest.story("async-inactive-function.yaml");
        String all = String.join("\n", s);
        assertFalse(s.stream().anyMatch(l -> l.startsWith("00:00:00  thumbnails -> Active")), all);
        assertTrue(s.contains("00:00:00  thumbnails -> Inactive (Idle): existing function, idle: its ENIs were"
                + " reclaimed"), all);
        assertTrue(s.stream().anyMatch(l -> l.contains("thumbnails -> Active: all ENIs ready")), "the restore: " + all);
    }
}
