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
    private BucketedAverage[][] function; // [function][kind]
    private final BucketedAverage[] account = new BucketedAverage[KINDS];
    private int[][] current;
    private final long[] accountCurrent = new long[KINDS];
    private BucketedAverage[] functionTotal;
    private BucketedAverage accountTotal;

    public EnvironmentLevels(long durationMicros, long bucketMicros) {
        this.durationMicros = durationMicros;
        this.bucketMicros = bucketMicros;
        this.buckets = (int) ((durationMicros + bucketMicros - 1) / bucketMicros);
    }

    public void attach(int functions) {
        function = new BucketedAverage[functions][KINDS];
        functionTotal = new BucketedAverage[functions];
        current = new int[functions][KINDS];
        for (int f = 0; f < functions; f++) {
            for (int k = 0; k < KINDS; k++) {
                function[f][k] = new BucketedAverage(bucketMicros, buckets);
            }
            functionTotal[f] = new BucketedAverage(bucketMicros, buckets);
        }
        for (int k = 0; k < KINDS; k++) {
            account[k] = new BucketedAverage(bucketMicros, buckets);
        }
        accountTotal = new BucketedAverage(bucketMicros, buckets);
    }

    @Override
    public void environmentLevels(int f, int busyOnDemand, int idle, int provisioned, long nowMicros) {
        set(f, 0, busyOnDemand, nowMicros);
        set(f, 1, idle, nowMicros);
        set(f, 2, provisioned, nowMicros);
        int[] c = current[f];
        functionTotal[f].update(c[0] + c[1] + c[2], nowMicros);
        accountTotal.update(accountCurrent[0] + accountCurrent[1] + accountCurrent[2], nowMicros);
    }

    private void set(int f, int kind, int value, long nowMicros) {
        int before = current[f][kind];
        if (before == value) {
            return;
        }
        current[f][kind] = value;
        function[f][kind].update(value, nowMicros);
        accountCurrent[kind] += value - before;
        account[kind].update(accountCurrent[kind], nowMicros);
    }

    /** A function's time averages over the run. */
    public RunSummary.Environments function(int f) {
        return summary(functionTotal[f], function[f]);
    }

    /** The account's time averages over the run. */
    public RunSummary.Environments account() {
        return summary(accountTotal, account);
    }

    /** Provisioned environment-seconds of a function over the run (the allocated time). */
    public double provisionedSeconds(int f) {
        return function[f][2].integralSeconds(durationMicros);
    }

    private RunSummary.Environments summary(BucketedAverage total, BucketedAverage[] kinds) {
        return new RunSummary.Environments(total.mean(durationMicros), kinds[0].mean(durationMicros),
                kinds[1].mean(durationMicros), kinds[2].mean(durationMicros));
    }

    /** Per-bucket means (columns {@code Sim.Environments.Average} and {@code Sim.Environments.<Kind>.Average}), in thousandths. */
    public void addSeries(List<Series> out, Metric.Scope scope, String id, int f) {
        BucketedAverage total = f < 0 ? accountTotal : functionTotal[f];
        BucketedAverage[] kinds = f < 0 ? account : function[f];
        out.add(Metric.ENVIRONMENTS_AVERAGE.series(scope, id, total.bucketMeansMilli(durationMicros)));
        for (int k = 0; k < KINDS; k++) {
            out.add(BY_KIND[k].series(scope, id, kinds[k].bucketMeansMilli(durationMicros)));
        }
    }
}
