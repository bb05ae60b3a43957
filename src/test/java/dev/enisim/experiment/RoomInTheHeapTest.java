package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Replications run in parallel and the in-process engine's points are held back, as {@code check}'s are, until their
 * heap fits beside that of those running (a review's r11/r12: two replications of a 500-function account's day ran
 * one after the other at -Xmx300m and out of memory side by side with {@code --parallel}; r13: a sweep's 1s-bucket
 * point ran out of memory beside another). The need is made up here: what the test watches is how many run at once.
 */
class RoomInTheHeapTest {

    /**
     * The most tasks seen running at once. Each holds its thread 150 ms, long enough for another to start beside it,
     * were it let (what an "at most" below needs); and where {@code expected} may run together, a task that may have
     * company first waits (up to 10 s, and only until one task has waited that long) until {@code expected} have been
     * seen at once: what an "at least" below needs is then seen however the threads are scheduled (the 150 ms alone
     * left it to the scheduler, and on a loaded two-core box a second replication's run can start more than 150 ms
     * after the first's has ended). A pool that holds back tasks that fit still fails, 10 s later.
     */
    private static final class AtOnce {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final int expected;
        volatile boolean gaveUp;

        AtOnce(int expected) {
            this.expected = expected;
        }

        <T> T during(java.util.function.Supplier<T> work) {
            return during(true, work);
        }

        <T> T during(boolean mayHaveCompany, java.util.function.Supplier<T> work) {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                long until = System.nanoTime() + 10_000_000_000L;
                while (mayHaveCompany && most.get() < expected && !gaveUp) {
                    if (System.nanoTime() > until) {
                        gaveUp = true;
                    }
                    Thread.sleep(2);
                }
                Thread.sleep(150);
                return work.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                now.decrementAndGet();
            }
        }
    }

    private static String digest(dev.enisim.run.RunResult r) {
        return dev.enisim.run.SummaryShape.tree(r.summary()).toString();
    }

    @Test
    void replicationsThatDoNotFitTogetherRunOneAfterAnother() throws Exception {
        Scenario s = ScenarioLoader.parse(SweepTest.TINY, "tiny");
        AtOnce tooBig = new AtOnce(1);
        List<String> alone = Replications.run(s, 3, 2, 600, 1000, r -> tooBig.during(() -> digest(r)),
                Replications.Watch.NONE);
        assertEquals(1, tooBig.most.get(), "600 of 1000 bytes each: one at a time");
        AtOnce fit = new AtOnce(2);
        List<String> together = Replications.run(s, 3, 2, 400, 1000, r -> fit.during(() -> digest(r)),
                Replications.Watch.NONE);
        assertEquals(2, fit.most.get(), "400 of 1000 bytes each: two at once");
        assertEquals(alone, together, "the same numbers either way");
        assertEquals(Replications.run(s, 3, 1, RoomInTheHeapTest::digest), alone, "and as sequential");
    }

    @Test
    void replicationsTellTheirProgressUntilAllAreDone() throws Exception {
        Scenario s = ScenarioLoader.parse(SweepTest.TINY, "tiny");
        List<int[]> seen = Collections.synchronizedList(new ArrayList<>());
        long[][] last = new long[1][];
        Replications.run(s, 3, 2, 0, 1000, RoomInTheHeapTest::digest, (done, n, simulated, total, events) -> {
            seen.add(new int[] {done, n});
            last[0] = simulated;
            assertEquals(s.durationMicros(), total);
        });
        assertTrue(seen.size() > 3, "told as they go: " + seen.size());
        assertEquals(3, seen.get(seen.size() - 1)[0], "the last says all 3 done");
        assertEquals(3, seen.get(seen.size() - 1)[1]);
        for (long t : last[0]) {
            assertEquals(s.durationMicros(), t, "each one's simulated time whole");
        }
    }

    @Test
    void inProcessPointsThatDoNotFitTogetherRunOneAfterAnother() throws Exception {
        JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(SweepTest.TINY);
        PointSpec spec = PointSpec.of(tree, "tiny", List.of("invocations.total"), 1);
        List<PointTask> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("duration", (i % 2 == 0 ? 1 : 2) + "m");
            tasks.add(PointTask.of(i, v));
        }
        // a point's need from its own scenario: a 2-minute point needs twice a 1-minute one's
        java.util.function.ToDoubleFunction<Scenario> need = sc -> sc.durationMicros() / 60e6 * 400;
        AtOnce big = new AtOnce(2);
        List<String> held = new ArrayList<>();
        new InProcessRunner(4, need, 1000, (t, sp, tr) -> big.during(t.index() % 2 == 0, // the 1-minute points, 400 each
                () -> t.run(sp, tr))).run(spec, tasks,
                held::add);
        AtOnce small = new AtOnce(3);
        List<String> free = new ArrayList<>();
        new InProcessRunner(4, sc -> 100, 1000, (t, sp, tr) -> small.during(() -> t.run(sp, tr))).run(spec, tasks,
                free::add);
        assertEquals(2, big.most.get(), "400 + 400 fit in 1000, 800 beside anything does not");
        assertTrue(small.most.get() >= 3, "100 each: all at once " + small.most.get());
        held.sort(null);
        free.sort(null);
        assertEquals(free, held, "the same lines");
        assertEquals(4, held.size());
    }
}
