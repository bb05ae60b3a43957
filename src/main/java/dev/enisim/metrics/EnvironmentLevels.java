package dev.enisim.metrics;

import dev.enisim.model.WorldListener;
import java.util.List;

/**
 * Time-averaged execution environments, per function and for the account, by kind: on-demand busy (running an
 * invocation), on-demand idle (kept alive), provisioned (busy or idle); their sum is all environments. The
 * cost-relevant figure beside the per-bucket maxima of {@code Sim.Environments}.
 */
public final class EnvironmentLevels implements WorldListener, Bucketed {

    /** The kinds (busy, idle, provisioned) by index, as their catalogue entries. */
    private static final Metric[] BY_KIND = {Metric.ENVIRONMENTS_BUSY_AVERAGE, Metric.ENVIRONMENTS_IDLE_AVERAGE,
        Metric.ENVIRONMENTS_PROVISIONED_AVERAGE};
    private static final int KINDS = BY_KIND.length;

    private final long durationMicros;
    private final long bucketMicros;
    private final int buckets;
    private final FunctionLines lines = new FunctionLines(); // the areas' rows, perhaps shared (shareRows)
    private LevelAreas areas;   // a row per function, then the account's
    private int accountRow;
    private boolean finished;
    private int fromBucket;   // the summary's averages are over [fromMicros, end): 0, or the warm-up's end
    private long fromMicros;

    public EnvironmentLevels(long durationMicros, long bucketMicros) {
        this.durationMicros = durationMicros;
        this.bucketMicros = bucketMicros;
        this.buckets = (int) ((durationMicros + bucketMicros - 1) / bucketMicros);
    }

    public void attach(int functions) {
        areas = new LevelAreas(lines.rows(functions), functions + 1, bucketMicros, buckets);
        accountRow = functions;
    }

    /**
     * Keeps {@code executions}' counters in this one's rows, beside each function's levels ({@link FunctionLines}:
     * a start updates both). Call before either is attached.
     */
    void shareRows(Executions executions) {
        executions.useRows(lines);
    }

    /**
     * Keeps {@code recorder}'s current counts and concurrency and {@code journal}'s successes in this one's rows too
     * ({@link FunctionLines}: a start updates them all). Call before any of them is attached.
     */
    void shareRows(Recorder recorder, Journal journal) {
        recorder.useRows(lines);
        journal.useRows(lines);
    }

    /** Fetches function {@code f}'s row ahead of its next change, by stores ({@link FunctionLines#touch}). */
    void touch(int f) {
        lines.touch(f);
    }

    /** The rows the areas are kept in (tests). */
    FunctionLines rows() {
        return lines;
    }

    /**
     * Accrues the function's levels up to now and sets the new ones. The account's row is not touched during the
     * run: its level is the functions' summed, so its area in each bucket is the sum of theirs (exact integers: the
     * same figures), made once at the end ({@link #finished}) rather than at every change.
     */
    @Override
    public void environmentLevels(int f, int busyOnDemand, int idle, int provisioned, long nowMicros) {
        areas.reach(nowMicros);
        levelsNow(f, busyOnDemand, idle, provisioned, nowMicros);
    }

    /**
     * As {@link #environmentLevels}, with every row in the bucket of {@code nowMicros} ({@link #crossTo}: {@link
     * Observers} crosses every metric's buckets at once): no edge of its own to test.
     */
    void levelsNow(int f, int busyOnDemand, int idle, int provisioned, long nowMicros) {
        areas.levels(f, nowMicros, busyOnDemand, idle, provisioned);
    }

    /**
     * As {@link #levelsNow}, one on-demand environment of {@code f} now busy that was idle: the levels kept moved by
     * one ({@link LevelAreas#idleToBusy}).
     */
    void takenNow(int f, long nowMicros) {
        areas.idleToBusy(f, nowMicros);
    }

    /** As {@link #levelsNow}, one busy on-demand environment of {@code f} now idle ({@link LevelAreas#busyToIdle}). */
    void idledNow(int f, long nowMicros) {
        areas.busyToIdle(f, nowMicros);
    }

    /** Every row begins {@code bucket}, a later one than theirs. */
    @Override
    public void crossTo(int bucket) {
        areas.crossTo(bucket);
    }

    /** The length of a bucket and the buckets of the run (those {@link Observers} crosses them by must agree). */
    @Override
    public boolean sameBuckets(BucketGrid grid) {
        return grid.bucketMicros() == bucketMicros && grid.count() == buckets;
    }

    /** Closes every function's row at the run's end and sums them into the account's (once, before any figure). */
    /**
     * The warm-up ended at {@code micros}, the first instant of {@code bucket}: the summary's averages are over the
     * buckets from it on; the series keep every bucket, the levels go on.
     */
    public void warmUpEnds(int bucket, long micros) {
        fromBucket = bucket;
        fromMicros = micros;
    }

    private LevelAreas finished() {
        if (!finished) {
            for (int r = 0; r < accountRow; r++) {
                areas.finish(r, durationMicros);
            }
            areas.sumRows(0, accountRow, accountRow);
            finished = true;
        }
        return areas;
    }

    /** A function's time averages over the run. */
    public RunSummary.Environments function(int f) {
        return summary(f);
    }

    /** The account's time averages over the run. */
    public RunSummary.Environments account() {
        return summary(accountRow);
    }

    /**
     * Provisioned environment-seconds of a function over the run (the allocated time). Not what AWS bills: that is
     * the concurrency configured over each spell ({@link ProvisionedRecorder#spells}, {@link CostEstimate#function}).
     */
    public double provisionedSeconds(int f) {
        return Seconds.of((double) finished().total(f, 2));
    }

    private RunSummary.Environments summary(int row) {
        LevelAreas a = finished();
        long busy = a.total(row, 0, fromBucket);
        long idle = a.total(row, 1, fromBucket);
        long provisioned = a.total(row, 2, fromBucket);
        return new RunSummary.Environments(mean(busy + idle + provisioned), mean(busy), mean(idle),
                mean(provisioned));
    }

    private double mean(long area) {
        return durationMicros <= fromMicros ? 0 : (double) area / (durationMicros - fromMicros);
    }

    /**
     * Function {@code f}'s per-bucket means (columns {@code Sim.Environments.Average} and
     * {@code Sim.Environments.<Kind>.Average}), in thousandths.
     */
    public void addFunctionSeries(List<Series> out, String name, int f) {
        addSeries(out, Metric.Scope.FUNCTION, name, f);
    }

    /** The account's per-bucket means, as {@link #addFunctionSeries}. */
    public void addAccountSeries(List<Series> out) {
        addSeries(out, Metric.Scope.ACCOUNT, "", accountRow);
    }

    private void addSeries(List<Series> out, Metric.Scope scope, String id, int row) {
        LevelAreas a = finished();
        long[][] byKind = new long[KINDS][buckets];
        long[] total = new long[buckets];
        for (int b = 0; b < buckets; b++) {
            long len = Math.min(bucketMicros, durationMicros - (long) b * bucketMicros);
            long sum = 0;
            for (int k = 0; k < KINDS; k++) {
                long area = a.area(row, k, b);
                sum += area;
                byKind[k][b] = milli(area, len);
            }
            total[b] = milli(sum, len);
        }
        out.add(Metric.ENVIRONMENTS_AVERAGE.series(scope, id, total));
        for (int k = 0; k < KINDS; k++) {
            out.add(BY_KIND[k].series(scope, id, byKind[k]));
        }
    }

    /** A bucket's mean level in thousandths, as {@code BucketedAverage} rounds it. */
    private static long milli(long area, long len) {
        return len <= 0 ? 0 : Math.round((double) area / len * 1000);
    }
}
