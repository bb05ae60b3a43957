package dev.enisim.report;

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
 * A varied path's list element by its name, beside the path, wherever the sweep shows the path to a reader: the charts'
 * titles and axes, the page's table, the terminal's table and lines; sweep.csv's columns stay the paths (a planner's
 * review: {@code vpcs[0].subnets[1].cidr} alone, and the planner had to work out that index 1 was lambda-a).
 */
class SweepNamedAxisTest {

    private static final Sweep.Axis CIDR = new Sweep.Axis("vpcs[0].subnets[1].cidr",
            List.of("10.20.0.0/28", "10.20.0.0/27"), "lambda-a");
    private static final Sweep.Axis TRAFFIC = new Sweep.Axis("traffic", List.of("1", "5"));

    private static List<Sweep.Point> points() {
        List<Sweep.Point> out = new ArrayList<>();
        for (String c : CIDR.values()) {
            for (String t : TRAFFIC.values()) {
                Map<String, String> v = new LinkedHashMap<>();
                v.put(CIDR.path(), c);
                v.put(TRAFFIC.path(), t);
                double thr = t.equals("1") ? 0 : c.endsWith("/28") ? 600 : 100;
                out.add(new Sweep.Point(v, Map.of("invocations.throttled", new MetricStats(1, thr, 0, thr, thr)),
                        null));
            }
        }
        return out;
    }

    @Test
    void theChartThePageAndTheTerminalNameTheSubnet() {
        List<Sweep.Axis> axes = List.of(CIDR, TRAFFIC);
        Map<String, byte[]> files = SweepReport.render("acme", 1, axes, List.of("invocations.throttled"), points());
        String svg = new String(files.get("sweep.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<title>invocations.throttled by vpcs[0].subnets[1].cidr (lambda-a)</title>"), svg
                .substring(0, Math.min(600, svg.length())));
        assertTrue(svg.contains("Horizontal axis: vpcs[0].subnets[1].cidr (lambda-a)."), "the axis too");
        String html = new String(files.get("sweep.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("cidr (lambda-a)</th>"), "the table's header");
        assertTrue(html.contains("data-label=\"vpcs[0].subnets[1].cidr (lambda-a)\""), "each card's label");
        String table = SweepReport.table(axes, List.of("invocations.throttled"), points());
        assertTrue(table.startsWith("vpcs[0].subnets[1].cidr (lambda-a) traffic"), table);
        String verdict = String.join("\n", SweepReport.verdicts(axes, List.of("invocations.throttled"), points()));
        assertTrue(verdict.contains("vpcs[0].subnets[1].cidr (lambda-a) = 10.20.0.0/28"), verdict);
        String csv = new String(files.get("sweep.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("vpcs[0].subnets[1].cidr,traffic,"), "sweep.csv's columns stay the paths: " + csv);
        assertFalse(csv.contains("lambda-a"), csv);
    }

    @Test
    void anAxisWithoutANameShowsThePathAlone() {
        Sweep.Axis bare = new Sweep.Axis(CIDR.path(), CIDR.values());
        String table = SweepReport.table(List.of(bare, TRAFFIC), List.of("invocations.throttled"), points());
        assertTrue(table.startsWith("vpcs[0].subnets[1].cidr traffic"), table);
    }
}
