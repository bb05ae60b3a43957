package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The story's explanations quote the scenario's own figures: "(minutes, up to 45)" was told under the documented
 * preset (deletion capped at 20 minutes) and with a deletion time of 2 minutes; "not been invoked for weeks" with
 * an idle rule of 3 days.
 */
class NarrativeFiguresTest {

    private static Scenario load(String extra) throws Exception {
        return ScenarioLoader.parse(dev.enisim.scenario.OneSubnetYaml.of("name: figures\nduration: 10m\n" + extra,
                "name: f\nduration: 100ms\narrivals: { poisson: 1/s }"), "figures");
    }

    @Test
    void theDeletionDelayIsThePresetsOrTheScenarios() throws Exception {
        assertTrue(Narrative.why(load("assumptions: documented"), false).get("eni:Deleting")
                .contains("(a median of 10m, 20m at the 99th percentile, at most 20m: hyperplane.eniDeleteTime)"));
        assertTrue(Narrative.why(load(""), false).get("eni:Deleting")
                .contains("(a median of 10m, 35m at the 99th percentile, at most 45m: hyperplane.eniDeleteTime)"));
        assertTrue(Narrative.why(load("hyperplane: { eniDeleteTime: 2m }"), false).get("eni:Deleting")
                .contains("after a delay (2m: hyperplane.eniDeleteTime)"));
    }

    @Test
    void theIdleRuleCreationTimeAndConnectionsAreTheScenarios() throws Exception {
        Map<String, String> why = Narrative.why(load("hyperplane: { idleReclaimAfter: 3d, eniCreateTime: 90s,"
                + " connectionsPerEni: 1000 }"), false);
        assertTrue(why.get("Inactive:Idle").contains("not been invoked for 3d (hyperplane.idleReclaimAfter)"),
                why.get("Inactive:Idle"));
        assertTrue(why.get("eni:Creating").contains("creating one takes 90s (hyperplane.eniCreateTime)"),
                why.get("eni:Creating"));
        assertTrue(why.get("eni:ScaleOut").contains("at most 1,000 connections"), why.get("eni:ScaleOut"));
        assertTrue(Narrative.why(load(""), false).get("Inactive:Idle").contains("not been invoked for 14d"));
    }

    /** Under the legacy model its own explanations win where they differ. */
    @Test
    void theLegacyModelKeepsItsOwnExplanations() throws Exception {
        Map<String, String> why = Narrative.why(load(""), true);
        assertTrue(why.get("eni:Creating").startsWith("Under the legacy VPC model"), why.get("eni:Creating"));
        assertTrue(why.get("eni:Deleting").startsWith("No execution environment uses this ENI"));
        assertEquals(List.of(), why.values().stream().filter(v -> v.contains("up to 45")).toList());
    }
}
