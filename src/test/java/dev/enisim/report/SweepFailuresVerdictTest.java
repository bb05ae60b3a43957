package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.enisim.experiment.MetricStats;
import dev.enisim.experiment.Sweep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "What the sweep shows"' first line: the points that ran with failures, in how many of their replications. */
class SweepFailuresVerdictTest {

    private static final Sweep.Axis CIDR = new Sweep.Axis("cidr", List.of("/27", "/26"));

    private static Sweep.Point point(String cidr, List<Double> errors, List<Double> failed) {
        return new Sweep.Point(Map.of("cidr", cidr), Map.of(Sweep.INVOKE_ERRORS, stats(errors),
                Sweep.FUNCTIONS_FAILED, stats(failed)), null, Map.of(Sweep.INVOKE_ERRORS, errors,
                Sweep.FUNCTIONS_FAILED, failed));
    }

    private static MetricStats stats(List<Double> v) {
        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new MetricStats(v.size(), mean, 0, mean, mean);
    }

    @Test
    void thePointsWithFailuresAreNamedWithTheirReplications() {
        List<Sweep.Point> ps = List.of(point("/27", List.of(300.0, 0.0, 300.0, 0.0), List.of(1.0, 0.0, 1.0, 0.0)),
                point("/26", List.of(0.0, 0.0, 0.0, 0.0), List.of(0.0, 0.0, 0.0, 0.0)));
        assertEquals("1 of 2 points ran with failures (means over the replications): cidr = /27: 150 invoke errors,"
                + " 0.5 functions ended Failed (in 2 of 4 replications). Their other figures are of runs that refused"
                + " those invocations (a refused invocation holds no ENI nor IP address: fewer ENIs there is no"
                + " saving)", SweepReport.verdicts(List.of(CIDR), List.of("enis.peak"), ps).get(0));
        assertEquals("2 points: 1 ran with failures (cidr = /27), 0 could not run", SweepReport.tally(List.of(CIDR),
                ps));
    }

    @Test
    void noFailureIsSaidToo() {
        List<Sweep.Point> ps = List.of(point("/26", List.of(0.0), List.of(0.0)));
        assertEquals("No point ran with failures: no invoke errors and no function ended Failed at any point that ran",
                SweepReport.failures(List.of(CIDR), ps));
        assertNull(SweepReport.failures(List.of(CIDR), List.of(new Sweep.Point(Map.of("cidr", "/26"), Map.of(),
                "bad value"))), "nothing measured: no line");
    }
}
