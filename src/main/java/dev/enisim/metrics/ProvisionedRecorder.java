package dev.enisim.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Observes provisioned concurrency: per function that has some (configured or requested on the timeline), per
 * time bucket, CloudWatch's ProvisionedConcurrencyInvocations and ProvisionedConcurrencySpilloverInvocations
 * (sums) and the allocation ({@code Sim.ProvisionedConcurrency.Allocated}, maximum), and the summary's {@code
 * provisionedConcurrency} section. No series and no section for a run without provisioned concurrency. Memory
 * grows with functions and buckets, not with invocations.
 */
public final class ProvisionedRecorder implements Bucketed {

    private static final Metric[] METRICS = Metric.of(Metric.Group.PROVISIONED).toArray(new Metric[0]);

    private final int buckets;
    private final long bucketMicros;
    private final List<String> names = new ArrayList<>();
    private final Map<Integer, Track> tracks = new LinkedHashMap<>();
    private Track[] byFunction = new Track[0];
    /** The bucket begun last by {@link #crossTo} (the one crossing, {@link Observers}). */
    private int bucket;

    public ProvisionedRecorder(long durationMicros, long bucketMicros) {
        this.bucketMicros = bucketMicros;
        this.buckets = (int) ((durationMicros + bucketMicros - 1) / bucketMicros);
    }

    /**
     * Binds to the run's functions (by index): {@code configured.get(i)} is function i's provisioned concurrency
     * at the start (allocated before the run), empty for a function that never has any (not tracked).
     */
    public void attach(List<String> functionNames, List<OptionalInt> configured) {
        names.addAll(functionNames);
        byFunction = new Track[functionNames.size()];
        for (int i = 0; i < byFunction.length; i++) {
            if (configured.get(i).isPresent()) {
                byFunction[i] = new Track(buckets, configured.get(i).getAsInt());
                tracks.put(i, byFunction[i]);
            }
        }
    }

    /** True when some function has provisioned concurrency. */
    public boolean any() {
        return !tracks.isEmpty();
    }

    private int bucket(long now) {
        return (int) Math.min(now / bucketMicros, buckets - 1);
    }

    /** An invocation got an environment (provisioned or not); called for every execution. */
    void execution(int function, boolean provisioned, long nowMicros) {
        Track t = byFunction[function];
        if (t != null && provisioned) {
            t.invocations++;
            t.invocationSeries.add(bucket(nowMicros), 1);
        }
    }

    void spillover(int function, long nowMicros) {
        Track t = byFunction[function];
        t.spillover++;
        t.spilloverSeries.add(bucket(nowMicros), 1);
    }

    void changed(int function, int requested, int allocated, long nowMicros) {
        Track t = byFunction[function];
        t.allocated.set(bucket(nowMicros), t.change(requested, allocated, nowMicros));
    }

    @Override
    public boolean sameBuckets(BucketGrid grid) {
        return grid.bucketMicros() == bucketMicros && grid.count() == buckets;
    }

    @Override
    public void crossTo(int b) {
        for (Track t : byFunction) {
            if (t != null) {
                t.allocated.crossTo(b);
            }
        }
        bucket = b;
    }

    /** As {@link #execution}, in the bucket begun last ({@link #crossTo}). */
    void executionNow(int function, boolean provisioned) {
        Track t = byFunction[function];
        if (t != null && provisioned) {
            t.invocations++;
            t.invocationSeries.add(bucket, 1);
        }
    }

    /** As {@link #spillover}, in the bucket begun last ({@link #crossTo}). */
    void spilloverNow(int function) {
        Track t = byFunction[function];
        t.spillover++;
        t.spilloverSeries.add(bucket, 1);
    }

    /** As {@link #changed}, in the bucket begun last ({@link #crossTo}). */
    void changedNow(int function, int requested, int allocated, long nowMicros) {
        Track t = byFunction[function];
        t.allocated.put(t.change(requested, allocated, nowMicros));
    }

    /** The provisioned-concurrency series, per tracked function then for the account (none without one). */
    public List<Series> series() {
        List<Series> out = new ArrayList<>();
        if (!any()) {
            return out;
        }
        long[][] account = new long[METRICS.length][buckets];
        for (Map.Entry<Integer, Track> e : tracks.entrySet()) {
            long[][] v = {e.getValue().invocationSeries.values(), e.getValue().spilloverSeries.values(),
                e.getValue().allocated.values()};
            add(out, Metric.Scope.FUNCTION, names.get(e.getKey()), v);
            for (int m = 0; m < v.length; m++) {
                for (int b = 0; b < buckets; b++) {
                    account[m][b] += v[m][b];
                }
            }
        }
        add(out, Metric.Scope.ACCOUNT, "", account);
        return out;
    }

    private static void add(List<Series> out, Metric.Scope scope, String id, long[][] values) {
        for (int m = 0; m < METRICS.length; m++) {
            out.add(METRICS[m].series(scope, id, values[m]));
        }
    }

    /** The summary's {@code provisionedConcurrency} section, per tracked function; null when there is none. */
    public Map<String, RunSummary.ProvisionedSummary> summary() {
        if (!any()) {
            return null;
        }
        Map<String, RunSummary.ProvisionedSummary> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, Track> e : tracks.entrySet()) {
            Track t = e.getValue();
            out.put(names.get(e.getKey()), new RunSummary.ProvisionedSummary(t.requested, t.allocated.current(),
                    t.peak, t.allocationsCompleted, t.invocations, t.spillover));
        }
        return out;
    }

    private static final class Track {
        final Counter invocationSeries;
        final Counter spilloverSeries;
        final Gauge allocated;
        int requested;
        long peak;
        long allocationsCompleted;
        long invocations;
        long spillover;

        Track(int buckets, int configured) {
            invocationSeries = new Counter(buckets);
            spilloverSeries = new Counter(buckets);
            allocated = new Gauge(buckets, true, configured);
            requested = configured;
            peak = configured;
        }

        /** The counts of a change to {@code allocated} of {@code requested}: the allocation to record, returned. */
        int change(int requested, int allocated, long nowMicros) {
            if (allocated > this.allocated.current() && requested == allocated && nowMicros > 0) {
                allocationsCompleted++;
            }
            this.requested = requested;
            peak = Math.max(peak, allocated);
            return allocated;
        }
    }
}
