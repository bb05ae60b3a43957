package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.model.eni.EniState;
import dev.enisim.report.SummaryJson;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two views of a run a user reads side by side, timeseries.csv and summary.json, tell the same story: every
 * count of the summary is the sum of its series over the buckets, every peak the series' maximum, every low its
 * minimum. Checked on example scenarios that between them have successes, function errors, throttles, invoke
 * errors, ENI deletions and orphans; plus bucket placement and Pending spells on small scenarios whose numbers
 * follow by arithmetic.
 */
class SummaryAndSeriesTest {

    private static RunResult run(String scenario) throws Exception {
        return new Simulation(ScenarioLoader.load(Path.of("scenarios", scenario + ".yaml")), 0).run();
    }

    private static RunResult parse(String yaml) throws Exception {
        return new Simulation(ScenarioLoader.parse(yaml, "test.yaml"), 0).run();
    }

    private static long[] series(RunResult r, String scope, String id, String metric) {
        return r.timeSeries().series().stream()
                .filter(s -> s.scope().id().equals(scope) && s.id().equals(id) && (s.exception() == null ? s.metric().metric()
                        : s.metric().metric() + "." + s.exception()).equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no series " + scope + " " + id + " " + metric))
                .values();
    }

    private static long sum(long[] v) {
        return Arrays.stream(v).sum();
    }

    private static long max(long[] v) {
        return Arrays.stream(v).max().orElseThrow();
    }

    /** Invocations (ran: succeeded and function errors), Errors, Throttles and invoke errors of one scope. */
    private static void assertInvocations(RunResult r, String scope, String id, JsonNode inv) {
        String where = scope + " " + id;
        assertEquals(inv.get("succeeded").asLong() + inv.get("functionErrors").asLong(),
                sum(series(r, scope, id, "Invocations")), where + " Invocations");
        assertEquals(inv.get("functionErrors").asLong(), sum(series(r, scope, id, "Errors")), where + " Errors");
        assertEquals(inv.get("throttled").asLong(), sum(series(r, scope, id, "Throttles")), where + " Throttles");
        long invokeErrors = 0;
        for (Iterator<Map.Entry<String, JsonNode>> e = inv.get("errors").fields(); e.hasNext(); ) {
            Map.Entry<String, JsonNode> x = e.next();
            long n = x.getValue().asLong();
            invokeErrors += n;
            if (n > 0) {
                assertEquals(n, sum(series(r, scope, id, "Sim.InvokeErrors." + x.getKey())), where + " " + x.getKey());
            }
        }
        assertEquals(invokeErrors, sum(series(r, scope, id, "Sim.InvokeErrors")), where + " Sim.InvokeErrors");
    }

    private static void assertAgree(RunResult r) {
        JsonNode s = SummaryJson.mapper().valueToTree(r.summary());
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = s.get("functions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String f = e.getKey();
            JsonNode fn = e.getValue();
            assertInvocations(r, "function", f, fn.get("invocations"));
            assertEquals(fn.get("peakConcurrentExecutions").asLong(),
                    max(series(r, "function", f, "ConcurrentExecutions")), f + " peak concurrency");
            assertEquals(fn.get("peakEnvironments").asLong(), max(series(r, "function", f, "Sim.Environments")),
                    f + " peak environments");
            total += fn.at("/invocations/total").asLong();
        }
        assertEquals(total, s.at("/invocations/total").asLong(), "the account is the sum of its functions");
        assertInvocations(r, "account", "", s.get("invocations"));
        assertEquals(s.get("peakConcurrentExecutions").asLong(), max(series(r, "account", "", "ConcurrentExecutions")));
        assertEquals(s.at("/enis/peak").asLong(), max(series(r, "account", "", "Sim.HyperplaneEniCount")));
        long[] account = series(r, "account", "", "Sim.HyperplaneEniCount");
        assertEquals(s.at("/enis/final").asLong(), account[account.length - 1], "ENIs at the end");
        for (Iterator<Map.Entry<String, JsonNode>> it = s.get("eniKeys").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            long[] enis = series(r, "eniKey", e.getKey(), "Sim.HyperplaneEniCount");
            assertEquals(e.getValue().get("peakEnis").asLong(), max(enis), e.getKey() + " peak ENIs");
            assertEquals(e.getValue().get("finalEnis").asLong(), enis[enis.length - 1], e.getKey() + " final ENIs");
            assertEquals(e.getValue().get("peakConnections").asLong(),
                    max(series(r, "eniKey", e.getKey(), "Sim.EniConnections")), e.getKey() + " peak connections");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = s.get("subnets").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            long[] free = series(r, "subnet", e.getKey(), "Sim.SubnetAvailableIps");
            assertEquals(e.getValue().get("minAvailableIps").asLong(), Arrays.stream(free).min().orElseThrow(),
                    e.getKey() + " low");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = s.get("vpcs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            long[] enis = series(r, "vpc", e.getKey(), "Sim.HyperplaneEniCount");
            assertEquals(e.getValue().get("peakEnis").asLong(), max(enis), e.getKey() + " peak ENIs");
            assertEquals(e.getValue().get("finalEnis").asLong(), enis[enis.length - 1], e.getKey() + " final ENIs");
        }
        // the ENI counts of the summary against enis.csv's lifetimes
        assertEquals(r.enis().size(), s.at("/enis/created").asLong(), "created");
        assertEquals(r.enis().stream().filter(e -> e.finalState().equals("Deleted")).count(),
                s.at("/enis/deleted").asLong(), "deleted");
        assertEquals(r.enis().stream().filter(e -> e.orphanedSeconds().isPresent()).count(),
                s.at("/enis/orphaned").asLong(), "orphaned");
        assertEquals(r.enis().stream().filter(e -> EniState.valueOf(e.finalState()).holdsResources()).count(),
                s.at("/enis/final").asLong(), "final");
    }

    /** Each example scenario, and the count of its summary it shows is not zero (what it exercises). */
    @ParameterizedTest
    @CsvSource({
        "quickstart, /invocations/errors/SubnetIPAddressLimitReachedException",
        "teardown, /enis/deleted",
        "orphaned-enis, /enis/orphaned",
        "request-rate-cap, /invocations/throttled",
        "nat-hot-destination, /invocations/functionErrors"})
    void seriesAddUpToTheSummary(String scenario, String exercised) throws Exception {
        RunResult r = run(scenario);
        assertTrue(SummaryJson.mapper().valueToTree(r.summary()).at(exercised).asLong() > 0, exercised);
        assertAgree(r);
    }

    /**
     * Constant arrivals 2/s over the run's [0, 5 min), buckets of 30 s: 60 in each bucket, the last included (the
     * run delivered the arrival at exactly the end too, and counted it in the last bucket: 61, one more than 2/s x
     * 5 min). Each runs 100 ms (the first after a 200 ms init), so one runs at a time.
     */
    @Test
    void eachInvocationCountsInItsBucketAndNoneAtTheEnd() throws Exception {
        RunResult r = parse("""
                name: buckets
                duration: 5m
                bucket: 30s
                functions:
                  - name: tick
                    duration: 100ms
                    initDuration: 200ms
                    arrivals: { constant: 2/s }
                """);
        long[] expected = new long[10];
        Arrays.fill(expected, 60);
        assertArrayEquals(expected, series(r, "function", "tick", "Invocations"));
        assertArrayEquals(expected, series(r, "account", "", "Invocations"));
        long[] one = new long[10];
        Arrays.fill(one, 1);
        assertArrayEquals(one, series(r, "function", "tick", "ConcurrentExecutions"));
        assertEquals(1, r.summary().peakConcurrentExecutions());
        // Little: 600 runs x 0.1 s and one cold start's 0.2 s init over 300 s (the last run ends after the end)
        assertEquals((600 * 0.1 + 0.2) / 300, r.summary().averageConcurrentExecutions(), 1e-9);
    }

    /**
     * Connections on a key, time-weighted: the ENI is ready at 10 s; from then on an invocation every 0.5 s holds
     * 2 connections for 0.1 s (no init). Over the 300 s run: 580 invocations x 0.1 s, so the mean is
     * 580 x 0.1 x 2 / 300 and the mean of the square 580 x 0.1 x 4 / 300 (the arrival at exactly 300 s adds no
     * time); variance = mean of the square - mean^2.
     */
    @Test
    void connectionsAreTimeAveragedWithTheirVariance() throws Exception {
        RunResult r = parse("""
                name: connections
                duration: 5m
                bucket: 30s
                vpcs:
                  - id: vpc-1
                    subnets: [{ id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }]
                    securityGroups: [sg-1]
                hyperplane: { eniCreateTime: 10s }
                functions:
                  - name: tick
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                    duration: 100ms
                    initDuration: 0s
                    connectionsPerInvocation: 2
                    arrivals: { constant: 2/s }
                """);
        var key = r.summary().eniKeys().get("subnet-a+[sg-1]");
        double mean = 580 * 0.1 * 2 / 300;
        double square = 580 * 0.1 * 4 / 300;
        assertEquals(mean, key.meanConnections(), 1e-9);
        assertEquals(square - mean * mean, key.connectionsVariance(), 1e-9);
        assertEquals(2, key.peakConnections());
        assertEquals(20, r.summary().functions().get("tick").invocations().errors().get("ResourceConflictException"),
                "the 20 arrivals of the first 10 s, while Pending");
    }

    /**
     * Pending spells: ENIs take 10 min to create. early is created at 0 and Active at 10 min (one spell of 600 s,
     * longer than stuckPendingAfter 5 min: stuck once). late, with its own security group, is created at 25 min
     * and still Pending at the end (30 min): its spell runs to the end, 300 s, not longer than 5 min: not stuck.
     */
    @Test
    void pendingSpellsRunToTheEndAndAreStuckOnlyWhenLonger() throws Exception {
        RunResult r = parse("""
                name: pending
                duration: 30m
                bucket: 1m
                vpcs:
                  - id: vpc-1
                    subnets: [{ id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }]
                    securityGroups: [sg-1, sg-2]
                hyperplane: { eniCreateTime: 10m, stuckPendingAfter: 5m }
                functions:
                  - name: early
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                    duration: 100ms
                    arrivals: { constant: 1/s }
                  - name: late
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-2] }
                    duration: 100ms
                    arrivals: { constant: 1/s }
                    createdAt: 25m
                """);
        var early = r.summary().functions().get("early");
        assertEquals("Active", early.finalState());
        assertEquals(600.0, early.longestPendingSeconds(), 1e-9);
        assertEquals(1, early.stuckPending());
        var late = r.summary().functions().get("late");
        assertEquals("Pending", late.finalState());
        assertEquals(300.0, late.longestPendingSeconds(), 1e-9);
        assertEquals(0, late.stuckPending());
        // invocations while Pending fail with ResourceConflictException: 600 of early's (0 s .. 599 s), all of
        // late's (1500 s .. 1799 s: the run ends before 1800 s)
        assertEquals(600, early.invocations().errors().get("ResourceConflictException"));
        assertEquals(300, late.invocations().errors().get("ResourceConflictException"));
        assertAgree(r);
    }
}
