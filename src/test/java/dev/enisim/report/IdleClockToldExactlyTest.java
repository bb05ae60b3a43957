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
 * The idle reclaim's line says what the idle clock measured (a teacher's review, C2): with a 7-day rule,
 * idle-reclaim's ledger-ping went Inactive at 27d 00:02:46 "not invoked for 7 days" although its last invocation was
 * at 20d 00:00:00: the clock started when its restore ended (20d 00:02:46), activation counting as a use. And a rule
 * of 19d 23h 45m read "not invoked for 20.0 days" (rounded) and "28785m" in the explanation.
 */
class IdleClockToldExactlyTest {

    private static List<String> story(String idleReclaimAfter) throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/idle-reclaim.yaml"),
                List.of("hyperplane.idleReclaimAfter=" + idleReclaimAfter), null), 0).run();
        return Narrative.lines(r);
    }

    @Test
    void aClockStartedByARestoreSaysSo() throws Exception {
        List<String> lines = story("7d");
        String all = String.join("\n", lines);
        assertTrue(lines.contains("20d 00:01:20  ledger-ping -> Active: all ENIs ready"), all);
        assertTrue(lines.contains("27d 00:01:20  ledger-ping -> Inactive (Idle): not invoked in the 7 days since it"
                + " became Active"), all);
        assertTrue(lines.contains("17d 00:01:56  ledger-ping -> Inactive (Idle): not invoked in the 7 days since it"
                + " became Active"), all);
        // a clock its last invocation started is told plainly: batch-report's retry at 20d 00:10:00 succeeded
        assertTrue(lines.contains("27d 00:10:00  batch-report -> Inactive (Idle): not invoked for 7 days"), all);
        // at time 0 the run has nothing earlier: the existing function's plain form is true
        assertTrue(lines.contains("7d 00:00:00  ledger-ping -> Inactive (Idle): not invoked for 7 days"), all);
        assertTrue(all.contains("Modelling assumptions). enisim counts that quiet period from the function's last"
                + " invocation, or from when it last became Active if that came later (the end of its restore or"
                + " creation: an assumption, as AWS does not say)."), all);
    }

    @Test
    void aRuleOfSeveralUnitsIsToldExactly() throws Exception {
        List<String> lines = story("19d 23h45m");
        String all = String.join("\n", lines);
        assertTrue(lines.contains("19d 23:55:00  batch-report -> Inactive (Idle): not invoked for 19d 23h 45m"), all);
        assertTrue(all.contains("has not been invoked for 19d 23h 45m (hyperplane.idleReclaimAfter)"), all);
        assertFalse(all.contains("20.0 days"), all);
        assertFalse(all.contains("28785m"), all);
    }
}
