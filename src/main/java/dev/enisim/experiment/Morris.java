package dev.enisim.experiment;

import dev.enisim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.List;

/**
 * Morris elementary effects (Morris 1991, with Campolongo et al.'s mu*): {@code r} one-at-a-time trajectories
 * through a p-level grid of [0, 1]^d, each moving every factor once by delta = p / (2 (p - 1)). A factor's
 * elementary effect is the change of the output over that move, per unit of the normalised range (so an effect
 * of 10 means "10 more across the whole range"). mu* (the mean absolute effect) ranks the factors; sigma (their
 * standard deviation) large against mu* means the effect depends on the other factors (non-linear or
 * interacting). A 95% bootstrap interval over the trajectories goes with mu*, from
 * {@link #MIN_TRAJECTORIES_FOR_INTERVAL} trajectories on: with fewer there is none (NaN).
 */
public final class Morris {

    /** Levels of the grid (4: the usual choice; delta = 2/3). */
    public static final int LEVELS = 4;
    static final double DELTA = LEVELS / (2.0 * (LEVELS - 1));

    /**
     * The fewest trajectories that give mu* a 95% interval. The percentile bootstrap resamples the r trajectories;
     * a resample of one trajectory r times over has probability r^-r, which is above 2.5% for r = 2 (25%) and
     * r = 3 (3.7%): the interval's ends are then the smallest and the largest |effect| themselves, the sample's
     * range and no confidence interval (of zero width when the trajectories agree: a planner's review had
     * "36007.5 [36007.5, 36007.5]" from 2). From 4 (0.39%) the ends lie inside the range. Below it mu* has no
     * interval (NaN: "n/a" in the outputs), and "does not matter" asks every trajectory's |effect| to be small
     * ({@link Sensitivity#analyze}).
     */
    public static final int MIN_TRAJECTORIES_FOR_INTERVAL = 4;

    /** One factor's indices ({@code muStarLow}, {@code muStarHigh}: NaN with no interval). */
    public record Index(double mu, double muStar, double sigma, double muStarLow, double muStarHigh) {

        /** Has mu* a 95% interval (the design had {@link #MIN_TRAJECTORIES_FOR_INTERVAL} trajectories or more)? */
        public boolean hasInterval() {
            return !Double.isNaN(muStarLow);
        }
    }

    /** Does a design of {@code r} trajectories give mu* an interval? */
    public static boolean hasInterval(int r) {
        return r >= MIN_TRAJECTORIES_FOR_INTERVAL;
    }

    private Morris() {
    }

    /**
     * {@code r} trajectories of {@code d + 1} points each, trajectory after trajectory: a random grid point,
     * then each factor in a random order moved by +delta (or -delta where +delta would leave [0, 1]).
     */
    public static double[][] design(int r, int d, long seed) {
        Xoshiro256 rng = new Xoshiro256(seed);
        double[][] x = new double[r * (d + 1)][];
        int[] order = new int[d];
        for (int t = 0; t < r; t++) {
            double[] p = new double[d];
            for (int j = 0; j < d; j++) {
                p[j] = rng.nextInt(LEVELS) / (double) (LEVELS - 1);
                order[j] = j;
            }
            for (int j = d - 1; j > 0; j--) {
                int k = rng.nextInt(j + 1);
                int tmp = order[j];
                order[j] = order[k];
                order[k] = tmp;
            }
            x[t * (d + 1)] = p.clone();
            for (int s = 0; s < d; s++) {
                int j = order[s];
                p[j] = p[j] + DELTA <= 1 + 1e-12 ? p[j] + DELTA : p[j] - DELTA;
                x[t * (d + 1) + s + 1] = p.clone();
            }
        }
        return x;
    }

    /** The elementary effects [trajectory][factor] of outputs {@code y} at the design {@code x}. */
    static double[][] effects(double[][] x, double[] y, int d) {
        return effects(x, x, y, d);
    }

    /**
     * The elementary effects of outputs {@code y} at the design {@code x}, each step's change measured in {@code run}:
     * where each point's values lie in their ranges ({@link Factor#position}; an integer factor's whole numbers are
     * not the grid's levels: a step of 2/3 over 1..3 ran 1 to 3 or 2 to 3, and divided by 2/3 the effect of a change
     * of half the range was a quarter low).
     */
    static double[][] effects(double[][] x, double[][] run, double[] y, int d) {
        int r = x.length / (d + 1);
        double[][] ee = new double[r][d];
        for (int t = 0; t < r; t++) {
            for (int s = 0; s < d; s++) {
                int i = t * (d + 1) + s;
                int j = changed(x[i], x[i + 1]);
                double step = run[i + 1][j] - run[i][j];
                if (step == 0) {
                    throw new IllegalArgumentException("a step of the trajectory ran the same value of factor " + j);
                }
                ee[t][j] = (y[i + 1] - y[i]) / step;
            }
        }
        return ee;
    }

    private static int changed(double[] a, double[] b) {
        for (int j = 0; j < a.length; j++) {
            if (a[j] != b[j]) {
                return j;
            }
        }
        throw new IllegalArgumentException("two consecutive points of a trajectory are equal");
    }

    /**
     * mu, mu*, sigma and the bootstrap interval of mu* for each factor (none, NaN, with fewer than
     * {@link #MIN_TRAJECTORIES_FOR_INTERVAL} trajectories).
     */
    public static List<Index> analyze(double[][] x, double[] y, int d, int bootstrap, long seed) {
        return analyze(x, x, y, d, bootstrap, seed);
    }

    /**
     * As {@link #analyze(double[][], double[], int, int, long)}, each step's change measured where the values run lie
     * ({@code run}: {@link Factor#position} of {@code x}).
     */
    public static List<Index> analyze(double[][] x, double[][] run, double[] y, int d, int bootstrap, long seed) {
        double[][] ee = effects(x, run, y, d);
        int r = ee.length;
        Xoshiro256 rng = new Xoshiro256(seed);
        boolean interval = hasInterval(r);
        double[][] boot = new double[d][interval ? bootstrap : 0];
        int[] pick = new int[r];
        for (int b = 0; interval && b < bootstrap; b++) {
            for (int t = 0; t < r; t++) {
                pick[t] = rng.nextInt(r);
            }
            for (int j = 0; j < d; j++) {
                double sum = 0;
                for (int t : pick) {
                    sum += Math.abs(ee[t][j]);
                }
                boot[j][b] = sum / r;
            }
        }
        List<Index> out = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double mu = 0;
            double abs = 0;
            for (double[] e : ee) {
                mu += e[j];
                abs += Math.abs(e[j]);
            }
            mu /= r;
            abs /= r;
            double ss = 0;
            for (double[] e : ee) {
                ss += (e[j] - mu) * (e[j] - mu);
            }
            double sigma = r > 1 ? Math.sqrt(ss / (r - 1)) : 0;
            double[] ci = Bootstrap.percentile95(boot[j]); // NaN, NaN without resamples
            out.add(new Index(mu, abs, sigma, ci[0], ci[1]));
        }
        return out;
    }
}
