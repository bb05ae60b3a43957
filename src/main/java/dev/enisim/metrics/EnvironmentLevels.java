package dev.enisim.metrics;

import dev.enisim.model.WorldListener;
import java.util.List;

/**
 * Time-averaged execution environments, per function and for the account, by kind: on-demand busy (running an
 * invocation), on-demand idle (kept alive), provisioned (busy or idle); their sum is all environments. The
 * cost-relevant figure beside the per-bucket maxima of {@code Sim.Environments}.
 */
public final class EnvironmentLevels implements WorldListener {

    /** The kinds (busy, idle, provisioned) by index, as their catalogue entries. */
    private static final Metric[] BY_KIND = {Metric.ENVIRONMENTS_BUSY_AVERAGE, Metric.ENVIRONMENTS_IDLE_AVERAGE,
        Metric.ENVIRONMENTS_PROVISIONED_AVERAGE};
    private static final int KINDS = BY_KIND.length;

    private final long durationMicros;
    private final long bucketMicros;
    private final int buckets;
    private LevelAreas areas;   // a row per function, then the account's
    private int accountRow;
    private boolean finished;

    public EnvironmentLevels(long durationMicros, long bucketMicros) {
        this.durationMicros = durationMicros;
        this.bucketMicros = bucketMicros;
        this.buckets = (int) ((durationMicros + bucketMicros - 1) / bucketMicros);
    }

    public void attach(int functions) {
        areas = new LevelAreas(functions + 1, bucketMicros, buckets);
        accountRow = functions;
    }

    /**
     * Accrues the function's levels up to now and sets the new ones; the account's row moves only when some level
     * changed (its area accrues lazily, at its next change or at the end).
     */
    @Override
    public void environmentLevels(int f, int busyOnDemand, int idle, int provisioned, long nowMicros) {
        LevelAreas a = areas;
        a.advance(f, nowMicros);
        long busyDelta = busyOnDemand - a.level(f, 0);
        long idleDelta = idle - a.level(f, 1);
        long provisionedDelta = provisioned - a.level(f, 2);
        if ((busyDelta | idleDelta | provisionedDelta) == 0) {
            return;
        }
        a.set(f, 0, busyOnDemand);
        a.set(f, 1, idle);
        a.set(f, 2, provisioned);
        int acc = accountRow;
        a.advance(acc, nowMicros);
        a.set(acc, 0, a.level(acc, 0) + busyDelta);
        a.set(acc, 1, a.level(acc, 1) + idleDelta);
        a.set(acc, 2, a.level(acc, 2) + provisionedDelta);
    }

    /** Closes every row at the run's end (once, before the first figure is read). */
    private LevelAreas finished() {
        if (!finished) {
            for (int r = 0; r <= accountRow; r++) {
                areas.finish(r, durationMicros);
            }
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

    /** Provisioned environment-seconds of a function over the run (the allocated time). */
    public double provisionedSeconds(int f) {
        return Seconds.of((double) finished().total(f, 2));
    }

    private RunSummary.Environments summary(int row) {
        LevelAreas a = finished();
        long busy = a.total(row, 0);
        long idle = a.total(row, 1);
        long provisioned = a.total(row, 2);
        return new RunSummary.Environments(mean(busy + idle + provisioned), mean(busy), mean(idle),
                mean(provisioned));
    }

    private double mean(long area) {
        return durationMicros <= 0 ? 0 : (double) area / durationMicros;
    }

    /** Per-bucket means (columns {@code Sim.Environments.Average} and {@code Sim.Environments.<Kind>.Average}), in thousandths. */
    public void addSeries(List<Series> out, Metric.Scope scope, String id, int f) {
        LevelAreas a = finished();
        int row = f < 0 ? accountRow : f;
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
