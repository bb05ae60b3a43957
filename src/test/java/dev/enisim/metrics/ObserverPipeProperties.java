package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.enisim.model.Outcome;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The observers on a thread of their own ({@link ObserverPipe}) build exactly the metrics of the observers told
 * directly: the random calls of {@link CombinedCallsProperties} (starts, ends, refusals, levels, environments taken
 * and idled, connections, bucket edges reached) through rings small enough to wrap many times and to make the
 * writer wait for room, with the thread started before the calls, part-way through them, or never (the writer
 * replays the records itself), the edges reached as a run reaches them or crossed by the calls. Every output of every
 * observer compared.
 */
class ObserverPipeProperties {

    @Property(tries = 200)
    void aPipeBuildsTheMetricsOfDirectCalls(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int functions, @ForAll @IntRange(min = 1, max = 8) int buckets,
            @ForAll @IntRange(min = 0, max = 2000) int steps, @ForAll @IntRange(min = 6, max = 12) int ringBits,
            @ForAll @IntRange(min = 0, max = 2) int startAt, @ForAll boolean reachEdges)
            throws JsonProcessingException {
        SplittableRandom rng = new SplittableRandom(seed);
        long bucket = 1 + rng.nextInt(2_000_000);
        long duration = buckets * bucket - rng.nextLong(bucket);
        CombinedCallsProperties.Observed direct = new CombinedCallsProperties.Observed(functions, duration, bucket,
                true);
        CombinedCallsProperties.Observed piped = new CombinedCallsProperties.Observed(functions, duration, bucket,
                true);
        int capacity = 1 << ringBits;
        ObserverPipe pipe = new ObserverPipe(piped.observers, capacity, Math.max(1, capacity / 8));
        if (startAt == 0) {
            pipe.start();
        }
        int[] step = {0};
        CombinedCallsProperties.drive(rng, functions, bucket, duration, steps, direct.observers, pipe, now -> {
            if (startAt == 1 && step[0]++ == steps / 2) {
                pipe.start();
            }
            if (reachEdges && now >= direct.observers.nextBucketMicros()) {
                assertEquals(direct.observers.nextBucketMicros(), pipe.nextBucketMicros());
                direct.observers.reach(now);
                pipe.reach(now);
            }
        });
        pipe.finish();
        assertEquals(direct.outputs(), piped.outputs());
        assertEquals(direct.observers.crossedAtCalls(), pipe.crossedAtCalls());
        if (reachEdges) { // as a run does: then the pipe's own edge is the observers'
            assertEquals(direct.observers.nextBucketMicros(), pipe.nextBucketMicros());
        }
    }

    /** A failure on the observers' thread (a broken invariant: a bug) is thrown on the run's, the same exception. */
    @Test
    void aFailureOnTheObserversThreadIsThrownOnTheRunsThread() {
        CombinedCallsProperties.Observed direct = new CombinedCallsProperties.Observed(1, 60_000_000, 60_000_000,
                true);
        RuntimeException told = assertThrows(RuntimeException.class,
                () -> direct.observers.ended(5, 0, 0, 1)); // a function the run does not have
        CombinedCallsProperties.Observed piped = new CombinedCallsProperties.Observed(1, 60_000_000, 60_000_000,
                true);
        ObserverPipe pipe = new ObserverPipe(piped.observers, 64, 8);
        pipe.start();
        pipe.ended(5, 0, 0, 1);
        RuntimeException thrown = assertThrows(RuntimeException.class, pipe::finish);
        assertEquals(told.getClass(), thrown.getClass());
        assertEquals(told.getMessage(), thrown.getMessage());
        // and a writer that goes on is stopped at its next batch, not left waiting for room that never comes
        ObserverPipe again = new ObserverPipe(new CombinedCallsProperties.Observed(1, 60_000_000, 60_000_000, true)
                .observers, 64, 8);
        again.start();
        again.ended(5, 0, 0, 1);
        RuntimeException later = assertThrows(RuntimeException.class, () -> {
            for (int i = 0; i < 1_000_000; i++) {
                again.invocation(0, Outcome.THROTTLED_ACCOUNT, 2);
            }
        });
        assertEquals(told.getClass(), later.getClass());
    }

    /** Without a thread, the records are replayed on the writer's: at a full ring and at {@link ObserverPipe#finish}. */
    @Test
    void withoutAThreadTheWriterReplaysTheRecords() throws JsonProcessingException {
        CombinedCallsProperties.Observed direct = new CombinedCallsProperties.Observed(1, 60_000_000, 60_000_000,
                true);
        CombinedCallsProperties.Observed piped = new CombinedCallsProperties.Observed(1, 60_000_000, 60_000_000,
                true);
        ObserverPipe pipe = new ObserverPipe(piped.observers, 64, 8);
        for (int i = 0; i < 100; i++) {
            direct.observers.invocation(0, Outcome.THROTTLED_ACCOUNT, i);
            pipe.invocation(0, Outcome.THROTTLED_ACCOUNT, i);
        }
        pipe.finish();
        assertEquals(direct.outputs(), piped.outputs());
        assertEquals(0, pipe.threadCpuNanos());
    }

    /** An abandoned run's thread ends without replaying the rest; finishing a pipe twice starts nothing. */
    @Test
    void anAbandonedPipesThreadEnds() {
        ObserverPipe pipe = new ObserverPipe(new CombinedCallsProperties.Observed(1, 60_000_000, 60_000_000, true)
                .observers, 64, 8);
        pipe.start();
        pipe.invocation(0, Outcome.THROTTLED_ACCOUNT, 1);
        pipe.abandon();
        IllegalStateException e = assertThrows(IllegalStateException.class, pipe::finish);
        assertEquals("the run was abandoned", e.getMessage());
        assertEquals("the observers' thread has started already",
                assertThrows(IllegalStateException.class, pipe::start).getMessage());
    }

    @Test
    void aRingMustBeAPowerOfTwo() {
        CombinedCallsProperties.Observed o = new CombinedCallsProperties.Observed(1, 60_000_000, 60_000_000, true);
        assertThrows(IllegalArgumentException.class, () -> new ObserverPipe(o.observers, 100, 8));
        assertThrows(IllegalArgumentException.class, () -> new ObserverPipe(o.observers, 32, 8));
        assertThrows(IllegalArgumentException.class, () -> new ObserverPipe(o.observers, 64, 33));
        assertThrows(IllegalArgumentException.class, () -> new ObserverPipe(o.observers, 64, 0));
    }
}
