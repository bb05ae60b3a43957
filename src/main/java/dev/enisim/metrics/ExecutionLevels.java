package dev.enisim.metrics;

import java.util.List;

/**
 * ConcurrentExecutions (per function and for the account) and execution environments per function, as
 * per-bucket maxima; the account's concurrency also as a time average for the summary.
 */
final class ExecutionLevels {

    private final GaugeRows functionConcurrency; // in the functions' rows: a start and an end update it
    private final GaugeColumns functionEnvironments;
    private final Gauge accountConcurrency;
    /**
     * The account's concurrency's changes weighed by their instants: the sum of (new level - old) x instant, so that its
     * integral over {@code [0, end)} is {@code level x end} minus it ({@link #averageAccountConcurrency}). The level
     * is the gauge's ({@link Gauge#current}): a change reads it and adds one product, with no instant of the last
     * change kept (until round 2's seventeenth pass a {@link TimeAverage} kept the level a second time, its last
     * instant and its area, each read and written at every change). Exact in longs (wrapping on the way is harmless:
     * the difference is exact modulo 2^64), so the same integral as the average's.
     */
    private long weighedChanges;
    /** Where the summary's figures begin: 0, or the warm-up's end ({@link #warmUpEnds}). */
    private long fromMicros;
    /**
     * Functions with reserved concurrency, null when none has any: UnreservedConcurrentExecutions is then the
     * account's ConcurrentExecutions, and no event pays for a second account gauge (the bench's workloads reserve
     * nothing).
     */
    private boolean[] reserved;
    private Gauge unreservedConcurrency;
    private int unreservedLevel;

    /** On {@code lines}' rows ({@link FunctionLines#rows} of {@code functions}) for the functions' concurrency. */
    ExecutionLevels(FunctionLines lines, int functions, int buckets) {
        functionConcurrency = new GaugeRows(lines.rows(functions), functions, buckets);
        functionEnvironments = new GaugeColumns(functions, buckets);
        accountConcurrency = new Gauge(buckets, true, 0);
    }

    /** Which functions have reserved concurrency (fixed for the run): their invocations are not unreserved ones. */
    void reserved(boolean[] functions, int buckets) {
        for (boolean r : functions) {
            if (r) {
                reserved = functions.clone();
                unreservedConcurrency = new Gauge(buckets, true, 0);
                return;
            }
        }
    }

    /** The unreserved level moved by {@code delta} for {@code function}'s change, in {@code bucket} (-1: the last). */
    private void unreserved(int function, int delta, int bucket) {
        if (reserved[function] || delta == 0) {
            return;
        }
        unreservedLevel += delta;
        if (bucket < 0) {
            if (delta > 0) {
                unreservedConcurrency.put(unreservedLevel);
            } else {
                unreservedConcurrency.drop(unreservedLevel);
            }
        } else if (delta > 0) {
            unreservedConcurrency.set(bucket, unreservedLevel);
        } else {
            unreservedConcurrency.lower(bucket, unreservedLevel);
        }
    }

    void concurrency(int function, int functionInFlight, int accountInFlight, int bucket, long nowMicros) {
        if (reserved != null) {
            unreserved(function, functionInFlight - functionConcurrency.level(function), bucket);
        }
        functionConcurrency.set(function, bucket, functionInFlight);
        weighedChanges += (accountInFlight - accountConcurrency.current()) * nowMicros;
        accountConcurrency.set(bucket, accountInFlight);
    }

    /** As {@link #concurrency}, for levels no higher than the last ones (an invocation ended): no maximum moves. */
    void lowered(int function, int functionInFlight, int accountInFlight, int bucket, long nowMicros) {
        if (reserved != null) {
            unreserved(function, functionInFlight - functionConcurrency.level(function), bucket);
        }
        functionConcurrency.lower(function, bucket, functionInFlight);
        weighedChanges += (accountInFlight - accountConcurrency.current()) * nowMicros;
        accountConcurrency.lower(bucket, accountInFlight);
    }

    void environments(int function, int total, int bucket) {
        functionEnvironments.set(function, bucket, total);
    }

    /**
     * As {@link #concurrency}, in the bucket begun last ({@link #crossTo}: the caller crosses the buckets for all the
     * metrics at once, {@link Observers}): no edge of their own to test.
     */
    void concurrency(int function, int functionInFlight, int accountInFlight, long nowMicros) {
        if (reserved != null) {
            unreserved(function, functionInFlight - functionConcurrency.level(function), -1);
        }
        functionConcurrency.raise(function, functionInFlight);
        weighedChanges += (accountInFlight - accountConcurrency.current()) * nowMicros;
        accountConcurrency.put(accountInFlight);
    }

    /** As {@link #lowered}, in the bucket begun last (as {@link #concurrency(int, int, int, long)}). */
    void lowered(int function, int functionInFlight, int accountInFlight, long nowMicros) {
        if (reserved != null) {
            unreserved(function, functionInFlight - functionConcurrency.level(function), -1);
        }
        functionConcurrency.drop(function, functionInFlight);
        weighedChanges += (accountInFlight - accountConcurrency.current()) * nowMicros;
        accountConcurrency.drop(accountInFlight);
    }

    /**
     * As {@link #lowered(int, int, int, long)}, for levels each one lower than the last (an invocation ended; the
     * function's was at least 1): what a change to them would compute, read from the levels kept here rather than
     * told (the account's weighed changes grow by -1 x {@code nowMicros}, the same long).
     */
    void ended(int function, long nowMicros) {
        if (reserved != null) {
            unreserved(function, -1, -1);
        }
        functionConcurrency.decrement(function);
        weighedChanges -= nowMicros;
        accountConcurrency.decrement();
    }

    /** As {@link #environments}, in the bucket begun last (as {@link #concurrency(int, int, int, long)}). */
    void environments(int function, int total) {
        functionEnvironments.raise(function, total);
    }

    /** Every gauge begins {@code bucket}, a later one. */
    void crossTo(int bucket) {
        functionConcurrency.crossTo(bucket);
        functionEnvironments.crossTo(bucket);
        accountConcurrency.crossTo(bucket);
        if (unreservedConcurrency != null) {
            unreservedConcurrency.crossTo(bucket);
        }
    }

    void addFunctionSeries(List<Series> out, int function, String name) {
        out.add(Metric.CONCURRENT_EXECUTIONS.series(Metric.Scope.FUNCTION, name,
                functionConcurrency.values(function)));
        out.add(Metric.ENVIRONMENTS.series(Metric.Scope.FUNCTION, name, functionEnvironments.values(function)));
    }

    void addAccountSeries(List<Series> out) {
        long[] account = accountConcurrency.values();
        out.add(Metric.CONCURRENT_EXECUTIONS.series(Metric.Scope.ACCOUNT, "", account));
        out.add(Metric.UNRESERVED_CONCURRENT_EXECUTIONS.series(Metric.Scope.ACCOUNT, "",
                unreservedConcurrency == null ? account.clone() : unreservedConcurrency.values()));
    }

    /**
     * The warm-up ended at {@code micros}, the first instant of {@code bucket} (begun: {@link #crossTo}): the peaks
     * and the account's average are read from here on; the levels (invocations in flight) go on, and the series keep
     * the warm-up's buckets.
     */
    void warmUpEnds(int bucket, long micros) {
        functionConcurrency.peakFrom(bucket);
        functionEnvironments.peakFrom(bucket);
        accountConcurrency.peakFrom(bucket);
        weighedChanges = accountConcurrency.current() * micros; // the area before it: none
        fromMicros = micros;
    }

    int peakConcurrency(int function) {
        return functionConcurrency.peak(function);
    }

    int peakEnvironments(int function) {
        return functionEnvironments.peak(function);
    }

    int peakAccountConcurrency() {
        return (int) accountConcurrency.peak();
    }

    /**
     * The account's mean concurrency over [0, end) ({@code endMicros} no earlier than any change), as {@link
     * TimeAverage#mean} gives it for the same changes; over [warm-up, end) after {@link #warmUpEnds}.
     */
    double averageAccountConcurrency(long endMicros) {
        long area = accountConcurrency.current() * endMicros - weighedChanges;
        return endMicros <= fromMicros ? 0 : (double) area / (endMicros - fromMicros);
    }
}
