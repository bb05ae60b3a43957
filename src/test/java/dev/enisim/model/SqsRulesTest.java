package dev.enisim.model;

import static dev.enisim.model.SqsEventSourceTest.config;
import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * More of the SQS poller's rules, with times worked out by hand from its documented scaling (5 batches at once, one
 * more every 60 / 300 = 0.2 s while messages remain) and its error handling: messages are deleted when their batch's
 * invocation completes, a failed batch cuts the poller's concurrency (by {@code errorBackoffFactor} 0.5, at most once
 * a minute [assumed]), and a message received {@code maxReceiveCount} times goes to the dead-letter queue.
 */
class SqsRulesTest {

    /**
     * 25 messages sent at 1 s, one by one: the first 5 each reach an idle poller alone; the other 20 wait for the
     * scale-up, which takes a batch of 10 at 1.2 s and another at 1.4 s. Every invocation runs 2 s.
     */
    @Test
    void messagesAreDeletedWhenTheirBatchsInvocationCompletes() {
        SqsEventSourceTest.Harness a = started(2 * SEC, 900 * SEC, config(10, 1000, 3600 * SEC, 0));
        for (int i = 0; i < 25; i++) {
            a.sqs.send(SEC);
        }
        assertEquals(20, a.sqs.visible());
        assertEquals(5, a.sqs.inBatches());
        a.run(2_999_999);
        assertEquals(0, a.deleted, "nothing deleted before the first invocations complete at 3 s");
        assertEquals(7, a.batchesAt(2_999_999));
        a.run(3 * SEC);
        assertEquals(5, a.deleted);
        a.run(3_200_000);
        assertEquals(15, a.deleted);
        a.run(3_400_000);
        assertEquals(25, a.deleted);
        assertEquals(0, a.sqs.visible() + a.sqs.inBatches());
        assertEquals(0, a.batchesAt(3_400_000));
    }

    /**
     * 1,000 messages at 1 s, every invocation timing out at 3 s: the poller grows from 5 by one batch every 0.2 s,
     * so at 4 s, when the first batches fail, it may run 5 + 3 / 0.2 = 20; the failure halves that to 10 and growth
     * starts again from there: 10 + 1 / 0.2 = 15 at 5 s, though batches fail every 0.2 s meanwhile (once a minute).
     */
    @Test
    void aFailedBatchHalvesThePollersConcurrencyAtMostOnceAMinute() {
        SqsEventSourceTest.Harness a = timingOut(3600 * SEC, 0);
        for (int i = 0; i < 1000; i++) {
            a.sqs.send(SEC);
        }
        a.run(3_999_999);
        assertEquals(5 + 14, a.sqs.target(3_999_999), "grown for 2.8 s, not yet cut");
        a.run(4 * SEC);
        assertEquals(10, a.sqs.target(4 * SEC), "20 halved at the first failure");
        a.run(5 * SEC);
        assertEquals(15, a.sqs.target(5 * SEC), "the failures of 4.2 to 5 s do not cut it again");
    }

    /**
     * As above with {@code sqs.errorBackoffInterval: 500ms}: the failures from 4.6 s on cut the poller again (it
     * was a constant minute in the code): (10 + 3) / 2 = 6 at 4.6 s, then growth to 8 by 5 s, where a minute's
     * interval leaves 15.
     */
    @Test
    void theBackoffIntervalIsTheScenarios() {
        SqsConfig c = config(10, 1000, 3600 * SEC, 0);
        SqsEventSourceTest.Harness a = started(10 * SEC, 3 * SEC, new SqsConfig(c.batchSize(), c.maximumConcurrency(),
                c.visibilityTimeoutMicros(), c.maxReceiveCount(), c.initialBatches(), c.scaleUpPerMinute(),
                c.maxBatches(), c.errorBackoffFactor(), c.throttleRetryMicros(), 500_000L));
        for (int i = 0; i < 1000; i++) {
            a.sqs.send(SEC);
        }
        a.run(4 * SEC);
        assertEquals(10, a.sqs.target(4 * SEC), "20 halved at the first failure");
        a.run(4_600_000);
        assertEquals(6, a.sqs.target(4_600_000), "cut again half a second later");
        a.run(5 * SEC);
        assertEquals(8, a.sqs.target(5 * SEC));
    }

    /** Visibility 30 s, maxReceiveCount 2, every invocation timing out at 3 s. */
    @Test
    void aMessageReceivedMaxReceiveCountTimesGoesToTheDeadLetterQueue() {
        SqsEventSourceTest.Harness a = timingOut(30 * SEC, 2);
        a.sqs.send(SEC);
        a.run(600 * SEC);
        assertEquals(List.of("1s FUNCTION_ERROR_TIMEOUT", "31s returned 1, redriven 0", "31s FUNCTION_ERROR_TIMEOUT",
                "61s returned 0, redriven 1"), a.log);
        assertEquals(0, a.sqs.visible() + a.sqs.inBatches());
        assertEquals(0, a.deleted);
    }

    @Test
    void withoutARedrivePolicyAFailingMessageReappearsEveryVisibilityTimeout() {
        SqsEventSourceTest.Harness a = timingOut(30 * SEC, 0);
        a.sqs.send(SEC);
        a.run(100 * SEC);
        assertEquals(List.of("1s FUNCTION_ERROR_TIMEOUT", "31s returned 1, redriven 0", "31s FUNCTION_ERROR_TIMEOUT",
                "61s returned 1, redriven 0", "61s FUNCTION_ERROR_TIMEOUT", "91s returned 1, redriven 0",
                "91s FUNCTION_ERROR_TIMEOUT"), a.log);
        assertEquals(1, a.sqs.inBatches());
    }

    /**
     * MaximumConcurrency 5 and 800 s batches: after 5 messages at 1 s fill the poller, 100 more sent 1 ms apart
     * from 2 s wait in the queue (past its first 64 slots, after its head has moved on by 5). The oldest is the one
     * sent at 2 s, whatever the growth did; when the batches end at 801 s they leave oldest first, 10 at a time.
     */
    @Test
    void waitingMessagesKeepTheirOrderAsTheQueueGrows() {
        SqsEventSourceTest.Harness a = started(800 * SEC, 900 * SEC, config(10, 5, 7200 * SEC, 0));
        for (int i = 0; i < 5; i++) {
            a.sqs.send(SEC);
        }
        for (int i = 0; i < 100; i++) {
            long t = 2 * SEC + i * 1000L;
            a.run(t);
            a.sqs.send(t);
        }
        assertEquals(105, a.sentCount);
        assertEquals(100, a.sqs.visible());
        assertEquals(99_000, a.lastOldestMicros, "sent at 2 s, looked at 2.099 s");
        assertEquals(5, a.lastTarget, "MaximumConcurrency");
        a.run(801 * SEC); // the five first batches end: five batches of 10 start
        assertEquals(50, a.sqs.visible());
        assertEquals(801 * SEC - (2 * SEC + 50_000), a.lastOldestMicros, "the 51st sent is now the oldest");
    }

    /**
     * A queue (batch 10, 1,000 pollers at most) whose messages stay hidden {@code visibilityMicros} after a receive,
     * feeding a function whose every invocation runs 10 s and so times out at its 3 s timeout; run to 1 s.
     */
    private static SqsEventSourceTest.Harness timingOut(long visibilityMicros, int maxReceiveCount) {
        return started(10 * SEC, 3 * SEC, config(10, 1000, visibilityMicros, maxReceiveCount));
    }

    /**
     * A queue feeding one function (1,000 pollers at most) whose every invocation runs {@code durationMicros} under
     * a {@code timeoutMicros} timeout; run to 1 s.
     */
    private static SqsEventSourceTest.Harness started(long durationMicros, long timeoutMicros,
            SqsConfig config) {
        SqsEventSourceTest.Harness a = new SqsEventSourceTest.Harness(1000);
        a.h.timeoutMicros = timeoutMicros;
        a.duration = durationMicros;
        a.function(config);
        a.run(SEC);
        return a;
    }
}
