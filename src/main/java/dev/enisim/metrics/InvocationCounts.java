package dev.enisim.metrics;

import dev.enisim.model.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Invocation outcomes per function: totals and counts per bucket, and their roll-ups: outcomes into the
 * Invocations, Errors, Throttles and Sim.InvokeErrors series (and one series per exception), functions into the
 * account, and totals into the summary's {@link RunSummary.Invocations}.
 */
final class InvocationCounts {

    private static final Outcome[] OUTCOMES = Outcome.all();
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

    /** On {@code lines}' rows ({@link FunctionLines#rows} of {@code functions}) for the current successes. */
    InvocationCounts(FunctionLines lines, int functions, int buckets) {
        this.lines = lines.rows(functions);
        this.buckets = buckets;
        this.totals = new long[functions][OUTCOMES.length];
        this.byBucket = new Counter[functions][OUTCOMES.length];
        this.scratch = new long[OUTCOMES.length][];
        this.active = new int[functions];
        this.isActive = new boolean[functions];
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
        Map<String, long[]> byException = new LinkedHashMap<>();
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

    private static long[] sum(long[] into, long[] add) {
        for (int i = 0; i < into.length; i++) {
            into[i] += add[i];
        }
        return into;
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

    /** Totals by outcome rolled up into the summary's figures. */
    static RunSummary.Invocations summary(long[] byOutcome) {
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
