package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Parallelism.Pool}: results in order, the threads bounded, and the heap the running tasks may need too. */
class ParallelismPoolTest {

    /** The most tasks running at once, of {@code n} that each hold their thread a moment and need {@code bytes}. */
    private static int mostAtOnce(int threads, double heap, double bytes, int n) {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Future<Integer>> futures = new ArrayList<>();
        try (Parallelism.Pool pool = new Parallelism.Pool(threads, heap)) {
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(bytes, () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep(40);
                    running.decrementAndGet();
                    return index;
                }));
            }
            List<Integer> results = Parallelism.Pool.awaitAll(futures);
            for (int i = 0; i < n; i++) {
                assertEquals(i, results.get(i), "in the tasks' order");
            }
        }
        return most.get();
    }

    @Test
    void theThreadsAndTheHeapBoundTheTasksRunningAtOnce() {
        assertTrue(mostAtOnce(3, 100, 1, 9) <= 3, "three threads");
        assertEquals(1, mostAtOnce(4, 100, 60, 6), "two tasks of 60 do not fit in 100: one at a time");
        assertTrue(mostAtOnce(4, 100, 30, 8) <= 3, "three of 30 fit in 100, four do not");
        assertEquals(1, mostAtOnce(4, 100, 500, 3), "a task above the heap alone still runs, alone");
    }

    /** An OutOfMemoryError of a task comes back as itself, for the command's one line on it (not a stack trace). */
    @Test
    void aTasksErrorComesBackAsItIs() {
        try (Parallelism.Pool pool = new Parallelism.Pool(2, 100)) {
            Future<Object> oom = pool.submit(1, () -> {
                throw new OutOfMemoryError("Java heap space");
            });
            assertThrows(OutOfMemoryError.class, () -> Parallelism.Pool.await(oom));
            Future<Object> bad = pool.submit(1, () -> {
                throw new IllegalArgumentException("a run's own");
            });
            assertEquals("a run's own", assertThrows(IllegalArgumentException.class,
                    () -> Parallelism.Pool.await(bad)).getMessage());
        }
    }
}
