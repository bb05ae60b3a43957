package dev.enisim.model;

import static dev.enisim.model.SqsEventSourceTest.config;
import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The SQS poller's error paths and receipts, each worked out by hand from its rules (5 batches at once, one more
 * every 60 / 300 = 0.2 s while messages wait, up to MaximumConcurrency; a failed batch halves the concurrency at most
 * once a minute; a throttled batch is retried after 1 s, doubling, while its visibility timeout has not run out; an
 * invoke error gives the messages back at the visibility timeout and frees the poller at once; a message received
 * maxReceiveCount times goes to the dead-letter queue).
 */
class SqsErrorsAndReceiptsTest {

    /**
     * Three messages sent at 0, before the function's creation is handled: each invocation gets
     * ResourceNotFoundException (an invoke error), so each batch's poller is free again at once (the three never
     * hold more than one poller) and the messages reappear when the visibility timeout (30 s) runs out, when the
     * function is Active: then they are delivered and deleted.
     */
    @Test
    void anInvokeErrorFreesThePollerAtOnceAndGivesTheMessagesBackAtTheVisibilityTimeout() {
        SqsEventSourceTest.Harness a = new SqsEventSourceTest.Harness(1000);
        a.duration = SEC;
        a.function(config(10, 1000, 30 * SEC, 0)); // created at 0, not handled yet
        for (int i = 0; i < 3; i++) {
            a.sqs.send(0);
        }
        assertEquals(Collections.nCopies(3, "0s RESOURCE_NOT_FOUND"), a.log);
        assertEquals(0, a.batchesAt(0), "no poller kept busy");
        assertEquals(3, a.sqs.inBatches());
        a.run(30 * SEC - 1);
        assertEquals(3, a.log.size(), "nothing back before the visibility timeout");
        a.run(31 * SEC);
        assertEquals(List.of("0s RESOURCE_NOT_FOUND", "0s RESOURCE_NOT_FOUND", "0s RESOURCE_NOT_FOUND",
                "30s returned 1, redriven 0", "30s returned 1, redriven 0", "30s returned 1, redriven 0"), a.log);
        assertEquals(3, a.deleted);
        assertEquals(0, a.sqs.visible() + a.sqs.inBatches());
    }

    /**
     * Reserved concurrency 0: every invocation is throttled. Visibility 1 s and the first retry 1 s after the
     * throttle: the retry would come exactly when the messages reappear, so there is none: they reappear at 2 s
     * (the poller free again), are received again and throttled again, and so on every second.
     */
    @Test
    void aThrottledBatchIsNotRetriedWhenItsVisibilityTimeoutRunsOutFirst() {
        SqsEventSourceTest.Harness a = throttled(config(10, 1000, SEC, 0));
        a.sqs.send(SEC);
        assertEquals(1, a.batchesAt(SEC));
        a.run(3 * SEC);
        assertEquals(List.of("1s THROTTLED_RESERVED", "2s returned 1, redriven 0", "2s THROTTLED_RESERVED",
                "3s returned 1, redriven 0", "3s THROTTLED_RESERVED"), a.log);
        assertEquals(1, a.batchesAt(2 * SEC), "the poller given back when its messages reappeared");
        assertEquals(1, a.batchesAt(3 * SEC));
    }

    /**
     * Reserved concurrency 0, batches of 1, 100 messages at 1 s: 5 batches at 1 s, then one more every 0.2 s until
     * all 100 are in batches at 20 s (growth then starts from 100 at 20 s). Each batch is retried 1, 3, 7, 15, 31
     * and 63 s after its first attempt. The throttle at 1 s cut the concurrency; the next cut may come a minute later:
     * the first throttle after 61 s is the retry at 64 s of the batches of 1 s, which halves 100 + 44 / 0.2 = 320.
     */
    @Test
    void aThrottleCutsThePollersConcurrencyAtMostOnceAMinute() {
        SqsEventSourceTest.Harness a = throttled(config(1, 1000, 3600 * SEC, 0));
        for (int i = 0; i < 100; i++) {
            a.sqs.send(SEC);
        }
        a.run(20 * SEC);
        assertEquals(100, a.batchesAt(20 * SEC));
        assertEquals(0, a.sqs.visible());
        a.run(64 * SEC - 1);
        assertEquals(100 + 219, a.sqs.target(64 * SEC - 1), "no cut between 1 s and 64 s");
        a.run(64 * SEC);
        assertEquals(160, a.sqs.target(64 * SEC), "320 halved by the throttles of 64 s");
    }

    /**
     * A backlog of 100,000 messages; invocations run 50 s, except those started at exactly 1 s, 31 s and 61 s,
     * which run 200 s and time out at 100 s: failures at 101 s, 131 s and 161 s. The first halves 5 + 100 / 0.2 =
     * 505 to 252; the one at 131 s, 30 s later, does not cut (252 + 30 / 0.2 = 402); the one at 161 s, exactly a
     * minute after the cut, halves 252 + 60 / 0.2 = 552 to 276.
     */
    @Test
    void aFailureCutsTheConcurrencyAgainOnceAMinuteHasPassedSinceTheLastCut() {
        SqsEventSourceTest.Harness a = new SqsEventSourceTest.Harness(3000);
        a.h.timeoutMicros = 100 * SEC;
        int f = a.h.function("consumer", List.of(), List.of(), -1, 0);
        a.sqs = new SqsEventSource(f, config(10, 1000, 3600 * SEC, 0), a.h.world(), a.h.port, a, () -> {
            long now = a.h.loop.nowMicros();
            return now == SEC || now == 31 * SEC || now == 61 * SEC ? 200 * SEC : 50 * SEC;
        });
        a.h.create(f, 0);
        a.run(SEC);
        for (int i = 0; i < 100_000; i++) {
            a.sqs.send(SEC);
        }
        a.run(101 * SEC - 1);
        assertEquals(5 + 499, a.sqs.target(101 * SEC - 1));
        a.run(101 * SEC);
        assertEquals(252, a.sqs.target(101 * SEC), "505 halved");
        a.run(131 * SEC);
        assertEquals(402, a.sqs.target(131 * SEC), "30 s after the cut: no cut");
        a.run(161 * SEC);
        assertEquals(276, a.sqs.target(161 * SEC), "a minute after the cut: 552 halved");
    }

    /**
     * Batches of 2, one poller (MaximumConcurrency 1), visibility 5 s, maxReceiveCount 2, every invocation timing out
     * at 3 s. m0 (1 s) fails twice (1 s, 6 s) and goes to the dead-letter queue at 11 s; m1 (7 s) and m2 (8 s) wait
     * for the poller, which is free when m0's second batch fails at 9 s (not only when m0 reappears at 11 s): they
     * are received together at 9 s, once each, so both reappear at 14 s; received again, both go at 19 s.
     */
    @Test
    void eachMessageOfABatchKeepsItsOwnReceiveCount() {
        SqsEventSourceTest.Harness a = SqsEventSourceTest.Harness.failingEveryBatch(config(2, 1, 5 * SEC, 2));
        a.run(SEC);
        a.sqs.send(SEC);
        a.run(7 * SEC);
        a.sqs.send(7 * SEC);
        a.run(8 * SEC);
        a.sqs.send(8 * SEC);
        a.run(30 * SEC);
        assertEquals(List.of("1s FUNCTION_ERROR_TIMEOUT", "6s returned 1, redriven 0", "6s FUNCTION_ERROR_TIMEOUT",
                "9s FUNCTION_ERROR_TIMEOUT", "11s returned 0, redriven 1", "14s returned 2, redriven 0",
                "14s FUNCTION_ERROR_TIMEOUT", "19s returned 0, redriven 2"), a.log);
        assertEquals(0, a.sqs.visible() + a.sqs.inBatches());
    }

    /**
     * MaximumConcurrency 5 and batches that run an hour: 100 messages at 1 s fill the 5 pollers and 95 wait. An
     * empty queue's oldest message is 0 s old; a poller at its cap has nothing to grow into, so it does not wake
     * every 0.2 s: nothing is reported after 1 s until a batch ends.
     */
    @Test
    void aPollerAtItsCapDoesNotWakeToGrowAndAnEmptyQueueHasNoAge() {
        SqsEventSourceTest.Harness a = new SqsEventSourceTest.Harness(1000);
        a.function(config(10, 5, 7200 * SEC, 0));
        a.run(SEC);
        a.sqs.send(SEC);
        assertEquals(0, a.lastOldestMicros, "the only message is in a batch: the queue is empty");
        for (int i = 0; i < 99; i++) {
            a.sqs.send(SEC);
        }
        assertEquals(95, a.sqs.visible());
        a.run(100 * SEC);
        assertEquals(Set.of(SEC), a.batches.keySet());
        assertEquals(5, a.batchesAt(100 * SEC));
    }

    /** A queue feeding a function with reserved concurrency 0 (every invocation throttled), run to 1 s. */
    private static SqsEventSourceTest.Harness throttled(SqsConfig config) {
        SqsEventSourceTest.Harness a = new SqsEventSourceTest.Harness(1000);
        int f = a.h.function("consumer", List.of(), List.of(), 0, 0);
        a.sqs = new SqsEventSource(f, config, a.h.world(), a.h.port, a, () -> a.duration);
        a.h.create(f, 0);
        a.run(SEC);
        return a;
    }
}
