package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A trace's replay at its edges: unscaled it draws nothing from its stream (each recorded arrival once), scaled by 0
 * it replays nothing and ends, and a process entered after the last row has nothing left.
 */
class ReplayEdgesTest {

    private static final long SEC = 1_000_000L;

    private static ArrivalSpec.Trace trace(double factor) {
        return new ArrivalSpec.Trace(new long[] {0, 10 * SEC}, new long[] {5, 3}, SEC, factor, "t.csv", 0,
                Long.MAX_VALUE);
    }

    @Test
    void anUnscaledTraceReplaysEachArrivalOnceAndDrawsNothing() {
        ArrivalDisciplineTest.Counting stream = new ArrivalDisciplineTest.Counting();
        ArrivalProcess p = new ArrivalProcess(trace(1), stream, 0);
        long[] expected = {0, 200_000, 400_000, 600_000, 800_000, 10 * SEC, 10 * SEC + 333_333, 10 * SEC + 666_666};
        for (long t : expected) {
            assertEquals(t, p.next());
        }
        assertEquals(ArrivalProcess.NONE, p.next());
        assertEquals(0, stream.draws);
    }

    @Test
    void aTraceScaledByZeroReplaysNothing() {
        ArrivalDisciplineTest.Counting stream = new ArrivalDisciplineTest.Counting();
        ArrivalProcess p = new ArrivalProcess(trace(1).scaled(0), stream, 0);
        assertEquals(ArrivalProcess.NONE, p.next());
        assertEquals(8, stream.draws, "one draw per recorded arrival, none kept");
    }

    @Test
    void aTraceEnteredAfterItsLastRowHasNothingLeft() {
        for (double factor : new double[] {1, 2.5}) {
            ArrivalProcess p = new ArrivalProcess(trace(factor), new ArrivalDisciplineTest.Counting(), 11 * SEC);
            assertEquals(ArrivalProcess.NONE, p.next(), "x" + factor);
        }
    }
}
