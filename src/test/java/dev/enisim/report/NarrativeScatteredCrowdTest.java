package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.chart.CreatedFunctionsMarkersTest;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Functions created one after another, two a minute, were never a crowd (more than {@value Narrative#CROWD} alike
 * lines within a minute): 600 created 30 s apart over five hours told 5,629 lines, "f-123 -> Active: all ENIs
 * ready", "f-123 shares eni-0002 ...", "CreateFunction f-123 ..." one by one. A kind's lines left after the minute's
 * crowds, more than {@value Narrative#SCATTERED} of them in the story, gather over ten minutes (or the run over {@value
 * Narrative#CROWD}, when longer), more than a handful in one line: 205 lines. The ENIs, the actions, each failure's
 * first line stay a line each. The same, small: 60 functions over half an hour.
 */
class NarrativeScatteredCrowdTest {

    @Test
    void scatteredAlikeLinesGatherOverTenMinutesAndTheEnisActionsAndFailuresStay() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(CreatedFunctionsMarkersTest.CREATED, "created.yaml"), 0)
                .run();
        List<String> lines = Narrative.lines(r);
        String story = String.join("\n", lines);
        // no function's own line of the crowded kinds is left: each is in a gathered line
        assertTrue(lines.stream().noneMatch(l -> l.matches("[0-9:]{8}  f-[0-9]+ -> (Active|Pending).*")), story);
        assertTrue(lines.stream().noneMatch(l -> l.matches("[0-9:]{8}  CreateFunction f-.*")), story);
        assertTrue(lines.stream().noneMatch(l -> l.matches("[0-9:]{8}  f-[0-9]+ shares .*")), story);
        assertEquals(3, lines.stream().filter(l -> l.matches("[0-9:]{8}  CreateFunction for 20 functions with subnets"
                + " private-a \\(subnet-0a1b2c3d4e5f60789\\), private-b \\(subnet-0b1c2d3e4f5a60781\\) and security"
                + " groups \\[api-lambda \\(sg-0aaaaaaaaaaaaaaa1\\)\\], between .*")).count(), story);
        assertTrue(lines.contains("00:10:00  20 functions -> Pending (Creating): created with VpcConfig, between"
                + " 00:10:00 and 00:19:30: f-021, f-022, f-023, f-024, f-025 and 15 more"), story);
        assertTrue(lines.stream().anyMatch(l -> l.matches("[0-9:]{8}  [0-9]+ functions -> Active: all ENIs ready,"
                + " between .*")), story);
        // the ENIs, the action on a subnet, the first failure: a line each, as they were
        assertTrue(lines.contains("00:00:00  2 ENIs being created: eni-0001 to eni-0002"), story);
        assertTrue(lines.stream().anyMatch(l -> l.matches("[0-9:]{8}  ENI eni-0001 ready \\(private-a .*")), story);
        assertTrue(lines.contains("00:20:00  Other tenants of private-a (subnet-0a1b2c3d4e5f60789) now use 40 IPs"),
                story);
        assertTrue(lines.contains("00:00:38  1 invocation of f-002 failed with ResourceConflictException (HTTP 409) at"
                + " 00:00:38"), story);
        assertTrue(lines.stream().filter(l -> !l.startsWith(" ")).count() < 40, story);
    }
}
