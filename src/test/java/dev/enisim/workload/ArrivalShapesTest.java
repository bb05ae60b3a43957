package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each arrival shape gives the right counts (expected values within stated tolerances, fixed seeds). */
class ArrivalShapesTest {

    private static final long SEC = 1_000_000L;
    private static final long DAY = 86_400 * SEC;
    private static final long NEVER = Long.MAX_VALUE;

    private static List<Long> all(ArrivalSpec spec, long notBefore, long end) {
        RandomStreams streams = new RandomStreams(9, 0);
        ArrivalProcess p = new ArrivalProcess(spec, i -> streams.stream("shape/" + i), notBefore);
        List<Long> out = new ArrayList<>();
        long last = -1;
        for (long t = p.next(); t != ArrivalProcess.NONE && t < end; t = p.next()) {
            assertTrue(t >= last, "time never goes back");
            last = t;
            out.add(t);
        }
        return out;
    }

    private static long countIn(List<Long> times, long from, long to) {
        return times.stream().filter(t -> t >= from && t < to).count();
    }

    @Test
    void phasesAndQuietPeriodsAreRespectedExactly() {
        ArrivalSpec phases = new ArrivalSpec.Superposition(List.of(
                new ArrivalSpec.Constant(2, 0, 60 * SEC),
                new ArrivalSpec.Constant(10, 3600 * SEC, 3660 * SEC)));
        List<Long> t = all(phases, 0, NEVER);
        assertEquals(120 + 600, t.size());
        assertEquals(0, countIn(t, 60 * SEC, 3600 * SEC), "nothing in the quiet hour");
        assertEquals(3600 * SEC, t.get(120), "the second phase starts on time");
    }

    @Test
    void superposedProcessesAddUp() {
        ArrivalSpec both = new ArrivalSpec.Superposition(List.of(
                new ArrivalSpec.Poisson(30, 0, NEVER), new ArrivalSpec.Poisson(20, 0, NEVER)));
        long n = all(both, 0, 2000 * SEC).size();
        // Poisson(100,000): sd 316, allow 4 sd
        assertEquals(100_000, n, 1300);
    }

    /** Diurnal: the count over whole days is the mean rate x time; the peak hour beats the trough hour. */
    @Test
    void diurnalFollowsItsDailySine() {
        ArrivalSpec.Diurnal d = new ArrivalSpec.Diurnal(20, 4, 14 * 3600 * SEC, DAY, 0, NEVER);
        List<Long> t = all(d, 0, 3 * DAY);
        double expected = 12.0 * 3 * 86_400; // mean (20 + 4) / 2 over three days
        assertEquals(expected, t.size(), 4 * Math.sqrt(expected));
        long peakHour = countIn(t, 13 * 3600 * SEC + 1800 * SEC, 14 * 3600 * SEC + 1800 * SEC);
        long troughHour = countIn(t, 1 * 3600 * SEC + 1800 * SEC, 2 * 3600 * SEC + 1800 * SEC);
        // integral of the rate over the hour around the peak: ~19.95/s x 3600; around the trough ~4.05/s x 3600
        assertEquals(71_800, peakHour, 4 * Math.sqrt(71_800));
        assertEquals(14_600, troughHour, 4 * Math.sqrt(14_600));
        assertEquals(12, d.meanPerSecond(), 0);
    }

    @Test
    void burstsRaiseTheRateForTheirDuration() {
        ArrivalSpec.Bursts b = new ArrivalSpec.Bursts(1, 200, 30 * SEC, new long[] {600 * SEC, 1800 * SEC}, 0, NEVER);
        List<Long> t = all(b, 0, 3600 * SEC);
        long inBursts = countIn(t, 600 * SEC, 630 * SEC) + countIn(t, 1800 * SEC, 1830 * SEC);
        assertEquals(12_000, inBursts, 4 * Math.sqrt(12_000));
        long outside = t.size() - inBursts;
        assertEquals(3540, outside, 4 * Math.sqrt(3540));
    }

    @Test
    void traceReplayIsExactAndScalable() {
        long[] times = {0, 5 * SEC, 5 * SEC, 9 * SEC, 20 * SEC};
        ArrivalSpec.Trace trace = new ArrivalSpec.Trace(times, 1.0, "t.csv", 0, NEVER);
        assertEquals(List.of(0L, 5 * SEC, 5 * SEC, 9 * SEC, 20 * SEC), all(trace, 0, NEVER));
        assertEquals(List.of(9 * SEC), all(trace, 6 * SEC, 10 * SEC), "window and creation time apply");
        assertEquals(10, all(trace.scaled(2), 0, NEVER).size(), "x2 replays each arrival twice");
    }

    @Test
    void scalingMultipliesEveryRate() {
        ArrivalSpec s = new ArrivalSpec.Superposition(List.of(new ArrivalSpec.Constant(2, 0, 10 * SEC),
                new ArrivalSpec.Diurnal(10, 2, 0, DAY, 0, NEVER))).scaled(3);
        ArrivalSpec.Superposition sp = (ArrivalSpec.Superposition) s;
        assertEquals(6, ((ArrivalSpec.Constant) sp.parts().get(0)).ratePerSecond(), 0);
        assertEquals(30, ((ArrivalSpec.Diurnal) sp.parts().get(1)).peakPerSecond(), 0);
    }
}
