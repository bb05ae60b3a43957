package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.metrics.RunSummary;
import dev.enisim.run.RunResult;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/**
 * az-outage's invocations chart drew its 7,067 ServiceExceptions (about 120 a minute for an hour) as a faint line along
 * 0 under 2,400 successes a minute, in the PNG, the SVG and the page alike: a reader did not see that invocations
 * failed. Every outcome that did not succeed is now drawn on a scale of its own (a panel each), its line reaching at
 * least half its panel's height, and its total is written beside the chart.
 */
class FailuresVisibleTest {

    /** Scenarios with failures of different shapes: an hour of few, a burst of many, several kinds at once. */
    private static final List<String> SCENARIOS = List.of("az-outage", "quickstart", "teardown", "eni-not-ready");

    /** Each outcome's total, as summary.json counts it: function errors, throttles, each invoke error. */
    private static Map<String, Long> failed(RunSummary s) {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("Function errors", s.invocations().functionErrors());
        out.put("Throttles (429)", s.invocations().throttled());
        out.putAll(s.invocations().errors());
        out.values().removeIf(v -> v == 0);
        return out;
    }

    @Test
    void everyFailingOutcomeFillsHalfItsPanelInTheImage() throws Exception {
        for (String scenario : SCENARIOS) {
            RunResult r = TeacherChartsTest.run(scenario);
            Map<String, Long> failed = failed(r.summary());
            assertTrue(!failed.isEmpty(), scenario + ": the premise, some invocations did not succeed");
            JFreeChart c = TeacherChartsTest.png(r, "invocations");
            ChartFiles.png(c, ChartFiles.WIDTH, ChartFiles.HEIGHT); // lays the axes out
            int seen = 0;
            for (XYPlot p : TeacherChartsTest.panels(c)) {
                XYDataset d = p.getDataset();
                double top = p.getRangeAxis().getUpperBound();
                for (int i = 0; i < d.getSeriesCount(); i++) {
                    String name = String.valueOf(d.getSeriesKey(i));
                    double peak = 0;
                    for (int k = 0; k < d.getItemCount(i); k++) {
                        peak = Math.max(peak, d.getYValue(i, k));
                    }
                    if (failed.containsKey(name)) {
                        seen++;
                        assertTrue(peak >= top / 2, scenario + ": " + name + " peaks at " + peak + " on an axis to "
                                + top + ": a line along 0");
                    }
                }
            }
            assertEquals(failed.size(), seen, scenario + ": every outcome that occurred drawn, " + failed.keySet());
        }
    }

    @Test
    void theImageAndItsTextAlternativeGiveEachFailingOutcomesTotal() throws Exception {
        RunResult r = TeacherChartsTest.run("az-outage");
        String svg = new String(ChartFiles.render(r).get("charts/invocations.svg"), StandardCharsets.UTF_8);
        String desc = svg.substring(svg.indexOf("<desc>"), svg.indexOf("</desc>"));
        for (String said : List.of("10,923 of 301,968 invocation requests did not succeed (3.6%)",
                "ServiceException 7,067", "ResourceConflictException 3,856", "Panel: ServiceException: 7,067 (2.3% of"
                        + " requests)")) {
            assertTrue(desc.contains(said), said + " in " + desc);
        }
        assertEquals(7_067L, r.summary().invocations().errors().get("ServiceException"), "the figures are the run's");
        assertEquals(3_856L, r.summary().invocations().errors().get("ResourceConflictException"));
        assertEquals(301_968L, r.summary().invocations().total());
    }

    @Test
    void thePageDrawsEachFailingOutcomeOnAScaleOfItsOwnWithItsTotal() throws Exception {
        for (String scenario : SCENARIOS) {
            RunResult r = TeacherChartsTest.run(scenario);
            Map<String, Long> failed = failed(r.summary());
            JsonNode charts = TeacherChartsTest.pageCharts(r).get("charts");
            int seen = 0;
            for (JsonNode c : charts) {
                double top = 0;
                for (JsonNode s : c.get("series")) {
                    for (JsonNode v : s.get("values")) {
                        top = Math.max(top, v.asDouble());
                    }
                }
                for (JsonNode s : c.get("series")) {
                    String name = s.get("label").asText();
                    if (!c.get("id").asText().startsWith("invocations") || !failed.containsKey(name)) {
                        continue;
                    }
                    seen++;
                    double peak = 0;
                    for (JsonNode v : s.get("values")) {
                        peak = Math.max(peak, v.asDouble());
                    }
                    // the page's scale is the chart's highest value (and a margin): half of it at least
                    assertTrue(peak >= top / 2, scenario + ": " + name + " peaks at " + peak + " in a chart to " + top);
                    assertTrue(c.get("title").asText().contains(name + ": " + String.format(java.util.Locale.ROOT,
                            "%,d", failed.get(name))), scenario + ": the panel's heading gives " + name
                            + "'s total: " + c.get("title"));
                    assertEquals("invocations", c.path("panelOf").asText(), "in the invocations chart's box");
                }
            }
            assertEquals(failed.size(), seen, scenario + ": every outcome that occurred drawn, " + failed.keySet());
        }
    }

    @Test
    void aRunWithNoFailureSaysSoAndDrawsOnePanel() throws Exception {
        RunResult r = TeacherChartsTest.run("cold-starts-java-python");
        assertTrue(failed(r.summary()).isEmpty(), "the premise: " + failed(r.summary()));
        assertEquals(1, TeacherChartsTest.panels(TeacherChartsTest.png(r, "invocations")).size());
        assertTrue(Charts.failedSentence(r).startsWith("Every one of the "), Charts.failedSentence(r));
    }

    @Test
    void pastFourKindsTheSmallestShareTheLastPanel() {
        List<Charts.Outcome> outcomes = new java.util.ArrayList<>();
        long[] totals = {100, 0, 5, 7, 50, 1, 2};
        for (int i = 0; i < totals.length; i++) {
            outcomes.add(new Charts.Outcome("o" + i, new long[] {totals[i]}, "#000000", null, totals[i]));
        }
        assertEquals(List.of(List.of(4), List.of(3), List.of(2), List.of(6, 5)), Charts.failedPanels(outcomes));
        assertEquals("The other outcomes: o6 2, o5 1", Charts.panelTitle(outcomes, List.of(6, 5)));
        assertEquals(List.of(List.of(4), List.of(3), List.of(2), List.of(6)), Charts.failedPanels(
                outcomes.subList(0, 7).stream().map(o -> o.name().equals("o5") ? new Charts.Outcome("o5", new long[1],
                        "#000000", null, 0) : o).toList()));
    }
}
