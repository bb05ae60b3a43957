package dev.enisim.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * All series of a run on one bucket grid: bucket {@code i} covers [i * bucketMicros, (i + 1) * bucketMicros).
 * Series are looked up by their catalogue entry ({@link #get}, {@link #all}), not by searching names.
 *
 * <p>The index by metric, scope and id is an open-addressed table of the series themselves (no key or node objects:
 * a run of 10,000 functions has some 160,000 series): a series' first slot is its id's hash plus its metric's
 * ordinal, so one dimension's series sit side by side (a function's in a line or two), probed linearly.
 */
public final class TimeSeries {

    private static final Metric[] METRICS = Metric.values();
    private static final int SCOPES = Metric.Scope.values().length;

    private final long bucketMicros;
    private final int buckets;
    private final List<Series> series;
    private final Series[] table;                  // open addressing, linear probing; null: empty
    private final int mask;
    private final List<Series>[] byMetricScope;    // [metric * SCOPES + scope], null when none
    private final Map<Key, List<Series>> exceptions = new HashMap<>(); // the per-exception series (few)

    private record Key(Metric metric, Metric.Scope scope, String id) {
    }

    @SuppressWarnings("unchecked")
    public TimeSeries(long bucketMicros, int buckets, List<Series> series) {
        this.bucketMicros = bucketMicros;
        this.buckets = buckets;
        this.series = List.copyOf(series);
        int capacity = Integer.highestOneBit(Math.max(4, this.series.size() * 2) - 1) << 1; // a power of two >= 2n
        this.table = new Series[capacity];
        this.mask = capacity - 1;
        this.byMetricScope = new List[METRICS.length * SCOPES];
        int[] sizes = new int[byMetricScope.length];
        for (Series s : this.series) {
            if (s.exception() == null) {
                sizes[s.metric().ordinal() * SCOPES + s.scope().ordinal()]++;
            }
        }
        for (Series s : this.series) {
            Metric.Scope scope = s.scope();
            if (s.exception() != null) {
                exceptions.computeIfAbsent(new Key(s.metric(), scope, s.id()), x -> new ArrayList<>()).add(s);
                continue;
            }
            int slot = slot(s.metric(), s.id());
            for (Series t; (t = table[slot]) != null; slot = (slot + 1) & mask) {
                if (t.metric() == s.metric() && t.scope() == scope && Objects.equals(t.id(), s.id())) {
                    throw new IllegalArgumentException("two series of " + s.metric() + " for " + scope.id() + " '"
                            + s.id() + "'");
                }
            }
            table[slot] = s;
            int at = s.metric().ordinal() * SCOPES + scope.ordinal();
            List<Series> l = byMetricScope[at];
            if (l == null) {
                l = new ArrayList<>(sizes[at]);
                byMetricScope[at] = l;
            }
            l.add(s);
        }
    }

    /** The first slot of a series of {@code metric} for {@code id} (any scope). */
    private int slot(Metric metric, String id) {
        int h = id == null ? 0 : id.hashCode();
        h *= 0x9E3779B9; // Fibonacci hashing: ids that differ in their last characters spread over the table
        return ((h ^ (h >>> 16)) + metric.ordinal()) & mask;
    }

    public long bucketMicros() {
        return bucketMicros;
    }

    public int buckets() {
        return buckets;
    }

    /** Every series, in the order the recorders wrote them. */
    public List<Series> series() {
        return series;
    }

    /** The series of {@code metric} for one dimension ("" is the account's id), or null when the run has none. */
    public Series get(Metric metric, Metric.Scope scope, String id) {
        for (int slot = slot(metric, id); ; slot = (slot + 1) & mask) {
            Series t = table[slot];
            if (t == null || t.metric() == metric && t.scope() == scope && Objects.equals(t.id(), id)) {
                return t;
            }
        }
    }

    /** The account's series of {@code metric}, or null. */
    public Series account(Metric metric) {
        return get(metric, Metric.Scope.ACCOUNT, "");
    }

    /** Every series of {@code metric} in {@code scope}, in recorded order (per-exception series left out). */
    public List<Series> all(Metric metric, Metric.Scope scope) {
        List<Series> out = byMetricScope[metric.ordinal() * SCOPES + scope.ordinal()];
        return out == null ? List.of() : List.copyOf(out);
    }

    /** The per-exception series of {@link Metric#INVOKE_ERRORS} for one dimension, in recorded order. */
    public List<Series> invokeErrorsByException(Metric.Scope scope, String id) {
        return List.copyOf(exceptions.getOrDefault(new Key(Metric.INVOKE_ERRORS, scope, id), List.of()));
    }
}
