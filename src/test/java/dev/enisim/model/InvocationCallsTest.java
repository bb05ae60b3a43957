package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a listener that implements only the fine-grained calls is told of an invocation, in order: the model reports
 * a start and an end in one call each ({@link WorldListener#started}, {@link WorldListener#ended}), and their
 * defaults forward to the fine-grained calls in the order the model made them one by one before (the key's
 * connections and the function's environments reported between, as they change: a cold start's new environment
 * once its invocation has its ports, known to run). A fact the model left out of
 * a combined call, or passed wrong, changes these lists.
 */
class InvocationCallsTest {

    /** api: 1 connection per invocation on its key (key 0), no init time; Active at 60 s (its ENI ready). */
    private static WorldHarness activeApi() {
        WorldHarness h = WorldHarness.standard();
        h.createdApi();
        h.advanceTo(60 * SEC);
        h.seen.recordCalls();
        return h;
    }

    @Test
    void aColdStartItsEndAndAWarmStart() {
        WorldHarness h = activeApi();
        assertEquals(Outcome.SUCCESS, h.invoke(0, 2 * SEC));
        // a cold start's environment is told once its invocation is known to run, after the invocation's reports
        assertEquals(List.of("connections 0 1", "concurrency 0 1 1", "latency 0 2000000 true",
                "execution 0 SUCCESS true false 0 2000000", "invocation 0 SUCCESS", "environments 0 1",
                "environmentLevels 0 1 0 0"), h.seen.calls);
        h.seen.recordCalls();
        h.advanceTo(63 * SEC);
        assertEquals(List.of("concurrency 0 0 0", "connections 0 0", "environmentLevels 0 0 1 0"), h.seen.calls);
        h.seen.recordCalls();
        assertEquals(Outcome.SUCCESS, h.invoke(0, SEC / 2));
        assertEquals(List.of("environmentLevels 0 1 0 0", "connections 0 1", "concurrency 0 1 1",
                "latency 0 500000 false", "execution 0 SUCCESS false false 0 500000", "invocation 0 SUCCESS"),
                h.seen.calls);
    }

    /** Two in flight: the counts each start and end carries; a timeout has no latency, and runs to the timeout. */
    @Test
    void concurrentInvocationsAndATimeout() {
        WorldHarness h = activeApi();
        h.timeoutMicros = 900 * SEC;
        assertEquals(Outcome.SUCCESS, h.invoke(0, 2 * SEC));
        assertEquals(Outcome.FUNCTION_ERROR_TIMEOUT, h.invoke(0, 1000 * SEC));
        assertEquals(List.of("connections 0 1", "concurrency 0 1 1", "latency 0 2000000 true",
                "execution 0 SUCCESS true false 0 2000000", "invocation 0 SUCCESS", "environments 0 1",
                "environmentLevels 0 1 0 0", "connections 0 2", "concurrency 0 2 2",
                "execution 0 FUNCTION_ERROR_TIMEOUT true false 0 900000000", "invocation 0 FUNCTION_ERROR_TIMEOUT",
                "environments 0 2", "environmentLevels 0 2 0 0"), h.seen.calls);
        h.seen.recordCalls();
        h.advanceTo(63 * SEC);
        assertEquals(List.of("concurrency 0 1 1", "connections 0 1", "environmentLevels 0 1 1 0"), h.seen.calls);
    }

    /** A throttled invocation is one call: its outcome. */
    @Test
    void aThrottleIsItsOutcomeAlone() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("capped", List.of("subnet-1"), List.of("sg-a"), 1, 1);
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 10 * SEC));
        h.seen.recordCalls();
        assertEquals(Outcome.THROTTLED_RESERVED, h.invoke(f, 10 * SEC));
        assertEquals(List.of("invocation 0 THROTTLED_RESERVED"), h.seen.calls);
    }

    /**
     * An invocation refused after it got an environment: one provisioned environment and two ports per ENI; the
     * first invocation runs on the provisioned environment, the second cold-starts on demand (a spillover), the
     * third cold-starts too but finds the key's ports taken while its scale-out begins: ENINotReadyException, its
     * new environment discarded before its init. It never ran: it is reported as its outcome alone, neither an
     * execution (a cold start) nor a spillover, never as a start, and the environment made and discarded at that
     * instant is not told either (until round 2's thirty-third pass it was, 3 then 2: a peak of environments that
     * never existed).
     */
    @Test
    void aRefusalAfterAColdStartIsItsOutcomeAlone() {
        WorldHarness h = Ec2LimitAndEniNotReadyTest.world(new HyperplaneNetworking(0, 0, true), 2);
        int f = h.function("db", 128, List.of("subnet-2"), List.of("sg-a"), 0, 1, 0);
        h.create(f, 0);
        h.advanceTo(100 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 600 * SEC));
        assertEquals(Outcome.SUCCESS, h.invoke(f, 600 * SEC));
        h.seen.recordCalls();
        assertEquals(Outcome.ENI_NOT_READY, h.invoke(f, SEC));
        assertEquals(List.of("invocation 0 ENI_NOT_READY"), h.seen.calls,
                "the environment made and discarded at that instant is not told: it never existed for the metrics");
    }

    /**
     * On provisioned concurrency: a start on a provisioned environment says so; one more, on demand while the
     * provisioned one is busy, spills over.
     */
    @Test
    void provisionedRunsAndASpillover() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("db", 128, List.of("subnet-1"), List.of("sg-a"), 0, 1, 0);
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        h.seen.recordCalls();
        assertEquals(Outcome.SUCCESS, h.invoke(f, 10 * SEC));
        assertEquals(Outcome.SUCCESS, h.invoke(f, 10 * SEC));
        assertEquals(List.of("connections 0 1", "concurrency 0 1 1", "latency 0 10000000 false",
                "execution 0 SUCCESS false true 0 10000000", "invocation 0 SUCCESS",
                "connections 0 2", "concurrency 0 2 2", "latency 0 10000000 true",
                "execution 0 SUCCESS true false 0 10000000", "provisionedSpillover 0", "invocation 0 SUCCESS",
                "environments 0 2", "environmentLevels 0 1 0 1"), h.seen.calls);
    }
}
