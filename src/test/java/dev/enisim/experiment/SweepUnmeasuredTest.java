package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.enisim.report.SweepReport;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sweep point where a latency was not measured (nothing succeeded) is a gap, said so; not an unknown metric. */
class SweepUnmeasuredTest {

    private static final String BASE = """
            name: sized
            duration: 5m
            vpcs: [{id: vpc-c, securityGroups: [sg-c], subnets: [{id: subnet-c, cidr: 10.8.0.0/28, az: a}]}]
            functions: [{name: api, duration: 100ms, arrivals: {poisson: 5/s},
                         vpcConfig: {subnetIds: [subnet-c], securityGroupIds: [sg-c]}}]
            """;

    private static JsonNode tree() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(BASE);
    }

    @Test
    void aPointWhereNothingSucceededHasNoValueAndNoProblem() throws Exception {
        String others = "vpcs[0].subnets[0].otherUsedIps";
        List<String> metrics = List.of("latencyMillis.p99", "invocations.succeeded");
        List<Sweep.Point> points = new ArrayList<>();
        for (String v : List.of("0", "11")) {
            points.add(Sweep.point(tree(), "sized.yaml", Map.of(others, v), metrics, 1));
        }
        Sweep.Point full = points.get(1);
        assertNull(full.problem(), full.problem());
        assertEquals(null, full.metrics().get("latencyMillis.p99"), "no value: a gap");
        assertEquals(0.0, full.metrics().get("invocations.succeeded").mean());
        assertTrue(points.get(0).metrics().get("latencyMillis.p99").mean() > 0);
        List<String> v = SweepReport.verdicts(List.of(new Sweep.Axis(others, List.of("0", "11"))), metrics, points);
        assertTrue(v.get(0).startsWith("latencyMillis.p99 is ") && v.get(0).contains("; no value at 1 point(s) ("
                + others + " = 11: nothing measured there"), v.get(0));
    }

    /**
     * An experimenter's review: a sweep of the ENI deletion time in a 75-minute teardown scenario, 10 replications,
     * said "teardowns[1].waitSeconds has no value at any point (nothing measured, e.g. no invocation succeeded)",
     * where 7 to 10 of each point's replications had a wait and the others were cut short by the run's end. The
     * sentence said that one replication without a value left the point without one; a point now has the value of
     * the replications that had one (see {@link #aWaitCutShortInSomeReplicationsIsOverThoseThatHaveOne}), so "no
     * value" is a point where no replication had one, and the sentence says that.
     */
    @Test
    void aPointWithNoValueInAnyReplicationSaysWhy() {
        Sweep.Axis median = new Sweep.Axis("hyperplane.eniDeleteTime.median", List.of("3m", "10m"));
        String m = "teardowns[1].waitSeconds";
        List<Sweep.Point> points = List.of(new Sweep.Point(Map.of(median.path(), "3m"), Map.of(), null),
                new Sweep.Point(Map.of(median.path(), "10m"), Map.of(), null));
        String v = SweepReport.verdicts(List.of(median), List.of(m), points).get(0);
        assertTrue(v.contains("in any replication") && v.contains("a teardown's wait was cut short by the"
                + " run's end in every one") && v.contains("a point with a value in some replications has the"
                + " figures of those, with their count"), v);
    }

    /**
     * An experimenter's review: a sweep point lost a metric entirely when one of its replications had no value for it
     * (the teardown's wait cut short by the run's end in 6 of 10), where {@code run --replications} summarises those
     * that have one and says how many. The point's value is now over those replications, its n their count, each
     * replication's value kept (NaN where none) for the paired comparisons, through the progress file too.
     */
    @Test
    void aWaitCutShortInSomeReplicationsIsOverThoseThatHaveOne() throws Exception {
        JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(java.nio.file.Path.of(
                "scenarios/teardown.yaml").toFile());
        String m = "teardowns[1].waitSeconds";
        Sweep.Point p = Sweep.point(tree, "teardown.yaml", Map.of("duration", "75m"), List.of(m, "enis.peak"), 10);
        assertNull(p.problem(), p.problem());
        MetricStats s = p.metrics().get(m);
        List<Double> runs = p.runs().get(m);
        assertTrue(s != null, "the point keeps the metric: " + p);
        long with = runs.stream().filter(x -> !x.isNaN()).count();
        assertTrue(with >= 2 && with < 10, "some replications cut short, some not: " + runs);
        assertEquals(with, s.n());
        assertEquals(runs.stream().filter(x -> !x.isNaN()).mapToDouble(Double::doubleValue).average().orElseThrow(),
                s.mean(), 1e-9);
        assertEquals(10, runs.size(), "one entry per replication, paired by index");
        Sweep.Point back = PointCodec.decode(PointCodec.encode(3, p)).point();
        assertEquals(p.metrics(), back.metrics(), "the progress file keeps the count");
        assertEquals(runs, back.runs().get(m), "and which replications had none");
    }

    @Test
    void aFailedPointIsNoValueNotData() throws Exception {
        // a planner's review: "enis.peak is 8 at every point" where one of two points failed (a value the scenario
        // refuses), and "above 0 wherever it is ... or 252" with 252 a failed point
        String others = "vpcs[0].subnets[0].otherUsedIps";
        List<String> metrics = List.of("invocations.errors.SubnetIPAddressLimitReachedException", "enis.peak");
        List<Sweep.Point> points = new ArrayList<>();
        for (String v : List.of("0", "11", "12")) {
            points.add(Sweep.point(tree(), "sized.yaml", Map.of(others, v), metrics, 1));
        }
        assertTrue(points.get(2).problem() != null, "12 of 11 usable: refused");
        List<String> v = SweepReport.verdicts(List.of(new Sweep.Axis(others, List.of("0", "11", "12"))), metrics,
                points);
        assertEquals("invocations.errors.SubnetIPAddressLimitReachedException is 0 wherever " + others + " is 0,"
                + " above 0 wherever it is 11, up to " + v.get(0).substring(v.get(0).indexOf("up to ") + 6,
                v.get(0).indexOf(" at " + others)) + " at " + others + " = 11; 1 point(s) could not run, no value (" + others
                + " = 12)", v.get(0));
        List<Sweep.Point> two = List.of(points.get(0), points.get(2));
        assertEquals("enis.peak is 1 at every point measured; 1 point(s) could not run, no value (" + others + " = 12)",
                SweepReport.verdicts(List.of(new Sweep.Axis(others, List.of("0", "12"))), List.of("enis.peak"), two)
                        .get(0));
    }

    @Test
    void aLatencyTheShortProbeDidNotMeasureIsStillAKnownMetric() throws Exception {
        String full = BASE.replace("az: a}", "az: a, otherUsedIps: 11}");
        Sweep.checkMetrics(ScenarioLoader.parse(full, "full.yaml"), List.of("latencyMillis.p99"));
        IllegalArgumentException x = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Sweep.checkMetrics(ScenarioLoader.parse(full, "full.yaml"), List.of("latencyMillis.p98")));
        assertTrue(x.getMessage().contains("unknown metric 'latencyMillis.p98'"), x.getMessage());
    }
}
