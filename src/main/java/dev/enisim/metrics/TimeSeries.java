package dev.enisim.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All series of a run on one bucket grid: bucket {@code i} covers [i * bucketMicros, (i + 1) * bucketMicros).
 * Series are looked up by their catalogue entry ({@link #get}, {@link #all}), not by searching names.
 */
public final class TimeSeries {

    private record Key(Metric metric, Metric.Scope scope, String id) {
    }

    private final long bucketMicros;
    private final int buckets;
    private final List<Series> series;
    private final Map<Key, Series> byKey = new HashMap<>();
    private final Map<Metric, Map<Metric.Scope, List<Series>>> byMetric = new EnumMap<>(Metric.class);
    private final Map<Key, List<Series>> exceptions = new HashMap<>();

    public TimeSeries(long bucketMicros, int buckets, List<Series> series) {
        this.bucketMicros = bucketMicros;
        this.buckets = buckets;
        this.series = List.copyOf(series);
        for (Series s : this.series) {
            Key k = new Key(s.metric(), s.scope(), s.id());
            if (s.exception() != null) {
                exceptions.computeIfAbsent(k, x -> new ArrayList<>()).add(s);
                continue;
            }
            if (byKey.putIfAbsent(k, s) != null) {
                throw new IllegalArgumentException("two series of " + s.metric() + " for " + s.scope().id() + " '"
                        + s.id() + "'");
            }
            byMetric.computeIfAbsent(s.metric(), x -> new EnumMap<>(Metric.Scope.class))
                    .computeIfAbsent(s.scope(), x -> new ArrayList<>()).add(s);
        }
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
        return byKey.get(new Key(metric, scope, id));
    }

    /** The account's series of {@code metric}, or null. */
    public Series account(Metric metric) {
        return get(metric, Metric.Scope.ACCOUNT, "");
    }

    /** Every series of {@code metric} in {@code scope}, in recorded order (per-exception series left out). */
    public List<Series> all(Metric metric, Metric.Scope scope) {
        Map<Metric.Scope, List<Series>> m = byMetric.get(metric);
        List<Series> out = m == null ? null : m.get(scope);
        return out == null ? List.of() : List.copyOf(out);
    }

    /** The per-exception series of {@link Metric#INVOKE_ERRORS} for one dimension, in recorded order. */
    public List<Series> invokeErrorsByException(Metric.Scope scope, String id) {
        return List.copyOf(exceptions.getOrDefault(new Key(Metric.INVOKE_ERRORS, scope, id), List.of()));
    }
}
