package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.experiment.MetricStats;
import dev.enisim.experiment.Sweep;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A planner's review of {@code sweep quickstart --vary cidr=/28,/27,/26 --replications 3}: the /27 and /26 rows read
 * "0 [0, 0.9986]" for SubnetIPAddressLimitReachedException, on the page and in the terminal, with no word of what
 * the 0.9986 is (the rule-of-three bound of a count seen 0 times in 3 runs), so the subnet that never failed looked
 * as if it might fail about once. The page and the terminal now say it, and only when such a cell is there.
 */
class SweepZeroCountNoteTest {

    private static final String ERRORS = "invocations.errors.SubnetIPAddressLimitReachedException";

    @Test
    void anIntervalOfACountNeverSeenIsExplained() {
        Sweep.Axis cidr = new Sweep.Axis("vpcs[0].subnets[0].cidr", List.of("10.0.1.0/28", "10.0.1.0/27"));
        MetricStats seen = MetricStats.ofMetric(ERRORS, new double[] {36126, 35700, 36552}, true);
        MetricStats none = MetricStats.ofMetric(ERRORS, new double[] {0, 0, 0}, true);
        assertEquals(-Math.log(0.05) / 3, none.ciHigh(), 1e-12);
        List<Sweep.Point> points = List.of(
                new Sweep.Point(Map.of(cidr.path(), "10.0.1.0/28"), Map.of(ERRORS, seen), null),
                new Sweep.Point(Map.of(cidr.path(), "10.0.1.0/27"), Map.of(ERRORS, none), null));
        String note = SweepReport.zeroCounts(List.of(ERRORS), points);
        assertTrue(note.startsWith("0 [0, 0.9986]: a count that was 0 in every one of a point's 3 replications has the"
                + " interval [0, -ln(0.05)/n], the 95% upper bound of a Poisson mean when none was seen"), note);
        String html = new String(SweepReport.render("quickstart", 42, List.of(cidr), List.of(ERRORS), points)
                .get("sweep.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<p class=\"note\">" + HtmlReport.esc(note) + "</p>"), "the page says it under the table");

        assertEquals("", SweepReport.zeroCounts(List.of(ERRORS), points.subList(0, 1)), "no such cell, no note");
        MetricStats one = MetricStats.ofMetric(ERRORS, new double[] {0}, true);
        assertEquals("", SweepReport.zeroCounts(List.of(ERRORS), List.of(
                new Sweep.Point(Map.of(cidr.path(), "10.0.1.0/27"), Map.of(ERRORS, one), null))),
                "one replication has no interval to explain");
        assertFalse(new String(SweepReport.render("quickstart", 42, List.of(cidr), List.of(ERRORS), points.subList(0, 1))
                .get("sweep.html"), StandardCharsets.UTF_8).contains("rule of three"));
    }
}
