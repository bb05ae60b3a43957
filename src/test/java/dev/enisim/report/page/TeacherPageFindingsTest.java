package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.model.NetworkModel;
import dev.enisim.report.HtmlReport;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The teacher's findings 4, 11, 13 and 14 (second half) on the page: a total of requests named apart from CloudWatch's
 * Invocations, a run without a VPC, orphaned ENIs under a green verdict, Deleted green, and compare charts whose lines
 * hid one another without a word.
 */
class TeacherPageFindingsTest {

    private static RunResult run(String scenario) throws Exception {
        Path own = Path.of("src/test/resources/report/" + scenario + ".yaml"); // a fixture that stays as it is
        return new Simulation(ScenarioLoader.load(java.nio.file.Files.exists(own) ? own
                : Path.of("scenarios/" + scenario + ".yaml")), 0).run();
    }

    @Test
    void theSummaryTellsRequestsApartFromCloudWatchsInvocations() throws Exception {
        RunResult r = run("burst-only");
        String page = HtmlReport.render(r, Map.of(), "test");
        assertFalse(page.contains("<tr><th scope=\"row\">Invocations</th>"), "the AWS name on a total CloudWatch does not count");
        assertTrue(page.contains("<tr><th scope=\"row\">Invocation requests (all, throttled and refused ones included)</th><td"
                + " class=\"n\">10,000</td></tr>"), page);
        assertTrue(page.contains("the <code>Invocations</code> of timeseries.csv)</th><td class=\"n\">3,000</td>"),
                page);
        assertEquals(3_000, java.util.Arrays.stream(r.timeSeries().account(dev.enisim.metrics.Metric.INVOCATIONS)
                .values()).sum(), "the CSV's Invocations");
        JsonNode chart = ChartData.build(r).get("charts").get(0);
        assertEquals("invocations", chart.get("id").asText());
        assertTrue(chart.get("note").asText().contains("CloudWatch's Invocations (the Invocations column of"
                + " timeseries.csv) counts only those that ran"), chart.toString());
    }

    @Test
    void aRunWithoutAVpcSaysSoAndItsFirstSecondIsNotASpan() throws Exception {
        String answers = Headlines.html(run("burst-only"));
        assertTrue(answers.contains("<h3>Capacity</h3>\n<p>No VPC: no function is attached to one"), answers);
        assertFalse(answers.contains("<th scope=\"col\">VPC</th>") || answers.contains("<th scope=\"col\">subnet</th>"), answers);
        assertTrue(answers.contains("7,000, all within a second of 00:00:00."), answers);
        assertFalse(answers.contains("from 00:00:00 to 00:00:00"), answers);
    }

    @Test
    void orphanedEnisAreInTheVerdictAndDeletedIsNotGreen() throws Exception {
        RunResult r = run("orphaned-enis");
        String answers = Headlines.html(r);
        assertTrue(answers.contains("<p class=\"verdict warn\">Every one of the"), answers);
        assertTrue(answers.contains(" But 2 ENIs were orphaned: Lambda could not delete them"), answers);
        String page = HtmlReport.render(r, Map.of(), "test");
        assertTrue(page.contains("<td class=\"gone\">Deleted</td>"), page);
        assertFalse(page.contains("<td class=\"ok\">Deleted"), page);
        assertTrue(page.contains("Deleted is not one of AWS's function States"), page);
    }

    @Test
    void compareLinesOnOneAnotherAreDashedAndSaidSo() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/legacy-vs-hyperplane.yaml"));
        RunResult h = new Simulation(s.withNetworkModel(NetworkModel.HYPERPLANE), 0).run();
        RunResult l = new Simulation(s.withNetworkModel(NetworkModel.LEGACY), 0).run();
        JsonNode charts = CompareData.build(h, "hyperplane", l, "legacy").get("charts");
        int noted = 0;
        for (JsonNode c : charts) {
            String note = c.get("note").asText();
            if (c.get("id").asText().equals("succeeded") || c.get("id").asText().equals("concurrency")) {
                assertTrue(note.contains("drawn on one another: legacy (orange) dashed over hyperplane (blue)"), note);
                assertTrue(c.get("series").get(1).path("dash").asBoolean(), c.get("series").get(1).toString());
            }
            noted += note.isEmpty() ? 0 : 1;
        }
        assertTrue(noted >= 2, charts.toString());
    }
}
