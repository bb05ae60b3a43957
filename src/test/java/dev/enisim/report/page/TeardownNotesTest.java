package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * h3's review of teardown's page: its table listed "api, deleteFunction, 0 ENIs, waited 00:00:00" beside worker's 3
 * ENIs and 00:13:33 and migrations' 2 and 00:06:33, and left the teacher to work out the scenario's point, that the
 * stack deletion waits for the longest, and why api released none.
 */
class TeardownNotesTest {

    private static String answers(String scenario) throws Exception {
        return Headlines.html(new Simulation(ScenarioLoader.load(Path.of("scenarios/" + scenario + ".yaml")), 0).run());
    }

    @Test
    void aStackDeletionWaitsForTheLongestAndANoEniDeletionIsExplained() throws Exception {
        String a = answers("teardown");
        assertTrue(a.contains("<p>Deleted together at 01:00:00 (as a stack deletion deletes them), 3 functions wait for"
                + " the longest: 00:13:33 (worker's 3 ENIs); only then are the subnets and security groups free to"
                + " delete.</p>"), a);
        assertTrue(a.contains("<p>No ENI released means another function or version still used the same subnet and"
                + " security groups"), a);
    }

    @Test
    void aSingleDeletionGetsNoStackSentence() throws Exception {
        String a = answers("redeploy-new-subnets");
        assertFalse(a.contains("Deleted together at"), a);
    }
}
