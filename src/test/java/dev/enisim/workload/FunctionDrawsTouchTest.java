package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * {@link FunctionDraws#touch} stores to the one spare long of each of the function's three hot cache lines (a look
 * ahead by stores) and to nothing else: no draw changes, and no other row is written.
 */
class FunctionDrawsTouchTest {

    private static FunctionDraws table() {
        RandomStreams streams = new RandomStreams(1, 0);
        FunctionDraws d = new FunctionDraws(3);
        for (int f = 0; f < 3; f++) {
            String name = "f" + f;
            d.arrivals(f, new ArrivalSpec.Poisson(5, 0, Long.MAX_VALUE), part -> streams.stream(name + "/a"), 0);
            d.durations(f, new DistributionSpec.LogNormal(1e5, 1e6, Double.POSITIVE_INFINITY),
                    streams.stream(name + "/d"));
        }
        return d;
    }

    @Test
    void theSparesAreOnePerHotLine() {
        for (int line = 0; line < 3; line++) {
            // the row starts on a line (PAD): long k of the row is on its line k / 8
            assertEquals(line, FunctionDraws.spareOffset(line) / 8, "spare of line " + line);
        }
    }

    @Test
    void aTouchStoresToTheFunctionsSparesOnly() {
        FunctionDraws draws = table();
        draws.touch(2);
        for (int line = 0; line < 3; line++) {
            assertEquals(-1, draws.spare(2, line), "line " + line + " of function 2's row");
            assertEquals(0, draws.spare(1, line), "function 1's row is not written");
        }
        draws.touch(1);
        for (int line = 0; line < 3; line++) {
            assertEquals(-1, draws.spare(1, line), "line " + line + " of function 1's row");
        }
    }

    /** Diurnal arrivals (the thinning's seven hot longs) and exponential durations: no state sits in a spare. */
    @Test
    void drawingLeavesTheSparesAlone() {
        RandomStreams streams = new RandomStreams(2, 0);
        FunctionDraws d = new FunctionDraws(2);
        for (int f = 0; f < 2; f++) {
            String name = "g" + f;
            d.arrivals(f, new ArrivalSpec.Diurnal(3, 1, 0, 3_600_000_000L, 0, Long.MAX_VALUE),
                    part -> streams.stream(name + "/a"), 0);
            d.durations(f, f == 0 ? new DistributionSpec.Exponential(1e5, Double.POSITIVE_INFINITY)
                    : new DistributionSpec.ShiftedLogNormal("t", 2e4, 11, 0.5, Double.POSITIVE_INFINITY),
                    streams.stream(name + "/d"));
        }
        for (int i = 0; i < 2000; i++) {
            d.nextArrival(i % 2);
            d.duration(i % 2);
        }
        for (int f = 0; f < 2; f++) {
            for (int line = 0; line < 3; line++) {
                assertEquals(0, d.spare(f, line), "function " + f + ", line " + line);
            }
        }
    }

    @Test
    void touchingDrawsNothing() {
        FunctionDraws touched = table();
        FunctionDraws plain = table();
        for (int i = 0; i < 50; i++) {
            int f = i % 3;
            touched.touch(f);
            touched.touch((f + 1) % 3);
            assertEquals(plain.nextArrival(f), touched.nextArrival(f));
            assertEquals(plain.duration(f), touched.duration(f));
        }
    }
}
