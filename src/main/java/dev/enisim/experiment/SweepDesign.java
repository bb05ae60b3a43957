package dev.enisim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The points of a sweep: the full grid of listed values ({@code PATH=V1,V2} or {@code FROM..TO:STEP}), or a
 * Latin hypercube or Sobol design of {@code n} points over continuous ranges ({@code PATH=LOW..HIGH}). The axes
 * name the columns of sweep.csv and list the values that occur, from low to high (the chart's order).
 */
public record SweepDesign(List<Sweep.Axis> axes, List<Map<String, String>> points) {

    /** The most points a design may have: every point is a run (or several), and its row is held in memory. */
    public static final int MAX_POINTS = 10_000;

    public static SweepDesign of(List<String> vary, Designs.Kind kind, int n, long seed) {
        java.util.Set<String> paths = new java.util.HashSet<>();
        for (String v : vary) {
            int eq = v.indexOf('=');
            String path = eq > 0 ? v.substring(0, eq).trim() : v;
            if (!paths.add(path)) { // the later axis replaced the earlier's values at every point, unsaid
                throw new IllegalArgumentException("'" + v + "': " + path + " is varied twice; give its values in one"
                        + " --vary");
            }
        }
        if (kind == Designs.Kind.GRID) {
            List<Sweep.Axis> axes = new ArrayList<>();
            for (String v : vary) {
                int eq = v.indexOf('=');
                if (eq > 0 && Factor.isRange(v.substring(eq + 1))) {
                    throw new IllegalArgumentException("'" + v + "': a range without :STEP is for --design lhs or"
                            + " sobol; for a grid write FROM..TO:STEP or list the values");
                }
                axes.add(Sweep.axis(v));
            }
            long size = 1;
            for (Sweep.Axis a : axes) {
                size = Math.min(Long.MAX_VALUE / 1001, size * a.values().size());
            }
            if (size > MAX_POINTS) {
                throw new IllegalArgumentException("the grid has " + size + " points, more than " + MAX_POINTS
                        + "; vary fewer parameters or fewer values");
            }
            List<Map<String, String>> grid = Sweep.grid(axes);
            Sweep.checkTraffic(grid);
            return new SweepDesign(axes, grid);
        }
        if (n < 1 || n > MAX_POINTS) {
            throw new IllegalArgumentException("--points must be 1 to " + MAX_POINTS + " for --design " + kind.name()
                    .toLowerCase(java.util.Locale.ROOT));
        }
        List<Factor> factors = new ArrayList<>();
        for (String v : vary) {
            factors.add(Factor.parse(v));
        }
        double[][] unit = Designs.unit(kind, n, factors.size(), seed);
        List<Map<String, String>> points = Designs.values(factors, unit);
        Sweep.checkTraffic(points);
        List<Sweep.Axis> axes = new ArrayList<>();
        for (int j = 0; j < factors.size(); j++) {
            int col = j;
            double[] sorted = java.util.Arrays.stream(unit).mapToDouble(u -> u[col]).sorted().toArray();
            LinkedHashSet<String> seen = new LinkedHashSet<>();
            for (double u : sorted) {
                seen.add(factors.get(j).value(u));
            }
            axes.add(new Sweep.Axis(factors.get(j).path(), List.copyOf(seen)));
        }
        return new SweepDesign(axes, points);
    }
}
