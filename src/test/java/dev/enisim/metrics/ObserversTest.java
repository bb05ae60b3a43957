package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.model.WorldListener;
import dev.enisim.report.SummaryJson;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every notification of the model reaches the run's observers: a forgotten one would silently lose data. One
 * small scenario makes the world send every notification, and each test checks the output that notification
 * feeds, against what follows from the scenario (so dropping one forwarding call in {@link Observers} fails one
 * of them).
 */
class ObserversTest {

    /**
     * hot: 250 calls/s through a single-address NAT gateway that holds each connection for its 350 s idle
     * timeout: past 55,000 (about 220 s) new connections are refused. sharer: the same subnet and security group,
     * so it shares hot's ENI; at 5m its VPC config moves to subnet-b and sg-2 (a second ENI).
     */
    static final String SCENARIO = """
            name: observers
            seed: 7
            duration: 10m
            bucket: 30s
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }
                  - { id: subnet-b, cidr: 10.0.1.0/24, az: us-east-1b }
                securityGroups: [sg-1, sg-2]
                natGateways:
                  - { id: nat-a, az: us-east-1a, addresses: 1 }
            hyperplane: { eniCreateTime: 30s, attachExistingTime: 5s }
            functions:
              - name: hot
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                duration: 100ms
                connectionsPerInvocation: 1
                egress:
                  keepConnectionsOpen: true
                  destinations:
                    - { destination: "api.example:443/tcp", share: 1.0 }
                arrivals: { poisson: 250/s }
              - name: sharer
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                duration: 100ms
                arrivals: { constant: 1/s }
                createdAt: 2m
            timeline:
              - at: 5m
                action: updateVpcConfig
                function: sharer
                vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg-2] }
            """;

    private RunResult result;
    private JsonNode summary;

    /**
     * Per test, not once per class: PIT attributes what a {@code @BeforeAll} runs to no test, so no mutant of the
     * code it covers would be run against these tests.
     */
    @BeforeEach
    void run() throws Exception {
        result = new Simulation(ScenarioLoader.parse(SCENARIO, "observers.yaml"), 0).run();
        summary = SummaryJson.mapper().valueToTree(result.summary());
    }

    private static long count(JsonNode node) {
        assertTrue(node.isNumber(), "no number at " + node);
        return node.asLong();
    }

    private List<JournalEntry> journal(JournalEntry.Kind kind, String subject) {
        return result.journal().stream().filter(e -> e.kind() == kind && e.subject().equals(subject)).toList();
    }

    private long[] series(String scope, String id, String metric) {
        return result.timeSeries().series().stream()
                .filter(s -> s.scope().id().equals(scope) && s.id().equals(id) && (s.exception() == null ? s.metric().metric()
                        : s.metric().metric() + "." + s.exception()).equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no series " + scope + " " + id + " " + metric))
                .values();
    }

    @Test
    void overridesEveryNotification() {
        List<String> missing = new ArrayList<>();
        for (Method m : WorldListener.class.getDeclaredMethods()) {
            if (m.isDefault()) {
                try {
                    Observers.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
                } catch (NoSuchMethodException e) {
                    missing.add(m.getName());
                }
            }
        }
        assertTrue(missing.isEmpty(), "Observers does not forward " + missing);
    }

    /** invocation: counted in the summary (the recorder) and in the journal's spells. */
    @Test
    void invocationsReachTheSummaryAndTheJournal() {
        long arrivals = count(summary.at("/events/arrivals"));
        assertEquals(arrivals, count(summary.at("/invocations/total")));
        for (String f : List.of("hot", "sharer")) {
            long total = count(summary.at("/functions/" + f + "/invocations/total"));
            assertTrue(total > 0, f);
            assertEquals(total, journal(JournalEntry.Kind.INVOCATIONS, f).stream()
                    .mapToLong(JournalEntry::count).sum(), f + " in the journal");
        }
        // sharer: constant 1/s from 120 s to 600 s
        assertEquals(481, count(summary.at("/functions/sharer/invocations/total")), 1);
    }

    /** latency: one per success; a constant 100 ms duration, plus init on a cold start. */
    @Test
    void latenciesReachTheLatencyRecorder() {
        assertEquals(count(summary.at("/invocations/succeeded")), count(summary.at("/latencyMillis/count")));
        assertEquals(100, summary.at("/functions/hot/latencyMillis/p50").asDouble(), 1.0);
        long[] p50 = series("function", "hot", "Sim.Latency");
        assertTrue(Arrays.stream(p50).anyMatch(v -> v > 0), "hot's duration series");
    }

    /** concurrency and environments (Little: 250/s x 0.1 s = 25 busy on average). */
    @Test
    void concurrencyAndEnvironmentsReachTheRecorder() {
        int peak = summary.at("/functions/hot/peakConcurrentExecutions").asInt();
        assertTrue(peak >= 25 && peak < 80, "hot's peak concurrency " + peak);
        assertTrue(summary.at("/peakConcurrentExecutions").asInt() >= peak);
        int environments = summary.at("/functions/hot/peakEnvironments").asInt();
        assertTrue(environments >= peak, "environments " + environments + " hold the peak " + peak);
    }

    /** environmentLevels: time averages; execution: cold starts and billed runs. */
    @Test
    void levelsAndExecutionsReachTheirRecorders() {
        JsonNode hot = summary.at("/functions/hot");
        long ran = count(hot.at("/invocations/succeeded")) + count(hot.at("/invocations/functionErrors"));
        // Little's law over the 600 s: runs x 0.1 s / 600 s
        double busy = hot.at("/averageEnvironments/busy").asDouble();
        assertEquals(ran * 0.1 / 600, busy, 0.03 * ran * 0.1 / 600, "hot's busy environments");
        long cold = count(hot.at("/coldStarts/total"));
        assertTrue(cold >= 25, "at least the 25 environments of the mean concurrency were cold starts: " + cold);
        assertEquals(ran, cold + count(hot.at("/coldStarts/warmStarts")), "every run is a cold or a warm start");
        assertEquals(ran * 0.20 / 1e6, hot.at("/cost/requests").asDouble(), 1e-12);
    }

    /** eniState (summary and journal), subnetIps, connections and eniShared. */
    @Test
    void enisReachTheRecorderAndTheJournal() {
        assertEquals(2, count(summary.at("/enis/created")), "subnet-a+[sg-1], then subnet-b+[sg-2]");
        // a /24 has 256 - 5 reserved = 251 usable addresses; one ENI in each subnet
        assertEquals(250, summary.at("/subnets/subnet-a/minAvailableIps").asInt());
        assertEquals(250, summary.at("/subnets/subnet-b/minAvailableIps").asInt());
        long[] free = series("subnet", "subnet-b", "Sim.SubnetAvailableIps");
        assertEquals(251, free[0], "subnet-b before the update");
        assertEquals(250, free[free.length - 1], "subnet-b after the update");
        List<String> states = result.journal().stream().filter(e -> e.kind() == JournalEntry.Kind.ENI_STATE)
                .map(JournalEntry::state).toList();
        assertEquals(List.of("Creating", "InUse", "Creating", "InUse"), states);
        assertEquals(1, journal(JournalEntry.Kind.ENI_SHARED, "sharer").size(), "sharer shares hot's ENI");
        assertTrue(summary.at("/eniKeys/subnet-a+[sg-1]/peakConnections").asInt() >= 25,
                "connections of the invocations in flight on the ENI");
    }

    /** functionState, functionUpdate and controlAction: summary, actions and journal. */
    @Test
    void lifecycleReachesTheRecorderAndTheJournal() {
        JsonNode sharer = summary.at("/functions/sharer");
        assertEquals("Active", sharer.get("finalState").asText());
        assertEquals(List.of("Pending", "Active"), sharer.get("transitions").findValuesAsText("state"));
        assertEquals(List.of("Pending", "Active"), journal(JournalEntry.Kind.FUNCTION_STATE, "sharer").stream()
                .map(JournalEntry::state).toList());
        assertEquals("Successful", sharer.get("lastUpdateStatus").asText());
        assertEquals(List.of("InProgress", "Successful"), sharer.get("updates").findValuesAsText("lastUpdateStatus"));
        assertEquals(List.of("InProgress", "Successful"), journal(JournalEntry.Kind.FUNCTION_UPDATE, "sharer")
                .stream().map(JournalEntry::state).toList());
        // the two creations and the update, at 0 s, 2 min and 5 min
        assertEquals(List.of(0.0, 120.0, 300.0), result.actions().stream().map(a -> a.atSeconds()).toList());
        assertEquals(List.of(0L, 120_000_000L, 300_000_000L), journal(JournalEntry.Kind.ACTION, "").stream()
                .map(JournalEntry::atMicros).toList());
    }

    /** natConnections and natPortAllocationError: the NAT gateway's series. */
    @Test
    void natEgressReachesTheNatRecorder() {
        long[] held = series("natGateway", "nat-a -> api.example:443/tcp", "Sim.NatConnections");
        assertEquals(55_000, Arrays.stream(held).max().orElseThrow(), "one address: 55,000 connections at most");
        long refused = Arrays.stream(series("natGateway", "nat-a", "ErrorPortAllocation")).sum();
        assertTrue(refused > 0, "connections refused past 55,000");
        assertEquals(count(summary.at("/invocations/functionErrorCauses/ErrorPortAllocation")), refused,
                "each refused connection fails its invocation");
    }
}
