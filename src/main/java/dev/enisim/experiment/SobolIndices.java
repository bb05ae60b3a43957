package dev.enisim.experiment;

import dev.enisim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.List;

/**
 * Sobol variance-based indices by Saltelli's scheme (Saltelli et al. 2010, "Variance based sensitivity analysis
 * of model output"): two independent N x d samples A and B (the two halves of a 2d-dimensional Sobol sequence),
 * and for each factor i the matrix AB_i (A with column i from B); N (d + 2) model runs. First-order S_i by
 * Saltelli 2010's estimator mean((f(B) - m) (f(AB_i) - f(A))) / V (centred
 * on the mean m); total ST_i by Jansen's mean((f(A) - f(AB_i))^2) / 2V;
 * V the variance of f over A and B together. 95% percentile-bootstrap intervals resample the N rows. Estimates and
 * intervals are clamped to [0, 1] ({@link #unit}).
 *
 * <p>The design is laid out row by row: for row j, A_j, B_j, then AB_1j ... AB_dj (d + 2 runs), so a prefix of
 * the design is a smaller complete estimate.
 */
public final class SobolIndices {

    /** One factor's indices with their intervals. */
    public record Index(double s1, double s1Low, double s1High, double st, double stLow, double stHigh) {
    }

    private SobolIndices() {
    }

    /** The N (d + 2) points of the design over [0, 1]^d. */
    public static double[][] design(int n, int d) {
        double[][] base = Designs.sobol(n, 2 * d);
        double[][] x = new double[n * (d + 2)][];
        for (int j = 0; j < n; j++) {
            double[] a = java.util.Arrays.copyOfRange(base[j], 0, d);
            double[] b = java.util.Arrays.copyOfRange(base[j], d, 2 * d);
            x[j * (d + 2)] = a;
            x[j * (d + 2) + 1] = b;
            for (int i = 0; i < d; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                x[j * (d + 2) + 2 + i] = ab;
            }
        }
        return x;
    }

    /** The indices of each factor from outputs {@code y} in the order of {@link #design}. */
    public static List<Index> analyze(double[] y, int d, int bootstrap, long seed) {
        int n = y.length / (d + 2);
        int[] rows = new int[n];
        for (int j = 0; j < n; j++) {
            rows[j] = j;
        }
        double[][] point = estimate(y, d, rows);
        Xoshiro256 rng = new Xoshiro256(seed);
        double[][] s1 = new double[d][bootstrap];
        double[][] st = new double[d][bootstrap];
        for (int b = 0; b < bootstrap; b++) {
            for (int j = 0; j < n; j++) {
                rows[j] = rng.nextInt(n);
            }
            double[][] e = estimate(y, d, rows);
            for (int i = 0; i < d; i++) {
                s1[i][b] = e[0][i];
                st[i][b] = e[1][i];
            }
        }
        List<Index> out = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            double[] c1 = Bootstrap.percentile95(s1[i]);
            double[] ct = Bootstrap.percentile95(st[i]);
            out.add(new Index(unit(point[0][i]), unit(c1[0]), unit(c1[1]), unit(point[1][i]), unit(ct[0]),
                    unit(ct[1])));
        }
        return out;
    }

    /**
     * An index or an interval's end clamped to [0, 1], where a share of the variance lies: the estimators' sampling
     * error carried them past it (ST 1.00 [0.82, 1.19], S1 -0.02), which no index can be. Clamping an interval to
     * the values the index can take keeps every true value it held (its coverage), and the estimate stays inside it.
     */
    static double unit(double v) {
        return Double.isNaN(v) ? v : Math.max(0, Math.min(1, v));
    }

    /** [0] first-order and [1] total indices over the given rows (with repeats, for the bootstrap). */
    static double[][] estimate(double[] y, int d, int[] rows) {
        int n = rows.length;
        double sum = 0;
        double sumSq = 0;
        for (int j : rows) {
            double fa = y[j * (d + 2)];
            double fb = y[j * (d + 2) + 1];
            sum += fa + fb;
            sumSq += fa * fa + fb * fb;
        }
        double mean = sum / (2.0 * n);
        double v = sumSq / (2.0 * n) - mean * mean;
        double[][] out = new double[2][d];
        for (int i = 0; i < d; i++) {
            double first = 0;
            double total = 0;
            for (int j : rows) {
                double fa = y[j * (d + 2)];
                double fb = y[j * (d + 2) + 1];
                double fab = y[j * (d + 2) + 2 + i];
                first += (fb - mean) * (fab - fa); // centred: the same expectation, a smaller variance
                total += (fa - fab) * (fa - fab);
            }
            out[0][i] = v > 0 ? first / n / v : 0;
            out[1][i] = v > 0 ? total / (2.0 * n) / v : 0;
        }
        return out;
    }
}
