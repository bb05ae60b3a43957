package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.Narrative;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A teacher's review (session 46), finding 2: in idle-reclaim, batch-ledger went Inactive and failed although
 * ledger-ping kept its ENIs, while the narrative's only "why" said, as AWS's rule, that Lambda reclaims an idle
 * function's ENIs "unless another function or version still uses them", and nothing on the page said that a shared
 * key's idle function going Inactive is enisim's assumption (README, Modelling assumptions, "idle reclaim").
 */
class IdleSharedKeyAssumedTest {

    @Test
    void theStoryOfAnIdleFunctionWhoseEnisAreKeptSaysItIsAnAssumption() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/idle-reclaim.yaml")), 0).run();
        String narrative = String.join("\n", Narrative.lines(r));
        assertFalse(narrative.contains("unless another function or version still uses them."), narrative);
        assertTrue(narrative.contains("why: Lambda makes a VPC function that has not been invoked for 14d"
                + " (hyperplane.idleReclaimAfter) Inactive and reclaims its ENIs. ENIs that another function or version"
                + " still uses stay for it; the idle function goes Inactive all the same, and its next invocation fails"
                + " while it is restored, a quick attach to those ENIs (an assumption: AWS does not document what a"
                + " shared key does to an idle function; README, Modelling assumptions)."), narrative);
        String answers = Headlines.html(r);
        assertTrue(answers.contains("batch-ledger went Inactive (Idle) 2 times, first at 14d 00:10:00, its ENIs kept by"
                + " ledger-ping, which uses the same subnet and security groups (batch-ledger went Inactive all the"
                + " same: idleness is per function, an assumption; AWS does not document what a shared key does to an"
                + " idle function)"), answers);
        // a few minutes of work over 45 days: the Summary's averages are not 0.0 (as if nothing ran)
        String summary = CostLine.environments(r.summary());
        assertEquals("0.0023: busy 0.00042, idle 0.0019", summary);
        assertEquals("0.0", CostLine.average(0));
        assertEquals("0.050", CostLine.average(0.0499999));
        assertEquals("0.1", CostLine.average(0.05));
        assertEquals("2,369.2", CostLine.average(2369.2));
        // the function whose ENIs were reclaimed says nothing of it
        assertTrue(answers.contains("batch-report went Inactive (Idle) 2 times, first at 14d 00:10:00, its ENIs"
                + " reclaimed (4 deleted in all)"), answers);
    }
}
