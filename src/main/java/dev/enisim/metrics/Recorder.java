package dev.enisim.metrics;

import dev.enisim.model.Outcome;
import dev.enisim.model.WorldListener;
import dev.enisim.model.WorldSnapshot;
import dev.enisim.model.eni.EniState;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Observes the world and keeps, per time bucket: invocation outcomes per function, ConcurrentExecutions
 * (account and function), ENIs and connections per key, free IPs per subnet; plus the totals and state
 * transitions of the summary. Call {@link #attach} after the world is built and before it runs.
 */
public final class Recorder implements WorldListener {

    private static final Outcome[] OUTCOMES = Outcome.all();

    private final long bucketMicros;
    private final int buckets;
    private long[][] totals;            // [function][outcome]
    private Counter[][] byBucket;       // [function][outcome], created on first use
    private Gauge[] functionConcurrency;
    private Gauge[] functionEnvironments;
    private Gauge accountConcurrency;
    private final TimeAverage concurrencyArea = new TimeAverage();
    private TimeAverage[] connectionsArea;
    private Gauge accountEnis;
    private Gauge[] keyEnis;
    private Gauge[] keyConnections;
    private Gauge[] subnetIps;
    private Gauge[] vpcEnis;
    private long[] vpcEniCount;
    private long[] keyEniCount;
    private long enisCreated;
    private long enisDeleted;
    private long enisOrphaned;
    private final List<RunSummary.Action> actions = new ArrayList<>();
    private List<List<RunSummary.Update>> updates;
    private long liveEnis;
    private List<List<RunSummary.Transition>> transitions;

    public Recorder(long durationMicros, long bucketMicros) {
        if (bucketMicros <= 0 || durationMicros <= 0) {
            throw new IllegalArgumentException("duration and bucket must be positive");
        }
        this.bucketMicros = bucketMicros;
        long n = (durationMicros + bucketMicros - 1) / bucketMicros;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many buckets: " + n);
        }
        this.buckets = (int) n;
    }

    /** Binds to the world as built: its functions, keys, subnets (and their free addresses) and VPCs. */
    public void attach(WorldSnapshot w) {
        int nf = w.functions().size();
        totals = new long[nf][OUTCOMES.length];
        byBucket = new Counter[nf][OUTCOMES.length];
        functionConcurrency = new Gauge[nf];
        functionEnvironments = new Gauge[nf];
        for (int i = 0; i < nf; i++) {
            functionConcurrency[i] = new Gauge(buckets, true, 0);
            functionEnvironments[i] = new Gauge(buckets, true, 0);
        }
        accountConcurrency = new Gauge(buckets, true, 0);
        accountEnis = new Gauge(buckets, true, 0);
        int nk = w.keys().size();
        keyEnis = new Gauge[nk];
        keyConnections = new Gauge[nk];
        keyEniCount = new long[nk];
        connectionsArea = new TimeAverage[nk];
        for (int i = 0; i < nk; i++) {
            connectionsArea[i] = new TimeAverage();
            keyEnis[i] = new Gauge(buckets, true, 0);
            keyConnections[i] = new Gauge(buckets, true, 0);
        }
        subnetIps = new Gauge[w.subnets().size()];
        for (WorldSnapshot.SubnetView s : w.subnets()) {
            subnetIps[s.index()] = new Gauge(buckets, false, s.availableIps());
        }
        vpcEnis = new Gauge[w.vpcs().size()];
        vpcEniCount = new long[w.vpcs().size()];
        for (WorldSnapshot.VpcView v : w.vpcs()) {
            vpcEnis[v.index()] = new Gauge(buckets, true, 0);
        }
        transitions = new ArrayList<>();
        updates = new ArrayList<>();
        for (int i = 0; i < nf; i++) {
            transitions.add(new ArrayList<>());
            updates.add(new ArrayList<>());
        }
    }

    // the current bucket and its bounds, so that most events need no division
    private int cachedBucket = -1;
    private long cachedStart = 0;
    private long cachedEnd = -1;

    private int bucket(long nowMicros) {
        if (nowMicros >= cachedStart && nowMicros < cachedEnd) {
            return cachedBucket;
        }
        int b = (int) (nowMicros / bucketMicros);
        if (b >= buckets) {
            return buckets - 1; // events at exactly the end fall in the last bucket
        }
        cachedBucket = b;
        cachedStart = b * bucketMicros;
        cachedEnd = cachedStart + bucketMicros;
        return b;
    }

    @Override
    public void invocation(int function, Outcome outcome, long nowMicros) {
        int o = outcome.ordinal();
        totals[function][o]++;
        Counter c = byBucket[function][o];
        if (c == null) {
            c = new Counter(buckets);
            byBucket[function][o] = c;
        }
        c.add(bucket(nowMicros), 1);
    }

    @Override
    public void concurrency(int function, int functionInFlight, int accountInFlight, long nowMicros) {
        int b = bucket(nowMicros);
        functionConcurrency[function].set(b, functionInFlight);
        accountConcurrency.set(b, accountInFlight);
        concurrencyArea.update(accountInFlight, nowMicros);
    }

    @Override
    public void connections(int key, int keyConnections, long nowMicros) {
        this.keyConnections[key].set(bucket(nowMicros), keyConnections);
        connectionsArea[key].update(keyConnections, nowMicros);
    }

    @Override
    public void environments(int function, int total, long nowMicros) {
        functionEnvironments[function].set(bucket(nowMicros), total);
    }

    /** Keys appear during the run (a VPC update to new subnets): grow the per-key series to cover them. */
    private void ensureKey(int key) {
        int n = keyEnis.length;
        if (key < n) {
            return;
        }
        int size = key + 1;
        keyEnis = java.util.Arrays.copyOf(keyEnis, size);
        keyConnections = java.util.Arrays.copyOf(keyConnections, size);
        keyEniCount = java.util.Arrays.copyOf(keyEniCount, size);
        connectionsArea = java.util.Arrays.copyOf(connectionsArea, size);
        for (int i = n; i < size; i++) {
            connectionsArea[i] = new TimeAverage();
            keyEnis[i] = new Gauge(buckets, true, 0);
            keyConnections[i] = new Gauge(buckets, true, 0);
        }
    }

    @Override
    public void eniState(EniId eni, EniState from, EniState to, long nowMicros) {
        ensureKey(eni.key());
        int b = bucket(nowMicros);
        int vpc = eni.vpc();
        int delta = 0;
        if (from == null) {
            enisCreated++;
            delta = 1;
        } else if (!to.holdsResources() && from.holdsResources()) {
            delta = -1;
        }
        if (to == EniState.Deleted) {
            enisDeleted++;
        } else if (to == EniState.Orphaned) {
            enisOrphaned++;
        }
        if (delta != 0) {
            liveEnis += delta;
            keyEniCount[eni.key()] += delta;
            vpcEniCount[vpc] += delta;
            accountEnis.set(b, liveEnis);
            keyEnis[eni.key()].set(b, keyEniCount[eni.key()]);
            vpcEnis[vpc].set(b, vpcEniCount[vpc]);
        }
    }

    @Override
    public void subnetIps(int subnet, int availableIps, long nowMicros) {
        subnetIps[subnet].set(bucket(nowMicros), availableIps);
    }

    @Override
    public void functionState(int function, State state, StateReasonCode reason, String cause, long nowMicros) {
        transitions.get(function).add(new RunSummary.Transition(nowMicros / 1e6, state.name(),
                reason == null ? null : reason.name(), cause));
    }

    @Override
    public void functionUpdate(int function, LastUpdateStatus status, StateReasonCode reason, long nowMicros) {
        updates.get(function).add(new RunSummary.Update(nowMicros / 1e6, status.name(),
                reason == null ? null : reason.name()));
    }

    @Override
    public void controlAction(String description, long nowMicros) {
        actions.add(new RunSummary.Action(nowMicros / 1e6, description));
    }

    /** The timeline's control-plane actions as they happened, in order. */
    public List<RunSummary.Action> actions() {
        return List.copyOf(actions);
    }

    // ---- results ----------------------------------------------------------------------------------------

    /** The time series of the run (call once, after the run; {@code end} names what it covers). */
    public TimeSeries timeSeries(WorldSnapshot end) {
        ensureKey(end.keys().size() - 1);
        List<Series> out = new ArrayList<>();
        long[][] account = new long[OUTCOMES.length][];
        for (WorldSnapshot.FunctionView f : end.functions()) {
            Counter[] counters = byBucket[f.index()];
            addInvocationSeries(out, Metric.Scope.FUNCTION, f.name(), counters, account);
            out.add(Metric.CONCURRENT_EXECUTIONS.series(Metric.Scope.FUNCTION, f.name(),
                    functionConcurrency[f.index()].values()));
            out.add(Metric.ENVIRONMENTS.series(Metric.Scope.FUNCTION, f.name(),
                    functionEnvironments[f.index()].values()));
        }
        addAccountSeries(out, account);
        for (WorldSnapshot.KeyView p : end.keys()) {
            out.add(Metric.HYPERPLANE_ENI_COUNT.series(Metric.Scope.ENI_KEY, p.key().label(),
                    keyEnis[p.index()].values()));
            out.add(Metric.ENI_CONNECTIONS.series(Metric.Scope.ENI_KEY, p.key().label(),
                    keyConnections[p.index()].values()));
        }
        for (WorldSnapshot.SubnetView s : end.subnets()) {
            out.add(Metric.SUBNET_AVAILABLE_IPS.series(Metric.Scope.SUBNET, s.id(), subnetIps[s.index()].values()));
        }
        for (WorldSnapshot.VpcView v : end.vpcs()) {
            out.add(Metric.HYPERPLANE_ENI_COUNT.series(Metric.Scope.VPC, v.id(), vpcEnis[v.index()].values()));
        }
        return new TimeSeries(bucketMicros, buckets, out);
    }

    private void addInvocationSeries(List<Series> out, Metric.Scope scope, String id, Counter[] counters,
            long[][] account) {
        long[] invocations = new long[buckets];
        long[] errors = new long[buckets];
        long[] throttles = new long[buckets];
        long[] invokeErrors = new long[buckets];
        Map<String, long[]> byException = new LinkedHashMap<>();
        for (Outcome o : OUTCOMES) {
            Counter c = counters[o.ordinal()];
            if (c == null) {
                continue;
            }
            long[] v = c.values();
            account[o.ordinal()] = account[o.ordinal()] == null ? v.clone() : sum(account[o.ordinal()], v);
            switch (o.kind()) {
                case SUCCESS -> sum(invocations, v);
                case FUNCTION_ERROR -> {
                    sum(invocations, v);
                    sum(errors, v);
                }
                case THROTTLE -> sum(throttles, v);
                case INVOKE_ERROR -> {
                    sum(invokeErrors, v);
                    sum(byException.computeIfAbsent(o.exception(), k -> new long[buckets]), v);
                }
            }
        }
        out.add(Metric.INVOCATIONS.series(scope, id, invocations));
        out.add(Metric.ERRORS.series(scope, id, errors));
        out.add(Metric.THROTTLES.series(scope, id, throttles));
        out.add(Metric.INVOKE_ERRORS.series(scope, id, invokeErrors));
        for (Outcome o : OUTCOMES) {
            if (o.kind() == Outcome.Kind.INVOKE_ERROR && byException.containsKey(o.exception())) {
                out.add(Metric.invokeErrors(scope, id, o.exception(), byException.remove(o.exception())));
            }
        }
    }

    private void addAccountSeries(List<Series> out, long[][] account) {
        Counter[] counters = new Counter[OUTCOMES.length];
        for (Outcome o : OUTCOMES) {
            if (account[o.ordinal()] != null) {
                counters[o.ordinal()] = new Counter(buckets);
                long[] v = account[o.ordinal()];
                for (int i = 0; i < buckets; i++) {
                    counters[o.ordinal()].add(i, v[i]);
                }
            }
        }
        addInvocationSeries(out, Metric.Scope.ACCOUNT, "", counters, new long[OUTCOMES.length][]);
        out.add(Metric.CONCURRENT_EXECUTIONS.series(Metric.Scope.ACCOUNT, "", accountConcurrency.values()));
        out.add(Metric.HYPERPLANE_ENI_COUNT.series(Metric.Scope.ACCOUNT, "", accountEnis.values()));
    }

    private static long[] sum(long[] into, long[] add) {
        for (int i = 0; i < into.length; i++) {
            into[i] += add[i];
        }
        return into;
    }

    /** The summary of the run. */
    public RunSummary summary(String scenario, long seed, int replication, double simulatedSeconds,
            RunSummary.Events events, double stuckPendingAfterSeconds, List<RunSummary.Teardown> teardowns,
            LatencyRecorder latency, WorldSnapshot world) {
        Map<String, RunSummary.Latency> latencies = latency.functionLatency();
        long end = Math.round(simulatedSeconds * 1e6);
        concurrencyArea.update(concurrencyArea.current(), end);
        long[] all = new long[OUTCOMES.length];
        Map<String, RunSummary.FunctionSummary> functions = new LinkedHashMap<>();
        for (WorldSnapshot.FunctionView f : world.functions()) {
            long[] t = totals[f.index()];
            for (int i = 0; i < all.length; i++) {
                all[i] += t[i];
            }
            List<RunSummary.Transition> ts = transitions.get(f.index());
            functions.put(f.name(), new RunSummary.FunctionSummary(invocations(t),
                    f.state() == null ? "NotCreated" : f.state().name(),
                    f.reason() == null ? null : f.reason().name(),
                    f.lastUpdateStatus() == null ? null : f.lastUpdateStatus().name(),
                    (int) functionConcurrency[f.index()].peak(), longestPending(ts, simulatedSeconds),
                    stuckPending(ts, simulatedSeconds, stuckPendingAfterSeconds), List.copyOf(ts),
                    List.copyOf(updates.get(f.index())), latencies.get(f.name()),
                    (int) functionEnvironments[f.index()].peak()));
        }
        Map<String, RunSummary.VpcSummary> vpcs = new LinkedHashMap<>();
        for (WorldSnapshot.VpcView v : world.vpcs()) {
            vpcs.put(v.id(), new RunSummary.VpcSummary(v.eniQuota(), vpcEnis[v.index()].peak(),
                    vpcEnis[v.index()].current(), v.otherUsedEnis()));
        }
        Map<String, RunSummary.SubnetSummary> subnets = new LinkedHashMap<>();
        for (WorldSnapshot.SubnetView s : world.subnets()) {
            Gauge g = subnetIps[s.index()];
            subnets.put(s.id(), new RunSummary.SubnetSummary(s.cidr().toString(), s.az(), s.usableIps(),
                    s.otherUsedIps(), g.low(), g.current()));
        }
        ensureKey(world.keys().size() - 1);
        Map<String, RunSummary.KeySummary> keys = new LinkedHashMap<>();
        for (WorldSnapshot.KeyView p : world.keys()) {
            TimeAverage c = connectionsArea[p.index()];
            c.update(c.current(), end);
            keys.put(p.key().label(), new RunSummary.KeySummary(p.key().vpcId(), p.key().subnetId(),
                    p.key().securityGroupIds(), keyEnis[p.index()].peak(), keyEnis[p.index()].current(),
                    keyConnections[p.index()].peak(), c.mean(end), c.variance(end)));
        }
        return new RunSummary(scenario, seed, replication, simulatedSeconds, events, invocations(all),
                (int) accountConcurrency.peak(), concurrencyArea.mean(end), functions,
                new RunSummary.Enis(enisCreated, accountEnis.peak(), accountEnis.current(), enisDeleted, enisOrphaned),
                vpcs, subnets, keys, teardowns, latency.accountLatency());
    }

    /** The longest time the function spent Pending in one go (until the end if still Pending). */
    private static double longestPending(List<RunSummary.Transition> ts, double end) {
        double longest = 0;
        for (double d : pendingSpells(ts, end)) {
            longest = Math.max(longest, d);
        }
        return longest;
    }

    /** How many times the function stayed Pending longer than the threshold. */
    private static int stuckPending(List<RunSummary.Transition> ts, double end, double threshold) {
        int n = 0;
        for (double d : pendingSpells(ts, end)) {
            if (d > threshold) {
                n++;
            }
        }
        return n;
    }

    private static List<Double> pendingSpells(List<RunSummary.Transition> ts, double end) {
        List<Double> spells = new ArrayList<>();
        double since = -1;
        for (RunSummary.Transition t : ts) {
            if (since >= 0) {
                spells.add(t.atSeconds() - since);
                since = -1;
            }
            if (t.state().equals("Pending")) {
                since = t.atSeconds();
            }
        }
        if (since >= 0) {
            spells.add(end - since);
        }
        return spells;
    }

    private static RunSummary.Invocations invocations(long[] byOutcome) {
        long total = 0;
        long succeeded = 0;
        long throttled = 0;
        long functionErrors = 0;
        Map<String, Long> errors = new LinkedHashMap<>();
        Map<String, Long> reasons = new LinkedHashMap<>();
        Map<String, Long> causes = new LinkedHashMap<>();
        for (Outcome o : OUTCOMES) {
            long n = byOutcome[o.ordinal()];
            total += n;
            switch (o.kind()) {
                case SUCCESS -> succeeded += n;
                case THROTTLE -> {
                    throttled += n;
                    reasons.merge(o.reason(), n, Long::sum);
                }
                case FUNCTION_ERROR -> {
                    functionErrors += n;
                    causes.merge(o.reason(), n, Long::sum);
                }
                case INVOKE_ERROR -> errors.merge(o.exception(), n, Long::sum);
            }
        }
        return new RunSummary.Invocations(total, succeeded, throttled, functionErrors, errors, reasons, causes);
    }
}
