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

    /** A reference's figures whose only ones that matter here are its rates; {@code tag} tells it apart. */
    private static Bench.ReferenceResult reference(String name, String tag, double rate, double wall, int tenths) {
        Warmup.Done warmup = new Warmup.Done(Warmup.Mode.AUTO, tenths, 0.1, 1, true);
        return new Bench.ReferenceResult(name, tag, "loss", 1, 10, 5, 0.1, 1, wall, wall, wall, 24, 1, rate, 1,
                warmup);
    }

    @Test
    void eachReferenceIsItsOwnMedianForkAgainstTheWorkloadsMedianForkWithItsSpread() {
        // the workload's median fork is the second (5); the priority-queue's own median fork is the third (7 M),
        // not the one that ran beside the workload's median fork (9 M)
        Bench.Result slow = result("slow", 4e6, 4e6);
        Bench.Result middle = new Bench.Result("middle", 1, 10, 5, 5, 0, 5, 1, 1, 12e6, 12e6, 12e6, 5, 5, 5, 1, 1, 0,
                null, 13e6, 0, 13e6);
        Bench.Result fast = result("fast", 20e6, 20e6);
        List<Forks.Fork> forks = List.of(
                new Forks.Fork(slow, List.of(reference("priority-queue", "a", 5e6, 6e6, 3),
                        reference("ssj", "x", 2e6, 2e6, 2))),
                new Forks.Fork(middle, List.of(reference("priority-queue", "b", 9e6, 10e6, 4),
                        reference("ssj", "y", 4e6, 4e6, 2))),
                new Forks.Fork(fast, List.of(reference("priority-queue", "c", 7e6, 8e6, 5),
                        reference("ssj", "z", 3e6, 3e6, 6))));
        Forks.Measured m = Forks.of(forks);
        assertEquals("middle", m.median().result().workload());
        assertEquals(2, m.references().size(), "each reference once, in the order the forks list them");

        Forks.Reference pq = m.references().get(0);
        assertEquals("priority-queue", pq.median().name());
        assertEquals("c", pq.median().description(), "its own median fork by its own rate");
        assertEquals(13e6 / 7e6, pq.median().modelOverReferenceCpu(), 1e-12,
                "against the workload's median fork's CPU rate");
        assertEquals(12e6 / 8e6, pq.median().modelOverReference(), 1e-12, "and its wall rate");
        assertArrayEquals(new double[] {5e6, 9e6, 7e6}, pq.spread().eventsPerCpuSecond(), "in the order they ran");
        assertEquals(7e6, pq.spread().median());
        assertEquals(5e6, pq.spread().min());
        assertEquals(9e6, pq.spread().max());
        assertArrayEquals(new int[] {3, 4, 5}, pq.spread().warmupTenths());

        Forks.Reference ssj = m.references().get(1);
        assertEquals("z", ssj.median().description());
        assertEquals(13e6 / 3e6, ssj.median().modelOverReferenceCpu(), 1e-12);
        assertEquals(3e6, ssj.spread().median());
    }

    @Test
    void aWorkloadWithoutReferencesHasNone() {
        assertEquals(List.of(), Forks.of(List.of(fork("a", 1, 1), fork("b", 2, 2))).references());
    }

    @Test
    void noForkIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Forks.measure("loss", 0, i -> fork("x", 1, 1), s -> { }));
    }
}
