package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A platform team's 600-function account (session 48, h3's review): the narrative opened on 600 lines "Existing
 * function X with subnets ... (Active)", each followed by its "-> Active" line and its ENIs "in place", and the charts
 * drew 600 markers at 00:00:00 (the page's 200 were all of them; its AZ outage among the 402 not marked). Past a
 * handful (report/chart/ExistingFunctions.HANDFUL), functions that start alike are one line and one marker; a handful
 * keep a line each. The same, small: 7 existing Active functions with two ENIs each, 2 existing Inactive ones, an AZ
 * outage.
 */
class ExistingFunctionsOnceTest {

    static String scenario(int active) {
        StringBuilder y = new StringBuilder("""
                name: existing-many
                seed: 1
                duration: 10m
                bucket: 1m
                vpcs:
                  - id: v
                    subnets:
                      - { id: subnet-a, cidr: 10.0.0.0/24, az: a }
                      - { id: subnet-b, cidr: 10.0.1.0/24, az: b }
                    securityGroups: [sg-0, sg-1, sg-2, sg-3, sg-4, sg-5, sg-6, sg-i]
                functions:
                """);
        for (int i = 0; i < active; i++) {
            y.append("  - { name: fn-").append(i).append(", existing: Active, duration: 10ms, arrivals: { poisson:"
                    + " 1/s }, vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-").append(i)
                    .append("] } }\n");
        }
        for (int i = 0; i < 2; i++) {
            y.append("  - { name: idle-").append(i).append(", existing: Inactive, duration: 10ms, arrivals: { poisson:"
                    + " 1/m }, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-i] } }\n");
        }
        return y.append("timeline:\n  - { at: 5m, action: azOutage, az: a, until: 7m }\n").toString();
    }

    @Test
    void sevenExistingFunctionsStartingActiveAreOneLineAndOneMarker() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(scenario(7), "existing-many"), 0).run();
        Path dir = Path.of("target/existing-functions-once");
        ReportWriter.write(r, dir, Path.of("").toAbsolutePath());
        List<String> story = Files.readAllLines(dir.resolve("narrative.txt"));
        String all = String.join("\n", story);
        assertEquals("00:00:00  7 existing functions start Active, with 14 ENIs in place (eni-0001 to eni-0014): fn-0,"
                + " fn-1, fn-2, fn-3, fn-4 and 2 more (each one's VpcConfig in the scenario, its states in"
                + " summary.json, the ENIs in enis.csv)", story.get(0), all);
        assertTrue(story.get(1).startsWith("          why: The function existed before the run"), all);
        assertFalse(all.contains("Existing function fn-"), all);
        assertFalse(all.contains("fn-5 -> Active: existing function"), all);
        assertFalse(all.contains("ENI eni-0003 in place"), all);
        // two Inactive ones: a handful, a line each, as before
        assertTrue(story.contains("00:00:00  Existing function idle-0 with subnets subnet-a and security groups [sg-i]"
                + " (Inactive)"), all);
        assertTrue(story.contains("00:00:00  idle-1 -> Inactive (Idle): existing function, idle: its ENIs were"
                + " reclaimed"), all);
        assertTrue(all.contains("Availability Zone a down"), all);
        // the page's markers: one for the seven, the outage's two marked
        String page = Files.readString(dir.resolve("report.html"));
        assertTrue(page.contains("{\"t\":0.0,\"label\":\"7 existing functions start Active\"}"), "the marker");
        assertFalse(page.contains("\"label\":\"Existing function fn-"), "no marker per function");
        assertTrue(page.contains("\"label\":\"AZ a down\""), "the outage marked");
        // the PNG and SVG charts: the state timeline's lanes tell the starts (a line, no label), the others label it
        String enis = Files.readString(dir.resolve("charts/enis.svg"));
        assertTrue(enis.contains("7 existing functions start Active"), "the enis chart's label");
        assertFalse(enis.contains("Existing function fn-"), "no label per function");
    }

    @Test
    void aHandfulKeepALineEach() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(scenario(5), "existing-five"), 0).run();
        List<String> story = Narrative.lines(r);
        String all = String.join("\n", story);
        assertTrue(story.get(0).startsWith("00:00:00  Existing function fn-0 with subnets subnet-a, subnet-b and"
                + " security groups [sg-0] (Active)"), all);
        assertTrue(story.contains("00:00:00  fn-4 -> Active: existing function, ENIs in place"), all);
        assertFalse(all.contains("existing functions start"), all);
        assertEquals(r.actions(), dev.enisim.report.chart.ExistingFunctions.actions(r));
    }
}
