package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What a teacher found false or confusing in the terminal's summary of their lesson scenarios (session 51, r4). */
class TeacherLessonTerminalTest {

    static String terminal(String yaml) throws Exception {
        StringWriter out = new StringWriter();
        TerminalSummary.print(new PrintWriter(out), new Simulation(ScenarioLoader.parse(yaml, "lesson.yaml"), 0)
                .run());
        return out.toString();
    }

    @Test
    void aCancelledDeletionIsNotStillThereAtTheEnd() throws Exception {
        String out = terminal(dev.enisim.report.page.TeacherLessonFaultsTestAccess.REUSE);
        assertFalse(out.contains("still there at the end of the run"), out);
        assertTrue(out.contains("old-app                  deleteFunction at 00:30:00: 1 ENI, deletion cancelled:"
                + " new-app took eni-0001 back at 00:35:00"), out);
    }

    /** The cold starts' p50 is their invocations' latency (init and a 100 ms duration), not a cold start's length. */
    @Test
    void theColdStartsFigureSaysItIsTheirLatency() throws Exception {
        String out = terminal(dev.enisim.report.page.TeacherLessonFaultsTestAccess.REUSE);
        assertTrue(out.matches("(?s).*; [0-9]+ of them cold starts \\(their latency, init \\+ duration: p50 [0-9]+"
                + " ms\\)\n.*"), out);
    }

    /** explain for az-outage tells the other half of the lesson: payments kept serving, the ENIs there idle. */
    @Test
    void explainTellsWhatAnOutageLeftServing() throws Exception {
        dev.enisim.run.RunResult r = new Simulation(ScenarioLoader.load(java.nio.file.Path.of(
                "scenarios/az-outage.yaml")), 0).run();
        // the narrative's own lines (narrative.txt, the page), which explain prints (session 52: explain alone told it)
        String story = String.join("\n", dev.enisim.report.Narrative.lines(r));
        assertTrue(story.contains("00:30:00  Availability Zone us-east-1a down\n          why: While an Availability"
                + " Zone is down, the 2 ENIs there (eni-0001, eni-0003) carry no traffic; a function with subnets in"
                + " other AZs goes on serving from those: payments (us-east-1b); a function with no subnet in an AZ"
                + " still up fails until it is back up (reports-single-az).\n"), story);
        assertEquals(1, story.split("why: While an Availability Zone is down", -1).length - 1, story);
    }
}
