package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The arrival shapes as values: what their constructors refuse (with the message a scenario's author reads), their
 * windows, their scaling, and their exact expected counts ({@link ArrivalSpec#meanCount}, which planning and the
 * shape tests compare runs against) at the edges of a window: an arrival at a window's start counts, one at its
 * end does not.
 */
class ArrivalSpecTest {

    private static final long SEC = 1_000_000L;
    private static final long NEVER = Long.MAX_VALUE;

    private static void assertRefused(String message, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertEquals(message, e.getMessage());
    }

    private static ArrivalSpec.Schedule schedule(long[] phases, double[] rates) {
        return new ArrivalSpec.Schedule(phases, rates, true, 0, NEVER);
    }

    @Test
    void aScheduleNeedsOneRateAtOrAboveZeroPerPhaseOfPositiveLength() {
        String count = "a schedule needs as many rates as phases, at least one";
        assertRefused(count, () -> schedule(new long[0], new double[0]));
        assertRefused(count, () -> schedule(new long[] {SEC}, new double[] {1, 2}));
        String phase = "phase 1: length must be > 0 and rate >= 0";
        assertRefused(phase, () -> schedule(new long[] {SEC, 0}, new double[] {1, 1}));
        assertRefused(phase, () -> schedule(new long[] {SEC, SEC}, new double[] {1, -1}));
        assertRefused(phase, () -> schedule(new long[] {SEC, SEC}, new double[] {1, Double.NaN}));
        // the edges accepted: a phase of one microsecond, a quiet phase
        assertEquals(SEC + 1, schedule(new long[] {1, SEC}, new double[] {0, 3}).cycleMicros());
    }

    @Test
    void aTraceNeedsOneCountPerRowEachInZeroToTwoToThe31() {
        String shape = "a trace needs one count per row and an interval >= 0";
        assertRefused(shape, () -> trace(new long[] {0}, new long[] {1, 2}, 0));
        assertRefused(shape, () -> trace(new long[] {0}, new long[] {1}, -1));
        assertRefused("a trace row's count must be in [0, 2^31], got -1",
                () -> trace(new long[] {0, 5}, new long[] {1, -1}, 0));
        long over = ArrivalSpec.Trace.MAX_COUNT + 1;
        assertRefused("a trace row's count must be in [0, 2^31], got " + over,
                () -> trace(new long[] {0}, new long[] {over}, 0));
        ArrivalSpec.Trace edges = trace(new long[] {0, 5, 9}, new long[] {0, ArrivalSpec.Trace.MAX_COUNT, 3}, 0);
        assertEquals(ArrivalSpec.Trace.MAX_COUNT + 3, edges.recorded());
    }

    private static ArrivalSpec.Trace trace(long[] starts, long[] counts, long interval) {
        return new ArrivalSpec.Trace(starts, counts, interval, 1, "t.csv", 0, NEVER);
    }

    /**
     * Row 0: 10 arrivals over [0, 10) us, at 0, 1, ..., 9; row 1: 3 over [100, 110), at 100, 103, 106. Windows that
     * cut a row count its arrivals one by one, in [from, to).
     */
    @Test
    void aTracesExpectedCountIsItsArrivalsInTheWindow() {
        ArrivalSpec.Trace t = trace(new long[] {0, 100}, new long[] {10, 3}, 10);
        assertEquals(13, t.meanCount(0, 200));
        assertEquals(9, t.meanCount(0, 9), "the arrival at 9 is the window's end");
        assertEquals(10, t.meanCount(0, 10));
        assertEquals(1, t.meanCount(9, 20), "a row whose last arrival is the window's start");
        assertEquals(6, t.meanCount(5, 103), "5..9 of row 0, 100 of row 1");
        assertEquals(2, t.meanCount(103, 107));
        assertEquals(0, t.meanCount(10, 100));
        // a factor multiplies the recorded count; the trace's own window cuts it
        assertEquals(13 * 2.5, t.scaled(2.5).meanCount(0, 200));
        ArrivalSpec.Trace windowed = new ArrivalSpec.Trace(new long[] {0, 100}, new long[] {10, 3}, 10, 1, "t.csv", 4,
                103);
        assertEquals(7, windowed.meanCount(0, 200));
        assertEquals(13, windowed.recorded(), "recorded counts the whole file");
    }

    @Test
    void aDiurnalCountsNothingOutsideItsWindow() {
        ArrivalSpec.Diurnal d = new ArrivalSpec.Diurnal(10, 2, 0, 3600 * SEC, 10 * SEC, 20 * SEC);
        assertEquals(0, d.meanCount(0, 5 * SEC));
        assertEquals(0, d.meanCount(30 * SEC, 40 * SEC));
        assertEquals(0, d.meanCount(15 * SEC, 15 * SEC));
        assertEquals(d.meanCount(10 * SEC, 20 * SEC), d.meanCount(0, 40 * SEC));
    }

    /**
     * Phases of 2 s at 10/s and 3 s at 1/s, repeating from 20 s: 23 arrivals a cycle of 5 s, none before 20 s; a
     * window starting mid-cycle counts that cycle's rest.
     */
    @Test
    void aSchedulesExpectedCountFollowsItsCyclesFromItsStart() {
        ArrivalSpec.Schedule s = new ArrivalSpec.Schedule(new long[] {2 * SEC, 3 * SEC}, new double[] {10, 1}, true,
                20 * SEC, NEVER);
        assertEquals(92, s.meanCount(0, 40 * SEC), 1e-9, "4 cycles from 20 s, none before");
        assertEquals(49, s.meanCount(27 * SEC, 40 * SEC), 1e-9, "3 s at 1/s, then 2 cycles");
        assertEquals(10, s.meanCount(46 * SEC, 47 * SEC), 1e-9, "inside the 6th cycle's first phase");
        ArrivalSpec.Schedule once = new ArrivalSpec.Schedule(new long[] {2 * SEC, 3 * SEC}, new double[] {10, 1},
                false, 20 * SEC, NEVER);
        assertEquals(23, once.meanCount(0, 40 * SEC), 1e-9, "without repeat: one cycle");
        assertEquals(0, once.meanCount(27 * SEC + 3 * SEC, 40 * SEC), 1e-9);
    }

    @Test
    void scalingMultipliesTheRatesAndKeepsTheRest() {
        ArrivalSpec.Poisson p = (ArrivalSpec.Poisson) new ArrivalSpec.Poisson(4, SEC, 2 * SEC).scaled(2.5);
        assertEquals(new ArrivalSpec.Poisson(10, SEC, 2 * SEC), p);
        long[] starts = {0, 90 * SEC};
        ArrivalSpec.Bursts b = (ArrivalSpec.Bursts) new ArrivalSpec.Bursts(2, 10, 60 * SEC, starts, SEC, NEVER)
                .scaled(3);
        assertEquals(6, b.basePerSecond());
        assertEquals(30, b.burstPerSecond());
        assertEquals(60 * SEC, b.burstMicros());
        assertArrayEquals(starts, b.startsMicros());
        assertEquals(SEC, b.fromMicros());
        ArrivalSpec.None none = new ArrivalSpec.None();
        assertSame(none, none.scaled(3));
    }

    @Test
    void windowsOfASuperpositionAndOfNoTraffic() {
        ArrivalSpec.Superposition s = new ArrivalSpec.Superposition(List.of(new ArrivalSpec.Poisson(1, 10 * SEC,
                20 * SEC), new ArrivalSpec.Constant(1, 5 * SEC, 15 * SEC)));
        assertEquals(5 * SEC, s.fromMicros(), "from its earliest part");
        assertEquals(20 * SEC, s.untilMicros(), "until its latest part");
        ArrivalSpec.None none = new ArrivalSpec.None();
        assertEquals(NEVER, none.fromMicros(), "no traffic starts, ever");
        assertEquals(NEVER, none.untilMicros());
        assertEquals(0, none.meanCount(0, NEVER));
    }

    /** The highest rate of each shape, and a factor scales it: what --set traffic is held to (Scenario). */
    @Test
    void thePeakRateOfEachShapeScalesWithTraffic() {
        List<ArrivalSpec> specs = List.of(new ArrivalSpec.Poisson(40, 0, NEVER), new ArrivalSpec.Constant(7, 0, NEVER),
                new ArrivalSpec.Diurnal(100, 10, 0, 86_400 * SEC, 0, NEVER),
                new ArrivalSpec.Bursts(10, 1000, 10 * SEC, new long[] {3600 * SEC}, 0, NEVER),
                new ArrivalSpec.Schedule(new long[] {SEC, SEC, SEC}, new double[] {5, 300, 0}, true, 0, NEVER),
                new ArrivalSpec.Trace(new long[] {0, 60 * SEC}, new long[] {600, 1200}, 60 * SEC, 1.5, "t", 0, NEVER),
                new ArrivalSpec.Superposition(List.of(new ArrivalSpec.Poisson(40, 0, NEVER),
                        new ArrivalSpec.Constant(70, 0, NEVER))),
                new ArrivalSpec.None());
        double[] peaks = {40, 7, 100, 1000, 300, 1200 * 1.5 / 60, 70, 0};
        for (int i = 0; i < specs.size(); i++) {
            assertEquals(peaks[i], specs.get(i).highestRatePerSecond(), 1e-9, specs.get(i).toString());
            assertEquals(3 * peaks[i], specs.get(i).scaled(3).highestRatePerSecond(), 1e-9, specs.get(i).toString());
        }
    }
}
