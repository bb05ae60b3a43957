package dev.enisim.workload;

import static dev.enisim.workload.ArrivalShapesTest.NEVER;
import static dev.enisim.workload.ArrivalShapesTest.SEC;
import static dev.enisim.workload.ArrivalShapesTest.all;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** Trace replay is exact: every recorded arrival, at its time, once; windows, creation time and scaling apply. */
class TraceReplayTest {

    private static ArrivalSpec.Trace timestamps(long from, long until) {
        // rows as the reader makes them: equal times share one row
        return new ArrivalSpec.Trace(new long[] {0, 5 * SEC, 9 * SEC, 20 * SEC}, new long[] {1, 2, 1, 1}, 0, 1.0,
                "t.csv", from, until);
    }

    @Test
    void timestampsReplayExactly() {
        ArrivalSpec.Trace t = timestamps(0, NEVER);
        assertArrayEquals(new long[] {0, 5 * SEC, 5 * SEC, 9 * SEC, 20 * SEC}, all(t, 0, NEVER));
        assertArrayEquals(new long[] {9 * SEC}, all(timestamps(0, 10 * SEC), 6 * SEC, NEVER),
                "created at 6 s, until 10 s");
        assertArrayEquals(new long[] {5 * SEC, 5 * SEC, 9 * SEC}, all(timestamps(5 * SEC, 20 * SEC), 0, NEVER),
                "from is inclusive, until exclusive");
        assertEquals(5, t.meanCount(0, NEVER), 0);
        assertEquals(3, t.meanCount(5 * SEC, 10 * SEC), 0);
    }

    @Test
    void countsAreSpreadEvenlyOverTheirIntervalExactly() {
        ArrivalSpec.Trace t = new ArrivalSpec.Trace(new long[] {0, 60 * SEC, 120 * SEC}, new long[] {2, 0, 3},
                60 * SEC, 1.0, "c.csv", 0, NEVER);
        assertArrayEquals(new long[] {0, 30 * SEC, 120 * SEC, 140 * SEC, 160 * SEC}, all(t, 0, NEVER));
        // created at 130 s: the row is entered half way, at its first arrival not before 130 s
        assertArrayEquals(new long[] {140 * SEC, 160 * SEC}, all(t, 130 * SEC, NEVER));
        assertEquals(2, t.meanCount(125 * SEC, NEVER), 0);
        // 7 over 1 s: floor(k x 1e6 / 7) microseconds after the start
        ArrivalSpec.Trace odd = new ArrivalSpec.Trace(new long[] {SEC}, new long[] {7}, SEC, 1.0, "o.csv", 0, NEVER);
        long[] got = all(odd, 0, NEVER);
        for (int k = 0; k < 7; k++) {
            assertEquals(SEC + k * 1_000_000L / 7, got[k]);
        }
    }

    @Test
    void aHugeRowIsReplayedWithoutBeingExpanded() {
        // two billion arrivals in one day-long row: held as one row; entering it late is a bisection, not a walk
        long day = 86_400 * SEC;
        ArrivalSpec.Trace t = new ArrivalSpec.Trace(new long[] {0}, new long[] {2_000_000_000L}, day, 1.0, "big.csv",
                0, NEVER);
        ArrivalProcess p = new ArrivalProcess(t, new RandomStreams(1, 0).stream("t"), day / 2);
        assertEquals(day / 2, p.next(), "the middle arrival: k = 1e9, at exactly half a day");
        assertEquals(day / 2 + 43, p.next(), "86,400 s / 2e9 = 43.2 us apart, rounded down");
        assertEquals(day / 2 + 86, p.next());
        assertEquals(ArrivalSpec.Trace.spread(0, day, 2_000_000_000L, 1_999_999_999L), day - 44,
                "spreading cannot overflow even for the last one");
    }

    @Test
    void scalingReplaysEachArrivalFactorTimesOnAverage() {
        ArrivalSpec.Trace t = new ArrivalSpec.Trace(new long[] {0}, new long[] {100_000}, 3600 * SEC, 1.0, "s.csv",
                0, NEVER);
        assertEquals(200_000, all(t.scaled(2), 0, NEVER).length, "x2 replays each arrival exactly twice");
        // x0.3: Binomial(100,000, 0.3), sd 145; x2.5: 200,000 + Binomial(100,000, 0.5), sd 158; 4 sd each
        assertEquals(30_000, all(t.scaled(0.3), 0, NEVER).length, 580);
        assertEquals(250_000, all(t.scaled(2.5), 0, NEVER).length, 640);
        assertEquals(250_000, t.scaled(2.5).meanCount(0, NEVER), 1e-6);
    }
}
