package dev.enisim.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Global sensitivity of summary metrics to a scenario's parameters: the design (Morris trajectories or Saltelli's
 * Sobol scheme over the factors' ranges), then, from each point's metric means, the indices of every factor
 * ranked and a verdict in words: the answer hangs on it, it matters a little, or it does not matter.
 */
public final class Sensitivity {

    /** Morris screening (cheap: r (d + 1) runs) or Sobol indices (N (d + 2) runs). */
    public enum Method { MORRIS, SOBOL }

    /** What a factor means for a metric. */
    public enum Verdict { HANGS_ON, MINOR, NEGLIGIBLE }

    /** Bootstrap resamples for the intervals. */
    static final int BOOTSTRAP = 1000;

    /**
     * The default floor under "hangs on it" ({@code --floor}): a metric whose range over the design (max - min) is
     * under this share of its mean absolute value barely moves, and no assumption is said to decide it (at most
     * "minor"), however the assumptions rank against each other. A count of 1,504 to 1,509 is the same answer at
     * every point. A share of the metric's own level, so the same in any unit (ms or s, a count or a thousandth of
     * it); not the same for one change at two levels (a count and its complement, a time from the run's start):
     * {@code --floor 0} turns it off.
     */
    public static final double FLOOR = 0.01;

    /** The design of an analysis: the unit points and the values they stand for, in run order. */
    public record Design(Method method, List<Factor> factors, int samples, long seed, double[][] unit,
            List<Map<String, String>> points) {
    }

    /** One factor's indices for one metric (Morris: mu, mu*, sigma; Sobol: S1 and ST), with its verdict. */
    public record FactorResult(Factor factor, Morris.Index morris, SobolIndices.Index sobol, Verdict verdict,
            double importance) {
    }

    /**
     * One metric's analysis: its spread over the design and every factor, most important first ({@code meanAbs}:
     * the mean of its absolute values over the design, the level the floor is taken of; {@code floor}: that share,
     * {@link #FLOOR} unless {@code --floor} says otherwise, 0 for none).
     */
    public record MetricResult(String metric, double min, double mean, double max, double meanAbs,
            List<FactorResult> ranking, double floor) {

        /** Did the metric take one value at every point (then no assumption matters)? */
        public boolean constant() {
            return min == max;
        }

        /**
         * Did the metric move, but by less than the floor's share of its mean absolute value over the design (then
         * no assumption hangs on it)?
         */
        public boolean barelyMoves() {
            return Sensitivity.barelyMoves(min, max, meanAbs, floor);
        }

        /** The range over the design as a share of the mean absolute value (0 for a metric that is 0 everywhere). */
        public double relativeRange() {
            return meanAbs > 0 ? (max - min) / meanAbs : 0;
        }
    }

    private Sensitivity() {
    }

    /** The floor's rule, in one place: a range above 0 and under {@code floor} of the mean absolute value. */
    static boolean barelyMoves(double min, double max, double meanAbs, double floor) {
        return max != min && max - min < floor * meanAbs;
    }

    /** {@code --floor}: a share from 0 (no floor) up to but not including 1, as a number or a percentage ("1%"). */
    public static double parseFloor(String text) {
        String t = text.trim();
        double v;
        try {
            v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
                    : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException("--floor: expected a share of the metric's mean absolute value from 0"
                    + " (no floor) to under 1, such as 0.01 or 1%, got '" + text + "'");
        }
        return v;
    }

    /** {@code samples}: Morris trajectories or Sobol base rows N. */
    /** Where each point of the design's values lie in their ranges ({@link Factor#position}). */
    static double[][] positions(Design design) {
        double[][] unit = design.unit();
        double[][] run = new double[unit.length][];
        for (int i = 0; i < unit.length; i++) {
            run[i] = new double[unit[i].length];
            for (int j = 0; j < unit[i].length; j++) {
                run[i][j] = design.factors().get(j).position(unit[i][j]);
            }
        }
        return run;
    }

    public static Design design(Method method, List<Factor> factors, int samples, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException("--samples must be at least 2");
        }
        double[][] unit = method == Method.MORRIS ? Morris.design(samples, factors.size(), seed)
                : SobolIndices.design(samples, factors.size());
        List<java.util.Map<String, String>> points = Designs.values(factors, unit);
        Sweep.checkTraffic(points);
        return new Design(method, List.copyOf(factors), samples, seed, unit, points);
    }

    /**
     * The metrics of {@code metrics} that some point has no value for (no replication of it measured one: a teardown's
     * wait cut short by the run's end, a latency with no success), each as "METRIC: no value at K of N points, e.g.
     * at {values}": no index can be computed for them (every trajectory and every Sobol row needs the metric at each
     * of its points). Empty when every point has every metric.
     */
    public static List<String> unmeasured(List<String> metrics, List<Sweep.Point> points) {
        List<String> out = new ArrayList<>();
        for (String m : metrics) {
            int missing = 0;
            Sweep.Point first = null;
            for (Sweep.Point p : points) {
                if (p.metrics().get(m) == null) {
                    missing++;
                    first = first == null ? p : first;
                }
            }
            if (missing > 0) {
                out.add(m + ": no value at " + missing + " of " + points.size() + " points, e.g. at "
                        + first.values());
            }
        }
        return out;
    }

    /** The analysis of each metric from the points' results (every point must have succeeded), at {@link #FLOOR}. */
    public static List<MetricResult> analyze(Design design, List<String> metrics, List<Sweep.Point> points) {
        return analyze(design, metrics, points, FLOOR);
    }

    /** As {@link #analyze(Design, List, List)}, with {@code floor} under "hangs on it" (0: none). */
    public static List<MetricResult> analyze(Design design, List<String> metrics, List<Sweep.Point> points,
            double floor) {
        List<String> unmeasured = unmeasured(metrics, points);
        if (!unmeasured.isEmpty()) {
            throw new IllegalArgumentException("no index without a value at every point: " + unmeasured);
        }
        List<MetricResult> out = new ArrayList<>();
        int d = design.factors().size();
        for (String m : metrics) {
            double[] y = new double[points.size()];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            double sumAbs = 0;
            for (int i = 0; i < y.length; i++) {
                y[i] = points.get(i).metrics().get(m).mean();
                min = Math.min(min, y[i]);
                max = Math.max(max, y[i]);
                sum += y[i];
                sumAbs += Math.abs(y[i]);
            }
            // the floor: a metric moving less than the floor's share of its level has no assumption that decides it
            boolean barely = barelyMoves(min, max, sumAbs / y.length, floor);
            List<FactorResult> ranking = new ArrayList<>();
            if (design.method() == Method.MORRIS) {
                double[][] run = positions(design);
                List<Morris.Index> ix = Morris.analyze(design.unit(), run, y, d, BOOTSTRAP, design.seed());
                double[][] ee = ix.isEmpty() || ix.get(0).hasInterval() ? null
                        : Morris.effects(design.unit(), run, y, d);
                double top = ix.stream().mapToDouble(Morris.Index::muStar).max().orElse(0);
                for (int j = 0; j < d; j++) {
                    Morris.Index k = ix.get(j);
                    // the interval's upper end; with no interval (too few trajectories) the largest |effect| of a
                    // trajectory: "does not matter" is said only when every trajectory says it
                    double upper = ee == null ? k.muStarHigh() : largestAbs(ee, j);
                    Verdict v = top <= 0 || upper < 0.02 * top ? Verdict.NEGLIGIBLE
                            : k.muStar() >= 0.1 * top ? Verdict.HANGS_ON : Verdict.MINOR;
                    ranking.add(new FactorResult(design.factors().get(j), k, null, v, k.muStar()));
                }
            } else {
                List<SobolIndices.Index> ix = SobolIndices.analyze(y, d, BOOTSTRAP, design.seed());
                // the interval's upper end; with no interval (too few base rows) the largest ST over every resample
                // of the rows: "does not matter" is said only when every resample says it
                double[] largest = ix.isEmpty() || ix.get(0).hasInterval() ? null : SobolIndices.largestTotal(y, d);
                for (int j = 0; j < d; j++) {
                    SobolIndices.Index k = ix.get(j);
                    double upper = largest == null ? k.stHigh() : largest[j];
                    Verdict v = max == min || upper < 0.05 ? Verdict.NEGLIGIBLE
                            : k.st() >= 0.1 ? Verdict.HANGS_ON : Verdict.MINOR;
                    ranking.add(new FactorResult(design.factors().get(j), null, k, v, k.st()));
                }
            }
            if (max == min) {
                ranking.replaceAll(f -> new FactorResult(f.factor(), f.morris(), f.sobol(), Verdict.NEGLIGIBLE,
                        f.importance()));
            } else if (barely) {
                ranking.replaceAll(f -> f.verdict() != Verdict.HANGS_ON ? f : new FactorResult(f.factor(), f.morris(),
                        f.sobol(), Verdict.MINOR, f.importance()));
            }
            ranking.sort(Comparator.comparingDouble(FactorResult::importance).reversed());
            out.add(new MetricResult(m, min, sum / y.length, max, sumAbs / y.length, List.copyOf(ranking), floor));
        }
        return out;
    }

    /**
     * Which way the metric moves with each assumption it hangs on or depends a little on, from Morris's signed mean
     * effect mu against mu*: mu = mu* when no step up of the assumption lowered the metric, -mu* when none raised it,
     * anything between when the steps went both ways. The page said what the answer hangs on and how much, never
     * whether more of the assumption gives more or less of the metric, the planner's next question. Sobol's indices
     * are shares of a variance and carry no direction: none for them.
     */
    public static List<String> directions(MetricResult r, Method method) {
        List<String> out = new ArrayList<>();
        if (method != Method.MORRIS || r.constant()) {
            return out;
        }
        for (FactorResult f : r.ranking()) {
            if (f.verdict() == Verdict.NEGLIGIBLE || f.morris().muStar() == 0) {
                continue;
            }
            double mu = f.morris().mu();
            double muStar = f.morris().muStar();
            String path = f.factor().path();
            double slack = 1e-9 * muStar;
            out.add(mu >= muStar - slack
                    ? "The higher " + path + ", the higher " + r.metric() + ": no step up of it lowered the metric"
                        + " (mu = mu*, " + figure(r.metric(), muStar) + ")."
                    : mu <= -muStar + slack
                    ? "The higher " + path + ", the lower " + r.metric() + ": no step up of it raised the metric"
                        + " (mu = -mu*, " + figure(r.metric(), mu) + ")."
                    : "A step up of " + path + " raised " + r.metric() + " at some points of the design and lowered"
                        + " it at others (mu " + figure(r.metric(), mu) + " against mu* " + figure(r.metric(), muStar)
                        + "): which way it moves depends on where the other assumptions are.");
        }
        return out;
    }

    private static double largestAbs(double[][] ee, int j) {
        double m = 0;
        for (double[] e : ee) {
            m = Math.max(m, Math.abs(e[j]));
        }
        return m;
    }

    /** What the analysis of one metric says, in a few sentences. */
    public static List<String> sentences(MetricResult r, Method method) {
        List<String> out = new ArrayList<>();
        if (r.constant()) {
            out.add(r.metric() + " was " + figure(r.metric(), r.min()) + " at every point of the design: within"
                    + " these ranges it does not depend on any of the assumptions varied.");
            return out;
        }
        out.add(r.metric() + " ranged from " + figure(r.metric(), r.min()) + " to " + figure(r.metric(), r.max())
                + " (mean " + figure(r.metric(), r.mean()) + ") over the design.");
        List<String> hangs = new ArrayList<>();
        List<String> minor = new ArrayList<>();
        List<String> none = new ArrayList<>();
        for (FactorResult f : r.ranking()) {
            String name = f.factor().path() + " (" + f.factor().readableRange() + ")";
            switch (f.verdict()) {
                case HANGS_ON -> hangs.add(name + ", " + measure(r.metric(), f, method));
                case MINOR -> minor.add(name + ", " + measure(r.metric(), f, method));
                default -> none.add(f.factor().path());
            }
        }
        if (r.barelyMoves()) {
            out.add(barely(r, method));
        } else {
            out.add(hangs.isEmpty() ? "No single assumption dominates it."
                    : "The answer hangs on " + String.join("; ", hangs) + ".");
        }
        if (!minor.isEmpty()) {
            out.add("It depends a little on " + String.join("; ", minor) + ".");
        }
        if (!none.isEmpty()) {
            out.add("It does not depend on " + String.join(", ", none) + " within their ranges.");
        }
        if (method == Method.MORRIS) {
            for (FactorResult f : r.ranking()) {
                if (passesRange(r, f)) {
                    out.add(f.factor().path() + "'s mu*, " + figure(r.metric(), f.morris().muStar()) + ", is more"
                            + " than the metric's whole range over the design, " + figure(r.metric(), r.max()
                            - r.min()) + ": mu* is a slope in units of the whole range (a step's change divided by"
                            + " the step's share of it), and this effect is a threshold, not a line.");
                }
                if (f.verdict() == Verdict.HANGS_ON && f.morris().sigma() > f.morris().muStar()) {
                    out.add(f.factor().path() + " acts non-linearly or through other assumptions (sigma > mu*):"
                            + " its effect depends on where the others are.");
                }
            }
        }
        return out;
    }

    /**
     * Whether mu* passes the metric's whole range over the design: an elementary effect is a step's change divided by
     * the step's share of the range (2/3 on the 4-level grid), so a threshold met within one step counts half as much
     * again as it moved the metric (a planner's review: 36,007.5 for a count that went from 24,005 to 0).
     */
    public static boolean passesRange(MetricResult r, FactorResult f) {
        return f.morris() != null && f.morris().muStar() > (r.max() - r.min()) * (1 + 1e-9);
    }

    /** The floor's words: how little the metric moved, against what, and the largest effect for the record. */
    public static String barely(MetricResult r, Method method) {
        FactorResult top = r.ranking().get(0);
        return "It barely moves: its range over the design, " + figure(r.metric(), r.max() - r.min()) + ", is "
                + percent(r.relativeRange()) + " of its mean absolute value " + figure(r.metric(), r.meanAbs())
                + ", under the " + percent(r.floor()) + " floor, so no assumption matters much within these ranges"
                + " (the largest effect, " + top.factor().path() + "'s, " + measure(r.metric(), top, method) + ").";
    }

    /** A share as a percentage with two significant figures or more: 0.33%, 1%, 12%. */
    public static String percent(double share) {
        double p = 100 * share;
        return (p >= 10 ? String.format(Locale.ROOT, "%.0f", p)
                : new java.math.BigDecimal(p).round(new java.math.MathContext(2)).stripTrailingZeros()
                        .toPlainString()) + "%";
    }

    /** The words for a mu* with no interval, as the outputs print it. */
    public static final String NO_INTERVAL = "n/a (needs >= " + Morris.MIN_TRAJECTORIES_FOR_INTERVAL
            + " trajectories)";

    /** The words for Sobol indices with no interval, as the outputs print them. */
    public static final String NO_SOBOL_INTERVAL = "n/a (needs >= " + SobolIndices.MIN_ROWS_FOR_INTERVAL
            + " base rows)";

    /**
     * What a design too small for intervals means, for the terminal's warning and the page: null when it has
     * {@link Morris#MIN_TRAJECTORIES_FOR_INTERVAL} Morris trajectories or {@link SobolIndices#MIN_ROWS_FOR_INTERVAL}
     * Sobol base rows or more.
     */
    public static String intervalWarning(Design design) {
        if (design.method() == Method.SOBOL) {
            return SobolIndices.hasInterval(design.samples()) ? null : "--samples " + design.samples() + ": "
                    + design.samples() + " Sobol base rows give ST and S1 no 95% interval (from fewer than "
                    + SobolIndices.MIN_ROWS_FOR_INTERVAL + ", the bootstrap's ends are the smallest and the largest"
                    + " index over the resamples of the rows themselves: the range of what was seen), so the"
                    + " intervals are n/a, and an assumption is said not to matter only if its ST is under 0.05 on"
                    + " every resample of the rows; use --samples " + SobolIndices.MIN_ROWS_FOR_INTERVAL
                    + " or more (default 64) for intervals";
        }
        if (Morris.hasInterval(design.samples())) {
            return null;
        }
        return "--samples " + design.samples() + ": " + design.samples() + " Morris trajectories give mu* no 95%"
                + " interval (from fewer than " + Morris.MIN_TRAJECTORIES_FOR_INTERVAL + ", the bootstrap's ends are"
                + " the smallest and the largest effect themselves: of zero width when the trajectories agree), so"
                + " the intervals are n/a, and an assumption is said not to matter only if every trajectory's effect"
                + " is under 2% of the largest mu*; use --samples " + Morris.MIN_TRAJECTORIES_FOR_INTERVAL
                + " or more (default 10) for intervals";
    }

    private static String measure(String metric, FactorResult f, Method method) {
        if (method == Method.MORRIS) {
            return f.morris().hasInterval()
                    ? String.format(Locale.ROOT, "mu* %s [%s, %s]", figure(metric, f.morris().muStar()),
                            figure(metric, f.morris().muStarLow()), figure(metric, f.morris().muStarHigh()))
                    : "mu* " + figure(metric, f.morris().muStar()) + ", 95% CI " + NO_INTERVAL;
        }
        return f.sobol().hasInterval()
                ? String.format(Locale.ROOT, "ST %.2f [%.2f, %.2f], S1 %.2f", f.sobol().st(), f.sobol().stLow(),
                        f.sobol().stHigh(), f.sobol().s1())
                : String.format(Locale.ROOT, "ST %.2f, S1 %.2f, 95%% CI %s", f.sobol().st(), f.sobol().s1(),
                        NO_SOBOL_INTERVAL);
    }

    /**
     * Whether the metric is a time in seconds, a wait a reader thinks of in minutes or hours (its leaf named so:
     * {@code teardowns[1].waitSeconds}, {@code transitions[0].atSeconds}): its figures, and its mu*, mu and sigma
     * (in the metric's unit), are then said as durations ({@link #duration}); the CSV keeps the seconds.
     */
    public static boolean inSeconds(String metric) {
        return metric.endsWith("Seconds");
    }

    /** A figure of {@code metric} as the terminal and the page say it: a duration when it is in seconds. */
    public static String figure(String metric, double v) {
        return inSeconds(metric) ? duration(v) : MetricStats.format(v);
    }

    /**
     * Seconds as the report says a wait: from a minute up in whole seconds and larger parts ({@code 17m 56s},
     * {@code 1h 5m}, {@code 2d 3h}), below a minute in seconds to four significant digits ({@code 42.13s}); a teardown
     * wait of 1075.83 and a deletion delay of 180s..1200s were said in seconds on the page.
     */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return MetricStats.format(seconds);
        }
        double a = Math.abs(seconds);
        String sign = seconds < 0 && Math.round(a) > 0 ? "-" : "";
        if (a < 59.5) {
            String t = MetricStats.readable(a);
            return (t.equals("0") ? "" : sign) + t + "s";
        }
        long s = Math.round(a);
        long[] units = {86_400, 3600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        StringBuilder b = new StringBuilder(sign);
        for (int i = 0; i < units.length; i++) {
            if (s >= units[i]) {
                b.append(b.length() > sign.length() ? " " : "").append(s / units[i]).append(names[i]);
                s %= units[i];
            }
        }
        return b.toString();
    }
}
