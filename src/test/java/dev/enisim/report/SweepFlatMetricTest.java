package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.experiment.MetricStats;
import dev.enisim.experiment.Sweep;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A metric 0 at every point has a line in its chart's place, on the page and in its chart files (a planner's review:
 * invocations.errors.SubnetIPAddressLimitReachedException was a full chart of a flat line on an axis from -1 to 1).
 */
class SweepFlatMetricTest {

    private static final String ERRORS = "invocations.errors.SubnetIPAddressLimitReachedException";
    private static final Sweep.Axis TRAFFIC = new Sweep.Axis("traffic", List.of("1", "5", "10"));

    private static List<Sweep.Point> points(boolean oneFails) {
        List<Sweep.Point> out = new ArrayList<>();
        for (int i = 0; i < TRAFFIC.values().size(); i++) {
            Map<String, String> v = Map.of("traffic", TRAFFIC.values().get(i));
            if (oneFails && i == 2) {
                out.add(new Sweep.Point(v, Map.of(), "bad value"));
                continue;
            }
            out.add(new Sweep.Point(v, Map.of("enis.peak", new MetricStats(1, 8 + i, 0, 8 + i, 8 + i),
                    ERRORS, new MetricStats(1, 0, 0, 0, 0)), null));
        }
        return out;
    }

    @Test
    void aMetricZeroAtEveryPointHasALineInItsChartsPlace() {
        Map<String, byte[]> files = SweepReport.render("acme", 1, List.of(TRAFFIC), List.of("enis.peak", ERRORS),
                points(false));
        String html = new String(files.get("sweep.html"), StandardCharsets.UTF_8);
        assertEquals(1, html.split("<img ", -1).length - 1, "the chart of enis.peak only: " + html);
        assertTrue(html.contains("Exception</strong>: 0 at every point</p>"), html);
        String svg = new String(files.get("sweep-" + ERRORS + ".svg"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<desc>Chart. 0 at every point (no chart to draw).</desc>"), svg.substring(0,
                Math.min(800, svg.length())));
        assertFalse(svg.contains("Vertical axis"), "no axis from -1 to 1");
        assertTrue(svg.contains("height='" + SweepReport.FLAT_HEIGHT + ".0'"), "one line high, not a chart's 480 px");
        assertTrue(files.containsKey("sweep-" + ERRORS + ".png"), "the chart files are still there, saying so");
        String peak = new String(files.get("sweep.svg"), StandardCharsets.UTF_8);
        assertTrue(peak.contains("Vertical axis: enis.peak (mean)."), "a metric that varies keeps its chart");
    }

    @Test
    void aMetricZeroWhereverMeasuredSaysSo() {
        assertEquals("0 at every point measured", SweepReport.flat(points(true), ERRORS));
        assertEquals("0 at every point", SweepReport.flat(points(false), ERRORS));
        assertEquals(null, SweepReport.flat(points(false), "enis.peak"));
        assertEquals(null, SweepReport.flat(List.of(new Sweep.Point(Map.of("traffic", "1"), Map.of(), "bad")),
                ERRORS), "no point measured: no value, not 0");
    }

    /**
     * A data engineer's review: latencyMillis.p99 with no value at any point of a two-number grid (nothing
     * succeeded) crashed after every point had run ("Requires lowerBound < upperBound", the heatmap's scale from
     * +MAX to -MAX), nothing written. The charts and the page say "no value at any point", the rest is written.
     */
    @Test
    void aMetricWithNoValueAnywhereIsALineNotACrash() {
        Sweep.Axis memory = new Sweep.Axis("functions[orders-api].memoryMb", List.of("128", "1024"));
        Sweep.Axis traffic = new Sweep.Axis("traffic", List.of("1", "2"));
        List<Sweep.Point> points = new ArrayList<>();
        for (String mb : memory.values()) {
            for (String t : traffic.values()) {
                points.add(new Sweep.Point(Map.of(memory.path(), mb, traffic.path(), t), Map.of(), null));
            }
        }
        Map<String, byte[]> files = SweepReport.render("acme", 1, List.of(memory, traffic),
                List.of("latencyMillis.p99"), points);
        String html = new String(files.get("sweep.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("p99</strong>: no value at any point</p>"), html);
        assertTrue(new String(files.get("sweep.svg"), StandardCharsets.UTF_8).contains("no value at any point"));
        assertTrue(files.containsKey("sweep.csv") && files.containsKey("sweep.png"), files.keySet().toString());
        assertEquals("every point failed, no value", SweepReport.line(List.of(new Sweep.Point(Map.of("traffic", "1"),
                Map.of(), "bad")), ERRORS));
        assertEquals(null, SweepReport.line(points(false), "enis.peak"), "a metric with values has its chart");
    }
}
