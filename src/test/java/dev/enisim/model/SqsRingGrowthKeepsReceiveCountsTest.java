package dev.enisim.model;

import static dev.enisim.model.SqsEventSourceTest.config;
import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The queue's visible messages are a ring of 64 that doubles when full: each message keeps its receive count through
 * the copy, also when the ring's head has moved, so a message goes to the dead-letter queue on its own
 * maxReceiveCount-th receipt, not another's.
 */
class SqsRingGrowthKeepsReceiveCountsTest {

    /**
     * Two pollers (MaximumConcurrency 2), batches of 1, every invocation timing out at 3 s (a function error): a
     * poller takes the next message 3 s after the last, a failed message comes back 30 s after its receipt, and
     * goes to the dead-letter queue at its second receipt's return (maxReceiveCount 2). m1, sent at 1 s, is received
     * at once and comes back at 31 s, behind 54 messages sent at 20 s; at 33 s, 12 more fill the ring (64) and
     * grow it, its head at 11 with m1 52 places behind it. Two messages are received every 3 s from 35 s: m1, the
     * 53rd, at 35 + 3 x 26 = 113 s, the second time: its return at 143 s is the first redrive (the messages first
     * received at 20 s come back at 50 s behind all of these and are received again after 130 s).
     */
    @Test
    void aMessageReturnedBeforeTheRingGrowsKeepsItsReceiveCount() {
        SqsEventSourceTest.Harness a = SqsEventSourceTest.Harness.failingEveryBatch(config(1, 2, 30 * SEC, 2));
        a.run(SEC);
        a.sqs.send(SEC); // m1
        a.run(20 * SEC);
        for (int i = 0; i < 62; i++) {
            a.sqs.send(20 * SEC);
        }
        a.run(33 * SEC);
        assertEquals(53, a.sqs.visible(), "54 waiting behind the head at 32 s, and m1");
        for (int i = 0; i < 12; i++) {
            a.sqs.send(33 * SEC);
        }
        assertEquals(65, a.sqs.visible());
        a.run(200 * SEC);
        List<String> redrives = a.log.stream().filter(s -> s.contains("redriven 1")).toList();
        assertEquals("143s returned 0, redriven 1", redrives.get(0));
    }
}
