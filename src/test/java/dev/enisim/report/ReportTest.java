package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.Metric;
import dev.enisim.report.chart.Charts;
import dev.enisim.report.chart.StateTimeline;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Charts (their datasets, not pixels), report.html, the narrative, and the committed example report. */
class ReportTest {

    private static RunResult quickstart;

    @BeforeAll
    static void run() throws Exception {
        quickstart = new Simulation(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 0).run();
    }

    private static List<String> keys(org.jfree.data.xy.XYDataset d) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < d.getSeriesCount(); i++) {
            out.add(String.valueOf(d.getSeriesKey(i)));
        }
        return out;
    }

    @Test
    void everyChartIsProducedWithItsSeries() {
        List<String> names = Charts.all(quickstart).stream().map(Charts.Chart::name).toList();
        assertEquals(List.of("invocations", "latency", "latency-by-function", "concurrency", "environments",
                "cold-starts", "enis", "connections", "subnet-ips", "timeline"), names);
        DefaultTableXYDataset inv = Charts.invocationsDataset(quickstart);
        assertEquals(List.of("Succeeded", "Function errors", "Throttles (429)", "ResourceConflictException",
                "SubnetIPAddressLimitReachedException"), keys(inv));
        assertEquals(120, inv.getItemCount(), "one point per 1-minute bucket");
        double conflicts = 0;
        for (int i = 0; i < inv.getItemCount(); i++) {
            conflicts += inv.getYValue(3, i);
        }
        assertEquals(quickstart.summary().invocations().errors().get("ResourceConflictException"), conflicts, 0);
        assertEquals(List.of("p50", "p90", "p99"), keys(Charts.latencyDataset(quickstart)));
        XYSeriesCollection enis = Charts.perKey(quickstart, Metric.HYPERPLANE_ENI_COUNT);
        assertEquals(8, enis.getSeriesCount());
        assertTrue(keys(enis).contains("subnet-a+[sg-app]"));
        assertEquals(List.of("subnet-a (10.0.1.0/28, 11 usable)", "subnet-b (10.0.2.0/24, 251 usable)"),
                keys(Charts.subnetDataset(quickstart)));
    }

    @Test
    void theStateTimelineHasALanePerFunctionAndEni() {
        List<StateTimeline.Spell> spells = StateTimeline.spells(quickstart);
        assertTrue(spells.contains(new StateTimeline.Spell("notifications", "Failed", 3600, 7200)));
        assertTrue(spells.stream().anyMatch(s -> s.lane().equals("orders-api") && s.state().equals("Pending")));
        assertTrue(spells.stream().anyMatch(s -> s.lane().startsWith("eni-0001") && s.state().equals("InUse")));
        assertEquals(6 + 8, spells.stream().map(StateTimeline.Spell::lane).distinct().count());
    }

    @Test
    void chartsAndReportAreDeterministic() throws Exception {
        RunResult again = new Simulation(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 0).run();
        Map<String, byte[]> a = ReportWriter.render(quickstart);
        Map<String, byte[]> b = ReportWriter.render(again);
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }
        assertTrue(a.keySet().containsAll(List.of("charts/invocations.png", "charts/invocations.svg",
                "charts/timeline.png", "report.html", "narrative.txt")));
    }

    @Test
    void theHtmlReportIsWellFormedSelfContainedAndHasEveryChart() throws Exception {
        Map<String, byte[]> files = ReportWriter.render(quickstart);
        String html = new String(files.get("report.html"), StandardCharsets.UTF_8);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(files.get("report.html")));
        assertEquals(0, d.getElementsByTagName("img").getLength(), "charts drawn from the data, not PNGs");
        assertTrue(html.contains("<script type=\"application/json\" id=\"enisim-data\">"));
        assertTrue(html.contains("uPlot"), "the charting library is inlined");
        for (org.w3c.dom.Node n = d.getElementsByTagName("script").item(0); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e && e.getTagName().equals("script")) {
                assertFalse(e.hasAttribute("src"), "no script loaded from elsewhere");
            }
        }
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external URL");
        assertFalse(html.contains("src=\"charts/"), "no chart loaded from a file");
        assertTrue(html.contains("Assumptions in force") && html.contains("What happened"));
        assertTrue(html.contains("SubnetIPAddressLimitReachedException"));
    }

    @Test
    void theNarrativeExplainsEachRuleOnceAndSummarisesRepeats() {
        List<String> lines = Narrative.lines(quickstart);
        assertTrue(lines.contains("00:00:00  orders-api -> Pending (Creating): created with VpcConfig"), lines.get(1));
        // the quickstart's draws (since each ENI key's own streams): orders-api's last ENI ready at 00:02:32, every
        // invocation until then refused, told in one line ending when the function went Active
        assertTrue(lines.stream().anyMatch(l -> l.matches("00:00:00  7,713 invocations of orders-api failed with "
                + "ResourceConflictException \\(HTTP 409\\) between 00:00:00 and 00:02:32")), String.join("\n", lines));
        assertTrue(lines.contains("00:02:32  orders-api -> Active: all ENIs ready"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("00:10:00  orders-worker shares eni-0001")));
        assertEquals(1, lines.stream().filter(l -> l.contains("why: Hyperplane ENIs are shared")).count(),
                "explained once, though two ENIs are shared");
        assertTrue(lines.stream().anyMatch(l -> l.contains("2 ENIs being created: eni-0001 to eni-0002")),
                "ENI events at one instant told together");
        assertTrue(lines.stream().anyMatch(l -> l.contains("notifications -> Failed (SubnetOutOfIPAddresses): no ENI "
                + "could be created for subnet-a+[sg-notify]")));
        assertTrue(lines.size() < 80, "summarised: " + lines.size() + " lines for 565,005 invocations");
    }

    @Test
    void theTraceHasOneJsonLinePerJournalEntry() throws Exception {
        String trace = Narrative.trace(quickstart);
        assertEquals(quickstart.journal().size(), trace.lines().count());
        assertNotNull(SummaryJson.mapper().readTree(trace.lines().findFirst().orElseThrow()).get("kind"));
    }

    /**
     * reports/quickstart/ is committed as the README's example; it must match a fresh run. Regenerate it with
     * {@code java -jar target/enisim.jar run scenarios/quickstart.yaml}.
     */
    @Test
    void theCommittedQuickstartReportMatchesAFreshRun() throws Exception {
        Map<String, byte[]> fresh = ReportWriter.render(quickstart);
        Path dir = Path.of("reports/quickstart");
        for (String text : List.of("summary.json", "timeseries.csv", "enis.csv", "narrative.txt")) {
            assertEquals(new String(fresh.get(text), StandardCharsets.UTF_8), Files.readString(dir.resolve(text)),
                    text + " differs from a fresh run: regenerate reports/quickstart (see README, Reports)");
        }
        for (String chart : fresh.keySet()) {
            assertTrue(Files.exists(dir.resolve(chart)), chart + " missing from the committed example");
        }
    }
}
