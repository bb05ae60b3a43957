package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/** Lambda's asynchronous event queue against the documented retry rules, with fixed figures. */
class AsyncInvocationsTest {

    private static final long HOUR = 3600 * SEC;

    /** The documented defaults: 2 retries, 6 h, back-off from 1 s doubling to 5 min. */
    static AsyncConfig config(int retries, long maxAge, boolean dlq, boolean retryPending) {
        return new AsyncConfig(retries, maxAge, false, 0, dlq, 0, SEC, 300 * SEC, 2, retryPending);
    }

    /** A world, the queue on the same loop, and what the queue reported. */
    static final class Harness implements AsyncListener {
        final WorldHarness h = WorldHarness.standard();
        /** Made with the first function: the world is built then (add VPCs and subnets before). */
        AsyncInvocations async;
        final List<Long> attempts = new ArrayList<>();
        final List<String> ends = new ArrayList<>();
        /** Each attempt's age ("invoked at T s, age A s"), retry kind and delivery, in order (seconds). */
        final List<String> log = new ArrayList<>();
        long delivered;
        long received;
        long duration = SEC;

        int function(String name, List<String> subnets, int reserved, AsyncConfig c) {
            int f = h.function(name, subnets, List.of("sg-a"), reserved, 1);
            if (async == null) {
                async = new AsyncInvocations(h.world(), h.port, this, 4);
            }
            async.add(f, c, () -> duration, new MersenneTwister(1));
            return f;
        }

        void run(long until) {
            h.loop.setPlainHandler((kind, payload, now) -> { // invocations' ends
                h.world().handle(kind, payload, now);
                h.world().checkInvariants();
                async.checkInvariants();
            });
            h.loop.runUntil(until, (e, now) -> {
                if (e instanceof SimEvent.AsyncAttempt a) {
                    async.attempt(a, now);
                } else {
                    h.world().handle(e, now);
                }
                h.world().checkInvariants();
                async.checkInvariants();
            });
        }

        @Override
        public void received(int function, long nowMicros) {
            received++;
        }

        @Override
        public void invoked(int function, long eventAgeMicros, long nowMicros) {
            log.add("invoked at " + nowMicros / SEC + " s, age " + eventAgeMicros / SEC + " s");
        }

        @Override
        public void retried(int function, boolean functionError, long nowMicros) {
            attempts.add(nowMicros);
            log.add((functionError ? "retry after a function error" : "retry after a throttle or system error")
                    + " at " + nowMicros / SEC + " s");
        }

        @Override
        public void succeeded(int function, long latencyMicros, int attempts, long nowMicros) {
            ends.add("succeeded after " + attempts + " at " + nowMicros / SEC + " s, latency " + latencyMicros / SEC);
        }

        @Override
        public void dropped(int function, AsyncDrop reason, long nowMicros) {
            ends.add(reason + " at " + nowMicros / SEC + " s");
        }

        @Override
        public void delivery(int function, boolean destination, boolean ok, long nowMicros) {
            delivered++;
            log.add((destination ? "destination " : "dead-letter queue ") + (ok ? "delivered" : "failed"));
        }

        @Override
        public void refused(int function, long nowMicros) {
            ends.add("refused at " + nowMicros / SEC + " s");
        }
    }

    /** Closed form: the k-th retry waits min(2^(k-1), 300) s; the n-th retry comes at the sum of the waits. */
    static long closedFormRetryAt(int n) {
        long t = 0;
        for (int k = 1; k <= n; k++) {
            t += Math.min(1L << Math.min(k - 1, 20), 300L) * SEC;
        }
        return t;
    }

    @Test
    void backOffDelaysDoubleFromOneSecondToFiveMinutes() {
        AsyncConfig c = config(2, 6 * HOUR, false, false);
        long[] expected = {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300};
        for (int k = 1; k <= expected.length; k++) {
            assertEquals(expected[k - 1] * SEC, AsyncInvocations.systemRetryDelayMicros(c, k), "retry " + k);
        }
        assertEquals(300 * SEC, AsyncInvocations.systemRetryDelayMicros(c, 10_000));
    }

    /**
     * A function that always answers a system error (5xx: its subnets are in two VPCs, so it is Failed and answers
     * InvalidSubnetIDException) is retried on the closed-form schedule for 6 h, then dropped to its DLQ: 511 s of
     * doubling waits (1 + 2 + ... + 256), then 5-minute waits: 9 + floor((21600 - 511) / 300) = 79 retries.
     */
    @Test
    void systemErrorsAreRetriedOnTheBackOffScheduleUntilTheMaximumAge() {
        Harness a = new Harness();
        a.h.build.addVpc("vpc-2", 500);
        a.h.build.addSubnet("vpc-2", "subnet-other-vpc", dev.enisim.model.network.Cidr.parse("10.9.0.0/24"), "az-1", 0);
        int f = a.function("broken", List.of("subnet-2", "subnet-other-vpc"), -1, config(2, 6 * HOUR, true, false));
        a.h.create(f, 0);
        a.run(10 * SEC);
        long t0 = 10 * SEC;
        a.async.receive(f, t0);
        a.run(t0 + 7 * HOUR);
        assertEquals(79, a.attempts.size());
        for (int n = 1; n <= a.attempts.size(); n++) {
            assertEquals(t0 + closedFormRetryAt(n), a.attempts.get(n - 1), "retry " + n);
        }
        assertEquals(List.of("MAXIMUM_EVENT_AGE at " + (t0 + 6 * HOUR) / SEC + " s"), a.ends);
        assertEquals(1, a.delivered);
        assertEquals(80, a.h.outcomes.get(Outcome.INVALID_SUBNET_ID));
    }

    /** A function error (timeout) is retried 1 min after the failed attempt ended, then 2 min after the next. */
    @Test
    void functionErrorsAreRetriedAfterOneThenTwoMinutes() {
        for (int retries = 0; retries <= 2; retries++) {
            Harness a = new Harness();
            a.h.timeoutMicros = 3 * SEC;
            a.duration = 10 * SEC; // always past the 3 s timeout: TaskTimedOut, a function error
            int f = a.function("slow", List.of(), -1, config(retries, 6 * HOUR, true, false));
            a.h.create(f, 0);
            a.run(SEC);
            a.async.receive(f, SEC);
            a.run(HOUR);
            List<Long> expected = new ArrayList<>();
            // each attempt ends 3 s after it starts (the timeout); init is 0 here
            long[] at = {SEC, SEC + 3 * SEC + 60 * SEC, SEC + 3 * SEC + 60 * SEC + 3 * SEC + 120 * SEC};
            for (int k = 1; k <= retries; k++) {
                expected.add(at[k]);
            }
            assertEquals(expected, a.attempts, "retries " + retries);
            assertEquals(List.of("RETRIES_EXHAUSTED at " + at[retries] / SEC + " s"), a.ends);
            assertEquals(retries + 1, a.h.outcomes.get(Outcome.FUNCTION_ERROR_TIMEOUT));
        }
    }

    /** An Inactive VPC function: the event gets 502s during the restore, is retried and succeeds late. */
    @Test
    void anInactiveFunctionDelaysTheEventInsteadOfFailingIt() {
        Harness a = new Harness();
        int f = a.function("idle", List.of("subnet-2"), -1, config(2, 6 * HOUR, true, false));
        a.h.at(0, new SimEvent.ExistingFunction(f, false));
        a.run(SEC);
        a.async.receive(f, 100 * SEC);
        a.run(HOUR);
        // the ENI takes 60 s (WorldHarness): retries at +1, +3, +7, +15, +31, +63 s; the last one succeeds
        assertEquals(1, a.ends.size());
        assertEquals("succeeded after 7 at 163 s, latency 64", a.ends.get(0));
        assertEquals(0, a.delivered);
    }

    @Test
    void reservedConcurrencyZeroDropsTheEventAtOnce() {
        Harness a = new Harness();
        int f = a.function("off", List.of(), 0, config(2, 6 * HOUR, true, false));
        a.h.create(f, 0);
        a.run(SEC);
        a.async.receive(f, 2 * SEC);
        a.run(HOUR);
        assertEquals(List.of("RESERVED_CONCURRENCY_ZERO at 2 s"), a.ends);
        assertEquals(1, a.delivered);
        assertTrue(a.attempts.isEmpty());
    }

    /**
     * A function being created answers 409: refused at the Invoke call by default; with onPending: retry, queued
     * and retried at 2, 4, 8, 16, 32 and 64 s, when its ENI (60 s) is ready.
     */
    @Test
    void aFunctionBeingCreatedRefusesTheEventUnlessPendingIsRetried() {
        for (boolean retry : new boolean[] {false, true}) {
            Harness a = new Harness();
            int f = a.function("new", List.of("subnet-2"), -1, config(2, 6 * HOUR, false, retry));
            a.h.create(f, 0);
            a.run(SEC);
            a.async.receive(f, SEC);
            a.run(HOUR);
            assertEquals(retry ? 1 : 0, a.async.queued() + (a.ends.get(0).startsWith("succeeded") ? 1 : 0));
            assertEquals(retry ? "succeeded after 7 at 64 s, latency 64" : "refused at 1 s", a.ends.get(0));
        }
    }
}
