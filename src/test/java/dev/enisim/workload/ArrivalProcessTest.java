package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.random.RandomStreams;
import org.junit.jupiter.api.Test;

class ArrivalProcessTest {

    @Test
    void poissonRateIsRightOverALongRun() {
        ArrivalProcess p = new ArrivalProcess(new ArrivalSpec.Poisson(950, 0, Long.MAX_VALUE),
                new RandomStreams(1, 0).stream("a"), 0);
        long n = 0;
        long last = 0;
        while (true) {
            long t = p.next();
            assertTrue(t >= last, "arrivals never go back in time");
            last = t;
            if (t > 1000_000_000L) {
                break;
            }
            n++;
        }
        // 1,000 s at 950/s: mean 950,000, sd ~975; 5 sd
        assertEquals(950_000, n, 5_000);
    }

    @Test
    void constantRateIsEvenlySpacedInsideItsWindow() {
        ArrivalProcess p = new ArrivalProcess(new ArrivalSpec.Constant(2, 10_000_000, 12_000_000),
                new RandomStreams(1, 0).stream("a"), 0);
        assertEquals(10_000_000, p.next());
        assertEquals(10_500_000, p.next());
        assertEquals(11_000_000, p.next());
        assertEquals(11_500_000, p.next());
        assertEquals(ArrivalProcess.NONE, p.next(), "4 arrivals: 2/s over 2 s");
    }

    @Test
    void arrivalsWaitForTheFunctionToExist() {
        ArrivalProcess p = new ArrivalProcess(new ArrivalSpec.Constant(1, 0, Long.MAX_VALUE),
                new RandomStreams(1, 0).stream("a"), 60_000_000);
        assertEquals(60_000_000, p.next());
    }

    @Test
    void noneNeverArrives() {
        ArrivalProcess p = new ArrivalProcess(new ArrivalSpec.None(), new RandomStreams(1, 0).stream("a"), 0);
        assertEquals(ArrivalProcess.NONE, p.next());
    }
}
