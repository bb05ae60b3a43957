package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesignsTest {

    @Test
    void latinHypercubeHitsEveryStratumOfEveryFactorExactlyOnce() {
        for (int n : new int[] {1, 7, 100, 1000}) {
            double[][] x = Designs.latinHypercube(n, 5, 11);
            assertEquals(n, x.length);
            for (int j = 0; j < 5; j++) {
                int[] hits = new int[n];
                for (double[] p : x) {
                    assertTrue(p[j] >= 0 && p[j] < 1, "in [0, 1): " + p[j]);
                    hits[(int) Math.floor(p[j] * n)]++;
                }
                for (int s = 0; s < n; s++) {
                    assertEquals(1, hits[s], "n=" + n + " factor " + j + " stratum " + s);
                }
            }
        }
    }

    @Test
    void latinHypercubeIsFixedByItsSeedAndChangesWithIt() {
        assertArrayEquals(Designs.latinHypercube(50, 3, 7), Designs.latinHypercube(50, 3, 7));
        assertTrue(Designs.latinHypercube(50, 3, 7)[0][0] != Designs.latinHypercube(50, 3, 8)[0][0]);
    }

    /** The published unscrambled Sobol points (Joe and Kuo direction numbers), after the origin. */
    @Test
    void sobolPointsAreThePublishedOnes() {
        double[][] expected = {
            {0.5, 0.5, 0.5, 0.5, 0.5},
            {0.75, 0.25, 0.25, 0.25, 0.75},
            {0.25, 0.75, 0.75, 0.75, 0.25},
            {0.375, 0.375, 0.625, 0.875, 0.375},
            {0.875, 0.875, 0.125, 0.375, 0.875},
            {0.625, 0.125, 0.875, 0.625, 0.625},
            {0.125, 0.625, 0.375, 0.125, 0.125},
            {0.1875, 0.3125, 0.9375, 0.4375, 0.5625},
            {0.6875, 0.8125, 0.4375, 0.9375, 0.0625}};
        double[][] x = Designs.sobol(expected.length, 5);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], x[i], 0, "point " + (i + 1));
        }
    }

    @Test
    void sobolFirstPowerOfTwoPointsAreOnePerCellOfTheDyadicGrid() {
        double[][] x = Designs.sobol(63, 2); // with the origin, the first 64 points: one in each 1/8 x 1/8 cell
        boolean[][] hit = new boolean[8][8];
        hit[0][0] = true;
        for (double[] p : x) {
            int a = (int) (p[0] * 8);
            int b = (int) (p[1] * 8);
            assertTrue(!hit[a][b], "cell hit twice: " + a + "," + b);
            hit[a][b] = true;
        }
    }

    @Test
    void factorsParseRangesOfEachKindAndWriteValuesBackInTheirKind() {
        Factor d = Factor.parse("hyperplane.eniCreateTime.median=30s..6m");
        assertEquals(new Factor("hyperplane.eniCreateTime.median", 30, 360, Factor.Kind.DURATION), d);
        assertEquals("30s", d.value(0));
        assertEquals("360s", d.value(1));
        assertEquals("195s", d.value(0.5));
        assertEquals("30s..360s", d.range());
        assertEquals("10/s", Factor.parse("x=1/m..10/s").value(1));
        assertEquals("0.000155s", Factor.parse("x=100us..210us").value(0.5), "finer than a millisecond");
        assertEquals("0.1831s", Factor.parse("x=100ms..1s").value(0.0923));
        assertEquals("250", Factor.parse("legacy.ec2ApiBurst=100..400").value(0.5));
        assertEquals("0.75", Factor.parse("traffic=0.5..1").value(0.5));
        assertTrue(Factor.isRange("30s..6m"));
        assertTrue(!Factor.isRange("1..4:0.5"));
        assertThrows(IllegalArgumentException.class, () -> Factor.parse("x=6m..30s"));
        assertThrows(IllegalArgumentException.class, () -> Factor.parse("x=a..b"));
        assertThrows(IllegalArgumentException.class, () -> Factor.parse("x"));
    }

    /**
     * A methodologist's review: an integer range's values were rounded, so 1..3 gave 1 and 3 half the share of 2, and
     * a Latin hypercube over it ran 2 five times in ten. Each whole number now takes an equal share of [0, 1].
     */
    @Test
    void anIntegerRangesWholeNumbersTakeEqualShares() {
        Factor f = Factor.parse("reservedConcurrency=1..3");
        assertEquals(List.of("1", "1", "2", "2", "3", "3"), java.util.stream.DoubleStream.of(0, 0.33, 0.34, 0.66,
                0.67, 1).mapToObj(f::value).toList());
        Map<String, Long> runs = new java.util.TreeMap<>();
        for (double[] u : Designs.latinHypercube(9, 1, 7)) {
            runs.merge(f.value(u[0]), 1L, Long::sum);
        }
        assertEquals(Map.of("1", 3L, "2", 3L, "3", 3L), runs, "a Latin hypercube of 9 points: 3 of each");
        assertEquals(0.5, f.position(0.4), 1e-12, "2 is the middle of 1..3");
        assertEquals(1, f.position(1), 1e-12);
        assertEquals(0.4, Factor.parse("x=0.5..4").position(0.4), 1e-12, "a real range runs u itself");
    }

    /**
     * A planner's review: {@code --vary traffic=1..2} was an integer range, so a Latin hypercube of five points ran
     * traffic 2, 1, 1, 1, 2. Traffic is a factor on the rates: its range is real whatever its ends. Another integer
     * range with fewer values than points is warned of.
     */
    @Test
    void trafficRangesAreRealAndShortIntegerRangesAreWarnedOf() {
        Factor t = Factor.parse("traffic=1..2");
        assertEquals(Factor.Kind.REAL, t.kind());
        assertEquals("1.5", t.value(0.5));
        assertTrue(t.repeats(5).isEmpty());
        assertEquals("reservedConcurrency=1..3 is an integer range: 3 values for 5 points, so points run the same value"
                + " (write 1.0..3.0 for a range of real numbers)", Factor.parse("reservedConcurrency=1..3").repeats(5)
                .orElseThrow());
        assertTrue(Factor.parse("reservedConcurrency=1..3").repeats(3).isEmpty());
    }

    /**
     * Morris mu* of an integer factor: the output is the factor's value, so its effect per unit of the range is the
     * range (2 for 1..3) at every step. Divided by the grid's step (2/3) where the values run moved 1 or 2, it was
     * 1.5 (a quarter low).
     */
    @Test
    void morrisEffectsOfAnIntegerFactorAreMeasuredByTheValuesRun() {
        List<Factor> factors = List.of(Factor.parse("reservedConcurrency=1..3"), Factor.parse("traffic=0.5..4"));
        Sensitivity.Design design = Sensitivity.design(Sensitivity.Method.MORRIS, factors, 8, 11);
        double[][] unit = design.unit();
        double[] y = new double[unit.length];
        for (int i = 0; i < unit.length; i++) {
            y[i] = Long.parseLong(factors.get(0).value(unit[i][0])) + 10 * Double.parseDouble(factors.get(1)
                    .value(unit[i][1]));
        }
        List<Morris.Index> ix = Morris.analyze(unit, Sensitivity.positions(design), y, 2, 200, 3);
        assertEquals(2, ix.get(0).muStar(), 1e-9, ix.toString());
        assertEquals(0, ix.get(0).sigma(), 1e-9, "the same effect at every step");
        assertEquals(35, ix.get(1).muStar(), 1e-3, "10 per unit of traffic over 0.5..4");
    }

    @Test
    void unitPointsBecomeValuesByPath() {
        List<Factor> f = List.of(Factor.parse("a=0..10"), Factor.parse("b=1s..3s"));
        assertEquals(List.of(Map.of("a", "5", "b", "1s")), Designs.values(f, new double[][] {{0.5, 0}}));
    }

    @Test
    void aSweepDesignIsAGridOfListsOrASpaceFillingDesignOfRanges() {
        SweepDesign grid = SweepDesign.of(List.of("a=1,2", "b=1..2:0.5"), Designs.Kind.GRID, 0, 1);
        assertEquals(6, grid.points().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepDesign.of(List.of("a=1..2"), Designs.Kind.GRID, 0, 1));
        assertTrue(e.getMessage().contains("--design lhs or sobol"), e.getMessage());
        SweepDesign lhs = SweepDesign.of(List.of("a=0..10", "b=1s..3s"), Designs.Kind.LHS, 10, 1);
        assertEquals(10, lhs.points().size());
        assertEquals(List.of("a", "b"), lhs.axes().stream().map(Sweep.Axis::path).toList());
        List<String> b = lhs.axes().get(1).values();
        assertEquals(10, b.size(), "every value of b");
        for (int i = 1; i < b.size(); i++) {
            assertTrue(Double.parseDouble(b.get(i - 1).replace("s", "")) < Double.parseDouble(b.get(i).replace("s", "")),
                    "from low to high: " + b);
        }
        assertTrue(b.contains(lhs.points().get(0).get("b")));
        assertThrows(IllegalArgumentException.class, () -> SweepDesign.of(List.of("a=1,2"), Designs.Kind.SOBOL, 5, 1));
    }

    @Test
    void factorsRefuseAnEmptyRangeAMissingPathAndListsAndTellIntegersFromReals() {
        assertEquals("'x': the range needs LOW < HIGH", assertThrows(IllegalArgumentException.class,
                () -> new Factor("x", 1, 1, Factor.Kind.REAL)).getMessage());
        assertEquals("expected PATH=LOW..HIGH, got '=1..2'", assertThrows(IllegalArgumentException.class,
                () -> Factor.parse("=1..2")).getMessage());
        for (String listy : new String[] {"x=1..4:1", "x=1..2,3"}) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> Factor.parse(listy)).getMessage()
                    .contains("expected a range LOW..HIGH"), listy);
        }
        assertEquals(new Factor("x", 1, 2.5, Factor.Kind.REAL), Factor.parse("x=1..2.5"));
        assertEquals(new Factor("x", 1.5, 3, Factor.Kind.REAL), Factor.parse("x=1.5..3"));
        assertEquals(new Factor("x", 1, 3, Factor.Kind.INTEGER), Factor.parse("x=1..3"));
    }

    /** The design of a seed is fixed: this Latin hypercube, drawn once and kept (sweeps are reproducible). */
    @Test
    void theLatinHypercubeOfASeedIsFixed() {
        double[][] x = Designs.latinHypercube(3, 2, 1);
        double[][] pinned = LHS_3_2_1;
        for (int i = 0; i < pinned.length; i++) {
            assertArrayEquals(pinned[i], x[i], 0, "point " + i);
        }
    }

    private static final double[][] LHS_3_2_1 = {{0.19136856667324084, 0.4603948155635392},
        {0.4637762006806348, 0.9557174949228667}, {0.8990594721866539, 0.1839032878035284}};

    /** A grid of 10,000 points is allowed, 10,100 are not; a space-filling design has 1 to 10,000 points. */
    @Test
    void designsHaveAtMostTenThousandPoints() {
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add(Integer.toString(i));
        }
        String hundred = String.join(",", values);
        assertEquals(10_000, SweepDesign.of(List.of("a=" + hundred, "b=" + hundred), Designs.Kind.GRID, 0, 1)
                .points().size());
        assertEquals("the grid has 10100 points, more than 10000; vary fewer parameters or fewer values",
                assertThrows(IllegalArgumentException.class, () -> SweepDesign.of(List.of("a=" + hundred,
                        "b=" + hundred + ",100"), Designs.Kind.GRID, 0, 1)).getMessage());
        assertEquals("expected PATH=V1,V2,... or PATH=FROM..TO:STEP, got '=1..2'", assertThrows(
                IllegalArgumentException.class, () -> SweepDesign.of(List.of("=1..2"), Designs.Kind.GRID, 0, 1))
                .getMessage(), "no path: not taken for a range");
        assertEquals(1, SweepDesign.of(List.of("a=0..1"), Designs.Kind.LHS, 1, 1).points().size());
        assertEquals(10_000, SweepDesign.of(List.of("a=0..1"), Designs.Kind.LHS, 10_000, 1).points().size());
        for (int n : new int[] {0, 10_001}) {
            assertEquals("--points must be 1 to 10000 for --design sobol", assertThrows(IllegalArgumentException.class,
                    () -> SweepDesign.of(List.of("a=0..1"), Designs.Kind.SOBOL, n, 1)).getMessage());
        }
    }
}
