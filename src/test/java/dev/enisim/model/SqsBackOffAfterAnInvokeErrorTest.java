package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An invoke error cuts the SQS poller's concurrency like a failed or throttled batch (at most once a minute, to half
 * of it, at least 2), and the cut shows while messages still wait: the poller then starts no batch until its
 * concurrency has grown back past the batches in flight, one step every 0.2 s (300 a minute).
 */
class SqsBackOffAfterAnInvokeErrorTest {

    /**
     * The pre-2019 model, 3 GB functions (one ENI per environment), an EC2 API burst of 5 ENIs that refills only
     * once every 100 s. Eight messages at 0, batches of 1 that run 10 minutes: the first five take the 5 pollers and the
     * burst's 5 ENIs; three wait. At 0.2 s the poller may run 6: the sixth batch needs a sixth ENI and gets
     * EC2ThrottledException (an invoke error): the concurrency is cut to 6 x 0.5 = 3 from 0.2 s and the two others
     * wait while 5 batches are in flight, until 3 + 3 steps = 6 at 0.8 s; then both start (and get the same error,
     * with no second cut within the minute; the queue empty, growth restarts from the 5 in flight). Without the cut
     * all three would fail at 0.2 s.
     */
    @Test
    void anInvokeErrorCutsTheConcurrencyWhileMessagesWait() {
        WorldHarness h = new WorldHarness(5000, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT,
                new Legacy(() -> 10 * SEC, 5, 0.01));
        h.vpcWithSg(5000);
        h.subnet("s", "10.0.0.0/24", "az");
        h.timeoutMicros = 900 * SEC;
        int f = h.function("consumer", Legacy.MEMORY_PER_ENI_MB, List.of("s"), List.of("sg"), 0, 0, 0);
        List<String> failures = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        SqsListener listener = new SqsListener() {
            @Override
            public void batchFailed(int function, Outcome outcome, long nowMicros) {
                failures.add(nowMicros + " us " + outcome);
            }

            @Override
            public void queue(int function, int visible, long oldestAgeMicros, int batches, int target,
                    long nowMicros) {
                targets.add(nowMicros + " us: " + visible + " waiting, " + batches + " of " + target);
            }
        };
        SqsEventSource sqs = new SqsEventSource(f, SqsEventSourceTest.config(1, 1000, 3600 * SEC, 0), h.world(),
                h.port, listener, () -> 600 * SEC);
        h.create(f, 0);
        run(h, sqs, 0);
        for (int i = 0; i < 8; i++) {
            sqs.send(0);
        }
        assertEquals("0 us: 3 waiting, 5 of 5", targets.get(targets.size() - 1));
        assertEquals(List.of(), failures);
        run(h, sqs, SEC);
        assertEquals(List.of("200000 us EC2_THROTTLED", "800000 us EC2_THROTTLED", "800000 us EC2_THROTTLED"),
                failures);
        assertEquals(List.of("200000 us: 2 waiting, 5 of 3", "400000 us: 2 waiting, 5 of 4",
                "600000 us: 2 waiting, 5 of 5", "800000 us: 0 waiting, 5 of 5"), targets.subList(8, targets.size()));
        assertEquals(3, sqs.inBatches() - 5, "the three failed batches' messages wait for their visibility timeout");
    }

    private static void run(WorldHarness h, SqsEventSource sqs, long until) {
        SqsEventSourceTest.Harness.runChecked(h, sqs, until);
    }
}
