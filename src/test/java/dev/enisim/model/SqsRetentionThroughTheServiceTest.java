package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.engine.EventLoop;
import dev.enisim.model.network.Cidr;
import dev.enisim.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The queue's retention check reaches its poller through the service's dispatch ({@link LambdaService#handle}), as
 * in a run: a function outside any VPC, reserved concurrency 0 (every invocation throttled), fed by a queue of
 * batches of 1, MaximumConcurrency 2, visibility timeout 120 s and retention 60 s. Of three messages sent at 1 s,
 * two are in batches retried until 121 s; the third waits visible and SQS deletes it at 61 s.
 */
class SqsRetentionThroughTheServiceTest {

    @Test
    void theRetentionCheckIsDispatchedToTheQueuesPoller() {
        EventLoop<SimEvent> loop = new EventLoop<>();
        List<String> expired = new ArrayList<>();
        SqsListener sqs = new SqsListener() {
            @Override
            public void expired(int function, int messages, long nowMicros) {
                expired.add(nowMicros / SEC + "s " + function + " " + messages);
            }
        };
        LambdaService.Builder b = LambdaService.builder(LambdaServiceTest.settingsOfOneSecond(), Port.of(loop),
                new WorldListener() {
                }, AsyncListener.NONE, sqs);
        b.addVpc("vpc-1", 500, 0);
        b.addSecurityGroup("vpc-1", "sg-1");
        b.addSubnet("vpc-1", "subnet-1", Cidr.parse("10.0.1.0/24"), "az-1", 0);
        int f = b.addFunction(TestFunction.of("queue", 900 * SEC, 0, 0, List.of(), List.of()),
                new RandomStreams(1, 0).stream("queue/subnet"), () -> 0L, 0, () -> SEC);
        b.fedByQueue(f, SqsMessageRetentionTest.config(1, 2, 120 * SEC, 0, 60 * SEC));
        LambdaService s = b.build();
        loop.setPlainHandler(s::handle);
        loop.schedule(0, SimEvent.PRIORITY_CONTROL, new SimEvent.CreateFunction(f));
        run(loop, s, SEC);
        for (int i = 0; i < 3; i++) {
            s.arrive(f, SEC);
        }
        run(loop, s, 61 * SEC - 1);
        assertEquals(List.of(), expired);
        run(loop, s, 61 * SEC);
        assertEquals(List.of("61s " + f + " 1"), expired);
    }

    private static void run(EventLoop<SimEvent> loop, LambdaService s, long untilMicros) {
        loop.runUntil(untilMicros, (e, now) -> {
            s.handle(e, now);
            s.checkInvariants();
        });
    }
}
