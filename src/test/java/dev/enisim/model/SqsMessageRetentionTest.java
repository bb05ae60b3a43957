package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The queue's MessageRetentionPeriod [doc: SQS]: a message older than it (from its sending) is deleted by SQS and
 * never delivered again, whether it waits visible or comes back from a failed batch; the dead-letter queue wins only
 * when maxReceiveCount is reached first.
 */
class SqsMessageRetentionTest {

    static SqsConfig config(int batchSize, int maximumConcurrency, long visibility, int maxReceiveCount,
            long retention) {
        return new SqsConfig(batchSize, maximumConcurrency, visibility, maxReceiveCount, 5, 300, 1000, 0.5, SEC,
                SqsConfig.DEFAULT_ERROR_BACKOFF_INTERVAL_MICROS, retention);
    }

    /**
     * One message sent at 1 s to a queue (visibility 30 s, retention 2 min, {@code maxReceiveCount}; 0: no redrive
     * policy) whose every batch times out, run to 600 s.
     */
    private static SqsEventSourceTest.Harness oneMessageEveryBatchFailing(int maxReceiveCount) {
        SqsEventSourceTest.Harness a = SqsEventSourceTest.Harness.failingEveryBatch(config(10, 1000, 30 * SEC,
                maxReceiveCount, 120 * SEC));
        a.run(SEC);
        a.sqs.send(SEC);
        a.run(600 * SEC);
        return a;
    }

    /**
     * No redrive policy, every invocation times out, visibility 30 s, retention 2 min: the message sent at 1 s is
     * received at 1, 31, 61 and 91 s; when it would reappear at 121 s it is 120 s old: SQS deleted it, and it is
     * never received again.
     */
    @Test
    void aFailingMessageWithoutRedriveExpiresAtTheRetentionPeriod() {
        SqsEventSourceTest.Harness a = oneMessageEveryBatchFailing(0);
        assertEquals(List.of("1s FUNCTION_ERROR_TIMEOUT", "31s returned 1, redriven 0", "31s FUNCTION_ERROR_TIMEOUT",
                "61s returned 1, redriven 0", "61s FUNCTION_ERROR_TIMEOUT", "91s returned 1, redriven 0",
                "91s FUNCTION_ERROR_TIMEOUT", "121s expired 1", "121s returned 0, redriven 0"), a.log);
        assertEquals(1, a.sqs.expired());
        assertEquals(0, a.sqs.visible() + a.sqs.inBatches());
    }

    /** As above with maxReceiveCount 3: the third receipt's return at 91 s comes before the retention: DLQ. */
    @Test
    void theDeadLetterQueueWinsWhenMaxReceiveCountIsReachedFirst() {
        SqsEventSourceTest.Harness a = oneMessageEveryBatchFailing(3);
        assertEquals(List.of("1s FUNCTION_ERROR_TIMEOUT", "31s returned 1, redriven 0", "31s FUNCTION_ERROR_TIMEOUT",
                "61s returned 1, redriven 0", "61s FUNCTION_ERROR_TIMEOUT", "91s returned 0, redriven 1"), a.log);
        assertEquals(0, a.sqs.expired());
        assertEquals(0, a.sqs.visible() + a.sqs.inBatches());
    }

    /**
     * Reserved concurrency 0 (every invocation throttled), MaximumConcurrency 2, batches of 1, visibility 1 h,
     * retention 1 min: of 5 messages sent at 1 s, 2 are in batches retried until the visibility timeout and 3 wait
     * visible, never received: SQS deletes those 3 at 61 s, and the 2 when their batches give them back at 3,601 s.
     */
    @Test
    void aMessageWaitingVisiblePastTheRetentionPeriodExpires() {
        SqsEventSourceTest.Harness a = new SqsEventSourceTest.Harness(1000);
        int f = a.h.function("consumer", List.of(), List.of(), 0, 0);
        a.sqs = new SqsEventSource(f, config(1, 2, 3600 * SEC, 0, 60 * SEC), a.h.world(), a.h.port, a,
                () -> a.duration);
        a.h.create(f, 0);
        a.run(SEC);
        for (int i = 0; i < 5; i++) {
            a.sqs.send(SEC);
        }
        a.run(61 * SEC - 1);
        assertEquals(3, a.sqs.visible());
        assertEquals(0, a.sqs.expired());
        a.run(61 * SEC);
        assertEquals(0, a.sqs.visible());
        assertEquals(3, a.sqs.expired());
        assertEquals(0, a.lastOldestMicros, "the queue is empty");
        assertEquals(2, a.sqs.inBatches());
        a.run(3700 * SEC);
        assertEquals(5, a.sqs.expired());
        assertEquals(0, a.sqs.visible() + a.sqs.inBatches());
        assertEquals(0, a.deleted);
    }
}
