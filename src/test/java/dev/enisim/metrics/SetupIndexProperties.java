package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.Outcome;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The result's indexes built for 10,000 functions (eighteenth pass) answer as the plain ones they replaced: the time
 * series' open-addressed table as a hash map of (metric, scope, id) keys with lists per metric and scope, and the
 * invocation summary's maps over shared keys as linked hash maps merged outcome by outcome.
 */
class SetupIndexProperties {

    /** "Aa" and "BB" have one String hash: ids that collide whatever the table's size. */
    private static final String[] IDS = {"", "fn-00000", "fn-00001", "fn-00017", "Aa", "BB", "AaAa", "BBBB", "AaBB",
        "sub-01", "x", "y"};
    private static final Metric[] METRICS = Metric.values();
    private static final Metric.Scope[] SCOPES = Metric.Scope.values();

    private record Key(Metric metric, Metric.Scope scope, String id) {
    }

    /** The index of before: a hash map of keys, lists per metric and scope, per-exception lists. */
    private static final class Reference {
        final Map<Key, Series> byKey = new HashMap<>();
        final Map<Metric, Map<Metric.Scope, List<Series>>> byMetric = new EnumMap<>(Metric.class);
        final Map<Key, List<Series>> exceptions = new HashMap<>();
        boolean duplicate;

        Reference(List<Series> series) {
            for (Series s : series) {
                Key k = new Key(s.metric(), s.scope(), s.id());
                if (s.exception() != null) {
                    exceptions.computeIfAbsent(k, x -> new ArrayList<>()).add(s);
                    continue;
                }
                if (byKey.putIfAbsent(k, s) != null) {
                    duplicate = true;
                    return;
                }
                byMetric.computeIfAbsent(s.metric(), x -> new EnumMap<>(Metric.Scope.class))
                        .computeIfAbsent(s.scope(), x -> new ArrayList<>()).add(s);
            }
        }

        List<Series> all(Metric m, Metric.Scope s) {
            Map<Metric.Scope, List<Series>> x = byMetric.get(m);
            List<Series> out = x == null ? null : x.get(s);
            return out == null ? List.of() : out;
        }
    }

    @Property(tries = 400)
    void theTimeSeriesIndexAnswersAsAHashMapOfKeys(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n,
            @ForAll @IntRange(min = 1, max = 12) int ids, @ForAll @IntRange(min = 1, max = 40) int metrics,
            @ForAll boolean allowDuplicates) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Series> series = new ArrayList<>();
        java.util.Set<Key> used = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            Metric m = METRICS[rng.nextInt(Math.min(metrics, METRICS.length))];
            Metric.Scope scope = SCOPES[rng.nextInt(SCOPES.length)];
            String id = IDS[rng.nextInt(ids)];
            String exception = m == Metric.INVOKE_ERRORS && rng.nextInt(4) == 0 ? "E" + rng.nextInt(3) : null;
            if (exception == null && !allowDuplicates && !used.add(new Key(m, scope, id))) {
                continue;
            }
            series.add(new Series(scope, id, m, exception, new long[] {i}));
        }
        Reference ref = new Reference(series);
        if (ref.duplicate) {
            assertThrows(IllegalArgumentException.class, () -> new TimeSeries(60, 1, series));
            return;
        }
        TimeSeries ts = new TimeSeries(60, 1, series);
        assertEquals(series, ts.series());
        for (Metric m : METRICS) {
            for (Metric.Scope scope : SCOPES) {
                for (String id : IDS) {
                    assertSame(ref.byKey.get(new Key(m, scope, id)), ts.get(m, scope, id), m + " " + scope + " " + id);
                }
                assertSame(ref.byKey.get(new Key(m, scope, "nobody")), ts.get(m, scope, "nobody"));
                assertEquals(ref.all(m, scope), ts.all(m, scope), m + " " + scope);
            }
        }
        for (Metric.Scope scope : SCOPES) {
            for (String id : IDS) {
                assertEquals(ref.exceptions.getOrDefault(new Key(Metric.INVOKE_ERRORS, scope, id), List.of()),
                        ts.invokeErrorsByException(scope, id));
            }
        }
        assertSame(ref.byKey.get(new Key(Metric.INVOCATIONS, Metric.Scope.ACCOUNT, "")), ts.account(Metric.INVOCATIONS));
    }

    /** The summary of before: linked hash maps merged outcome by outcome. */
    private static List<Map<String, Long>> referenceMaps(long[] byOutcome) {
        Map<String, Long> errors = new LinkedHashMap<>();
        Map<String, Long> reasons = new LinkedHashMap<>();
        Map<String, Long> causes = new LinkedHashMap<>();
        for (Outcome o : Outcome.all()) {
            long n = byOutcome[o.ordinal()];
            switch (o.kind()) {
                case SUCCESS -> {
                }
                case THROTTLE -> reasons.merge(o.reason(), n, Long::sum);
                case FUNCTION_ERROR -> causes.merge(o.reason(), n, Long::sum);
                case INVOKE_ERROR -> errors.merge(o.exception(), n, Long::sum);
            }
        }
        return List.of(errors, reasons, causes);
    }

    @Property(tries = 400)
    void theInvocationSummaryIsTheMergedMapsOfBefore(@ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        long[] byOutcome = new long[Outcome.all().length];
        long total = 0;
        long succeeded = 0;
        long throttled = 0;
        long functionErrors = 0;
        for (Outcome o : Outcome.all()) {
            long n = rng.nextInt(3) == 0 ? 0 : rng.nextLong(1L << 40);
            byOutcome[o.ordinal()] = n;
            total += n;
            switch (o.kind()) {
                case SUCCESS -> succeeded += n;
                case THROTTLE -> throttled += n;
                case FUNCTION_ERROR -> functionErrors += n;
                default -> {
                }
            }
        }
        RunSummary.Invocations s = InvocationCounts.summary(byOutcome);
        assertEquals(total, s.total());
        assertEquals(succeeded, s.succeeded());
        assertEquals(throttled, s.throttled());
        assertEquals(functionErrors, s.functionErrors());
        List<Map<String, Long>> ref = referenceMaps(byOutcome);
        List<Map<String, Long>> got = List.of(s.errors(), s.throttleReasons(), s.functionErrorCauses());
        for (int m = 0; m < 3; m++) {
            Map<String, Long> r = ref.get(m);
            Map<String, Long> g = got.get(m);
            assertEquals(new ArrayList<>(r.entrySet()), new ArrayList<>(g.entrySet()), "entries in order");
            assertEquals(r, g);
            assertEquals(g, r);
            assertEquals(r.hashCode(), g.hashCode());
            assertEquals(r.size(), g.size());
            for (String k : r.keySet()) {
                assertTrue(g.containsKey(k));
                assertEquals(r.get(k), g.get(k));
            }
            assertFalse(g.containsKey("nothing"));
            assertEquals(null, g.get("nothing"));
            assertEquals(r.toString(), g.toString());
            assertThrows(UnsupportedOperationException.class, () -> g.put("x", 1L));
            assertThrows(java.util.NoSuchElementException.class, () -> {
                var it = g.entrySet().iterator();
                while (true) {
                    it.next();
                }
            });
            assertTrue(g instanceof AbstractMap<?, ?>);
        }
    }
}
