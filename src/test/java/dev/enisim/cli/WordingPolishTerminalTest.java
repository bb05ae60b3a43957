package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.page.WordingPolishTest;
import dev.enisim.run.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The terminal's Teardown waits for a teardown that mixes a cancelled deletion with an ENI Lambda deleted, or was
 * still deleting ({@link WordingPolishTest#MIXED}): both told, with their counts. It read "deletion cancelled" only
 * when every one was, and "still there at the end of the run" otherwise, the deleted ENI's 20 minutes unsaid.
 */
class WordingPolishTerminalTest {

    private static String terminal(RunResult r) {
        StringWriter out = new StringWriter();
        TerminalSummary.print(new PrintWriter(out), r);
        return out.toString();
    }

    @Test
    void aTeardownWithOneEniTakenBackTellsTheOtherDeletedOrStillThere() throws Exception {
        String done = terminal(WordingPolishTest.run(WordingPolishTest.MIXED));
        assertTrue(done.contains("  old-app                  deleteFunction at 00:30:00: 2 ENIs, 1 deletion cancelled:"
                + " new-app took eni-0001 back at 00:35:00; 1 deleted after 00:20:00\n"), done);
        String open = terminal(WordingPolishTest.run(WordingPolishTest.MIXED.replace("duration: 1h",
                "duration: 40m")));
        assertTrue(open.contains(": 2 ENIs, 1 deletion cancelled: new-app took eni-0001 back at 00:35:00; 1 still there"
                + " at the end of the run\n"), open);
    }

    /** import-example's 7 ENIs of otherUsedEnis, one a Lambda ENI: already in place, not "used by other services". */
    @Test
    void anImportedAccountsOtherEnisAreEnisAlreadyInPlace() throws Exception {
        String out = terminal(new dev.enisim.run.Simulation(dev.enisim.scenario.ScenarioLoader.load(
                java.nio.file.Path.of("scenarios/import-example/scenario.yaml")), 0).run());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" peak (\\d+) \\+ 7 ENIs already in place \\(other"
                + " services', or Lambda's beyond those its functions start with\\) = (\\d+) of quota 500\n").matcher(out);
        assertTrue(m.find(), out);
        // the quota's use at the peak: Lambda's peak and the ENIs already in place (session 53: "peak 9 of quota 500")
        assertTrue(Integer.parseInt(m.group(2)) == Integer.parseInt(m.group(1)) + 7, out);
        assertTrue(!out.contains("used by other services"), out);
    }
}
