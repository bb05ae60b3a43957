package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.enisim.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * {@link FunctionDraws#touch} reads the function's row (the value means nothing but must come from the row, so that
 * the JIT keeps the reads): it moves when the function draws, not when another does, and reading draws nothing.
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
    void aTouchReadsTheFunctionsRowOnly() {
        FunctionDraws draws = table();
        long before = draws.touch(1);
        draws.nextArrival(0);
        draws.duration(2);
        assertEquals(before, draws.touch(1), "other rows are not read");
        draws.nextArrival(1); // the value ahead and the stream's words: the row's first line
        long arrival = draws.touch(1);
        assertNotEquals(before, arrival);
        draws.duration(1); // the duration's value ahead and words: its second and third lines
        assertNotEquals(arrival, draws.touch(1));
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
