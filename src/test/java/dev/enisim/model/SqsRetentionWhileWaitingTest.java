package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The queue's MessageRetentionPeriod for messages that wait visible (SqsEventSource's retention check and the
 * poller's receipt; {@link SqsMessageRetentionTest} has the messages that expire in a batch). Reserved concurrency 0,
 * so every invocation is throttled and each batch (of 1 message) is retried until its visibility timeout (30 s),
 * then returned; MaximumConcurrency 2: two pollers, the other messages wait. Each timeline is worked out by hand:
 * a message is received in the order it was made visible (sent, or reappeared), and SQS deletes a visible message
 * that reached the retention period at the retention check (when the oldest message never received reaches it) or,
 * one that reappeared, at the latest when a poller would receive it. The log has every expiry, return and deletion,
 * and the queue's gauge (visible, the front message's age, batches) each time it changes.
 */
class SqsRetentionWhileWaitingTest {

    /** Retention 60 s; 4 messages sent at 1 s and 6 at 20 s. */
    @Test
    void theRetentionCheckDeletesReappearedMessagesAndComesBackForTheNextOldest() {
        Run r = new Run(60 * SEC);
        r.send(SEC, 4);
        r.send(20 * SEC, 6);
        r.runTo(300 * SEC);
        assertEquals(List.of(
                "1s visible 0 oldest 0s batches 1", "1s visible 0 oldest 0s batches 2", // messages 1 and 2 received
                "1s visible 1 oldest 0s batches 2", "1s visible 2 oldest 0s batches 2", // 3 and 4 wait
                "20s visible 3 oldest 19s batches 2", "20s visible 4 oldest 19s batches 2",
                "20s visible 5 oldest 19s batches 2", "20s visible 6 oldest 19s batches 2",
                "20s visible 7 oldest 19s batches 2", "20s visible 8 oldest 19s batches 2",
                // 1 reappears after message 3, 4 and the six of 20 s: 3 is received; then 2, and 4 is received
                "31s returned 1", "31s visible 8 oldest 30s batches 2", "31s returned 1",
                "31s visible 8 oldest 11s batches 2",
                // the check due at 61 s (message 1's): 1 and 2, waiting since 31 s, are deleted; the next check is
                // due at 80 s (the six of 20 s); then 3 and 4 come back past the period, each poller takes one of those
                "61s expired 2", "61s visible 6 oldest 41s batches 2",
                "61s expired 1", "61s returned 0", "61s visible 5 oldest 41s batches 2",
                "61s expired 1", "61s returned 0", "61s visible 4 oldest 41s batches 2",
                "80s expired 4", "80s visible 0 oldest 0s batches 2", // the four still waiting
                "91s expired 1", "91s returned 0", "91s visible 0 oldest 0s batches 1",
                "91s expired 1", "91s returned 0", "91s visible 0 oldest 0s batches 0"), r.log.lines);
        assertEquals(10, r.sqs.expired());
    }

    /**
     * Retention 45 s; a message sent at 1, 2 and 3 s. 1 and 2 are received at once, 3 waits; the check is due at
     * 46 s. At 31 s 1 reappears and 3 is received; at 32 s 2 reappears and 1 is received: 2 waits. The check at 46 s
     * finds 2 at 44 s old: nothing deleted, and no check due after it (no message never received). At 61 s 3 comes
     * back past the period, and the poller it frees finds 2, 59 s old: deleted on receipt, no batch. At 62 s 1.
     */
    @Test
    void aReappearedMessageThatExpiresBetweenChecksIsDeletedWhenAPollerWouldReceiveIt() {
        Run r = oneMessageAt1And2And3Seconds();
        r.runTo(300 * SEC);
        assertEquals(List.of("1s visible 0 oldest 0s batches 1", "2s visible 0 oldest 0s batches 2",
                "3s visible 1 oldest 0s batches 2", "31s returned 1", "31s visible 1 oldest 30s batches 2",
                "32s returned 1",
                "61s expired 1", "61s returned 0", "61s expired 1", "61s visible 0 oldest 0s batches 1",
                "62s expired 1", "62s returned 0", "62s visible 0 oldest 0s batches 0"), r.log.lines);
        assertEquals(3, r.sqs.expired());
    }

    /**
     * As above, with a fourth message sent at 40 s while 2 (reappeared at 32 s) waits: 2 was made visible first, so it
     * stays the queue's front (38 s old) and is the first a poller takes at 61 s (deleted on receipt, past the
     * period); the new message is received after it, in the same batch's place, and expires when its batch comes
     * back at 91 s.
     */
    @Test
    void aMessageSentAfterAReappearedOneComesAfterIt() {
        Run r = oneMessageAt1And2And3Seconds();
        r.send(40 * SEC, 1);
        r.runTo(300 * SEC);
        assertEquals(List.of("1s visible 0 oldest 0s batches 1", "2s visible 0 oldest 0s batches 2",
                "3s visible 1 oldest 0s batches 2", "31s returned 1", "31s visible 1 oldest 30s batches 2",
                "32s returned 1", "40s visible 2 oldest 38s batches 2",
                "61s expired 1", "61s returned 0", "61s expired 1", "61s visible 0 oldest 0s batches 2",
                "62s expired 1", "62s returned 0", "62s visible 0 oldest 0s batches 1",
                "91s expired 1", "91s returned 0", "91s visible 0 oldest 0s batches 0"), r.log.lines);
        assertEquals(4, r.sqs.expired());
    }

    /** Retention 45 s; a message sent at 1, 2 and 3 s. */
    private static Run oneMessageAt1And2And3Seconds() {
        Run r = new Run(45 * SEC);
        for (int s = 1; s <= 3; s++) {
            r.send(s * SEC, 1);
        }
        return r;
    }

    /** One consumer outside any VPC, reserved concurrency 0, of a queue of batches of 1 and MaximumConcurrency 2. */
    private static final class Run {
        final WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC);
        final Log log = new Log();
        final SqsEventSource sqs;

        Run(long retentionMicros) {
            int f = h.function("consumer", List.of(), List.of(), 0, 0);
            sqs = new SqsEventSource(f, SqsMessageRetentionTest.config(1, 2, 30 * SEC, 0, retentionMicros), h.world(),
                    h.port, log, () -> SEC);
            h.create(f, 0);
        }

        void send(long atMicros, int messages) {
            runTo(atMicros);
            for (int i = 0; i < messages; i++) {
                sqs.send(atMicros);
            }
        }

        void runTo(long micros) {
            SqsEventSourceTest.Harness.runChecked(h, sqs, micros);
        }
    }

    private static final class Log implements SqsListener {
        final List<String> lines = new ArrayList<>();
        private String last = "";

        @Override
        public void expired(int function, int messages, long nowMicros) {
            lines.add(nowMicros / SEC + "s expired " + messages);
        }

        @Override
        public void deleted(int function, int messages, long nowMicros) {
            lines.add(nowMicros / SEC + "s deleted " + messages);
        }

        @Override
        public void visibilityExpired(int function, int returned, int toDeadLetterQueue, long nowMicros) {
            lines.add(nowMicros / SEC + "s returned " + returned);
        }

        @Override
        public void queue(int function, int visible, long oldestAgeMicros, int batches, int target, long nowMicros) {
            String q = "visible " + visible + " oldest " + oldestAgeMicros / SEC + "s batches " + batches;
            if (!q.equals(last)) {
                lines.add(nowMicros / SEC + "s " + q);
                last = q;
            }
        }
    }
}
