package dev.enisim.metrics;

import dev.enisim.model.Outcome;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Breaks a multi-account run down by account (several accounts on shared VPCs): per account and bucket, its
 * ConcurrentExecutions (maximum), Invocations and Throttles (sums) and its Hyperplane ENIs holding an address
 * (maximum), as {@code account} rows with the account's id; and the summary's {@code accounts} section. Not made
 * for a single-account run (whose account row, id "", is the whole run). Memory grows with accounts, functions,
 * keys and buckets, not with events.
 */
public final class AccountsRecorder implements Bucketed {

    private final int buckets;
    private final long bucketMicros;
    private final List<String> ids;
    private final int[] functionAccount;
    private final List<List<String>> functions = new ArrayList<>();
    private final Gauge[] concurrency;
    private final Gauge[] enis;
    private final Counter[] invocations;
    private final Counter[] throttles;
    private final long[] inFlight;
    private final long[] liveEnis;
    private final long[] enisCreated;
    private final long[][] outcomes;
    private final int[] lastFunctionInFlight;
    private final Map<Integer, String> keyLabels = new LinkedHashMap<>();
    private int[] keyAccount = new int[0];
    /** The bucket begun last by {@link #crossTo} (the one crossing, {@link Observers}). */
    private int bucket;
    /** The first bucket of the summary's peak concurrency: 0, or the warm-up's end ({@link #warmUpEnds}). */
    private int from;

    /**
     * @param ids             the accounts' ids, in the scenario's order
     * @param functionNames   the run's functions, by index
     * @param functionAccount each function's account (index into {@code ids})
     */
    public AccountsRecorder(long durationMicros, long bucketMicros, List<String> ids, List<String> functionNames,
            int[] functionAccount) {
        this.bucketMicros = bucketMicros;
        this.buckets = (int) ((durationMicros + bucketMicros - 1) / bucketMicros);
        this.ids = List.copyOf(ids);
        this.functionAccount = functionAccount.clone();
        int n = ids.size();
        concurrency = new Gauge[n];
        enis = new Gauge[n];
        invocations = new Counter[n];
        throttles = new Counter[n];
        for (int a = 0; a < n; a++) {
            concurrency[a] = new Gauge(buckets, true, 0);
            enis[a] = new Gauge(buckets, true, 0);
            invocations[a] = new Counter(buckets);
            throttles[a] = new Counter(buckets);
            functions.add(new ArrayList<>());
        }
        for (int f = 0; f < functionAccount.length; f++) {
            functions.get(functionAccount[f]).add(functionNames.get(f));
        }
        inFlight = new long[n];
        liveEnis = new long[n];
        enisCreated = new long[n];
        outcomes = new long[n][Outcome.Kind.values().length];
        lastFunctionInFlight = new int[functionAccount.length];
    }

    private int bucket(long now) {
        return (int) Math.min(now / bucketMicros, buckets - 1);
    }

    void invocation(int function, Outcome outcome, long nowMicros) {
        invocationIn(function, outcome, bucket(nowMicros));
    }

    /** As {@link #invocation(int, Outcome, long)}, in the bucket begun last ({@link #crossTo}). */
    void invocationNow(int function, Outcome outcome) {
        invocationIn(function, outcome, bucket);
    }

    private void invocationIn(int function, Outcome outcome, int b) {
        int a = functionAccount[function];
        outcomes[a][outcome.kind().ordinal()]++;
        if (outcome.admitted()) {
            invocations[a].add(b, 1);
        } else if (outcome.kind() == Outcome.Kind.THROTTLE) {
            throttles[a].add(b, 1);
        }
    }

    void concurrency(int function, int functionInFlight, long nowMicros) {
        int a = functionAccount[function];
        concurrency[a].set(bucket(nowMicros), inFlight(a, function, functionInFlight));
    }

    /** As {@link #concurrency}, in the bucket begun last ({@link #crossTo}). */
    void concurrencyNow(int function, int functionInFlight) {
        int a = functionAccount[function];
        concurrency[a].put(inFlight(a, function, functionInFlight));
    }

    /** Account {@code a}'s invocations in flight, {@code function}'s now {@code functionInFlight}. */
    private long inFlight(int a, int function, int functionInFlight) {
        inFlight[a] += functionInFlight - lastFunctionInFlight[function];
        lastFunctionInFlight[function] = functionInFlight;
        return inFlight[a];
    }

    void eniState(EniId eni, EniState from, EniState to, long nowMicros) {
        int a = account(eni);
        if (eniCounted(a, from, to)) {
            enis[a].set(bucket(nowMicros), liveEnis[a]);
        }
    }

    /** As {@link #eniState(EniId, EniState, EniState, long)}, in the bucket begun last ({@link #crossTo}). */
    void eniStateNow(EniId eni, EniState from, EniState to) {
        int a = account(eni);
        if (eniCounted(a, from, to)) {
            enis[a].put(liveEnis[a]);
        }
    }

    /** Counts an ENI's change in account {@code a}: whether its ENIs holding an address changed. */
    private boolean eniCounted(int a, EniState from, EniState to) {
        int delta = 0;
        if (from == null) {
            enisCreated[a]++;
            delta = 1;
        } else if (!to.holdsResources() && from.holdsResources()) {
            delta = -1;
        }
        liveEnis[a] += delta;
        return delta != 0;
    }

    @Override
    public boolean sameBuckets(BucketGrid grid) {
        return grid.bucketMicros() == bucketMicros && grid.count() == buckets;
    }

    @Override
    public void crossTo(int b) {
        for (int a = 0; a < concurrency.length; a++) {
            concurrency[a].crossTo(b);
            enis[a].crossTo(b);
        }
        bucket = b;
    }

    /** A key's account, from its label ({@code <account>:subnet+[groups]}), looked up once per key. */
    private int account(EniId eni) {
        int k = eni.key();
        if (k >= keyAccount.length) {
            int old = keyAccount.length;
            keyAccount = Arrays.copyOf(keyAccount, Math.max(k + 1, old * 2));
            Arrays.fill(keyAccount, old, keyAccount.length, -1);
        }
        if (keyAccount[k] < 0) {
            keyAccount[k] = 0;
            for (int a = 0; a < ids.size(); a++) {
                if (eni.keyLabel().startsWith(ids.get(a) + ":")) {
                    keyAccount[k] = a;
                }
            }
            keyLabels.put(k, eni.keyLabel());
        }
        return keyAccount[k];
    }

    /**
     * The warm-up ends at bucket {@code b}'s first instant ({@code --warm-up}): each account's invocations by outcome
     * count from here on (where they arrived, as the run's), its peak concurrency from this bucket (whose maximum
     * starts at the level now); its ENIs (created, peak) stay the whole run's, as the run's ENIs. The series are
     * untouched.
     */
    void warmUpEnds(int b) {
        for (long[] o : outcomes) {
            java.util.Arrays.fill(o, 0);
        }
        from = b;
    }

    /** The per-account rows: {@code account} scope, the account's id. */
    public List<Series> series() {
        List<Series> out = new ArrayList<>();
        for (int a = 0; a < ids.size(); a++) {
            String id = ids.get(a);
            out.add(Metric.INVOCATIONS.series(Metric.Scope.ACCOUNT, id, invocations[a].values()));
            out.add(Metric.THROTTLES.series(Metric.Scope.ACCOUNT, id, throttles[a].values()));
            out.add(Metric.CONCURRENT_EXECUTIONS.series(Metric.Scope.ACCOUNT, id, concurrency[a].values()));
            out.add(Metric.HYPERPLANE_ENI_COUNT.series(Metric.Scope.ACCOUNT, id, enis[a].values()));
        }
        return out;
    }

    /** The summary's {@code accounts} section, by account id. */
    public Map<String, RunSummary.AccountSummary> summary() {
        Map<String, RunSummary.AccountSummary> out = new LinkedHashMap<>();
        for (int a = 0; a < ids.size(); a++) {
            long[] o = outcomes[a];
            List<String> keys = new ArrayList<>();
            for (Map.Entry<Integer, String> e : keyLabels.entrySet()) {
                if (keyAccount[e.getKey()] == a) {
                    keys.add(e.getValue());
                }
            }
            long peak = 0;
            long[] levels = concurrency[a].values();
            for (int b = from; b < levels.length; b++) {
                peak = Math.max(peak, levels[b]);
            }
            long peakEnis = 0;
            for (long v : enis[a].values()) {
                peakEnis = Math.max(peakEnis, v);
            }
            long total = 0;
            for (long v : o) {
                total += v;
            }
            out.put(ids.get(a), new RunSummary.AccountSummary(functions.get(a), total,
                    o[Outcome.Kind.SUCCESS.ordinal()], o[Outcome.Kind.THROTTLE.ordinal()],
                    o[Outcome.Kind.FUNCTION_ERROR.ordinal()], o[Outcome.Kind.INVOKE_ERROR.ordinal()], peak,
                    enisCreated[a], peakEnis, keys));
        }
        return out;
    }
}
