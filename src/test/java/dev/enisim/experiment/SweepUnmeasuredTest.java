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
     * sentence now says that one replication without a value leaves the point without one, and why that can be.
     */
    @Test
    void aPointMissingAValueInSomeReplicationsSaysWhy() {
        Sweep.Axis median = new Sweep.Axis("hyperplane.eniDeleteTime.median", List.of("3m", "10m"));
        String m = "teardowns[1].waitSeconds";
        List<Sweep.Point> points = List.of(new Sweep.Point(Map.of(median.path(), "3m"), Map.of(), null),
                new Sweep.Point(Map.of(median.path(), "10m"), Map.of(), null));
        String v = SweepReport.verdicts(List.of(median), List.of(m), points).get(0);
        assertTrue(v.contains("in one replication or more") && v.contains("a teardown's wait was cut short by the"
                + " run's end") && v.contains("a point's value needs one from every replication"), v);
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
                v.get(0).indexOf(" at " + others)) + " at " + others + " = 11; 1 point(s) failed, no value (" + others
                + " = 12)", v.get(0));
        List<Sweep.Point> two = List.of(points.get(0), points.get(2));
        assertEquals("enis.peak is 1 at every point measured; 1 point(s) failed, no value (" + others + " = 12)",
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
