package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.random.Xoshiro256;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Arrival processes at the edges of their windows and steps: no arrival at or after a window's end, none from a
 * window already closed, a process started exactly at a change of rate draws its first gap at the new rate (as a
 * Poisson process started there would), base traffic before the first burst and after the last, and rates too
 * low, zero or negative that never arrive.
 */
class ArrivalEdgesTest {

    private static final long SEC = 1_000_000L;
    private static final long NEVER = Long.MAX_VALUE;

    private static ArrivalProcess process(ArrivalSpec spec, long seed, long notBefore) {
        return new ArrivalProcess(spec, new Xoshiro256(seed), notBefore);
    }

    private static long count(ArrivalSpec spec, long notBefore, long from, long to) {
        ArrivalProcess p = process(spec, 5, notBefore);
        long n = 0;
        for (long t = p.next(); t < to; t = p.next()) {
            n += t >= from ? 1 : 0;
        }
        return n;
    }

    /**
     * A million arrivals a second (a mean gap of 1 us) over a window of 100 us: the last candidate usually rounds up
     * to the window's end, which is not in the window.
     */
    @Test
    void noArrivalAtOrAfterTheWindowsEnd() {
        long until = 1_000 * SEC + 100;
        List<ArrivalSpec> shapes = List.of(new ArrivalSpec.Poisson(1e6, 1_000 * SEC, until),
                new ArrivalSpec.Diurnal(1e6, 5e5, 0, 3_600 * SEC, 1_000 * SEC, until),
                new ArrivalSpec.Schedule(new long[] {50, SEC}, new double[] {1e6, 1e6}, false, 1_000 * SEC, until),
                new ArrivalSpec.Bursts(1e6, 2e6, 30, new long[] {1_000 * SEC + 10}, 1_000 * SEC, until));
        for (ArrivalSpec spec : shapes) {
            for (long seed = 1; seed <= 20; seed++) {
                ArrivalProcess p = process(spec, seed, 0);
                long last = 0;
                long n = 0;
                for (long t = p.next(); t != ArrivalProcess.NONE; t = p.next()) {
                    long at = t;
                    assertTrue(at >= 1_000 * SEC && at < until, () -> spec + ": " + at);
                    last = t;
                    n++;
                }
                assertTrue(n > 50 && last >= until - 20, spec + " arrives up to its end: " + n + ", last " + last);
            }
        }
    }

    @Test
    void aWindowAlreadyClosedGivesNoArrival() {
        for (ArrivalSpec spec : List.of(new ArrivalSpec.Poisson(5, 0, 10 * SEC),
                new ArrivalSpec.Diurnal(5, 1, 0, 3600 * SEC, 0, 10 * SEC),
                new ArrivalSpec.Schedule(new long[] {SEC}, new double[] {5}, true, 0, 10 * SEC),
                new ArrivalSpec.Trace(new long[] {0, SEC}, new long[] {3, 4}, SEC, 1, "t.csv", 0, NEVER))) {
            assertEquals(ArrivalProcess.NONE, process(spec, 1, 20 * SEC).next(), spec.toString());
        }
    }

    @Test
    void ratesThatNeverArrive() {
        ArrivalDisciplineTest.Counting stream = new ArrivalDisciplineTest.Counting();
        assertEquals(ArrivalProcess.NONE, new ArrivalProcess(new ArrivalSpec.Poisson(0, 0, NEVER), stream, 0).next());
        assertEquals(0, stream.draws, "a quiet process draws nothing");
        assertEquals(ArrivalProcess.NONE, process(new ArrivalSpec.Poisson(-3, 0, NEVER), 1, 0).next());
        // one arrival per 3e7 years on average: the first lies beyond the last microsecond a long holds
        assertEquals(ArrivalProcess.NONE, process(new ArrivalSpec.Poisson(1e-15, 0, NEVER), 1, 0).next());
    }

    /** One arrival per 3e5 years, evenly: the first at the window's start, the next beyond the long range. */
    @Test
    void anEvenRateEndsWhereItsNextArrivalLeavesTheLongRange() {
        ArrivalProcess p = process(new ArrivalSpec.Constant(1e-13, 5 * SEC, NEVER), 1, 0);
        assertEquals(5 * SEC, p.next());
        assertEquals(ArrivalProcess.NONE, p.next());
    }

    /**
     * Started exactly where a rate begins (a burst's start, a phase's start, a repeat of the cycle), the process's
     * first gap is drawn at that rate from that instant: the first arrival is a Poisson process's at that rate.
     */
    @Test
    void aProcessStartedAtAChangeDrawsItsFirstGapAtTheNewRate() {
        long start = 32 * SEC;
        ArrivalSpec[] atChange = {
            new ArrivalSpec.Bursts(50, 400, 60 * SEC, new long[] {start}, 0, NEVER),
            new ArrivalSpec.Schedule(new long[] {2 * SEC, 3 * SEC}, new double[] {50, 400}, true, 0, NEVER),
        };
        long notBefore = 7 * 5 * SEC + 2 * SEC; // the schedule's 8th cycle, its second phase
        for (long seed = 1; seed <= 5; seed++) {
            long poisson = process(new ArrivalSpec.Poisson(400, 0, NEVER), seed, start).next();
            assertEquals(poisson, process(atChange[0], seed, start).next(), "burst, seed " + seed);
            long poisson2 = process(new ArrivalSpec.Poisson(400, 0, NEVER), seed, notBefore).next();
            assertEquals(poisson2, process(atChange[1], seed, notBefore).next(), "schedule, seed " + seed);
        }
    }

    /** Phases of 2 s quiet and 3 s at 50/s, repeating from 20 s, entered at 32 s: the cycle of [30 s, 35 s). */
    @Test
    void aRepeatingScheduleEnteredLateIsInTheRightCycle() {
        ArrivalSpec.Schedule s = new ArrivalSpec.Schedule(new long[] {2 * SEC, 3 * SEC}, new double[] {0, 50}, true,
                20 * SEC, NEVER);
        long n = count(s, 32 * SEC, 32 * SEC, 35 * SEC);
        assertEquals(150, n, 4 * Math.sqrt(150));
        assertEquals(0, count(s, 32 * SEC, 35 * SEC, 37 * SEC), "quiet");
        assertEquals(0, count(s, 33 * SEC, 0, 33 * SEC), "nothing before the start");
    }

    /** Bursts at 400/s for 10 s at 100 s and 200 s over a base of 100/s: the base holds before, between and after. */
    @Test
    void baseTrafficHoldsBeforeBetweenAndAfterTheBursts() {
        ArrivalSpec.Bursts b = new ArrivalSpec.Bursts(100, 400, 10 * SEC, new long[] {100 * SEC, 200 * SEC}, 0, NEVER);
        for (long[] window : new long[][] {{0, 100}, {110, 210}, {210, 310}}) {
            long expected = window[0] == 110 ? 9_000 + 4_000 : 10_000; // [110, 210) holds the second burst
            assertEquals(expected, count(b, 0, window[0] * SEC, window[1] * SEC), 500, "in " + window[0]);
        }
        assertEquals(4_000, count(b, 0, 100 * SEC, 110 * SEC), 260, "the burst");
        // a burst of silence over a base: the base holds outside it, nothing inside
        ArrivalSpec.Bursts pause = new ArrivalSpec.Bursts(100, 0, 10 * SEC, new long[] {100 * SEC}, 0, NEVER);
        assertEquals(10_000, count(pause, 0, 0, 100 * SEC), 400);
        assertEquals(0, count(pause, 0, 100 * SEC, 110 * SEC));
        assertEquals(10_000, count(pause, 0, 110 * SEC, 210 * SEC), 400);
    }

    @Test
    void aProcessKeepsItsSpec() {
        ArrivalSpec spec = new ArrivalSpec.Poisson(1, 0, NEVER);
        assertSame(spec, process(spec, 1, 0).spec());
    }
}
