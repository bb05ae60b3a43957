package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.report.ReportWriter;
import dev.enisim.report.SummaryJson;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** The chart faults a teacher found using the reports in class (review of 0.1.0), each held by a test. */
class TeacherChartsTest {

    private static final Map<String, RunResult> RUNS = new HashMap<>();

    static synchronized RunResult run(String scenario) throws Exception {
        RunResult r = RUNS.get(scenario);
        if (r == null) {
            r = new Simulation(ScenarioLoader.load(Path.of("scenarios/" + scenario + ".yaml")), 0).run();
            RUNS.put(scenario, r);
        }
        return r;
    }

    static JsonNode pageCharts(RunResult r) throws Exception {
        String html = new String(ReportWriter.render(r).get("report.html"), StandardCharsets.UTF_8);
        return SummaryJson.mapper().readTree(html.substring(html.indexOf("{", html.indexOf("id=\"enisim-data\"")),
                html.indexOf("</script>", html.indexOf("id=\"enisim-data\"")))).get("charts");
    }

    static JsonNode pageChart(JsonNode charts, String id) {
        for (JsonNode c : charts.get("charts")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no chart " + id);
    }

    static JFreeChart png(RunResult r, String name) {
        return Charts.all(r).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().chart();
    }

    /** A chart's panels: the subplots of one in panels (the invocations'), or its one plot. */
    static List<org.jfree.chart.plot.XYPlot> panels(JFreeChart c) {
        return c.getXYPlot() instanceof org.jfree.chart.plot.CombinedDomainXYPlot combined ? combined.getSubplots()
                : List.of(c.getXYPlot());
    }

    static JsonNode series(JsonNode chart, String labelStart) {
        for (JsonNode s : chart.get("series")) {
            if (s.get("label").asText().startsWith(labelStart)) {
                return s;
            }
        }
        throw new AssertionError("no series " + labelStart + " in " + chart.get("id"));
    }

    /**
     * Finding 1: quota-500's "others (92 functions, summed)" climbed to ~130 concurrent executions where the
     * account's peak was 15. The others' line never passes the account's, and says what it is.
     */
    @Test
    void theOthersLineNeverClaimsMoreThanTheAccount() throws Exception {
        JsonNode c = pageChart(pageCharts(run("quota-500")), "concurrency");
        JsonNode account = series(c, "account").get("values");
        JsonNode others = series(c, "others (");
        assertTrue(others.get("label").asText().endsWith("highest of them)"), others.get("label").asText());
        for (int i = 0; i < account.size(); i++) {
            assertTrue(others.get("values").get(i).asLong() <= account.get(i).asLong(),
                    "bucket " + i + ": others " + others.get("values").get(i) + " > account " + account.get(i));
        }
        assertTrue(c.get("note").asText().contains("others: the highest of them"), c.get("note").asText());
        JsonNode conn = pageChart(pageCharts(run("quota-500")), "connections");
        assertTrue(series(conn, "others (").get("label").asText().endsWith("keys, highest of them)"));
        for (JsonNode s : conn.get("series")) {
            for (JsonNode v : s.get("values")) {
                assertTrue(v.asLong() <= 15, s.get("label") + ": " + v + " connections, more than the account's peak");
            }
        }
    }

    /** Finding 1: no two series of a chart in the same colour (svc-006, svc-008 and others were all grey). */
    @Test
    void namedSeriesAreNeverInTheOthersGrey() throws Exception {
        for (JsonNode c : pageCharts(run("quota-500")).get("charts")) {
            Set<String> colours = new HashSet<>();
            for (JsonNode s : c.get("series")) {
                if (s.get("label").asText().startsWith("capacity ")) {
                    continue;
                }
                assertTrue(colours.add(s.get("color").asText()), c.get("id") + ": " + s.get("label") + " in "
                        + s.get("color") + " as another series");
            }
        }
        XYDataset d = png(run("quota-500"), "concurrency").getXYPlot().getDataset();
        Set<Object> paints = new HashSet<>();
        for (int i = 0; i < d.getSeriesCount(); i++) {
            assertTrue(paints.add(png(run("quota-500"), "concurrency").getXYPlot().getRenderer().getSeriesPaint(i)),
                    "PNG concurrency: " + d.getSeriesKey(i) + " in another series' colour");
        }
    }

    /**
     * Finding 5: charts/invocations.png stacked its outcomes (quickstart's top at ~5,300) where the page draws each
     * from 0 (4,600 succeeded, 600 failed): the PNG's scale now ends near the highest single outcome, below what a
     * stack would need.
     */
    @Test
    void theInvocationsPngIsNotStacked() throws Exception {
        JFreeChart c = png(run("quickstart"), "invocations");
        ChartFiles.png(c, 1000, 420); // lays the axis out
        XYDataset all = Charts.invocationsDataset(run("quickstart"));
        double highest = 0;
        double stacked = 0;
        for (int k = 0; k < all.getItemCount(0); k++) {
            double sum = 0;
            for (int i = 0; i < all.getSeriesCount(); i++) {
                highest = Math.max(highest, all.getYValue(i, k));
                sum += all.getYValue(i, k);
            }
            stacked = Math.max(stacked, sum);
        }
        assertTrue(stacked > highest * 1.1, "the premise: stacking would reach higher, " + stacked + " vs " + highest);
        // each panel (the succeeded, then each outcome that did not succeed on its own scale) draws its lines from 0
        for (org.jfree.chart.plot.XYPlot p : panels(c)) {
            XYDataset d = p.getDataset();
            double top = 0;
            for (int i = 0; i < d.getSeriesCount(); i++) {
                for (int k = 0; k < d.getItemCount(i); k++) {
                    top = Math.max(top, d.getYValue(i, k));
                }
            }
            assertEquals(top, p.getRenderer().findRangeBounds(d).getUpperBound(), 1e-9,
                    "the data drawn reach the highest single outcome, not a stack");
            assertTrue(!(p.getRenderer() instanceof org.jfree.chart.renderer.xy.StackedXYAreaRenderer2));
        }
        assertEquals(highest, p0(c), 1e-9, "the succeeded panel's highest");
    }

    private static double p0(JFreeChart c) {
        XYDataset d = panels(c).get(0).getDataset();
        return panels(c).get(0).getRenderer().findRangeBounds(d).getUpperBound();
    }

    /**
     * Finding 5: idle-reclaim's few invocations every 10 days were thin interpolated spikes, those at 0 d on the axis.
     * Each value alone between empty buckets gets a dot, in every series (the ResourceNotReadyException at 20 d too),
     * and the time axis starts before 0.
     */
    @Test
    void sparseInvocationsAreDotted() throws Exception {
        JFreeChart c = png(run("idle-reclaim"), "invocations");
        ChartFiles.png(c, 1000, 420);
        int alone = 0;
        for (org.jfree.chart.plot.XYPlot plot : panels(c)) { // each panel's values alone
            XYDataset d = plot.getDataset();
            for (int i = 0; i < d.getSeriesCount(); i++) {
                for (int k = 0; k < d.getItemCount(i); k++) {
                    boolean before = k > 0 && d.getYValue(i, k - 1) > 0;
                    boolean after = k < d.getItemCount(i) - 1 && d.getYValue(i, k + 1) > 0;
                    if (d.getYValue(i, k) > 0 && !before && !after) {
                        alone++;
                        boolean dot = false;
                        for (int r = 0; r < plot.getRendererCount(); r++) {
                            dot |= plot.getRenderer(r) instanceof org.jfree.chart.renderer.xy.XYLineAndShapeRenderer l
                                    && l.getDefaultShapesVisible() && l.getItemShapeVisible(i, k);
                        }
                        assertTrue(dot, d.getSeriesKey(i) + " item " + k + ": no dot");
                    }
                }
            }
        }
        org.jfree.chart.plot.XYPlot plot = c.getXYPlot();
        assertTrue(alone >= 7, "the premise: lone values at 0, 10, 20, 30 and 40 d, " + alone);
        assertTrue(plot.getDomainAxis().getLowerBound() < 0, "the 0 d values off the axis");
    }

    /**
     * Finding 9: teardown's free IPs went 249 -> 251 on an axis of 0 to 300, the release a flat line, and the data
     * crossed the action labels. The axis is zoomed to the data and the usable line (page and PNG), with the top third
     * left to the labels.
     */
    @Test
    void freeIpAxesAreZoomedToTheData() throws Exception {
        RunResult r = run("teardown");
        for (JsonNode c : pageCharts(r).get("charts")) {
            if (!c.get("id").asText().startsWith("subnet-")) {
                continue;
            }
            long lo = Long.MAX_VALUE;
            long hi = 0;
            for (JsonNode v : c.get("series").get(0).get("values")) {
                lo = Math.min(lo, v.asLong());
                hi = Math.max(hi, v.asLong());
            }
            assertTrue(hi > lo && hi - lo <= 3, "the premise: a change of a few IPs, " + lo + " -> " + hi);
            double min = c.get("yMin").asDouble();
            double max = c.get("yMax").asDouble();
            assertTrue(min <= lo && min >= lo - 5 && max <= hi + 10, c.get("id") + ": axis " + min + " to " + max);
            double top = Math.max(hi, c.get("lines").get(0).get("value").asDouble());
            assertTrue((max - top) / (max - min) >= 0.3, c.get("id") + ": no room for the labels above " + top);
            assertEquals(251, c.get("lines").get(0).get("value").asInt(), "the usable line in view");
        }
        JFreeChart png = png(r, "subnet-ips");
        for (Object p : ((org.jfree.chart.plot.CombinedDomainXYPlot) png.getPlot()).getSubplots()) {
            org.jfree.chart.axis.ValueAxis y = ((org.jfree.chart.plot.XYPlot) p).getRangeAxis();
            assertTrue(y.getLowerBound() >= 240 && y.getUpperBound() <= 260, "PNG axis " + y.getRange());
        }
        assertEquals(0, Charts.freeIpRange(new long[] {11, 5, 0}, 11)[0], "a /28 running out keeps 0 in view");
    }

    /**
     * Finding 7: idle-reclaim's keys on subnet-batch-b lay exactly under those on subnet-batch-a (four keys in the
     * legend, two lines), and the ENI axis ran down to -0.5. Identical series are dashed and named in the note, on the
     * page and in the PNG, and count axes start at 0.
     */
    @Test
    void identicalSeriesAreSaidAndCountAxesStayAtZero() throws Exception {
        RunResult r = run("idle-reclaim");
        JFreeChart enis = png(r, "enis");
        ChartFiles.png(enis, 1000, 420);
        assertTrue(enis.getXYPlot().getRangeAxis().getLowerBound() >= 0, "axis from "
                + enis.getXYPlot().getRangeAxis().getLowerBound());
        StringBuilder subtitles = new StringBuilder();
        for (int i = 0; i < enis.getSubtitleCount(); i++) {
            if (enis.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
                subtitles.append(t.getText());
            }
        }
        assertTrue(subtitles.toString().contains("subnet-batch-a+[sg-ledger] = subnet-batch-b+[sg-ledger]"),
                subtitles.toString());
        JsonNode page = pageChart(pageCharts(r), "enis");
        assertTrue(page.get("note").asText().contains("subnet-batch-a+[sg-ledger] = subnet-batch-b+[sg-ledger]"),
                page.get("note").asText());
        assertTrue(series(page, "subnet-batch-b+[sg-ledger]").path("dash").asBoolean(), "dashed on the page");
    }
}
