package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Sensitivity#analyze} and {@link Sensitivity#sentences} on designs whose elementary effects and indices
 * are exact binary fractions, so each verdict's threshold is met exactly where the test puts it; the estimators'
 * arithmetic ({@link SobolIndices#estimate}, Morris' sigma, the bootstrap percentiles) against hand-computed values.
 */
class SensitivityAnalysisTest {

    private static List<Factor> factors(String... names) {
        List<Factor> out = new ArrayList<>();
        for (String n : names) {
            out.add(Factor.parse(n + "=0..1"));
        }
        return out;
    }

    private static List<Sweep.Point> points(double[] y) {
        List<Sweep.Point> out = new ArrayList<>();
        for (double v : y) {
            out.add(new Sweep.Point(Map.of(), Map.of("m", new MetricStats(1, v, 0, v, v)), null));
        }
        return out;
    }

    /**
     * A Morris design whose trajectory t starts at the origin and moves factor 0, 1, ... from 0 to 1 in turn, with
     * elementary effects {@code ee[t][j]}: the unit design in {@code unit}, the outputs returned.
     */
    private static double[] morris(double[][] ee, double[][] unit) {
        int d = ee[0].length;
        double[] y = new double[ee.length * (d + 1)];
        for (int t = 0; t < ee.length; t++) {
            double[] u = new double[d];
            double v = 100 * t;
            unit[t * (d + 1)] = u.clone();
            y[t * (d + 1)] = v;
            for (int j = 0; j < d; j++) {
                u[j] = 1;
                v += ee[t][j];
                unit[t * (d + 1) + j + 1] = u.clone();
                y[t * (d + 1) + j + 1] = v;
            }
        }
        return y;
    }

    private static Sensitivity.MetricResult analyzeMorris(double[][] ee, String... names) {
        double[][] unit = new double[ee.length * (names.length + 1)][];
        double[] y = morris(ee, unit);
        List<Factor> f = factors(names);
        Sensitivity.Design design = new Sensitivity.Design(Sensitivity.Method.MORRIS, f, ee.length, 1, unit,
                Designs.values(f, unit));
        List<Sensitivity.MetricResult> r = Sensitivity.analyze(design, List.of("m"), points(y));
        assertEquals(1, r.size());
        return r.get(0);
    }

    private static List<String> ranking(Sensitivity.MetricResult r) {
        return r.ranking().stream().map(f -> f.factor().path() + " " + f.verdict()).toList();
    }

    /**
     * mu* 50, 5, 1, 0.5 and 0 (the top 50): 5 is exactly a tenth of the top (it hangs on it), 1 exactly 2% (it
     * matters a little: negligible is below 2%), 0.5 and 0 do not matter. Given least important first, ranked most important first.
     * Four trajectories (two gave intervals until a design of fewer than four was given none: see
     * {@link #twoOrThreeTrajectoriesGiveMuStarNoInterval}); four that agree give each mu* an interval of zero width.
     */
    @Test
    void morrisVerdictsFollowMuStarAgainstTheTopFactorAtTheirExactThresholds() {
        double[] e = {0, 0.5, 1, 5, 50};
        Sensitivity.MetricResult r = analyzeMorris(new double[][] {e, e, e, e}, "z", "y", "c", "b", "a");
        assertEquals(List.of("a HANGS_ON", "b HANGS_ON", "c MINOR", "y NEGLIGIBLE", "z NEGLIGIBLE"), ranking(r));
        assertEquals(new Morris.Index(50, 50, 0, 50, 50), r.ranking().get(0).morris());
        assertEquals(50, r.ranking().get(0).importance());
        assertEquals(null, r.ranking().get(0).sobol());
        assertEquals("m", r.metric());
        assertEquals(0, r.min());
        assertEquals(356.5, r.max());
        // trajectory t at the level 100 t: 0, 0, 0.5, 1.5, 6.5, 56.5 above it
        assertEquals((600 * (0 + 1 + 2 + 3) + 4 * (0 + 0 + 0.5 + 1.5 + 6.5 + 56.5)) / 24.0, r.mean(), 1e-12);
        assertTrue(!r.constant());
        assertEquals(List.of("m ranged from 0 to 356.5 (mean 160.833) over the design.",
                "The answer hangs on a (0..1), mu* 50 [50, 50]; b (0..1), mu* 5 [5, 5].",
                "It depends a little on c (0..1), mu* 1 [1, 1].",
                "It does not depend on y, z within their ranges."), Sensitivity.sentences(r, Sensitivity.Method.MORRIS));
    }

    /**
     * A Morris design of 2 or 3 trajectories: the bootstrap's 2.5% and 97.5% ends were the smallest and the largest
     * effect themselves (a resample of one trajectory r times has probability 1/4 and 1/27), "mu* 50 [50, 50]" from
     * two trajectories that agreed: no interval now, n/a in every output, and the same verdicts (the thresholds of
     * the test above, met by the mu* themselves; "does not matter" only when every trajectory's effect is under 2%).
     */
    @Test
    void twoOrThreeTrajectoriesGiveMuStarNoInterval() {
        double[] e = {0, 0.5, 1, 5, 50};
        for (double[][] ee : new double[][][] {{e, e}, {e, e, e}}) {
            Sensitivity.MetricResult r = analyzeMorris(ee, "z", "y", "c", "b", "a");
            assertEquals(List.of("a HANGS_ON", "b HANGS_ON", "c MINOR", "y NEGLIGIBLE", "z NEGLIGIBLE"), ranking(r));
            Morris.Index a = r.ranking().get(0).morris();
            assertEquals(new Morris.Index(50, 50, 0, Double.NaN, Double.NaN), a);
            assertTrue(!a.hasInterval());
            assertEquals(List.of("The answer hangs on a (0..1), mu* 50, 95% CI n/a (needs >= 4 trajectories); b (0..1),"
                    + " mu* 5, 95% CI n/a (needs >= 4 trajectories).",
                    "It depends a little on c (0..1), mu* 1, 95% CI n/a (needs >= 4 trajectories)."),
                    Sensitivity.sentences(r, Sensitivity.Method.MORRIS).subList(1, 3));
            String table = dev.enisim.report.SensitivityReport.table(Sensitivity.Method.MORRIS, List.of(r));
            assertTrue(table.startsWith("m   (Morris: mu* [95% CI], sigma; 95% CI n/a (needs >= 4 trajectories))\n"),
                    table);
            assertTrue(table.contains("  a          50 [n/a]  sigma 0  hangs on it\n"), table);
            assertTrue(!table.contains("NaN") && !table.contains("[50, 50]"), table);
            List<String> csv = dev.enisim.report.SensitivityReport.csv(Sensitivity.Method.MORRIS, List.of(r)).lines()
                    .toList();
            assertEquals("m,1,a,0..1,50,50,,,0,hangs on it", csv.get(1), "no interval: empty fields, not NaN");
        }
        // a factor whose effects were 0 and 1.6 (mu* 0.8, under 2% of 50): one trajectory says it matters a little
        Sensitivity.MetricResult r = analyzeMorris(new double[][] {{0, 50}, {1.6, 50}}, "y", "a");
        assertEquals(List.of("a HANGS_ON", "y MINOR"), ranking(r));
        // from four trajectories on, an interval
        Sensitivity.MetricResult four = analyzeMorris(new double[][] {e, e, e, e}, "z", "y", "c", "b", "a");
        assertTrue(four.ranking().stream().allMatch(f -> f.morris().hasInterval()));
    }

    /** The warning of a design too small for intervals: said for 2 and 3 Morris trajectories, not for 4 or Sobol. */
    @Test
    void aMorrisDesignTooSmallForIntervalsIsWarnedOf() {
        List<Factor> f = factors("a", "b");
        assertEquals("--samples 2: 2 Morris trajectories give mu* no 95% interval (from fewer than 4, the bootstrap's"
                + " ends are the smallest and the largest effect themselves: of zero width when the trajectories"
                + " agree), so the intervals are n/a, and an assumption is said not to matter only if every"
                + " trajectory's effect is under 2% of the largest mu*; use --samples 4 or more (default 10) for"
                + " intervals", Sensitivity.intervalWarning(Sensitivity.design(Sensitivity.Method.MORRIS, f, 2, 1)));
        assertTrue(Sensitivity.intervalWarning(Sensitivity.design(Sensitivity.Method.MORRIS, f, 3, 1))
                .startsWith("--samples 3: 3 Morris trajectories give mu* no 95% interval"));
        assertEquals(null, Sensitivity.intervalWarning(Sensitivity.design(Sensitivity.Method.MORRIS, f, 4, 1)));
        assertEquals(4, Morris.MIN_TRAJECTORIES_FOR_INTERVAL);
    }

    /**
     * Sobol's indices the same: 2 or 3 base rows are warned of (said null until Sobol's intervals from so few rows
     * were found to be the range of what the resamples saw), 4 are not.
     */
    @Test
    void aSobolDesignTooSmallForIntervalsIsWarnedOf() {
        List<Factor> f = factors("a", "b");
        assertEquals("--samples 2: 2 Sobol base rows give ST and S1 no 95% interval (from fewer than 4, the"
                + " bootstrap's ends are the smallest and the largest index over the resamples of the rows themselves:"
                + " the range of what was seen), so the intervals are n/a, and an assumption is said not to matter"
                + " only if its ST is under 0.05 on every resample of the rows; use --samples 4 or more (default 64)"
                + " for intervals", Sensitivity.intervalWarning(Sensitivity.design(Sensitivity.Method.SOBOL, f, 2, 1)));
        assertTrue(Sensitivity.intervalWarning(Sensitivity.design(Sensitivity.Method.SOBOL, f, 3, 1))
                .startsWith("--samples 3: 3 Sobol base rows give ST and S1 no 95% interval"));
        assertEquals(null, Sensitivity.intervalWarning(Sensitivity.design(Sensitivity.Method.SOBOL, f, 4, 1)));
        assertEquals(4, SobolIndices.MIN_ROWS_FOR_INTERVAL);
    }

    /**
     * Rows (-3, -1, -2) and (1, 3, 2): a resample is one row twice (ST 0.5, probability 1/4 each) or both (ST 0.1,
     * 1/2), so the bootstrap's "interval" was [0.1, 0.5], the values seen. Two and three rows give no interval
     * (NaN; n/a in the words and the table, empty in the CSV); the verdict reads the largest ST over every resample,
     * 0.5, what the interval's upper end was. Four rows give intervals.
     */
    @Test
    void twoOrThreeSobolRowsGiveNoInterval() {
        List<Factor> f = factors("a");
        double[][] unit = {{0}, {1}, {1}, {0}, {1}, {1}};
        Sensitivity.Design design = new Sensitivity.Design(Sensitivity.Method.SOBOL, f, 2, 1, unit,
                Designs.values(f, unit));
        double[] y = {-3, -1, -2, 1, 3, 2};
        Sensitivity.MetricResult r = Sensitivity.analyze(design, List.of("m"), points(y)).get(0);
        SobolIndices.Index a = r.ranking().get(0).sobol();
        assertTrue(!a.hasInterval(), a.toString());
        for (double v : new double[] {a.s1Low(), a.s1High(), a.stLow(), a.stHigh()}) {
            assertTrue(Double.isNaN(v), a.toString());
        }
        assertEquals(0.1, a.st(), 1e-12);
        assertArrayEquals(new double[] {0.5}, SobolIndices.largestTotal(y, 1), 1e-12);
        assertEquals(Sensitivity.Verdict.HANGS_ON, r.ranking().get(0).verdict());
        String words = String.join(" ", Sensitivity.sentences(r, Sensitivity.Method.SOBOL));
        assertTrue(words.contains("a (0..1), ST 0.10, S1 " ) && words.contains(", 95% CI n/a (needs >= 4 base rows)")
                && !words.contains("NaN"), words);
        String table = dev.enisim.report.SensitivityReport.table(Sensitivity.Method.SOBOL, List.of(r));
        assertTrue(table.contains("where a share of variance lies; 95% CI n/a (needs >= 4 base rows))\n"), table);
        assertTrue(table.contains(" 0.100 [n/a]  S1 ") && !table.contains("NaN"), table);
        String csv = dev.enisim.report.SensitivityReport.csv(Sensitivity.Method.SOBOL, List.of(r));
        String[] c = csv.split("\n")[1].split(",", -1);
        assertEquals(List.of("", "", "", ""), List.of(c[5], c[6], c[8], c[9]), csv);
        // three rows: none either (every resample has probability 1/27 or more); four: intervals
        assertTrue(!SobolIndices.analyze(new double[] {-3, -1, -2, 1, 3, 2, 0, 2, 1}, 1, 1000, 1).get(0)
                .hasInterval());
        SobolIndices.Index four = SobolIndices.analyze(new double[] {-3, -1, -2, 1, 3, 2, 0, 2, 1, 5, 4, 4}, 1, 1000,
                1).get(0);
        assertTrue(four.hasInterval() && four.stLow() <= four.st() && four.st() <= four.stHigh(), four.toString());
    }

    /** With no interval, "does not matter" only when every resample of the rows puts ST under 0.05. */
    @Test
    void sobolWithoutIntervalSaysDoesNotMatterOnlyWhenEveryResampleDoes() {
        List<Factor> f = factors("a", "b");
        double[][] unit = {{0, 0}, {1, 1}, {1, 0}, {0, 1}, {0, 0}, {1, 1}, {1, 0}, {0, 1}};
        Sensitivity.Design design = new Sensitivity.Design(Sensitivity.Method.SOBOL, f, 2, 1, unit,
                Designs.values(f, unit));
        // rows (A, B, AB_a, AB_b): b moves nothing in either row; a everything
        double[] y = {0, 10, 10, 0, 1, 11, 11, 1};
        Sensitivity.MetricResult r = Sensitivity.analyze(design, List.of("m"), points(y)).get(0);
        assertEquals(List.of("a HANGS_ON", "b NEGLIGIBLE"), ranking(r));
        // row 2's b now moves it: 0 over the two rows together is not what every resample says
        double[] y2 = {0, 10, 10, 0, 1, 11, 11, 3};
        double[] largest = SobolIndices.largestTotal(y2, 2);
        assertTrue(largest[1] >= 0.05, java.util.Arrays.toString(largest));
        assertEquals(Sensitivity.Verdict.MINOR.name(), Sensitivity.analyze(design, List.of("m"), points(y2)).get(0)
                .ranking().get(1).verdict().name());
    }

    /** Every effect zero but the trajectories at different levels: nothing matters though the metric varies. */
    @Test
    void noEffectAtAllIsNegligibleAndNothingDominates() {
        Sensitivity.MetricResult r = analyzeMorris(new double[][] {{0, 0}, {0, 0}}, "a", "b");
        assertEquals(List.of("a NEGLIGIBLE", "b NEGLIGIBLE"), ranking(r));
        assertEquals(List.of("m ranged from 0 to 100 (mean 50) over the design.", "No single assumption dominates it.",
                "It does not depend on a, b within their ranges."), Sensitivity.sentences(r, Sensitivity.Method.MORRIS));
    }

    /** A metric that took one value everywhere: no factor matters, whatever its indices say, and one sentence. */
    @Test
    void aConstantMetricDependsOnNothing() {
        double[][] unit = new double[6][];
        morris(new double[][] {{1, 2}, {3, 4}}, unit);
        List<Factor> f = factors("a", "b");
        for (Sensitivity.Method method : Sensitivity.Method.values()) {
            Sensitivity.Design design = new Sensitivity.Design(method, f, 2, 1, unit, Designs.values(f, unit));
            double[] y = new double[method == Sensitivity.Method.MORRIS ? 6 : 8];
            java.util.Arrays.fill(y, 7.5);
            Sensitivity.MetricResult r = Sensitivity.analyze(design, List.of("m"), points(y)).get(0);
            assertTrue(r.constant());
            assertEquals(List.of("a NEGLIGIBLE", "b NEGLIGIBLE"), ranking(r));
            assertEquals(List.of("m was 7.5 at every point of the design: within these ranges it does not depend on"
                    + " any of the assumptions varied."), Sensitivity.sentences(r, method));
            // the terminal says it too, under the metric's name: it listed the "does not matter" lines alone
            String table = dev.enisim.report.SensitivityReport.table(method, List.of(r));
            assertEquals("  the same at every point: 7.5 (it depends on none of the assumptions varied)",
                    table.lines().toList().get(1), table);
        }
    }

    /**
     * A Morris design of two factors and two trajectories (a moved first, then b) with the outputs {@code y}: too few
     * trajectories for intervals (mu* is "n/a" in the words).
     */
    private static Sensitivity.MetricResult morrisOf(double[] y) {
        return morrisOf(y, Sensitivity.FLOOR);
    }

    /** As {@link #morrisOf(double[])}, with the floor {@code floor} ({@code --floor}). */
    private static Sensitivity.MetricResult morrisOf(double[] y, double floor) {
        double[][] unit = new double[6][];
        morris(new double[][] {{0, 0}, {0, 0}}, unit);
        List<Factor> f = factors("a", "b");
        Sensitivity.Design design = new Sensitivity.Design(Sensitivity.Method.MORRIS, f, 2, 1, unit,
                Designs.values(f, unit));
        return Sensitivity.analyze(design, List.of("m"), points(y), floor).get(0);
    }

    private static double[] times(double[] y, double k, double plus) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = k * y[i] + plus;
        }
        return out;
    }

    /**
     * The floor is a share of the metric's own level (its mean absolute value over the design), no absolute figure:
     * two metrics a billion times apart in scale (a count in thousandths and in millions; milliseconds and seconds)
     * with the same relative movement get the same verdicts and the same relative range, on both sides of it.
     */
    @Test
    void theFloorIsAShareOfTheMetricsLevelSoEveryScaleGetsTheSameVerdict() {
        double[] barely = {1504, 1507, 1508, 1505, 1509, 1509}; // 0.33% of its level
        double[] moves = {0, 3, 4, 1, 5, 5};
        for (double[] y : new double[][] {barely, moves}) {
            Sensitivity.MetricResult one = morrisOf(y);
            for (double k : new double[] {1e-3, 1e6}) {
                Sensitivity.MetricResult scaled = morrisOf(times(y, k, 0));
                assertEquals(one.barelyMoves(), scaled.barelyMoves(), "x" + k);
                assertEquals(ranking(one), ranking(scaled), "x" + k);
                assertEquals(one.relativeRange(), scaled.relativeRange(), 1e-12, "x" + k);
                assertEquals(one.ranking().get(0).morris().muStar() * k, scaled.ranking().get(0).morris().muStar(),
                        1e-9 * k);
            }
        }
        assertTrue(morrisOf(times(barely, 1e-3, 0)).barelyMoves() && morrisOf(times(barely, 1e6, 0)).barelyMoves());
        assertTrue(!morrisOf(times(moves, 1e-3, 0)).barelyMoves() && !morrisOf(times(moves, 1e6, 0)).barelyMoves());
    }

    /**
     * One change at two levels: an error count 0..5 and its complement, the successes of 1,509 requests (1,504 to
     * 1,509). A share of the level, the floor calls the first "hangs on it" and the second "barely moves" (the
     * methodologist's "two verdicts for one effect", as documented); --floor 0 gives both the same verdicts, and a
     * floor of 0.1% (under the successes' 0.33%) too, while 0.5% keeps the second under it, said with its figure.
     */
    @Test
    void oneChangeAtTwoLevelsAndTheFloorOption() {
        double[] errors = {0, 3, 4, 1, 5, 5};
        double[] succeeded = times(errors, -1, 1509);
        assertEquals(List.of("a HANGS_ON", "b HANGS_ON"), ranking(morrisOf(errors)));
        assertEquals(List.of("a MINOR", "b MINOR"), ranking(morrisOf(succeeded)), "the default floor: barely moves");
        for (double floor : new double[] {0, 0.001}) {
            assertTrue(!morrisOf(succeeded, floor).barelyMoves(), "floor " + floor);
            assertEquals(ranking(morrisOf(errors, floor)), ranking(morrisOf(succeeded, floor)), "floor " + floor);
            assertEquals(floor, morrisOf(succeeded, floor).floor());
        }
        Sensitivity.MetricResult half = morrisOf(succeeded, 0.005);
        assertTrue(half.barelyMoves());
        assertTrue(Sensitivity.sentences(half, Sensitivity.Method.MORRIS).get(1).startsWith("It barely moves: its range"
                + " over the design, 5, is 0.33% of its mean absolute value 1506, under the 0.5% floor,"),
                Sensitivity.sentences(half, Sensitivity.Method.MORRIS).get(1));
        assertTrue(dev.enisim.report.SensitivityReport.table(Sensitivity.Method.MORRIS, List.of(half))
                .contains("(under the 0.5% floor)"));
        assertEquals(Sensitivity.FLOOR, morrisOf(succeeded).floor());
        // a constant metric stays constant whatever the floor (0 included)
        assertTrue(morrisOf(new double[] {7, 7, 7, 7, 7, 7}, 0).constant());
        assertEquals(List.of("a NEGLIGIBLE", "b NEGLIGIBLE"), ranking(morrisOf(new double[] {7, 7, 7, 7, 7, 7}, 0)));
    }

    @Test
    void theFloorOptionIsAShareFromZeroToUnderOne() {
        assertEquals(0.01, Sensitivity.parseFloor("0.01"));
        assertEquals(0.01, Sensitivity.parseFloor("1%"));
        assertEquals(0.005, Sensitivity.parseFloor(" 0.5 % "));
        assertEquals(0, Sensitivity.parseFloor("0"));
        for (String bad : new String[] {"1", "100%", "-0.01", "abc", "NaN", "Infinity", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sensitivity.parseFloor(bad),
                    bad);
            assertEquals("--floor: expected a share of the metric's mean absolute value from 0 (no floor) to under 1,"
                    + " such as 0.01 or 1%, got '" + bad + "'", e.getMessage());
        }
    }

    /**
     * The user's review: invocations.throttled from 1504 to 1509 over the design, and the largest mu* was called
     * "hangs on it". A metric whose range is under 1% of its mean absolute value barely moves: no assumption hangs
     * on it (the top ones are minor), and the words say how little it moved, against what. Elementary effects of a
     * 3 and 4, of b 1 and 0; range 5, mean 1507: 0.33%.
     */
    @Test
    void aMetricThatMovesLessThanTheFloorHangsOnNoAssumption() {
        Sensitivity.MetricResult r = morrisOf(new double[] {1504, 1507, 1508, 1505, 1509, 1509});
        assertTrue(r.barelyMoves());
        assertEquals(1507, r.meanAbs(), 1e-9);
        assertEquals(List.of("a MINOR", "b MINOR"), ranking(r), "without the floor both hang on it (0.5 >= 0.35)");
        assertEquals(3.5, r.ranking().get(0).morris().muStar());
        assertEquals(List.of("m ranged from 1504 to 1509 (mean 1507) over the design.",
                "It barely moves: its range over the design, 5, is 0.33% of its mean absolute value 1507, under the 1%"
                + " floor, so no assumption matters much within these ranges (the largest effect, a's, mu* 3.5, 95% CI"
                + " n/a (needs >= 4 trajectories)).",
                "It depends a little on a (0..1), mu* 3.5, 95% CI n/a (needs >= 4 trajectories); b (0..1), mu* 0.5,"
                + " 95% CI n/a (needs >= 4 trajectories)."),
                Sensitivity.sentences(r, Sensitivity.Method.MORRIS));
        String table = dev.enisim.report.SensitivityReport.table(Sensitivity.Method.MORRIS, List.of(r));
        assertTrue(table.contains("\n  barely moves: 1504 to 1509, a range of 0.33% of its mean absolute value 1507"
                + " (under the 1% floor): no assumption matters much, none hangs on it\n"), table);
        assertTrue(table.lines().noneMatch(l -> l.endsWith("  hangs on it")) && table.contains("  minor"), table);
        assertTrue(dev.enisim.report.SensitivityReport.csv(Sensitivity.Method.MORRIS, List.of(r))
                .lines().skip(1).allMatch(l -> l.endsWith(",minor")));
    }

    /** The same effects at a level where they are a large share of the metric: they decide it (the floor's other side). */
    @Test
    void theSameEffectsAboveTheFloorStillHangOnIt() {
        Sensitivity.MetricResult r = morrisOf(new double[] {0, 3, 4, 1, 5, 5});
        assertTrue(!r.barelyMoves());
        assertEquals(List.of("a HANGS_ON", "b HANGS_ON"), ranking(r));
        assertEquals("The answer hangs on a (0..1), mu* 3.5, 95% CI n/a (needs >= 4 trajectories); b (0..1), mu* 0.5,"
                + " 95% CI n/a (needs >= 4 trajectories).", Sensitivity.sentences(r, Sensitivity.Method.MORRIS).get(1));
        assertTrue(!dev.enisim.report.SensitivityReport.table(Sensitivity.Method.MORRIS, List.of(r))
                .contains("barely moves"));
        // either side of 1%: a range of 5 over a mean absolute value of 510 (0.98%) and of 490 (1.02%)
        double[] y = {0, 3, 4, 1, 5, 5};
        double[] under = y.clone();
        double[] over = y.clone();
        for (int i = 0; i < y.length; i++) {
            under[i] += 507;
            over[i] += 487;
        }
        assertTrue(morrisOf(under).barelyMoves());
        assertEquals(List.of("a MINOR", "b MINOR"), ranking(morrisOf(under)));
        assertTrue(!morrisOf(over).barelyMoves());
        assertEquals(List.of("a HANGS_ON", "b HANGS_ON"), ranking(morrisOf(over)));
        // a negative metric: the floor is of its absolute level
        double[] negative = y.clone();
        for (int i = 0; i < y.length; i++) {
            negative[i] -= 1000;
        }
        assertTrue(morrisOf(negative).barelyMoves());
    }

    /** The floor holds for Sobol too: ST exactly a tenth hangs on it at level 0 (below), not at level 1000. */
    @Test
    void sobolVerdictsHaveTheSameFloor() {
        List<Factor> f = factors("a");
        double[][] unit = {{0}, {1}, {1}, {0}, {1}, {1}};
        Sensitivity.Design design = new Sensitivity.Design(Sensitivity.Method.SOBOL, f, 2, 1, unit,
                Designs.values(f, unit));
        // range 6: 0.6% of 1000 (barely moves), 1.2% of 500 (it moves)
        Sensitivity.MetricResult high = Sensitivity.analyze(design, List.of("m"), points(new double[] {997, 999, 998,
            1001, 1003, 1002})).get(0);
        assertTrue(high.barelyMoves());
        assertEquals(Sensitivity.Verdict.MINOR, high.ranking().get(0).verdict());
        assertEquals(0.1, high.ranking().get(0).sobol().st(), 1e-9, "the indices themselves are unchanged");
        assertTrue(Sensitivity.sentences(high, Sensitivity.Method.SOBOL).get(1).startsWith("It barely moves: its range"
                + " over the design, 6, is 0.6% of its mean absolute value 1000, under the 1% floor"));
        Sensitivity.MetricResult moves = Sensitivity.analyze(design, List.of("m"), points(new double[] {497, 499, 498,
            501, 503, 502})).get(0);
        assertTrue(!moves.barelyMoves());
        assertEquals(Sensitivity.Verdict.HANGS_ON, moves.ranking().get(0).verdict());
    }

    /** Morris flags a factor that hangs on it with sigma above mu* (not one equal, not a minor one). */
    @Test
    void aFactorWhoseEffectsSpreadMoreThanTheirMeanIsCalledNonLinear() {
        // b: effects 4, -4, 4, -4: mu* 4, sigma 4.62; a: 2, 2, 2, -2: mu* 2 and sigma exactly 2;
        // c: 0.25, -0.25, ...: sigma > mu* but only 6% of the top: minor
        double[][] ee = {{2, 4, 0.25}, {2, -4, -0.25}, {2, 4, 0.25}, {-2, -4, -0.25}};
        Sensitivity.MetricResult r = analyzeMorris(ee, "a", "b", "c");
        assertEquals(List.of("b HANGS_ON", "a HANGS_ON", "c MINOR"), ranking(r));
        Morris.Index a = r.ranking().get(1).morris();
        assertEquals(2, a.muStar());
        assertEquals(2, a.sigma());
        assertEquals(1, a.mu());
        List<String> s = Sensitivity.sentences(r, Sensitivity.Method.MORRIS);
        assertEquals("b acts non-linearly or through other assumptions (sigma > mu*): its effect depends on where"
                + " the others are.", s.get(s.size() - 1));
        assertEquals(1, s.stream().filter(l -> l.contains("non-linearly")).count(), s.toString());
    }

    /**
     * Morris' sigma is the sample standard deviation of the effects; with one trajectory it is zero, and mu* has no
     * interval (it had [3, 3] from the one trajectory).
     */
    @Test
    void morrisSigmaIsTheSampleStandardDeviationOfTheEffects() {
        double[][] unit = new double[8][];
        double[] y = morris(new double[][] {{2}, {2}, {2}, {-2}}, unit);
        Morris.Index ix = Morris.analyze(unit, y, 1, 100, 1).get(0);
        assertEquals(new Morris.Index(1, 2, 2, 2, 2), ix);
        double[][] one = new double[2][];
        double[] y1 = morris(new double[][] {{3}}, one);
        assertEquals(new Morris.Index(3, 3, 0, Double.NaN, Double.NaN), Morris.analyze(one, y1, 1, 100, 1).get(0));
    }

    @Test
    void twoEqualConsecutivePointsOfATrajectoryAreRefused() {
        double[][] x = {{0.5, 0.5}, {0.5, 0.5}, {0.5, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Morris.effects(x, new double[] {1, 2, 3}, 2));
        assertEquals("two consecutive points of a trajectory are equal", e.getMessage());
    }

    /** The design of a seed is fixed (sensitivity outputs are reproducible): this one, drawn once and kept. */
    @Test
    void theMorrisDesignOfASeedIsFixed() {
        double[][] x = Morris.design(2, 3, 1);
        assertEquals(PINNED.length, x.length);
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(PINNED[i], x[i], 1e-12, "point " + i);
        }
    }

    /** The factors move in a random order: over many trajectories each factor is moved first in some. */
    @Test
    void theMorrisMovesAreShuffled() {
        int d = 4;
        double[][] x = Morris.design(40, d, 2);
        boolean[] first = new boolean[d];
        for (int t = 0; t < 40; t++) {
            double[] a = x[t * (d + 1)];
            double[] b = x[t * (d + 1) + 1];
            for (int j = 0; j < d; j++) {
                first[j] |= a[j] != b[j];
            }
        }
        assertArrayEquals(new boolean[] {true, true, true, true}, first);
    }

    private static final double T = 1 / 3.0;
    private static final double[][] PINNED = {{2 * T, 2 * T, 2 * T}, {0, 2 * T, 2 * T}, {0, 2 * T, 0}, {0, 0, 0},
        {0, 0, T}, {2 * T, 0, T}, {2 * T, 2 * T, T}, {2 * T, 2 * T, 1}};

    /** Saltelli's S1 and Jansen's ST by hand: rows (f(A), f(B), f(AB)) = (1, 3, 2) and (5, 2, 7), d = 1. */
    @Test
    void sobolEstimatesMatchTheFormulasComputedByHand() {
        double[] y = {1, 3, 2, 5, 2, 7};
        // mean 2.75, V = 39/4 - 2.75^2 = 2.1875; S1 = ((3 - 2.75)(2 - 1) + (2 - 2.75)(7 - 5)) / 2 / V;
        // ST = ((1 - 2)^2 + (5 - 7)^2) / 4 / V
        double v = 2.1875;
        double[][] e = SobolIndices.estimate(y, 1, new int[] {0, 1});
        assertEquals(-1.25 / 2 / v, e[0][0], 1e-12);
        assertEquals(5 / 4.0 / v, e[1][0], 1e-12);
        // a bootstrap sample: row 1 twice, mean 3.5, V = 29/2 - 3.5^2 = 2.25
        double[][] b = SobolIndices.estimate(y, 1, new int[] {1, 1});
        assertEquals(2 * (2 - 3.5) * (7 - 5) / 2 / 2.25, b[0][0], 1e-12);
        assertEquals(2 * 4 / 4.0 / 2.25, b[1][0], 1e-12);
        // two factors: row j is f(A), f(B), f(AB_1), f(AB_2)
        double[] y2 = {1, 3, 2, 0, 5, 2, 7, 4};
        double[][] e2 = SobolIndices.estimate(y2, 2, new int[] {0, 1});
        assertEquals(-1.25 / 2 / v, e2[0][0], 1e-12);
        assertEquals(((3 - 2.75) * (0 - 1) + (2 - 2.75) * (4 - 5)) / 2 / v, e2[0][1], 1e-12);
        assertEquals((1 + 1) / 4.0 / v, e2[1][1], 1e-12);
    }

    @Test
    void anOutputWithNoVarianceHasIndicesOfZeroNotNaN() {
        double[][] e = SobolIndices.estimate(new double[] {4, 4, 4, 4, 4, 4}, 1, new int[] {0, 1});
        assertEquals(0, e[0][0]);
        assertEquals(0, e[1][0]);
    }

    /**
     * Rows (-3, -1, -2) and (1, 3, 2): V = 5 and ST = 2 / 4 / 5, exactly a tenth (the answer hangs on it); the
     * bootstrap's upper bound is far above 5%.
     */
    @Test
    void sobolVerdictAtExactlyATenthHangsOnIt() {
        double[] y = {-3, -1, -2, 1, 3, 2};
        List<Factor> f = factors("a");
        double[][] unit = {{0}, {1}, {1}, {0}, {1}, {1}};
        Sensitivity.Design design = new Sensitivity.Design(Sensitivity.Method.SOBOL, f, 2, 1, unit,
                Designs.values(f, unit));
        Sensitivity.MetricResult r = Sensitivity.analyze(design, List.of("m"), points(y)).get(0);
        Sensitivity.FactorResult a = r.ranking().get(0);
        assertEquals(0.1, a.sobol().st());
        assertEquals(0.1, a.importance());
        assertEquals(Sensitivity.Verdict.HANGS_ON, a.verdict());
        assertEquals(null, a.morris());
    }

    /** y = 4 u1 + 1.2 u2 over a Sobol design: ST 16/17.44, 1.44/17.44 and 0; hangs on, a little, not at all. */
    @Test
    void sobolOnALinearFunctionRanksAndWordsItsFactors() {
        List<Factor> f = factors("a", "b", "c");
        Sensitivity.Design design = Sensitivity.design(Sensitivity.Method.SOBOL, f, 256, 3);
        assertEquals(256 * 5, design.points().size());
        double[] y = new double[design.unit().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 4 * design.unit()[i][0] + 1.2 * design.unit()[i][1];
        }
        Sensitivity.MetricResult r = Sensitivity.analyze(design, List.of("m"), points(y)).get(0);
        assertEquals(List.of("a HANGS_ON", "b MINOR", "c NEGLIGIBLE"), ranking(r));
        assertEquals(16 / 17.44, r.ranking().get(0).sobol().st(), 0.03);
        assertEquals(1.44 / 17.44, r.ranking().get(1).sobol().st(), 0.02);
        assertEquals(0, r.ranking().get(2).sobol().st(), 1e-12);
        List<String> s = Sensitivity.sentences(r, Sensitivity.Method.SOBOL);
        SobolIndices.Index a = r.ranking().get(0).sobol();
        assertEquals(String.format(java.util.Locale.ROOT, "The answer hangs on a (0..1), ST %.2f [%.2f, %.2f], S1 %.2f.",
                a.st(), a.stLow(), a.stHigh(), a.s1()), s.get(1));
        assertTrue(s.get(2).startsWith("It depends a little on b (0..1), ST 0.0"), s.get(2));
        assertEquals("It does not depend on c within their ranges.", s.get(3));
        assertEquals(4, s.size(), "no non-linearity sentence for Sobol");
    }

    @Test
    void aDesignNeedsTwoSamplesAndHasTheMethodsSize() {
        List<Factor> f = factors("a", "b", "c");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sensitivity.design(Sensitivity.Method.MORRIS, f, 1, 1));
        assertEquals("--samples must be at least 2", e.getMessage());
        Sensitivity.Design m = Sensitivity.design(Sensitivity.Method.MORRIS, f, 2, 5);
        assertEquals(2 * 4, m.points().size());
        assertArrayEquals(Morris.design(2, 3, 5), m.unit());
        assertEquals(Designs.values(f, m.unit()), m.points());
        assertEquals(List.of(Sensitivity.Method.MORRIS, 2, 5L), List.of(m.method(), m.samples(), m.seed()));
        Sensitivity.Design s = Sensitivity.design(Sensitivity.Method.SOBOL, f, 2, 5);
        assertArrayEquals(SobolIndices.design(2, 3), s.unit());
    }

    /** The 2.5% and 97.5% percentiles of 0..999 given shuffled: the 25th and 976th smallest. */
    @Test
    void bootstrapPercentilesAreTheOrderStatistics() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 389) % 1000;
        }
        assertArrayEquals(new double[] {24, 975}, Bootstrap.percentile95(v));
        assertArrayEquals(new double[] {7, 7}, Bootstrap.percentile95(new double[] {7}));
        double[] none = Bootstrap.percentile95(new double[0]);
        assertTrue(Double.isNaN(none[0]) && Double.isNaN(none[1]));
    }

    /**
     * The page said what an answer hangs on and how much (quickstart: orders-api's ResourceConflictException hangs
     * on hyperplane.eniCreateTime.median, mu* 8089.5), never which way: whether a slower ENI creation gives more
     * conflicts or fewer. Morris's signed mean mu says it: mu = mu* when no step up lowered the metric, -mu* when
     * none raised it, between when the steps went both ways; negligible assumptions and Sobol get no sentence.
     */
    @Test
    void theDirectionOfEachEffectThatMattersIsSaid() {
        double[] up = {50, -5, 0};
        double[] down = {50, -5, 0};
        double[] other = {50, 5, 0};
        Sensitivity.MetricResult r = analyzeMorris(new double[][] {up, down, other, up}, "a", "b", "c");
        assertEquals(List.of("a HANGS_ON", "b HANGS_ON", "c NEGLIGIBLE"), ranking(r));
        assertEquals(List.of("The higher a, the higher m: no step up of it lowered the metric (mu = mu*, 50).",
                "A step up of b raised m at some points of the design and lowered it at others (mu -2.5 against mu* 5):"
                + " which way it moves depends on where the other assumptions are."),
                Sensitivity.directions(r, Sensitivity.Method.MORRIS));
        Sensitivity.MetricResult falling = analyzeMorris(new double[][] {{-8, 0}, {-8, 0}, {-8, 0}, {-8, 0}}, "a", "b");
        assertEquals(List.of("The higher a, the lower m: no step up of it raised the metric (mu = -mu*, -8)."),
                Sensitivity.directions(falling, Sensitivity.Method.MORRIS));
        assertEquals(List.of(), Sensitivity.directions(r, Sensitivity.Method.SOBOL), "a share of variance has no sign");

        double[][] unit = new double[4 * 4][];
        double[] y = morris(new double[][] {up, down, other, up}, unit);
        List<Factor> f = factors("a", "b", "c");
        Sensitivity.Design design = new Sensitivity.Design(Sensitivity.Method.MORRIS, f, 4, 1, unit,
                Designs.values(f, unit));
        List<Sweep.Point> valued = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            valued.add(new Sweep.Point(design.points().get(i), Map.of("m", new MetricStats(1, y[i], 0, y[i], y[i])),
                    null));
        }
        String page = new String(dev.enisim.report.SensitivityReport.render("s", design, List.of("m"), valued,
                Sensitivity.analyze(design, List.of("m"), valued)).get("sensitivity.html"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(page.contains("<p>The higher a, the higher m: no step up of it lowered the metric (mu = mu*, 50).</p>"),
                page);
        assertTrue(page.contains("mu, the mean of the signed effects, says which way"), "the mu column is explained");
    }
}
