package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.page.BigAccountAnswersTest;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The Lifecycle figure (the state timeline) draws 40 function lanes at most, Failed ones first: a function left
 * Inactive by a restore that found no free IP (report/page/Stranded), first in the terminal's and the page's function
 * lists, was left out when it came after the 40th in the scenario. The topology player chose its 40 the same way
 * (TopologyStrandedBrowserTest).
 */
public class StrandedLanesTest {

    /**
     * BigAccountAnswersTest's stranded scenario (nightly Inactive on a full /28, api busy) with 44 busier functions
     * before them: nightly is the 46th function of the scenario and the quietest.
     */
    public static String scenario() {
        StringBuilder busy = new StringBuilder("functions:\n");
        for (int i = 0; i < 44; i++) {
            busy.append(String.format("""
                      - name: busy-%02d
                        vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg] }
                        existing: Active
                        duration: 10ms
                        arrivals: { poisson: 5/s }
                    """, i));
        }
        return BigAccountAnswersTest.STRANDED.replace("functions:\n", busy.toString());
    }

    @Test
    void theStrandedFunctionHasALaneAndTheNoteSaysWhichComeFirst() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(scenario(), "stranded-46"), 0).run();
        assertEquals("Inactive", r.summary().functions().get("nightly").finalState(), "the premise");
        assertTrue(StateTimeline.spells(r).stream().anyMatch(s -> s.lane().equals("nightly")),
                "nightly's lane is drawn");
        assertEquals(40, StateTimeline.spells(r).stream().map(StateTimeline.Spell::lane)
                .filter(l -> !l.startsWith("eni-")).distinct().count());
        assertTrue(StateTimeline.note(r).startsWith("40 of 46 functions shown (Failed, or Inactive/Pending for a"
                + " network cause, first)"), StateTimeline.note(r));
    }
}
