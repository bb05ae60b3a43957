package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The optional top-level startsAt: the report's clock in weekday form when set, simulated time otherwise. */
class StartsAtTest {

    private static final String YAML = """
            name: clock
            duration: 2d
            bucket: 10m
            %s
            functions:
              - { name: a, runtime: java21, createdAt: 38h, duration: 50ms, arrivals: { poisson: 1/s } }
            """;

    private static RunResult run(String startsAt) throws ScenarioException {
        return new Simulation(ScenarioLoader.parse(YAML.formatted(startsAt), "t.yaml"), 0).run();
    }

    @Test
    void theNarrativeAndTheAxisUseWeekdaysOnlyWhenStartsAtIsSet() throws Exception {
        RunResult monday = run("startsAt: 2026-11-30T00:00:00Z"); // a Monday
        assertEquals(Optional.of(Instant.parse("2026-11-30T00:00:00Z")), monday.scenario().startsAt());
        List<String> lines = Narrative.lines(monday);
        // created at 38h: Tuesday 14:00
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Tue 14:00:00  a's cold starts")), lines.toString());
        Map<String, byte[]> files = ReportWriter.render(monday);
        String html = new String(files.get("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("\"startsAtEpochSeconds\":" + Instant.parse("2026-11-30T00:00:00Z").getEpochSecond()),
                "the page's axis is told when the run starts");

        RunResult plain = run("");
        assertEquals(Optional.empty(), plain.scenario().startsAt());
        List<String> simulated = Narrative.lines(plain);
        assertTrue(simulated.stream().anyMatch(l -> l.startsWith("1d 14:00:00  a's cold starts")), simulated.toString());
        String page = new String(ReportWriter.render(plain).get("report.html"), StandardCharsets.UTF_8);
        assertFalse(page.contains("\"startsAtEpochSeconds\":"), "without startsAt the axis stays in simulated time");
        assertEquals("2026-11-30T00:00:00Z", monday.summary().startsAt(), "summary.json says when the run starts");
        assertEquals(null, plain.summary().startsAt(), "and says nothing without startsAt");
        // apart from that instant, written for the reader, startsAt changes nothing in the simulation
        assertEquals(plain.summary(), monday.summary().withReplay(null, monday.summary().rejectedActions()),
                "startsAt changes nothing in the simulation");
    }

    /**
     * A run longer than a week gives the date with the weekday: "Mon 00:00:00" named day 0 and day 14 alike, and the
     * page's Answers said "16d 00:00:00" where the narrative said "Wed 00:00:00": both now the same wall clock.
     */
    @Test
    void aRunLongerThanAWeekDatesItsInstantsAndThePageAgreesWithTheStory() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(dev.enisim.scenario.OneSubnetYaml.of(
                "name: long\nduration: 17d\nbucket: 1h\nstartsAt: 2026-11-30T00:00:00Z",
                "name: report\nexisting: Active\nduration: 1s\n"
                + "arrivals: [{ constant: 1/m, until: 1m }, { constant: 1/m, from: 16d, until: 385h }]"),
                "long.yaml"), 0).run();
        List<String> lines = Narrative.lines(r);
        String all = String.join("\n", lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Mon 14 Dec 00:00:00  report -> Inactive (Idle)")), all);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Wed 16 Dec 00:00:00  report -> Pending (Restoring)")),
                all);
        String html = new String(ReportWriter.render(r).get("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains(">Wed 16 Dec 00:00:00<"), "the Answers table's first failure, as the story says it");
        assertFalse(html.contains(">16d 00:00:00<"), "not in simulated time beside the story's wall clock");
        RunResult week = run("startsAt: 2026-11-30T00:00:00Z");
        assertTrue(Narrative.lines(week).stream().anyMatch(l -> l.startsWith("Tue 14:00:00  ")), "two days: no date");
    }

    /** The tick labels JFreeChart draws on a chart's time axis (read through its API, not from pixels). */
    private static List<String> timeTicks(RunResult r, String chart) {
        org.jfree.chart.JFreeChart c = dev.enisim.report.chart.Charts.all(r).stream()
                .filter(x -> x.name().equals(chart)).findFirst().orElseThrow().chart();
        org.jfree.chart.axis.ValueAxis x = c.getXYPlot().getDomainAxis();
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(1000, 500,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            c.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 1000, 500)); // lays the axis out as the PNG does
            List<?> ticks = x.refreshTicks(g, new org.jfree.chart.axis.AxisState(),
                    new java.awt.geom.Rectangle2D.Double(60, 40, 900, 380), org.jfree.chart.ui.RectangleEdge.BOTTOM);
            return ticks.stream().map(t -> ((org.jfree.chart.axis.Tick) t).getText()).filter(t -> !t.isEmpty()).toList();
        } finally {
            g.dispose();
        }
    }

    @Test
    void thePngChartsTimeAxisUsesWeekdaysWhenStartsAtIsSet() throws Exception {
        RunResult monday = run("startsAt: 2026-11-30T00:00:00Z"); // a Monday
        for (String chart : List.of("invocations", "timeline")) {
            List<String> ticks = timeTicks(monday, chart);
            assertTrue(ticks.size() >= 3, chart + ": " + ticks);
            assertTrue(ticks.stream().allMatch(t -> t.matches("(Mon|Tue|Wed) \\d\\d:\\d\\d")), chart + ": " + ticks);
            assertTrue(ticks.contains("Mon 00:00") && ticks.stream().anyMatch(t -> t.startsWith("Tue ")),
                    chart + ": " + ticks);
        }
        List<String> simulated = timeTicks(run(""), "invocations");
        assertTrue(simulated.contains("00:00") && simulated.stream().allMatch(
                t -> t.matches("(\\d+d )?\\d\\d:\\d\\d")), "simulated time without startsAt: " + simulated);
        assertTrue(simulated.stream().anyMatch(t -> t.startsWith("1d ")), "one day in: 1d, as the narrative says "
                + simulated);
    }

    @Test
    void aBadStartsAtIsReportedAtItsPath() {
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(YAML.formatted("startsAt: next monday"), "t.yaml"));
        assertTrue(e.getMessage().contains("startsAt") && e.getMessage().contains("2026-11-30T00:00:00Z"),
                e.getMessage());
    }
}
