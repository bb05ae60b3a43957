package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.enisim.model.Outcome;
import dev.enisim.model.WorldSnapshot;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniKey;
import dev.enisim.model.eni.EniState;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.model.network.Cidr;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the recorder makes of the world's notifications, through its public API (the calls the world makes, then
 * the series and the summary a run writes): one scripted run of 100 s in buckets of 30 s ([0, 30), [30, 60),
 * [60, 90), [90, 100]) with three functions, two subnets and keys, every figure worked out by hand below.
 */
class RecorderTest {

    private static final long S = Seconds.MICROS;
    private static final EniKey KEY_A = new EniKey("vpc-1", "subnet-a", List.of("sg-1"));
    private static final EniKey KEY_B = new EniKey("vpc-1", "subnet-b", List.of("sg-2"));
    private static final EniKey KEY_C = new EniKey("vpc-1", "subnet-b", List.of("sg-3"));

    /** The world: api, worker, never (never created); subnet-a a /24 (251 usable), subnet-b a /28 (11). */
    static WorldSnapshot world(List<WorldSnapshot.FunctionView> functions, List<WorldSnapshot.KeyView> keys,
            int availableA, int availableB) {
        return new WorldSnapshot(functions,
                List.of(new WorldSnapshot.VpcView(0, "vpc-1", 250, 1, 3)),
                List.of(new WorldSnapshot.SubnetView(0, "subnet-a", Cidr.parse("10.0.0.0/24"), "us-east-1a", 0, 251,
                                0, availableA),
                        new WorldSnapshot.SubnetView(1, "subnet-b", Cidr.parse("10.0.1.0/28"), "us-east-1b", 0, 11, 2,
                                availableB)),
                keys, List.of(), List.of(), new WorldSnapshot.RegionView(5000, 1, 3, 2));
    }

    private static final List<WorldSnapshot.FunctionView> AT_START = List.of(
            new WorldSnapshot.FunctionView(0, "api", null, null, null),
            new WorldSnapshot.FunctionView(1, "worker", null, null, null),
            new WorldSnapshot.FunctionView(2, "never", null, null, null));
    private static final List<WorldSnapshot.FunctionView> AT_END = List.of(
            new WorldSnapshot.FunctionView(0, "api", State.Active, null, null),
            new WorldSnapshot.FunctionView(1, "worker", State.Pending, StateReasonCode.Creating,
                    LastUpdateStatus.Failed),
            new WorldSnapshot.FunctionView(2, "never", null, null, null));

    private static EniId eni(int id, int key, EniKey k, int subnet) {
        return new EniId(id, EniId.name(id), key, k.label(), subnet, 0, "10.0." + subnet + "." + (3 + id));
    }

    private Recorder recorder;
    private WorldSnapshot end;
    private TimeSeries series;
    private RunSummary summary;

    /**
     * The script, in time order (as the world notifies). Only key subnet-a+[sg-1] exists when the recorder
     * attaches; subnet-b+[sg-2] appears at 40 s; subnet-b+[sg-3] is in the world at the end but never had an ENI.
     */
    @BeforeEach
    void run() {
        recorder = new Recorder(100 * S, 30 * S);
        recorder.attach(world(AT_START, List.of(new WorldSnapshot.KeyView(0, KEY_A, 0)), 251, 11));
        EniId a = eni(1, 0, KEY_A, 0);
        EniId b = eni(2, 1, KEY_B, 1);
        recorder.functionState(0, State.Pending, StateReasonCode.Creating, "", 0);
        recorder.invocation(0, Outcome.SUCCESS, 0);
        recorder.concurrency(0, 1, 1, 0);
        recorder.eniState(a, null, EniState.Creating, 5 * S);
        recorder.subnetIps(0, 250, 5 * S);
        recorder.environments(0, 3, 5 * S);
        recorder.functionState(0, State.Active, null, "", 10 * S);
        recorder.concurrency(0, 2, 2, 10 * S);
        recorder.eniState(a, EniState.Creating, EniState.InUse, 15 * S);
        recorder.connections(0, 4, 15 * S);
        recorder.concurrency(1, 1, 3, 20 * S);
        recorder.concurrency(0, 1, 2, 25 * S);
        recorder.invocation(0, Outcome.SUCCESS, 30 * S - 1);
        recorder.invocation(0, Outcome.FUNCTION_ERROR_TIMEOUT, 30 * S);
        recorder.invocation(1, Outcome.THROTTLED_ACCOUNT, 31 * S);
        recorder.concurrency(0, 0, 1, 35 * S);
        recorder.functionState(0, State.Inactive, StateReasonCode.Idle, "idle", 40 * S);
        recorder.eniState(b, null, EniState.Creating, 40 * S);
        recorder.subnetIps(1, 10, 40 * S);
        recorder.connections(1, 6, 45 * S);
        recorder.eniState(a, EniState.InUse, EniState.Deleting, 50 * S);
        recorder.connections(0, 0, 50 * S);
        recorder.environments(0, 1, 50 * S);
        recorder.functionState(0, State.Pending, StateReasonCode.Restoring, "", 50 * S);
        recorder.controlAction("createFunction worker", 60 * S);
        recorder.functionState(1, State.Pending, StateReasonCode.Creating, "", 60 * S);
        recorder.functionUpdate(1, LastUpdateStatus.InProgress, null, 60 * S);
        recorder.invocation(1, Outcome.RESOURCE_CONFLICT, 65 * S);
        recorder.invocation(1, Outcome.ENI_LIMIT_REACHED, 66 * S);
        recorder.eniState(a, EniState.Deleting, EniState.Deleted, 70 * S);
        recorder.subnetIps(0, 251, 70 * S);
        recorder.concurrency(1, 2, 2, 70 * S);
        recorder.functionState(0, State.Active, null, "", 80 * S);
        recorder.eniState(b, EniState.Creating, EniState.Deleting, 80 * S);
        recorder.eniState(b, EniState.Deleting, EniState.Orphaned, 85 * S);
        recorder.functionUpdate(1, LastUpdateStatus.Failed, StateReasonCode.SubnetOutOfIPAddresses, 90 * S);
        recorder.invocation(0, Outcome.SUCCESS, 95 * S);
        recorder.invocation(1, Outcome.RESOURCE_CONFLICT, 100 * S);
        end = world(AT_END, List.of(new WorldSnapshot.KeyView(0, KEY_A, 0), new WorldSnapshot.KeyView(1, KEY_B, 6),
                new WorldSnapshot.KeyView(2, KEY_C, 0)), 251, 10);
        series = recorder.timeSeries(end);
        LatencyRecorder latency = new LatencyRecorder(100 * S, 30 * S);
        latency.attach(List.of("api", "worker", "never"));
        summary = recorder.summary("script", 7, 2, 100, new RunSummary.Events(9, 8, 1, 0), 20, List.of(), latency,
                end);
    }

    private long[] values(Metric m, Metric.Scope scope, String id) {
        Series s = series.get(m, scope, id);
        assertNotNull(s, "no series " + m + " " + scope + " " + id);
        return s.values();
    }

    private long[] function(Metric m, String f) {
        return values(m, Metric.Scope.FUNCTION, f);
    }

    private long[] account(Metric m) {
        return values(m, Metric.Scope.ACCOUNT, "");
    }

    private long[] exception(Metric.Scope scope, String id, String exception) {
        return series.invokeErrorsByException(scope, id).stream().filter(s -> exception.equals(s.exception()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + exception + " for " + id)).values();
    }

    /**
     * api: successes at 0 s, 29.999999 s and 95 s, a timeout (a function error: it ran) at exactly 30 s; worker: a
     * throttle at 31 s, ResourceConflictException at 65 s and at the very end, ENILimitReachedException at 66 s.
     */
    @Test
    void invocationsCountInTheBucketOfTheirInstantByKind() {
        assertEquals(4, series.buckets());
        assertEquals(30 * S, series.bucketMicros());
        assertArrayEquals(new long[] {2, 1, 0, 1}, function(Metric.INVOCATIONS, "api"));
        assertArrayEquals(new long[] {0, 1, 0, 0}, function(Metric.ERRORS, "api"));
        assertArrayEquals(new long[] {0, 0, 0, 0}, function(Metric.THROTTLES, "api"));
        assertArrayEquals(new long[] {0, 0, 0, 0}, function(Metric.INVOKE_ERRORS, "api"));
        assertEquals(List.of(), series.invokeErrorsByException(Metric.Scope.FUNCTION, "api"));
        assertArrayEquals(new long[] {0, 0, 0, 0}, function(Metric.INVOCATIONS, "worker"));
        assertArrayEquals(new long[] {0, 1, 0, 0}, function(Metric.THROTTLES, "worker"));
        assertArrayEquals(new long[] {0, 0, 2, 1}, function(Metric.INVOKE_ERRORS, "worker"));
        assertArrayEquals(new long[] {0, 0, 1, 1}, exception(Metric.Scope.FUNCTION, "worker",
                "ResourceConflictException"));
        assertArrayEquals(new long[] {0, 0, 1, 0}, exception(Metric.Scope.FUNCTION, "worker",
                "ENILimitReachedException"));
        // the per-exception series in the catalogue's order, after Sim.InvokeErrors
        assertEquals(List.of("ResourceConflictException", "ENILimitReachedException"),
                series.invokeErrorsByException(Metric.Scope.FUNCTION, "worker").stream().map(Series::exception)
                        .toList());
        assertArrayEquals(new long[] {0, 0, 0, 0}, function(Metric.INVOCATIONS, "never"));
        // the account: the sum of its functions
        assertArrayEquals(new long[] {2, 1, 0, 1}, account(Metric.INVOCATIONS));
        assertArrayEquals(new long[] {0, 1, 0, 0}, account(Metric.ERRORS));
        assertArrayEquals(new long[] {0, 1, 0, 0}, account(Metric.THROTTLES));
        assertArrayEquals(new long[] {0, 0, 2, 1}, account(Metric.INVOKE_ERRORS));
        assertArrayEquals(new long[] {0, 0, 1, 1}, exception(Metric.Scope.ACCOUNT, "", "ResourceConflictException"));
        assertArrayEquals(new long[] {0, 0, 1, 0}, exception(Metric.Scope.ACCOUNT, "", "ENILimitReachedException"));
    }

    /** Two functions with the same outcome in one bucket: the account adds them. */
    @Test
    void theAccountAddsItsFunctionsCountsOfOneOutcome() {
        Recorder r = new Recorder(60 * S, 30 * S);
        r.attach(world(AT_START, List.of(), 251, 11));
        r.invocation(0, Outcome.SUCCESS, S);
        r.invocation(1, Outcome.SUCCESS, 2 * S);
        r.invocation(1, Outcome.SUCCESS, 40 * S);
        r.invocation(0, Outcome.EC2_THROTTLED, 41 * S);
        r.invocation(1, Outcome.EC2_THROTTLED, 42 * S);
        TimeSeries ts = r.timeSeries(world(AT_END, List.of(), 251, 11));
        assertArrayEquals(new long[] {2, 1}, ts.account(Metric.INVOCATIONS).values());
        assertArrayEquals(new long[] {0, 2}, ts.account(Metric.INVOKE_ERRORS).values());
        assertArrayEquals(new long[] {0, 2}, ts.invokeErrorsByException(Metric.Scope.ACCOUNT, "").get(0).values());
        assertArrayEquals(new long[] {1, 0}, ts.get(Metric.INVOCATIONS, Metric.Scope.FUNCTION, "api").values());
        assertArrayEquals(new long[] {1, 1}, ts.get(Metric.INVOCATIONS, Metric.Scope.FUNCTION, "worker").values());
        assertEquals(5, r.summary("two", 1, 0, 60, new RunSummary.Events(5, 5, 0, 0), 300, List.of(),
                attachedLatency(60 * S), world(AT_END, List.of(), 251, 11)).invocations().total());
    }

    /** The account's totals include the bucket still being counted, whether or not a function's were read first. */
    @Test
    void accountTotalsIncludeTheCurrentBucket() {
        InvocationCounts c = new InvocationCounts(new FunctionLines(), 2, 3);
        c.count(0, Outcome.SUCCESS, 0);
        c.count(1, Outcome.THROTTLED_RATE, 2);
        c.count(1, Outcome.THROTTLED_RATE, 2);
        long[] all = c.accountTotals();
        assertEquals(1, all[Outcome.SUCCESS.ordinal()]);
        assertEquals(2, all[Outcome.THROTTLED_RATE.ordinal()]);
        assertEquals(2, c.totals(1)[Outcome.THROTTLED_RATE.ordinal()]);
    }

    private static LatencyRecorder attachedLatency(long duration) {
        LatencyRecorder l = new LatencyRecorder(duration, 30 * S);
        l.attach(List.of("api", "worker", "never"));
        return l;
    }

    /** The summary's counts: per function and for the account, by kind, each map naming every reason. */
    @Test
    void theSummaryCountsEachOutcomeOnce() {
        RunSummary.Invocations api = summary.functions().get("api").invocations();
        assertEquals(4, api.total());
        assertEquals(3, api.succeeded());
        assertEquals(1, api.functionErrors());
        assertEquals(0, api.throttled());
        assertEquals(1L, api.functionErrorCauses().get("TaskTimedOut"));
        assertEquals(0L, api.functionErrorCauses().get("NoFreePortOnEni"));
        RunSummary.Invocations worker = summary.functions().get("worker").invocations();
        assertEquals(4, worker.total());
        assertEquals(0, worker.succeeded());
        assertEquals(1, worker.throttled());
        assertEquals(1L, worker.throttleReasons().get("ConcurrentInvocationLimitExceeded"));
        assertEquals(0L, worker.throttleReasons().get("FunctionInvocationRateLimitExceeded"));
        assertEquals(2L, worker.errors().get("ResourceConflictException"));
        assertEquals(1L, worker.errors().get("ENILimitReachedException"));
        assertEquals(0L, worker.errors().get("EC2ThrottledException"));
        RunSummary.Invocations all = summary.invocations();
        assertEquals(8, all.total());
        assertEquals(3, all.succeeded());
        assertEquals(1, all.throttled());
        assertEquals(1, all.functionErrors());
        assertEquals(2L, all.errors().get("ResourceConflictException"));
        assertEquals(0, summary.functions().get("never").invocations().total());
    }

    /**
     * In flight: api 1 at 0 s, 2 at 10 s, 1 at 25 s, 0 at 35 s; worker 1 at 20 s, 2 at 70 s (to the end). Each
     * bucket's maximum counts the level it began with. The account: 1, 2, 3 at 20 s, 2, 1 at 35 s, 2 at 70 s; its
     * time average over 100 s: (1 x 10 + 2 x 10 + 3 x 5 + 2 x 10 + 1 x 35 + 2 x 30) / 100 = 1.6.
     */
    @Test
    void concurrencyIsEachBucketsMaximumAndTheAccountsTimeAverage() {
        assertArrayEquals(new long[] {2, 1, 0, 0}, function(Metric.CONCURRENT_EXECUTIONS, "api"));
        assertArrayEquals(new long[] {1, 1, 2, 2}, function(Metric.CONCURRENT_EXECUTIONS, "worker"));
        assertArrayEquals(new long[] {0, 0, 0, 0}, function(Metric.CONCURRENT_EXECUTIONS, "never"));
        assertArrayEquals(new long[] {3, 2, 2, 2}, account(Metric.CONCURRENT_EXECUTIONS));
        assertEquals(2, summary.functions().get("api").peakConcurrentExecutions());
        assertEquals(2, summary.functions().get("worker").peakConcurrentExecutions());
        assertEquals(3, summary.peakConcurrentExecutions());
        assertEquals(1.6, summary.averageConcurrentExecutions(), 1e-12);
    }

    /** api's environments: 3 at 5 s, 1 at 50 s (bucket 1 began with 3). */
    @Test
    void environmentsAreEachBucketsMaximum() {
        assertArrayEquals(new long[] {3, 3, 1, 1}, function(Metric.ENVIRONMENTS, "api"));
        assertArrayEquals(new long[] {0, 0, 0, 0}, function(Metric.ENVIRONMENTS, "worker"));
        assertEquals(3, summary.functions().get("api").peakEnvironments());
        assertEquals(0, summary.functions().get("worker").peakEnvironments());
    }

    /**
     * ENI a (subnet-a+[sg-1]) created at 5 s, deleted at 70 s; ENI b (subnet-b+[sg-2]) created at 40 s, orphaned
     * at 85 s (it still holds its address). Held at once: 1, 2 from 40 s, 1 from 70 s.
     */
    @Test
    void enisAreCountedWhileTheyHoldAnAddress() {
        assertArrayEquals(new long[] {1, 2, 2, 1}, account(Metric.HYPERPLANE_ENI_COUNT));
        assertArrayEquals(new long[] {1, 2, 2, 1}, values(Metric.HYPERPLANE_ENI_COUNT, Metric.Scope.VPC, "vpc-1"));
        assertArrayEquals(new long[] {1, 1, 1, 0},
                values(Metric.HYPERPLANE_ENI_COUNT, Metric.Scope.ENI_KEY, KEY_A.label()));
        assertArrayEquals(new long[] {0, 1, 1, 1},
                values(Metric.HYPERPLANE_ENI_COUNT, Metric.Scope.ENI_KEY, KEY_B.label()));
        assertArrayEquals(new long[] {0, 0, 0, 0},
                values(Metric.HYPERPLANE_ENI_COUNT, Metric.Scope.ENI_KEY, KEY_C.label()));
        RunSummary.Enis enis = summary.enis();
        assertEquals(new RunSummary.Enis(2, 2, 1, 1, 1), enis);
        RunSummary.VpcSummary vpc = summary.vpcs().get("vpc-1");
        assertEquals(new RunSummary.VpcSummary(250, 2, 1, 3), vpc);
    }

    /** Free addresses: subnet-a 251, 250 from 5 s, 251 from 70 s; subnet-b 11, 10 from 40 s. */
    @Test
    void freeAddressesAreEachBucketsMinimum() {
        assertArrayEquals(new long[] {250, 250, 250, 251},
                values(Metric.SUBNET_AVAILABLE_IPS, Metric.Scope.SUBNET, "subnet-a"));
        assertArrayEquals(new long[] {11, 10, 10, 10},
                values(Metric.SUBNET_AVAILABLE_IPS, Metric.Scope.SUBNET, "subnet-b"));
        assertEquals(new RunSummary.SubnetSummary("10.0.0.0/24", "us-east-1a", 251, 0, 250, 251),
                summary.subnets().get("subnet-a"));
        assertEquals(new RunSummary.SubnetSummary("10.0.1.0/28", "us-east-1b", 11, 2, 10, 10),
                summary.subnets().get("subnet-b"));
    }

    /**
     * Connections: subnet-a+[sg-1] holds 4 from 15 s to 50 s (mean 4 x 35 / 100 = 1.4, mean square 16 x 0.35 =
     * 5.6, variance 5.6 - 1.96 = 3.64); subnet-b+[sg-2] 6 from 45 s to the end (mean 3.3, mean square 19.8,
     * variance 19.8 - 10.89 = 8.91); subnet-b+[sg-3] none.
     */
    @Test
    void connectionsPerKeyAreMaximaPerBucketAndATimeAverageOverTheRun() {
        assertArrayEquals(new long[] {4, 4, 0, 0}, values(Metric.ENI_CONNECTIONS, Metric.Scope.ENI_KEY, KEY_A.label()));
        assertArrayEquals(new long[] {0, 6, 6, 6}, values(Metric.ENI_CONNECTIONS, Metric.Scope.ENI_KEY, KEY_B.label()));
        RunSummary.KeySummary a = summary.eniKeys().get(KEY_A.label());
        assertEquals("vpc-1", a.vpc());
        assertEquals("subnet-a", a.subnet());
        assertEquals(List.of("sg-1"), a.securityGroups());
        assertEquals(1, a.peakEnis());
        assertEquals(0, a.finalEnis());
        assertEquals(4, a.peakConnections());
        assertEquals(1.4, a.meanConnections(), 1e-12);
        assertEquals(3.64, a.connectionsVariance(), 1e-12);
        RunSummary.KeySummary b = summary.eniKeys().get(KEY_B.label());
        assertEquals(1, b.peakEnis());
        assertEquals(1, b.finalEnis());
        assertEquals(6, b.peakConnections());
        assertEquals(3.3, b.meanConnections(), 1e-12);
        assertEquals(8.91, b.connectionsVariance(), 1e-12);
        RunSummary.KeySummary c = summary.eniKeys().get(KEY_C.label());
        assertEquals(new RunSummary.KeySummary("vpc-1", "subnet-b", List.of("sg-3"), 0, 0, 0, 0, 0), c);
        assertEquals(List.of(KEY_A.label(), KEY_B.label(), KEY_C.label()), List.copyOf(summary.eniKeys().keySet()));
    }

    /**
     * api: Pending at 0 s, Active at 10 s, Inactive at 40 s, Pending again at 50 s, Active at 80 s: spells of
     * 10 s and 30 s, one longer than 20 s. worker: Pending from 60 s to the end of 100 s: 40 s, longer than 20 s.
     */
    @Test
    void pendingSpellsAreReadFromTheTransitions() {
        RunSummary.FunctionSummary api = summary.functions().get("api");
        assertEquals(30.0, api.longestPendingSeconds(), 1e-12);
        assertEquals(1, api.stuckPending());
        assertEquals(List.of(State.Pending, State.Active, State.Inactive, State.Pending, State.Active),
                api.transitions().stream().map(RunSummary.Transition::state).toList());
        assertEquals(List.of(0.0, 10.0, 40.0, 50.0, 80.0),
                api.transitions().stream().map(RunSummary.Transition::atSeconds).toList());
        assertEquals(new RunSummary.Transition(40.0, State.Inactive, StateReasonCode.Idle, "idle"),
                api.transitions().get(2));
        assertEquals("Active", api.finalState());
        assertNull(api.lastUpdateStatus());
        assertEquals(List.of(), api.updates());
        RunSummary.FunctionSummary worker = summary.functions().get("worker");
        assertEquals(40.0, worker.longestPendingSeconds(), 1e-12);
        assertEquals(1, worker.stuckPending());
        assertEquals("Pending", worker.finalState());
        assertEquals(StateReasonCode.Creating, worker.finalReasonCode());
        assertEquals("Failed", worker.lastUpdateStatus());
        assertEquals(List.of(new RunSummary.Update(60.0, LastUpdateStatus.InProgress, null),
                new RunSummary.Update(90.0, LastUpdateStatus.Failed, StateReasonCode.SubnetOutOfIPAddresses)),
                worker.updates());
        RunSummary.FunctionSummary never = summary.functions().get("never");
        assertEquals("NotCreated", never.finalState());
        assertEquals(0.0, never.longestPendingSeconds());
        assertEquals(0, never.stuckPending());
        assertEquals(List.of(new RunSummary.Action(60.0, "createFunction worker")), recorder.actions());
    }

    /** A spell counts as stuck only when strictly longer than the threshold; each long spell counts. */
    @Test
    void eachPendingSpellLongerThanTheThresholdIsStuckOnce() {
        StateHistory h = new StateHistory(1);
        h.state(0, State.Pending, StateReasonCode.Creating, "", 0);
        h.state(0, State.Active, null, "", 10 * S);
        h.state(0, State.Inactive, StateReasonCode.Idle, "", 40 * S);
        h.state(0, State.Pending, StateReasonCode.Restoring, "", 50 * S);
        h.state(0, State.Active, null, "", 80 * S);
        assertEquals(2, h.stuckPending(0, 100, 5));
        assertEquals(1, h.stuckPending(0, 100, 10));
        assertEquals(0, h.stuckPending(0, 100, 30));
        assertEquals(30.0, h.longestPending(0, 100), 1e-12);
        // Pending from the very start to the end: one spell of the whole run
        StateHistory always = new StateHistory(1);
        always.state(0, State.Pending, StateReasonCode.Creating, "", 0);
        assertEquals(100.0, always.longestPending(0, 100), 1e-12);
        assertEquals(1, always.stuckPending(0, 100, 99.5));
    }

    /** The run's header figures pass through as given. */
    @Test
    void theSummaryCarriesTheRunsIdentity() {
        assertEquals("script", summary.scenario());
        assertEquals(7, summary.seed());
        assertEquals(2, summary.replication());
        assertEquals(100.0, summary.simulatedSeconds());
        assertEquals(new RunSummary.Events(9, 8, 1, 0), summary.events());
        assertEquals(List.of(), summary.teardowns());
        assertEquals(0, summary.latencyMillis().count());
    }

    /**
     * A key that is in the world from the start (an existing ENI) carries connections before any ENI of it changes
     * state: 2 from 15 s to the end of 60 s, a mean of 1.5 and a variance of 4 x 0.75 - 2.25 = 0.75. A key that
     * appears only in the world at the end is in the summary (read first here) and the series, with nothing.
     */
    @Test
    void keysFromTheStartAndKeysSeenOnlyAtTheEnd() {
        Recorder r = new Recorder(60 * S, 30 * S);
        r.attach(world(AT_START, List.of(new WorldSnapshot.KeyView(0, KEY_A, 0)), 251, 11));
        r.connections(0, 2, 15 * S);
        WorldSnapshot atEnd = world(AT_END, List.of(new WorldSnapshot.KeyView(0, KEY_A, 2),
                new WorldSnapshot.KeyView(1, KEY_B, 0)), 251, 11);
        RunSummary s = r.summary("keys", 1, 0, 60, new RunSummary.Events(0, 0, 0, 0), 300, List.of(),
                attachedLatency(60 * S), atEnd);
        assertEquals(1.5, s.eniKeys().get(KEY_A.label()).meanConnections(), 1e-12);
        assertEquals(0.75, s.eniKeys().get(KEY_A.label()).connectionsVariance(), 1e-12);
        assertEquals(new RunSummary.KeySummary("vpc-1", "subnet-b", List.of("sg-2"), 0, 0, 0, 0, 0),
                s.eniKeys().get(KEY_B.label()));
        TimeSeries ts = r.timeSeries(atEnd);
        assertArrayEquals(new long[] {2, 2}, ts.get(Metric.ENI_CONNECTIONS, Metric.Scope.ENI_KEY, KEY_A.label())
                .values());
        assertArrayEquals(new long[] {0, 0}, ts.get(Metric.ENI_CONNECTIONS, Metric.Scope.ENI_KEY, KEY_B.label())
                .values());
    }

    /** The optional sections a run adds reach the summary's readers as given. */
    @Test
    void theSummaryHandsOutItsSections() {
        RunSummary.Percentiles none = new RunSummary.Percentiles(0, 0, 0, 0);
        var async = Map.of("a", new RunSummary.AsyncSummary(1, 0, 1, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, none,
                none));
        var sqs = Map.of("q", new RunSummary.SqsSummary(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0));
        var environments = new RunSummary.Environments(1, 1, 0, 0);
        var cold = new RunSummary.ColdStarts(1, 0, 1, Map.of("Success", 1L));
        var cost = new RunSummary.Cost("r", "d", 1, 0, 0, 0, 0, 0, 1);
        var region = new RunSummary.Region(5000, 3, 1, 2);
        var provisioned = Map.of("p", new RunSummary.ProvisionedSummary(1, 1, 1, 0, 0, 0));
        var accounts = Map.of("111111111111", new RunSummary.AccountSummary(List.of("a"), 1, 1, 0, 0, 0, 1, 0, 0,
                List.of()));
        var dualStack = Map.of("subnet-a", new RunSummary.DualStackSubnet("2600::/64", "18446744073709551611", 1, 1,
                List.of(), Map.of()));
        RunSummary s = summary.with(summary.functions(), new RunSummary.Sections(async, sqs, environments, cold, cost,
                "field", region, provisioned, accounts, dualStack));
        assertEquals(async, s.async());
        assertEquals(sqs, s.sqs());
        assertEquals(environments, s.averageEnvironments());
        assertEquals(cold, s.coldStarts());
        assertEquals(cost, s.cost());
        assertEquals("field", s.assumptions());
        assertEquals(region, s.region());
        assertEquals(provisioned, s.provisionedConcurrency());
        assertEquals(accounts, s.accounts());
        assertEquals(dualStack, s.dualStack());
        assertEquals(summary.invocations(), s.invocations());
        assertNull(summary.async(), "a run without asynchronous functions has no section");
    }
}
