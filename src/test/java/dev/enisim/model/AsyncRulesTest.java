package dev.enisim.model;

import static dev.enisim.model.AsyncInvocationsTest.config;
import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * More of the asynchronous queue's documented rules, each with times worked out by hand: a throttled event waits
 * 1, 2, 4, 8 s until the function has room; the maximum event age cuts a retry that would come after it (not one
 * that comes exactly at it); an event whose function was deleted is dropped, and new events are refused; the
 * on-failure destination and the dead-letter queue each get the dropped event.
 */
class AsyncRulesTest {

    private static final long HOUR = 3600 * SEC;

    /** Reserved concurrency 1 and 10 s runs: the second event is throttled until the first ends at 11 s. */
    @Test
    void aThrottledEventIsRetriedAfterOneTwoFourAndEightSeconds() {
        AsyncInvocationsTest.Harness a = new AsyncInvocationsTest.Harness();
        a.duration = 10 * SEC;
        int f = a.function("one", List.of(), 1, config(2, 6 * HOUR, false, false));
        a.h.create(f, 0);
        a.run(SEC);
        a.async.receive(f, SEC);
        a.async.receive(f, SEC);
        assertEquals(1, a.async.queued(), "the throttled one waits");
        a.run(HOUR);
        assertEquals(List.of(2 * SEC, 4 * SEC, 8 * SEC, 16 * SEC), a.attempts);
        assertEquals(List.of("succeeded after 1 at 1 s, latency 10", "succeeded after 5 at 16 s, latency 25"), a.ends);
        assertEquals(List.of("invoked at 1 s, age 0 s", "retry after a throttle or system error at 2 s",
                "retry after a throttle or system error at 4 s", "retry after a throttle or system error at 8 s",
                "retry after a throttle or system error at 16 s", "invoked at 16 s, age 15 s"), a.log);
        assertEquals(4, a.h.outcomes.get(Outcome.THROTTLED_RESERVED));
        assertEquals(0, a.async.queued());
    }

    /** Timeout 3 s: an attempt at 1 s fails at 4 s, its retry is due 60 s later, at 64 s. */
    private static AsyncInvocationsTest.Harness timingOut(long maximumAge) {
        AsyncInvocationsTest.Harness a = new AsyncInvocationsTest.Harness();
        a.h.timeoutMicros = 3 * SEC;
        a.duration = 10 * SEC;
        int f = a.function("slow", List.of(), -1, config(1, maximumAge, false, false));
        a.h.create(f, 0);
        a.run(SEC);
        a.async.receive(f, SEC);
        return a;
    }

    @Test
    void aRetryDueExactlyAtTheMaximumAgeIsStillMade() {
        AsyncInvocationsTest.Harness a = timingOut(63 * SEC); // expires at 1 + 63 = 64 s
        a.run(HOUR);
        assertEquals(List.of(64 * SEC), a.attempts);
        assertEquals(List.of("RETRIES_EXHAUSTED at 64 s"), a.ends);
    }

    @Test
    void aRetryDueAfterTheMaximumAgeIsNotMadeAndTheEventExpiresAtItsAge() {
        AsyncInvocationsTest.Harness a = timingOut(62 * SEC); // expires at 63 s, before the retry at 64 s
        a.run(HOUR);
        assertTrue(a.attempts.isEmpty());
        assertEquals(List.of("MAXIMUM_EVENT_AGE at 63 s"), a.ends);
    }

    @Test
    void aRetryThatSucceedsCountsItsAttemptsAndTheLatencySinceTheEventWasQueued() {
        AsyncInvocationsTest.Harness a = timingOut(6 * HOUR);
        a.run(10 * SEC);
        a.duration = SEC; // the retry runs within the timeout
        a.run(HOUR);
        assertEquals(List.of("succeeded after 2 at 64 s, latency 64"), a.ends, "queued at 1 s, completed at 65 s");
        assertEquals(List.of("invoked at 1 s, age 0 s", "retry after a function error at 64 s",
                "invoked at 64 s, age 63 s"), a.log);
    }

    @Test
    void anEventOfADeletedFunctionIsDroppedAndNewOnesAreRefused() {
        AsyncInvocationsTest.Harness a = timingOut(6 * HOUR);
        a.h.at(30 * SEC, new SimEvent.DeleteFunction(0));
        a.run(100 * SEC);
        a.async.receive(0, 100 * SEC);
        assertEquals(List.of("FUNCTION_NOT_INVOCABLE at 64 s", "refused at 100 s"), a.ends);
        assertEquals(0, a.async.queued());
    }

    @Test
    void aDroppedEventGoesToTheDestinationAndTheDeadLetterQueueEachOnce() {
        AsyncInvocationsTest.Harness a = new AsyncInvocationsTest.Harness();
        // the destination always fails (probability 1), the dead-letter queue never does (0)
        AsyncConfig c = new AsyncConfig(2, 6 * HOUR, true, 1.0, true, 0, SEC, 300 * SEC, 2, false);
        int f = a.function("off", List.of(), 0, c);
        a.h.create(f, 0);
        a.run(SEC);
        a.async.receive(f, 2 * SEC);
        assertEquals(List.of("RESERVED_CONCURRENCY_ZERO at 2 s"), a.ends);
        assertEquals(List.of("destination failed", "dead-letter queue delivered"), a.log);
    }

    /**
     * A ServiceException (500: the function's only AZ is down) is a system error: the event is queued and retried at
     * +1, +3, +7, +15 s; the AZ is back at 110 s, so the retry at 115 s succeeds.
     */
    @Test
    void aServiceExceptionIsQueuedAndRetriedLikeAnyServerError() {
        AsyncInvocationsTest.Harness a = new AsyncInvocationsTest.Harness();
        int sync = a.h.function("sync", List.of(), List.of("sg-a")); // added before the world is built
        int f = a.function("one-az", List.of("subnet-1"), -1, config(2, 6 * HOUR, false, false));
        a.h.create(f, 0);
        a.h.at(90 * SEC, new SimEvent.AzAvailability(0, true));
        a.h.at(110 * SEC, new SimEvent.AzAvailability(0, false));
        a.run(100 * SEC);
        a.async.receive(f, 100 * SEC);
        assertEquals(1, a.received);
        a.run(HOUR);
        assertEquals(List.of(101 * SEC, 103 * SEC, 107 * SEC, 115 * SEC), a.attempts);
        assertEquals(List.of("succeeded after 5 at 115 s, latency 16"), a.ends);
        assertEquals(4, a.h.outcomes.get(Outcome.SERVICE_EXCEPTION));
        assertTrue(a.async.isAsync(f));
        assertTrue(!a.async.isAsync(sync));
    }
}
