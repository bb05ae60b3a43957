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
 *
 * <p>It also records each function's spells of provisioned concurrency ({@link #spells}), what AWS bills: the
 * figure configured (PutProvisionedConcurrencyConfig's, the {@code requested} of {@link #changed}) from the time it
 * is enabled to the time it is deleted (a change to 0), whatever has been allocated meanwhile. Memory grows with
 * the configuration's changes (timeline actions), not with invocations.
 */
public final class ProvisionedRecorder implements Bucketed {

    private static final Metric[] METRICS = Metric.of(Metric.Group.PROVISIONED).toArray(new Metric[0]);

    private final int buckets;
    private final long bucketMicros;
    private final long durationMicros;
    private final List<String> names = new ArrayList<>();
    private final Map<Integer, Track> tracks = new LinkedHashMap<>();
    private Track[] byFunction = new Track[0];
    /** The bucket begun last by {@link #crossTo} (the one crossing, {@link Observers}). */
    private int bucket;

    public ProvisionedRecorder(long durationMicros, long bucketMicros) {
        this.bucketMicros = bucketMicros;
        this.durationMicros = durationMicros;
        this.buckets = (int) ((durationMicros + bucketMicros - 1) / bucketMicros);
    }

    /**
     * Binds to the run's functions (by index): {@code configured.get(i)} is function i's provisioned concurrency
     * at the start (allocated before the run), empty for a function that never has any (not tracked), each billed
     * from the run's start.
     */
    public void attach(List<String> functionNames, List<OptionalInt> configured) {
        attach(functionNames, configured, new long[functionNames.size()]);
    }

    /**
     * As {@link #attach(List, List)}, function i's configured figure billed from {@code billedFromMicros[i]}: its
     * {@code createdAt} (provisioned concurrency cannot be enabled on a function that does not exist yet).
     */
    public void attach(List<String> functionNames, List<OptionalInt> configured, long[] billedFromMicros) {
        names.addAll(functionNames);
        byFunction = new Track[functionNames.size()];
        for (int i = 0; i < byFunction.length; i++) {
            if (configured.get(i).isPresent()) {
                // one created after the run's end is never billed
                byFunction[i] = new Track(buckets, configured.get(i).getAsInt(),
                        billedFromMicros[i] < durationMicros ? billedFromMicros[i] : -1);
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

    /**
     * Function {@code function}'s spells of provisioned concurrency, in order: each from the time its figure went
     * from 0 to some (the run's start for one configured before it) to the time it went back to 0, or to the run's
     * end ({@link Spell#enabledAtEnd}); each change of the figure in between starts a {@link Segment}. Empty for a
     * function without provisioned concurrency.
     */
    public List<Spell> spells(int function) {
        Track t = function < byFunction.length ? byFunction[function] : null;
        if (t == null) {
            return List.of();
        }
        List<Spell> out = new ArrayList<>(t.closed);
        if (!t.open.isEmpty()) {
            out.add(new Spell(t.open.get(0).fromMicros(), durationMicros, true, List.copyOf(t.open)));
        }
        return out;
    }

    /**
     * As {@link #spells(int)}, as billed over {@code [fromMicros, end)} (after a warm-up, {@code --warm-up}): a spell
     * that ended by then is left out, one under way then is cut to begin there at the figure configured then (billed
     * from there, rounded up to five minutes as any spell). {@code fromMicros} 0: every spell as it was.
     */
    public List<Spell> spells(int function, long fromMicros) {
        List<Spell> all = spells(function);
        if (fromMicros <= 0) {
            return all;
        }
        List<Spell> out = new ArrayList<>();
        for (Spell p : all) {
            if (p.toMicros() <= fromMicros) {
                continue;
            }
            if (p.fromMicros() >= fromMicros) {
                out.add(p);
                continue;
            }
            List<Segment> cut = new ArrayList<>();
            for (Segment g : p.segments()) {
                if (g.fromMicros() <= fromMicros) {
                    cut.clear(); // the figure configured at the warm-up's end is the last one set by then
                    cut.add(new Segment(fromMicros, g.concurrency()));
                } else {
                    cut.add(g);
                }
            }
            out.add(new Spell(fromMicros, p.toMicros(), p.enabledAtEnd(), cut));
        }
        return out;
    }

    /**
     * The warm-up ends ({@code --warm-up}): the invocations on provisioned environments, the spillovers and the
     * allocations completed count from here on, the peak allocation starts from the allocation now; the series and the
     * figures configured and allocated are untouched (the spells' billing is cut with {@link #spells(int, long)}).
     */
    void warmUpEnds() {
        for (Track t : tracks.values()) {
            t.invocations = 0;
            t.spillover = 0;
            t.allocationsCompleted = 0;
            t.peak = t.allocated.current();
        }
    }

    /**
     * A spell of provisioned concurrency: enabled at {@code fromMicros}, disabled at {@code toMicros} (the run's end
     * when {@code enabledAtEnd}), configured at each segment's figure from its time to the next segment's.
     */
    public record Spell(long fromMicros, long toMicros, boolean enabledAtEnd, List<Segment> segments) {
        public Spell {
            segments = List.copyOf(segments);
        }
    }

    /** A figure of provisioned concurrency configured from {@code fromMicros}. */
    public record Segment(long fromMicros, int concurrency) {
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
        /** The spells that ended, and the segments of the one under way (empty when none is). */
        final List<Spell> closed = new ArrayList<>();
        final List<Segment> open = new ArrayList<>();

        /** {@code billedFromMicros}: when the configured figure's spell begins, -1 for none. */
        Track(int buckets, int configured, long billedFromMicros) {
            invocationSeries = new Counter(buckets);
            spilloverSeries = new Counter(buckets);
            allocated = new Gauge(buckets, true, configured);
            requested = configured;
            peak = configured;
            if (configured > 0 && billedFromMicros >= 0) {
                // configured before the run: billed from its start, or from the function's creation
                open.add(new Segment(billedFromMicros, configured));
            }
        }

        /** The counts of a change to {@code allocated} of {@code requested}: the allocation to record, returned. */
        int change(int requested, int allocated, long nowMicros) {
            if (allocated > this.allocated.current() && requested == allocated && nowMicros > 0) {
                allocationsCompleted++;
            }
            if (requested != this.requested) {
                configured(requested, nowMicros);
            }
            this.requested = requested;
            peak = Math.max(peak, allocated);
            return allocated;
        }

        /** The configuration's figure changed to {@code requested} (0: deleted): a spell begins, goes on or ends. */
        private void configured(int requested, long nowMicros) {
            if (requested == 0) {
                if (!open.isEmpty() && open.get(0).fromMicros() < nowMicros) { // one of no time is not one
                    closed.add(new Spell(open.get(0).fromMicros(), nowMicros, false, open));
                }
                open.clear();
            } else if (!open.isEmpty() && open.get(open.size() - 1).fromMicros() == nowMicros) {
                open.set(open.size() - 1, new Segment(nowMicros, requested)); // two puts at one time: the last holds
            } else {
                open.add(new Segment(nowMicros, requested));
            }
        }
    }
}
