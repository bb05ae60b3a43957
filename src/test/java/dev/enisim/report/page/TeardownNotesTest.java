package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * h3's review of teardown's page: its table listed "api, deleteFunction, 0 ENIs, waited 00:00:00" beside worker's 3
 * ENIs and 00:13:33 and migrations' 2 and 00:06:33, and left the teacher to work out the scenario's point, that the
 * stack deletion waits for the longest, and why api released none. Session 43 (h2): the verdict now leads with the
 * stack's wait, and the notes said it again ("Deleted together at 01:00:00 ... 00:13:33 (worker's 3 ENIs)"); they
 * now say only what the verdict does not.
 */
class TeardownNotesTest {

    private static String answers(String scenario) throws Exception {
        return Headlines.html(new Simulation(ScenarioLoader.load(Path.of("scenarios/" + scenario + ".yaml")), 0).run());
    }

    private static String notes(String answers) {
        int at = answers.indexOf("<h3>Teardown waits");
        return answers.substring(answers.indexOf("</table>", at));
    }

    private static int count(String s, String of) {
        int n = 0;
        for (int at = s.indexOf(of); at >= 0; at = s.indexOf(of, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void theNotesDoNotRepeatTheVerdictsStackDeletion() throws Exception {
        String a = answers("teardown");
        String notes = notes(a);
        assertFalse(notes.contains("Deleted together at"), notes);
        assertFalse(notes.contains("00:13:45"), notes);
        // said once in the verdict, once in the table's row for worker
        assertEquals(2, count(a, "00:13:45"), a);
        assertTrue(notes.contains("<p>Each ENI is deleted after a delay of its own, drawn at random: the table's wait"
                + " for each function is its own last ENI's, and the stack's (the verdict's) the longest of them,"
                + " worker's. Another seed draws other delays: <code>enisim plan</code> gives this wait's spread over"
                + " replications (its p50 and p99).</p>"), notes);
    }

    @Test
    void aDeletionThatReleasedNoEniNamesTheFunctionWhoseEnisItShared() throws Exception {
        String notes = notes(answers("teardown"));
        assertTrue(notes.contains("<p>api released no ENI: its keys (subnet and security groups) were worker's too,"
                + " and Hyperplane ENIs are shared by key, so they went with worker's deletion.</p>"), notes);
        assertFalse(notes.contains("No ENI released means"), notes);
    }

    @Test
    void aStackOfOneReleasingFunctionGetsNoSentenceOfTheLongest() throws Exception {
        String a = answers("assumptions-documented");
        String notes = notes(a);
        assertFalse(notes.contains("Deleted together at"), notes);
        assertFalse(notes.contains("Each ENI is deleted"), notes); // only worker's ENIs: nothing to compare
        assertTrue(notes.contains("<p>api released no ENI: its keys (subnet and security groups) were worker's"
                + " too"), notes);
    }

    @Test
    void aSingleDeletionGetsNoStackSentence() throws Exception {
        String a = answers("redeploy-new-subnets");
        assertFalse(a.contains("Deleted together at"), a);
    }
}
