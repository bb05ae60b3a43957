package dev.enisim.workload;

import static dev.enisim.workload.ArrivalShapesTest.DAY;
import static dev.enisim.workload.ArrivalShapesTest.HOUR;
import static dev.enisim.workload.ArrivalShapesTest.NEVER;
import static dev.enisim.workload.ArrivalShapesTest.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.enisim.random.RandomStreams;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.AbstractRandomGenerator;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The simulator's demands on arrival processes: quiet periods are jumped over (no random draws, no steps
 * through them), {@code next()} allocates nothing, and a merge of many parts is the time-ordered union of them.
 */
class ArrivalDisciplineTest {

    /**
     * Counts the uniforms drawn, to show that quiet time costs nothing (also for {@code ReplayEdgesTest} and
     * {@code ArrivalEdgesTest}).
     */
    static final class Counting extends AbstractRandomGenerator {
        private final RandomGenerator inner = new RandomStreams(3, 0).stream("counting");
        long draws;

        @Override
        public void setSeed(long seed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double nextDouble() {
            draws++;
            return inner.nextDouble();
        }
    }

    @Test
    void quietPeriodsCostNoDrawsWhateverTheirLength() {
        // a minute at 10/s then 364 days quiet, every year for 50 years; bursts of a minute a year apart
        long year = 365 * DAY;
        List<ArrivalSpec> shapes = List.of(
                new ArrivalSpec.Schedule(new long[] {60 * SEC, year - 60 * SEC}, new double[] {10, 0}, true, 0, NEVER),
                new ArrivalSpec.Bursts(0, 10, 60 * SEC, yearly(50), 0, NEVER));
        for (ArrivalSpec spec : shapes) {
            Counting stream = new Counting();
            ArrivalProcess p = new ArrivalProcess(spec, stream, 0);
            long n = 0;
            for (long t = p.next(); t < 50 * year; t = p.next()) {
                assertTrue(t % year < 60 * SEC, "only in the active minute: " + t);
                n++;
            }
            assertEquals(spec.meanCount(0, 50 * year), n, 4 * Math.sqrt(30_000));
            // one draw per arrival, plus one per active phase for the gap that ran past its end
            assertTrue(stream.draws <= n + 51 + 1, spec.getClass().getSimpleName() + ": " + stream.draws + " draws");
        }
    }

    private static long[] yearly(int years) {
        long[] starts = new long[years];
        for (int i = 0; i < years; i++) {
            starts[i] = i * 365 * DAY;
        }
        return starts;
    }

    @Test
    void nextAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "a JVM that counts allocated bytes");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        List<ArrivalSpec> shapes = List.of(
                new ArrivalSpec.Poisson(100, 0, NEVER),
                new ArrivalSpec.Constant(100, 0, NEVER),
                new ArrivalSpec.Diurnal(100, 10, 0, DAY, 0, NEVER),
                new ArrivalSpec.Bursts(10, 1000, 10 * SEC, new long[] {HOUR, 2 * HOUR, 3 * HOUR}, 0, NEVER),
                new ArrivalSpec.Schedule(new long[] {HOUR, HOUR}, new double[] {100, 0}, true, 0, NEVER),
                new ArrivalSpec.Trace(new long[] {0, DAY}, new long[] {1_000_000, 1_000_000}, HOUR, 1.5, "t", 0, NEVER),
                new ArrivalSpec.Superposition(List.of(new ArrivalSpec.Poisson(50, 0, NEVER),
                        new ArrivalSpec.Schedule(new long[] {HOUR, HOUR}, new double[] {0, 100}, true, 0, NEVER))));
        RandomStreams streams = new RandomStreams(5, 0);
        List<String> allocating = new ArrayList<>();
        for (ArrivalSpec spec : shapes) {
            ArrivalProcess p = new ArrivalProcess(spec, i -> streams.stream("a/" + i), 0);
            long sink = drive(p, 200_000); // warm up: compile before measuring
            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            sink += drive(p, 200_000);
            long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            // the measurement itself may allocate a little; 200,000 arrivals allocating would be megabytes
            if (allocated > 4096) {
                allocating.add(spec.getClass().getSimpleName() + " " + allocated + " bytes");
            }
            assertTrue(sink > 0);
        }
        assertEquals(List.of(), allocating);
    }

    private static long drive(ArrivalProcess p, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += p.next() & 1;
        }
        return sum + 1;
    }

    @Test
    void aMergeOfManyPartsIsTheirTimeOrderedUnion() {
        // 300 five-minute phases, as an import writes them, plus a process across all of them
        List<ArrivalSpec> parts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            parts.add(new ArrivalSpec.Poisson(1 + i % 7, i * 300 * SEC, (i + 1) * 300 * SEC));
        }
        parts.add(new ArrivalSpec.Constant(1, 0, NEVER));
        RandomStreams streams = new RandomStreams(11, 0);
        ArrivalProcess merged = new ArrivalProcess(new ArrivalSpec.Superposition(parts),
                i -> streams.stream("m/" + i), 0);
        List<Long> expected = new ArrayList<>();
        RandomStreams again = new RandomStreams(11, 0);
        for (int i = 0; i < parts.size(); i++) {
            ArrivalProcess one = new ArrivalProcess(parts.get(i), again.stream("m/" + i), 0);
            for (long t = one.next(); t < 90_000 * SEC; t = one.next()) {
                expected.add(t);
            }
        }
        expected.sort(null);
        List<Long> got = new ArrayList<>();
        for (long t = merged.next(); t < 90_000 * SEC; t = merged.next()) {
            got.add(t);
        }
        assertEquals(expected, got);
    }
}
