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
 * V the variance of f over A and B together. 95% percentile-bootstrap intervals resample the N rows, from
 * {@link #MIN_ROWS_FOR_INTERVAL} rows on: with fewer there are none (NaN). Estimates and intervals are clamped to
 * [0, 1] ({@link #unit}).
 *
 * <p>The design is laid out row by row: for row j, A_j, B_j, then AB_1j ... AB_dj (d + 2 runs), so a prefix of
 * the design is a smaller complete estimate.
 */
public final class SobolIndices {

    /**
     * The fewest base rows that give the indices 95% intervals. The percentile bootstrap resamples the N rows; a
     * resample of one row N times over has probability N^-N, above 2.5% for N = 2 (25%) and N = 3 (3.7%), and so
     * has every other resample (N = 2: 3 of them; N = 3: 10, each 1/27 or more): the interval's ends were the
     * smallest and the largest index over the resamples themselves, the range of what was seen and no confidence
     * interval. From 4 (0.39% for one row repeated) the ends lie inside that range. Below it the indices have no
     * interval (NaN: "n/a" in the outputs) and the verdicts read the largest ST over every resample
     * ({@link #largestTotal}), what the interval's upper end was there.
     */
    public static final int MIN_ROWS_FOR_INTERVAL = 4;

    /** One factor's indices with their intervals (the four ends NaN with no interval). */
    public record Index(double s1, double s1Low, double s1High, double st, double stLow, double stHigh) {

        /** Have the indices 95% intervals (the design had {@link #MIN_ROWS_FOR_INTERVAL} base rows or more)? */
        public boolean hasInterval() {
            return !Double.isNaN(stLow);
        }
    }

    /** Does a design of {@code n} base rows give the indices intervals? */
    public static boolean hasInterval(int n) {
        return n >= MIN_ROWS_FOR_INTERVAL;
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

    /**
     * The indices of each factor from outputs {@code y} in the order of {@link #design}, with their bootstrap
     * intervals (none, NaN, with fewer than {@link #MIN_ROWS_FOR_INTERVAL} base rows).
     */
    public static List<Index> analyze(double[] y, int d, int bootstrap, long seed) {
        int n = y.length / (d + 2);
        int[] rows = new int[n];
        for (int j = 0; j < n; j++) {
            rows[j] = j;
        }
        double[][] point = estimate(y, d, rows);
        Xoshiro256 rng = new Xoshiro256(seed);
        int resamples = hasInterval(n) ? bootstrap : 0;
        double[][] s1 = new double[d][resamples];
        double[][] st = new double[d][resamples];
        for (int b = 0; b < resamples; b++) {
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
            double[] c1 = Bootstrap.percentile95(s1[i]); // NaN, NaN without resamples
            double[] ct = Bootstrap.percentile95(st[i]);
            out.add(new Index(unit(point[0][i]), unit(c1[0]), unit(c1[1]), unit(point[1][i]), unit(ct[0]),
                    unit(ct[1])));
        }
        return out;
    }

    /**
     * Each factor's largest ST (clamped to [0, 1]) over every resample of the rows, the N^N ways of drawing N rows
     * with repeats: for a design too small for intervals, "does not matter" is said only when every resample says
     * it (below {@link #MIN_ROWS_FOR_INTERVAL} rows every resample has probability 2.5% or more, so this is what the
     * bootstrap's upper end was). For N of 1 to 3 (at most 27 resamples).
     */
    public static double[] largestTotal(double[] y, int d) {
        int n = y.length / (d + 2);
        if (n < 1 || hasInterval(n)) {
            throw new IllegalArgumentException("the largest ST over every resample is for 1 to "
                    + (MIN_ROWS_FOR_INTERVAL - 1) + " rows, got " + n);
        }
        double[] out = new double[d];
        int[] rows = new int[n];
        int count = 1;
        for (int j = 0; j < n; j++) {
            count *= n;
        }
        for (int k = 0; k < count; k++) {
            for (int j = 0, rest = k; j < n; j++, rest /= n) { // k's digits in base n
                rows[j] = rest % n;
            }
            double[] st = estimate(y, d, rows)[1];
            for (int i = 0; i < d; i++) {
                out[i] = Math.max(out[i], unit(st[i]));
            }
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
