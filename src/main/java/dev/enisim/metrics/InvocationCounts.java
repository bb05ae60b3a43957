package dev.enisim.metrics;

import dev.enisim.model.Outcome;
import dev.enisim.model.RequestRateLimit;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Invocation outcomes per function: totals and counts per bucket, and their roll-ups: outcomes into the
 * Invocations, Errors, Throttles and Sim.InvokeErrors series (and one series per exception), functions into the
 * account, and totals into the summary's {@link RunSummary.Invocations}.
 */
final class InvocationCounts {

    private static final Outcome[] OUTCOMES = Outcome.all();
    private static final Outcome[] NONE = {};
    private static final int SUCCESS = Outcome.SUCCESS.ordinal();

    private static final int STRIDE = FunctionLines.STRIDE;
    private static final int SUCCESSES = FunctionLines.SUCCESSES;

    private final int buckets;
    private final long[][] totals;        // [function][outcome]
    private final Counter[][] byBucket;   // [function][outcome], created on first use
    /**
     * The current bucket's counts but successes, outcome-major ([outcome][function], a row created on the outcome's
     * first use): an invocation increments a slot of a dense array shared by all functions (with thousands of
     * functions, their own rows miss the caches); when the bucket ends, the functions that had invocations in it (and
     * only they) move their counts into their rows. Successes, nearly every invocation, are counted in the function's
     * {@link FunctionLines} row instead ({@link FunctionLines#SUCCESSES}), on the line its start updates anyway.
     */
    private final long[][] scratch;
    private final long[] lines;           // the functions' rows: the current bucket's successes
    private final int[] active;           // functions with counts in the scratch, in first-count order
    private final boolean[] isActive;
    private int activeCount;
    private int scratchBucket;
    private static final RequestRateLimit[] LIMITS = RequestRateLimit.all();
    /** Throttles by the limit behind them ({@link #rateLimited}), per function: [function * LIMITS + limit]. */
    private final long[] rateLimits;

    /** On {@code lines}' rows ({@link FunctionLines#rows} of {@code functions}) for the current successes. */
    InvocationCounts(FunctionLines lines, int functions, int buckets) {
        this.lines = lines.rows(functions);
        this.buckets = buckets;
        this.totals = new long[functions][OUTCOMES.length];
        this.byBucket = new Counter[functions][OUTCOMES.length];
        this.scratch = new long[OUTCOMES.length][];
        this.active = new int[functions];
        this.isActive = new boolean[functions];
        this.rateLimits = new long[functions * LIMITS.length];
    }

    /**
     * A throttle (FunctionInvocationRateLimitExceeded, or its reserved form) of {@code function} by {@code limit},
     * beside its {@link #count}: a total, summed into the summary's {@code rateLimits}.
     */
    void rateLimited(int function, RequestRateLimit limit) {
        rateLimits[function * LIMITS.length + limit.ordinal()]++;
    }

    /** One function's throttles by limit, in {@link RequestRateLimit}'s order. */
    long[] rateLimits(int function) {
        return java.util.Arrays.copyOfRange(rateLimits, function * LIMITS.length, (function + 1) * LIMITS.length);
    }

    /** The account's throttles by limit, in {@link RequestRateLimit}'s order. */
    long[] accountRateLimits() {
        long[] all = new long[LIMITS.length];
        for (int i = 0; i < rateLimits.length; i++) {
            all[i % LIMITS.length] += rateLimits[i];
        }
        return all;
    }

    void count(int function, Outcome outcome, int bucket) {
        if (bucket != scratchBucket) {
            crossTo(bucket);
        }
        add(function, outcome);
    }

    /** Moves the current bucket's counts into their rows and begins {@code bucket}. */
    void crossTo(int bucket) {
        flush();
        scratchBucket = bucket;
    }

    /**
     * As {@link #count}, in the bucket begun last ({@link #crossTo}: the caller crosses the buckets for all the metrics
     * at once, {@link Observers}): no edge of its own to test.
     */
    void add(int function, Outcome outcome) {
        if (outcome == Outcome.SUCCESS) {
            if (lines[function * STRIDE + SUCCESSES]++ == 0 && !isActive[function]) {
                isActive[function] = true;
                active[activeCount++] = function;
            }
            return;
        }
        long[] row = scratch[outcome.ordinal()];
        if (row == null) {
            row = new long[isActive.length];
            scratch[outcome.ordinal()] = row;
        }
        if (row[function]++ == 0 && !isActive[function]) { // a count already there: the function is listed
            isActive[function] = true;
            active[activeCount++] = function;
        }
    }

    /** Moves the scratch's counts into the functions' totals and rows (work per function that had invocations). */
    private void flush() {
        for (int i = 0; i < activeCount; i++) {
            int f = active[i];
            isActive[f] = false;
            for (int o = 0; o < OUTCOMES.length; o++) {
                long n;
                if (o == SUCCESS) {
                    int at = f * STRIDE + SUCCESSES;
                    n = lines[at];
                    lines[at] = 0;
                } else {
                    long[] row = scratch[o];
                    n = row == null ? 0 : row[f];
                    if (n != 0) {
                        row[f] = 0;
                    }
                }
                if (n == 0) {
                    continue;
                }
                totals[f][o] += n;
                Counter c = byBucket[f][o];
                if (c == null) {
                    c = new Counter(buckets);
                    byBucket[f][o] = c;
                }
                c.add(scratchBucket, n);
            }
        }
        activeCount = 0;
    }

    /** One function's invocation series (call for every function, in order, before {@link #addAccountSeries}). */
    void addFunctionSeries(List<Series> out, int function, String name, long[][] account) {
        flush();
        long[][] byOutcome = new long[OUTCOMES.length][];
        for (Outcome o : OUTCOMES) {
            Counter c = byBucket[function][o.ordinal()];
            if (c != null) {
                long[] v = c.values();
                byOutcome[o.ordinal()] = v;
                account[o.ordinal()] = account[o.ordinal()] == null ? v.clone() : sum(account[o.ordinal()], v);
            }
        }
        addSeries(out, Metric.Scope.FUNCTION, name, byOutcome);
    }

    /** The account's invocation series, from the functions' roll-up that {@link #addFunctionSeries} filled. */
    void addAccountSeries(List<Series> out, long[][] account) {
        addSeries(out, Metric.Scope.ACCOUNT, "", account);
    }

    /** A fresh roll-up for {@link #addFunctionSeries}: per outcome, null until some function had it. */
    static long[][] rollUp() {
        return new long[OUTCOMES.length][];
    }

    private void addSeries(List<Series> out, Metric.Scope scope, String id, long[][] byOutcome) {
        long[] invocations = new long[buckets];
        long[] errors = new long[buckets];
        long[] throttles = new long[buckets];
        long[] invokeErrors = new long[buckets];
        Map<String, long[]> byException = null; // made for the first invoke error (few functions have one)
        for (Outcome o : OUTCOMES) {
            long[] v = byOutcome[o.ordinal()];
            if (v == null) {
                continue;
            }
            switch (o.kind()) {
                case SUCCESS -> sum(invocations, v);
                case FUNCTION_ERROR -> {
                    sum(invocations, v);
                    sum(errors, v);
                }
                case THROTTLE -> sum(throttles, v);
                case INVOKE_ERROR -> {
                    sum(invokeErrors, v);
                    if (byException == null) {
                        byException = new LinkedHashMap<>();
                    }
                    sum(byException.computeIfAbsent(o.exception(), k -> new long[buckets]), v);
                }
            }
        }
        out.add(Metric.INVOCATIONS.series(scope, id, invocations));
        out.add(Metric.ERRORS.series(scope, id, errors));
        out.add(Metric.THROTTLES.series(scope, id, throttles));
        out.add(Metric.INVOKE_ERRORS.series(scope, id, invokeErrors));
        for (Outcome o : byException == null ? NONE : OUTCOMES) {
            if (o.kind() == Outcome.Kind.INVOKE_ERROR && byException.containsKey(o.exception())) {
                out.add(Metric.invokeErrors(scope, id, o.exception(), byException.remove(o.exception())));
            }
        }
    }

    private static long[] sum(long[] into, long[] add) {
        for (int i = 0; i < into.length; i++) {
            into[i] += add[i];
        }
        return into;
    }

    /**
     * The warm-up ended (the buckets crossed at its end: {@link #crossTo}): the totals and the throttles by limit
     * count from here on; the buckets' series keep the warm-up's counts.
     */
    void warmUpEnds() {
        flush();
        for (long[] t : totals) {
            java.util.Arrays.fill(t, 0);
        }
        java.util.Arrays.fill(rateLimits, 0);
    }

    /** One function's totals by outcome. */
    long[] totals(int function) {
        flush();
        return totals[function];
    }

    /** The account's totals by outcome. */
    long[] accountTotals() {
        flush();
        long[] all = new long[OUTCOMES.length];
        for (long[] t : totals) {
            for (int i = 0; i < all.length; i++) {
                all[i] += t[i];
            }
        }
        return all;
    }

    /**
     * The summary's maps' layout, the same for every function: per outcome, the map its count goes to ({@link #ERRORS},
     * {@link #REASONS}, {@link #CAUSES}; -1 for a success) and its key's place there; per map, its keys in the order
     * of their first outcome (the order a map merged outcome by outcome has).
     */
    private static final int ERRORS = 0;
    private static final int REASONS = 1;
    private static final int CAUSES = 2;
    private static final int[] MAP_OF = new int[OUTCOMES.length];
    private static final int[] PLACE_OF = new int[OUTCOMES.length];
    private static final String[][] KEYS = new String[3][];

    static {
        List<List<String>> keys = List.of(new java.util.ArrayList<>(), new java.util.ArrayList<>(),
                new java.util.ArrayList<>());
        for (Outcome o : OUTCOMES) {
            int map = switch (o.kind()) {
                case SUCCESS -> -1;
                case THROTTLE -> REASONS;
                case FUNCTION_ERROR -> CAUSES;
                case INVOKE_ERROR -> ERRORS;
            };
            MAP_OF[o.ordinal()] = map;
            if (map < 0) {
                continue;
            }
            String key = map == ERRORS ? o.exception() : o.reason();
            List<String> k = keys.get(map);
            if (!k.contains(key)) {
                k.add(key);
            }
            PLACE_OF[o.ordinal()] = k.indexOf(key);
        }
        for (int m = 0; m < KEYS.length; m++) {
            KEYS[m] = keys.get(m).toArray(new String[0]);
        }
    }

    /** {@link #summary(long[], long[])} with no throttle told by its limit. */
    static RunSummary.Invocations summary(long[] byOutcome) {
        return summary(byOutcome, new long[LIMITS.length]);
    }

    /**
     * Totals by outcome rolled up into the summary's figures: each map holds every key of its kind, in outcome order,
     * with the sum of its outcomes' counts (0 for none); and the rate throttles by limit ({@code byLimit}, in {@link
     * RequestRateLimit}'s order): every limit's key with its count when one is not 0, else an empty map (left out of
     * summary.json).
     */
    static RunSummary.Invocations summary(long[] byOutcome, long[] byLimit) {
        long total = 0;
        long succeeded = 0;
        long throttled = 0;
        long functionErrors = 0;
        long[][] sums = {new long[KEYS[ERRORS].length], new long[KEYS[REASONS].length], new long[KEYS[CAUSES].length]};
        for (int o = 0; o < OUTCOMES.length; o++) {
            long n = byOutcome[o];
            total += n;
            int map = MAP_OF[o];
            if (map < 0) {
                succeeded += n;
                continue;
            }
            if (map == REASONS) {
                throttled += n;
            } else if (map == CAUSES) {
                functionErrors += n;
            }
            sums[map][PLACE_OF[o]] += n;
        }
        boolean anyLimit = false;
        for (long n : byLimit) {
            anyLimit |= n != 0;
        }
        return new RunSummary.Invocations(total, succeeded, throttled, functionErrors, map(ERRORS, sums),
                map(REASONS, sums), anyLimit ? new Counts(LIMIT_KEYS, byLimit.clone()) : Map.of(),
                map(CAUSES, sums));
    }

    /** The limits' keys in summary.json ({@link RequestRateLimit#key}), in their order. */
    private static final String[] LIMIT_KEYS = java.util.Arrays.stream(RequestRateLimit.all())
            .map(RequestRateLimit::key).toArray(String[]::new);

    /** Map {@code m} of the summary: its keys in order with their sums. */
    private static Map<String, Long> map(int m, long[][] sums) {
        return new Counts(KEYS[m], sums[m]);
    }

    /**
     * An unmodifiable map of counts over keys shared by every function's summary (a function's summary holds three,
     * 10,000 functions 30,000: two arrays each, not a hash table of boxed entries): its keys in their order, each
     * with its count. Equal to any map of the same entries, as a {@link LinkedHashMap} filled in that order.
     */
    static final class Counts extends AbstractMap<String, Long> {
        private final String[] keys;
        private final long[] counts;

        Counts(String[] keys, long[] counts) {
            this.keys = keys;
            this.counts = counts;
        }

        @Override
        public int size() {
            return keys.length;
        }

        private int indexOf(Object key) {
            for (int i = 0; i < keys.length; i++) {
                if (java.util.Objects.equals(keys[i], key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public Long get(Object key) {
            int i = indexOf(key);
            return i < 0 ? null : counts[i];
        }

        @Override
        public Set<Map.Entry<String, Long>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return keys.length;
                }

                @Override
                public Iterator<Map.Entry<String, Long>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < keys.length;
                        }

                        @Override
                        public Map.Entry<String, Long> next() {
                            if (next >= keys.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new AbstractMap.SimpleImmutableEntry<>(keys[i], counts[i]);
                        }
                    };
                }
            };
        }
    }
}
