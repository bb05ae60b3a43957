package dev.enisim.experiment;

import dev.enisim.random.Xoshiro256;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Space-filling designs over the unit cube [0, 1]^d, mapped onto {@link Factor} ranges. Latin hypercube: each
 * factor's range cut into n strata, each stratum hit exactly once, at a random place inside it. Sobol: the
 * low-discrepancy sequence of Joe and Kuo's direction numbers (Commons Math), without its first point (the
 * origin). Both are fixed by their inputs: the same (n, d, seed) always gives the same design.
 */
public final class Designs {

    /** How the points of a sweep over ranges are placed. */
    public enum Kind { GRID, LHS, SOBOL }

    private Designs() {
    }

    /** A Latin hypercube of {@code n} points in {@code d} dimensions, from {@code seed}. */
    public static double[][] latinHypercube(int n, int d, long seed) {
        Xoshiro256 rng = new Xoshiro256(seed);
        double[][] x = new double[n][d];
        int[] perm = new int[n];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) { // Fisher-Yates
                int k = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[k];
                perm[k] = t;
            }
            for (int i = 0; i < n; i++) {
                x[i][j] = (perm[i] + rng.nextDouble()) / n;
            }
        }
        return x;
    }

    /** The first {@code n} points after the origin of the {@code d}-dimensional Sobol sequence. */
    public static double[][] sobol(int n, int d) {
        SobolSequenceGenerator g = new SobolSequenceGenerator(d);
        g.nextVector(); // the origin
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = g.nextVector();
        }
        return x;
    }

    /** The unit design of {@code kind} ({@link Kind#LHS} or {@link Kind#SOBOL}). */
    public static double[][] unit(Kind kind, int n, int d, long seed) {
        return switch (kind) {
            case LHS -> latinHypercube(n, d, seed);
            case SOBOL -> sobol(n, d);
            case GRID -> throw new IllegalArgumentException("a grid has no unit design");
        };
    }

    /** Each unit point as the factors' values, by path, in factor order. */
    public static List<Map<String, String>> values(List<Factor> factors, double[][] unit) {
        List<Map<String, String>> out = new ArrayList<>();
        for (double[] u : unit) {
            Map<String, String> p = new LinkedHashMap<>();
            for (int j = 0; j < factors.size(); j++) {
                p.put(factors.get(j).path(), factors.get(j).value(u[j]));
            }
            out.add(p);
        }
        return out;
    }
}
