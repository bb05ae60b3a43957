package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.experiment.MetricStats;
import dev.enisim.experiment.Sweep;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A data engineer's review: an lhs design's chart was a legend of a hundred lines and no plot (2 MB of SVG at 2,000
 * points); and each replication's values, for paired comparisons, were in the progress file alone, deleted at the end.
 */
class SweepScatterAndRunsTest {

    private static final String MEDIAN = "hyperplane.eniCreateTime.median";

    /** An lhs-like design: every point its own duration and traffic. */
    private static List<Sweep.Point> lhs(int n, List<Sweep.Axis> axes) {
        List<Sweep.Point> points = new ArrayList<>();
        List<String> medians = new ArrayList<>();
        List<String> traffic = new ArrayList<>();
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            String m = (30 + r.nextInt(210_000) / 1000.0) + "s";
            String t = Double.toString(0.5 + r.nextInt(2500) / 1000.0);
            medians.add(m);
            traffic.add(t);
            Map<String, String> v = new LinkedHashMap<>();
            v.put(MEDIAN, m);
            v.put("traffic", t);
            double a = 1000 + 3 * i;
            double b = 1010 + 3 * i;
            points.add(new Sweep.Point(v, Map.of("invocations.succeeded", MetricStats.of(new double[] {a, b})), null,
                    Map.of("invocations.succeeded", List.of(a, b))));
        }
        axes.add(new Sweep.Axis(MEDIAN, medians));
        axes.add(new Sweep.Axis("traffic", traffic));
        return points;
    }

    @Test
    void anLhsDesignIsAScatterReadableAtTwoThousandPoints() {
        List<Sweep.Axis> axes = new ArrayList<>();
        List<Sweep.Point> points = lhs(2000, axes);
        assertTrue(SweepReport.scattered(axes, points));
        Map<String, byte[]> files = SweepReport.render("acme", 42, axes, List.of("invocations.succeeded"), points);
        String svg = new String(files.get("sweep.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.length() < 1_000_000, svg.length() + " bytes");
        assertFalse(svg.contains("traffic = "), "no legend entry per value of the second parameter");
        assertTrue(svg.contains("hyperplane.eniCreateTime.median (s)"), "durations as seconds, said on the axis");
        assertTrue(svg.contains("coloured by traffic"), svg.substring(0, 600));
    }

    @Test
    void aSmallGridKeepsItsHeatmapAndLines() {
        Sweep.Axis a = new Sweep.Axis("functions[0].memoryMb", List.of("128", "256"));
        Sweep.Axis b = new Sweep.Axis("traffic", List.of("1", "2"));
        List<Sweep.Point> points = new ArrayList<>();
        for (String x : a.values()) {
            for (String y : b.values()) {
                points.add(new Sweep.Point(Map.of(a.path(), x, b.path(), y), Map.of(), null));
            }
        }
        assertFalse(SweepReport.scattered(List.of(a, b), points), "a grid of few values");
    }

    @Test
    void runsCsvHasARowPerPointAndReplicationWithItsSeed() {
        Sweep.Axis t = new Sweep.Axis("traffic", List.of("1", "2"));
        List<Sweep.Point> points = List.of(
                new Sweep.Point(Map.of("traffic", "1"), Map.of("enis.peak", MetricStats.of(new double[] {4, 6}),
                        "latencyMillis.p99", MetricStats.of(new double[] {12.5})), null, Map.of("enis.peak",
                        List.of(4.0, 6.0), "latencyMillis.p99", List.of(12.5, Double.NaN))),
                new Sweep.Point(Map.of("traffic", "2"), Map.of(), "bad value"));
        String csv = new String(SweepReport.render("acme", 42, List.of(t), List.of("enis.peak",
                "latencyMillis.p99"), points).get("runs.csv"), StandardCharsets.UTF_8);
        assertEquals("point,traffic,replication,seed,enis.peak,latencyMillis.p99\n"
                + "1,1,0,42,4,12.5\n"
                + "1,1,1,42,6,\n", csv);
    }
}
