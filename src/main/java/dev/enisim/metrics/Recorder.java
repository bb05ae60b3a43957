package dev.enisim.metrics;

import dev.enisim.model.Outcome;
import dev.enisim.model.RequestRateLimit;
import dev.enisim.model.WorldListener;
import dev.enisim.model.WorldSnapshot;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniState;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Observes the world and hands each kind of fact to its keeper: invocation outcomes to {@link InvocationCounts},
 * concurrency and environments to {@link ExecutionLevels}, ENIs, connections and free IPs to
 * {@link NetworkLevels}, state changes and actions to {@link StateHistory}; then assembles the run's
 * {@link TimeSeries} and {@link RunSummary} from them. Call {@link #attach} after the world is built and before
 * it runs.
 */
public final class Recorder implements WorldListener, Bucketed {

    private final BucketGrid grid;
    /** The functions' rows the current counts and concurrency live in: its own, or the levels' ({@link #useRows}). */
    private FunctionLines lines = new FunctionLines();
    private InvocationCounts invocations;
    private ExecutionLevels executions;
    private NetworkLevels network;
    private KeyConnections keyConnections; // the network's, called directly: one load less per change
    private StateHistory history;

    public Recorder(long durationMicros, long bucketMicros) {
        this.grid = new BucketGrid(durationMicros, bucketMicros);
    }

    /** Binds to the world as built: its functions, keys, subnets (and their free addresses) and VPCs. */
    public void attach(WorldSnapshot w) {
        int nf = w.functions().size();
        invocations = new InvocationCounts(lines, nf, grid.count());
        executions = new ExecutionLevels(lines, nf, grid.count());
        network = new NetworkLevels(w, grid.bucketMicros(), grid.count());
        keyConnections = network.keyConnections();
        history = new StateHistory(nf);
    }

    /**
     * The functions with reserved concurrency (by index; call after {@link #attach}): the account's
     * UnreservedConcurrentExecutions counts the others' invocations.
     */
    public void reserved(boolean[] functions) {
        executions.reserved(functions, grid.count());
    }

    /**
     * Keeps the functions' current counts and concurrency in {@code shared}'s rows ({@link EnvironmentLevels#shareRows},
     * beside the levels a start and an end update too). Call before {@link #attach}; after it, they stay where they are.
     */
    void useRows(FunctionLines shared) {
        if (invocations == null) {
            lines = shared;
        }
    }

    /** The rows the current counts and concurrency are kept in (tests). */
    FunctionLines rows() {
        return lines;
    }

    /** The run's time buckets (the one grid {@link Observers} crosses every metric's buckets by). */
    BucketGrid grid() {
        return grid;
    }

    /**
     * The invocation counts, the concurrency and environment gauges and the key connections begin {@code bucket}, a
     * later one than theirs ({@link Observers} crosses every metric's buckets at once; the calls below that take no
     * instant, or no bucket, then write to it).
     */
    @Override
    public void crossTo(int bucket) {
        invocations.crossTo(bucket);
        executions.crossTo(bucket);
        network.crossTo(bucket);
    }

    /**
     * The warm-up ended at {@code micros}, the first instant of {@code bucket} (every metric crossed into it): the
     * summary's invocation counts, peaks and average concurrency count from here on. The ENIs, subnets, keys, state
     * history and actions are the run's lifecycle, kept whole; the series keep every bucket.
     */
    public void warmUpEnds(int bucket, long micros) {
        invocations.warmUpEnds();
        executions.warmUpEnds(bucket, micros);
    }

    @Override
    public boolean sameBuckets(BucketGrid other) {
        return grid.sameAs(other);
    }

    @Override
    public void invocation(int function, Outcome outcome, long nowMicros) {
        invocations.count(function, outcome, grid.of(nowMicros));
    }

    /** As {@link #invocation(int, Outcome, long)}, in the bucket begun last ({@link #crossTo}). */
    void invocation(int function, Outcome outcome) {
        invocations.add(function, outcome);
    }

    @Override
    public void concurrency(int function, int functionInFlight, int accountInFlight, long nowMicros) {
        executions.concurrency(function, functionInFlight, accountInFlight, grid.of(nowMicros), nowMicros);
    }

    /** As {@link #concurrency(int, int, int, long)}, in the bucket begun last ({@link #crossTo}). */
    void concurrencyNow(int function, int functionInFlight, int accountInFlight, long nowMicros) {
        executions.concurrency(function, functionInFlight, accountInFlight, nowMicros);
    }

    /** An invocation ended: the concurrency it gave back (a level lower than before: no new maximum). */
    @Override
    public void ended(int function, int functionInFlight, int accountInFlight, long nowMicros) {
        executions.lowered(function, functionInFlight, accountInFlight, grid.of(nowMicros), nowMicros);
    }

    /**
     * As {@link #ended}, in the bucket begun last ({@link #crossTo}), the function's and the account's in-flight
     * counts each one lower than their last ({@link ExecutionLevels#ended}).
     */
    void endedNow(int function, long nowMicros) {
        executions.ended(function, nowMicros);
    }

    @Override
    public void connections(int key, int keyConnections, long nowMicros) {
        this.keyConnections.set(key, keyConnections, nowMicros); // it crosses its buckets itself
    }

    /** As {@link #connections}, in the bucket begun last ({@link #crossTo}). */
    void connectionsNow(int key, int keyConnections, long nowMicros) {
        this.keyConnections.put(key, keyConnections, nowMicros);
    }

    @Override
    public void environments(int function, int total, long nowMicros) {
        executions.environments(function, total, grid.of(nowMicros));
    }

    /** As {@link #environments}, in the bucket begun last ({@link #crossTo}). */
    void environmentsNow(int function, int total) {
        executions.environments(function, total);
    }

    @Override
    public void eniState(EniId eni, EniState from, EniState to, long nowMicros) {
        network.eniState(eni, from, to, grid.of(nowMicros));
    }

    /** As {@link #eniState(EniId, EniState, EniState, long)}, in the bucket begun last ({@link #crossTo}). */
    void eniStateNow(EniId eni, EniState from, EniState to) {
        network.eniStateNow(eni, from, to);
    }

    @Override
    public void subnetIps(int subnet, int availableIps, long nowMicros) {
        network.subnetIps(subnet, availableIps, grid.of(nowMicros));
    }

    /** As {@link #subnetIps(int, int, long)}, in the bucket begun last ({@link #crossTo}). */
    void subnetIpsNow(int subnet, int availableIps) {
        network.subnetIpsNow(subnet, availableIps);
    }

    @Override
    public void functionState(int function, State state, StateReasonCode reason, String cause, long nowMicros) {
        history.state(function, state, reason, cause, nowMicros);
    }

    @Override
    public void functionUpdate(int function, LastUpdateStatus status, StateReasonCode reason, long nowMicros) {
        history.update(function, status, reason, nowMicros);
    }

    @Override
    public void controlAction(String description, long nowMicros) {
        history.action(description, nowMicros);
    }

    /** The timeline's control-plane actions as they happened, in order. */
    public List<RunSummary.Action> actions() {
        return history.actions();
    }

    // ---- results ----------------------------------------------------------------------------------------

    /**
     * The time series of the run (call once, after the run; {@code end} names what it covers): per function,
     * then the account, then per key, subnet and VPC.
     */
    public TimeSeries timeSeries(WorldSnapshot end) {
        return new TimeSeries(grid.bucketMicros(), grid.count(), series(end));
    }

    /**
     * The series of {@link #timeSeries} without their index (call once, after the run): for a caller that adds
     * others' series and indexes them all at once.
     */
    public List<Series> series(WorldSnapshot end) {
        List<Series> out = new ArrayList<>();
        long[][] account = InvocationCounts.rollUp();
        for (WorldSnapshot.FunctionView f : end.functions()) {
            invocations.addFunctionSeries(out, f.index(), f.name(), account);
            executions.addFunctionSeries(out, f.index(), f.name());
        }
        invocations.addAccountSeries(out, account);
        executions.addAccountSeries(out);
        network.addAccountSeries(out);
        network.addSeries(out, end);
        return out;
    }

    /** The length of a bucket of the run's series. */
    public long bucketMicros() {
        return grid.bucketMicros();
    }

    /** The buckets of the run's series. */
    public int buckets() {
        return grid.count();
    }

    /** Counts a throttle by the limit behind it ({@link InvocationCounts#rateLimited}): a total per function. */
    @Override
    public void rateLimited(int function, RequestRateLimit limit, long nowMicros) {
        invocations.rateLimited(function, limit);
    }

    /** The summary of the run. */
    public RunSummary summary(String scenario, long seed, int replication, double simulatedSeconds,
            RunSummary.Events events, double stuckPendingAfterSeconds, List<RunSummary.Teardown> teardowns,
            LatencyRecorder latency, WorldSnapshot world) {
        Map<String, RunSummary.Latency> latencies = latency.functionLatency();
        long end = Seconds.toMicros(simulatedSeconds);
        double averageConcurrency = executions.averageAccountConcurrency(end);
        Map<String, RunSummary.FunctionSummary> functions = new LinkedHashMap<>(world.functions().size() * 4 / 3 + 1);
        for (WorldSnapshot.FunctionView f : world.functions()) {
            int i = f.index();
            functions.put(f.name(), new RunSummary.FunctionSummary(InvocationCounts.summary(invocations.totals(i),
                    invocations.rateLimits(i)),
                    f.state() == null ? "NotCreated" : f.state().name(),
                    f.reason(),
                    f.lastUpdateStatus() == null ? null : f.lastUpdateStatus().name(),
                    executions.peakConcurrency(i), history.longestPending(i, simulatedSeconds),
                    history.stuckPending(i, simulatedSeconds, stuckPendingAfterSeconds), history.transitions(i),
                    history.updates(i), latencies.get(f.name()), executions.peakEnvironments(i)));
        }
        return new RunSummary(scenario, seed, replication, simulatedSeconds, events,
                InvocationCounts.summary(invocations.accountTotals(),
                invocations.accountRateLimits()), executions.peakAccountConcurrency(),
                averageConcurrency, functions, network.enis(world), network.vpcs(world), network.subnets(world),
                network.keys(world, end), teardowns, latency.accountLatency());
    }
}
