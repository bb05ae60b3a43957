package dev.enisim.experiment;

import java.util.Arrays;

/** Percentile bootstrap intervals. */
final class Bootstrap {

    private Bootstrap() {
    }

    /** The 2.5% and 97.5% percentiles of the replicates (sorted in place). */
    static double[] percentile95(double[] replicates) {
        Arrays.sort(replicates);
        int n = replicates.length;
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {replicates[(int) Math.floor(0.025 * (n - 1))],
            replicates[(int) Math.ceil(0.975 * (n - 1))]};
    }
}
