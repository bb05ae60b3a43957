package dev.enisim.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Forks}: a fake runner's made-up rates, the median fork chosen, the spread in the order the forks ran. */
class ForksTest {

    /** A result whose only figures that matter here are its two CPU rates; {@code tag} tells it apart. */
    static Bench.Result result(String tag, double rate, double steady) {
        return new Bench.Result(tag, 1, 10, 5, 5, 0, 5, 1, 1, 10, 10, 10, 5, 5, 5, 1, 1, 0, null, rate, 0, steady);
    }

    private static Forks.Fork fork(String tag, double rate, double steady) {
        return new Forks.Fork(result(tag, rate, steady), List.of());
    }

    @Test
    void eachForkRunsOnceInOrderAndTheMedianForkIsReportedWithTheSpread() throws Exception {
        double[] rates = {6.5e6, 8.7e6, 9.1e6, 6.3e6, 8.4e6};
        double[] steady = {6.6e6, 9.0e6, 9.3e6, 6.4e6, 9.5e6};
        List<Integer> ran = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        Forks.Measured m = Forks.measure("loss-100", 5, i -> {
            ran.add(i);
            return fork("fork" + i, rates[i], steady[i]);
        }, progress::add);
        assertEquals(List.of(0, 1, 2, 3, 4), ran);
        assertEquals(List.of("loss-100: fork 1 of 5", "loss-100: fork 2 of 5", "loss-100: fork 3 of 5",
                "loss-100: fork 4 of 5", "loss-100: fork 5 of 5"), progress);
        assertEquals("fork4", m.median().result().workload(), "8.4 M is the median of the five");
        Forks.Spread s = m.spread();
        assertEquals(5, s.forks());
        assertArrayEquals(rates, s.eventsPerCpuSecond(), "in the order the forks ran");
        assertArrayEquals(steady, s.steadyEventsPerCpuSecond());
        assertEquals(8.4e6, s.median());
        assertEquals(6.3e6, s.min());
        assertEquals(9.1e6, s.max());
        // the steady figures' own median, min and max: not the median fork's steady 9.5 M
        assertEquals(9.0e6, s.steadyMedian());
        assertEquals(6.4e6, s.steadyMin());
        assertEquals(9.5e6, s.steadyMax());
    }

    @Test
    void anEvenCountReportsTheUpperMedianAsTheRepeatsDo() {
        Forks.Measured m = Forks.of(List.of(fork("a", 4, 40), fork("b", 1, 10), fork("c", 3, 30), fork("d", 2, 20)));
        assertEquals("c", m.median().result().workload());
        assertEquals(3, m.spread().median());
        assertEquals(30, m.spread().steadyMedian());
        assertEquals(1, m.spread().min());
        assertEquals(4, m.spread().max());
        assertEquals(10, m.spread().steadyMin());
        assertEquals(40, m.spread().steadyMax());
    }

    @Test
    void oneForkIsItselfAndSaysNothingOfForks() throws Exception {
        Forks.Fork only = fork("only", 7, 8);
        List<String> progress = new ArrayList<>();
        Forks.Measured m = Forks.measure("loss", 1, i -> only, progress::add);
        assertSame(only, m.median());
        assertEquals(List.of(), progress, "one fork, as before --forks: no fork count in the progress");
        assertEquals(7, m.spread().median());
        assertEquals(7, m.spread().min());
        assertEquals(7, m.spread().max());
        assertEquals(8, m.spread().steadyMedian());
    }

    @Test
    void tiedRatesReportTheFirstForkWithThatRateAndItsReferences() throws Exception {
        Bench.ReferenceResult ref = new Bench.ReferenceResult("priority-queue", "d", "loss", 1, 10, 5, 0.1, 1, 10, 10,
                10, 24, 1, 10, 1);
        List<Forks.Fork> forks = List.of(fork("slow", 1, 1), new Forks.Fork(result("first", 5, 5), List.of(ref)),
                fork("second", 5, 5));
        Forks.Measured m = Forks.of(forks);
        assertEquals("first", m.median().result().workload());
        assertEquals(List.of(ref), m.median().references());
    }

    @Test
    void noForkIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Forks.measure("loss", 0, i -> fork("x", 1, 1), s -> { }));
    }
}
