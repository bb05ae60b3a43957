package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.random.Xoshiro256;
import org.junit.jupiter.api.Test;

/**
 * Which shapes {@link FunctionDraws} draws in its rows: those that draw (a Poisson rate above 0, a diurnal day, a
 * log-normal or shifted log-normal with a spread, a positive finite exponential mean); a shape that draws nothing,
 * or that its {@link Sampler} refuses, keeps its object, with the object's numbers and messages.
 */
class FunctionDrawsShapesTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final long HOUR = 3_600_000_000L;

    private static FunctionDraws arrivals(ArrivalSpec spec) {
        FunctionDraws table = new FunctionDraws(1);
        table.arrivals(0, spec, part -> new Xoshiro256(3), 0);
        return table;
    }

    private static FunctionDraws durations(DistributionSpec spec) {
        FunctionDraws table = new FunctionDraws(1);
        table.durations(0, spec, new Xoshiro256(3));
        return table;
    }

    @Test
    void shapesThatDrawAreDrawnInRows() {
        assertTrue(arrivals(new ArrivalSpec.Poisson(5, 0, HOUR)).arrivalsInRow(0));
        assertTrue(arrivals(new ArrivalSpec.Diurnal(5, 1, 0, HOUR, 0, HOUR)).arrivalsInRow(0));
        assertTrue(durations(new DistributionSpec.LogNormal(1e5, 1e6, INF)).durationsInRow(0));
        assertTrue(durations(new DistributionSpec.ShiftedLogNormal("init", 5e4, 11, 0.8, INF)).durationsInRow(0));
        assertTrue(durations(new DistributionSpec.Exponential(1e5, INF)).durationsInRow(0));
    }

    @Test
    void shapesThatDrawNothingKeepTheirObjects() {
        FunctionDraws quiet = arrivals(new ArrivalSpec.Poisson(0, 0, HOUR));
        assertFalse(quiet.arrivalsInRow(0));
        assertEquals(ArrivalProcess.NONE, quiet.nextArrival(0));
        assertFalse(arrivals(new ArrivalSpec.Constant(5, 0, HOUR)).arrivalsInRow(0));
        assertFalse(durations(new DistributionSpec.ShiftedLogNormal("flat", 5e4, 11, 0, INF)).durationsInRow(0));
        assertFalse(durations(new DistributionSpec.Uniform(1, 2, INF)).durationsInRow(0));
    }

    /** exp(ln 6.5) is 6.499999999999999: drawn through the log-normal kernel, a flat 6.5 us would round to 6. */
    @Test
    void aLogNormalWithoutSpreadDrawsItsMedian() {
        FunctionDraws table = durations(new DistributionSpec.LogNormal(6.5, 6.5, INF));
        assertFalse(table.durationsInRow(0));
        for (int i = 0; i < 20; i++) {
            assertEquals(7, table.duration(0));
        }
    }

    @Test
    void anExponentialWithoutAPositiveFiniteMeanIsRefusedAsTheSamplerRefusesIt() {
        for (double mean : new double[] {0, INF}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> durations(new DistributionSpec.Exponential(mean, INF)));
            assertEquals("exponential mean must be positive and finite: " + mean, e.getMessage());
        }
    }
}
