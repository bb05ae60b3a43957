package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.AsyncDrop;
import dev.enisim.model.Outcome;
import dev.enisim.model.WorldSnapshot;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The summary's sections after a warm-up (run --warm-up), told through {@link Observers} as a run tells them: the
 * asynchronous queue's, the SQS event source's, provisioned concurrency's and each account's counts start again at
 * the warm-up's end (30 s, the second of three 30-second buckets), each counted where it is told; what was waiting
 * then is carried, so that each section's invariant holds over the window; peaks start from the levels then; the
 * series keep the whole run.
 */
class WarmUpSectionsTest {

    private static final long S = Seconds.MICROS;
    private static final String ONE = "111111111111";
    private static final String TWO = "222222222222";
    private static final List<String> NAMES = List.of("api", "q", "p");

    /** The observers of a 90 s run of api (asynchronous), q (fed by an SQS queue) and p (2 provisioned, account TWO). */
    private static final class Run {
        final AsyncRecorder async = new AsyncRecorder(90 * S, 30 * S);
        final SqsRecorder sqs = new SqsRecorder(90 * S, 30 * S);
        final ProvisionedRecorder provisioned = new ProvisionedRecorder(90 * S, 30 * S);
        final AccountsRecorder accounts = new AccountsRecorder(90 * S, 30 * S, List.of(ONE, TWO), NAMES,
                new int[] {0, 0, 1});
        final Observers o;

        Run() {
            Recorder r = new Recorder(90 * S, 30 * S);
            r.attach(RecorderTest.world(List.of(new WorldSnapshot.FunctionView(0, "api", null, null, null),
                    new WorldSnapshot.FunctionView(1, "q", null, null, null),
                    new WorldSnapshot.FunctionView(2, "p", null, null, null)), List.of(), 251, 11));
            LatencyRecorder l = new LatencyRecorder(90 * S, 30 * S);
            l.attach(NAMES);
            Journal j = new Journal();
            j.attach(NAMES);
            async.attach(NAMES, new boolean[] {true, false, false});
            sqs.attach(NAMES, new boolean[] {false, true, false});
            provisioned.attach(NAMES, List.of(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(2)));
            o = new Observers(r, l, j, null, null, null, provisioned, accounts, async, sqs);
        }

        /** Crosses into the bucket of {@code micros}; the warm-up ends there when {@code warmUp}. */
        void reach(long micros, boolean warmUp) {
            o.reach(micros);
            if (warmUp) {
                o.warmUpEnds(micros);
            }
        }
    }

    /**
     * api, in the warm-up: events received at 1, 2 and 3 s and one refused at 4 s; the first succeeds at once
     * (latency 0.5 s), the second fails, is retried at 10 s and dropped at 20 s (its destination got it), the third
     * is throttled and waits. After it: the third is retried at 35 s and succeeds (event age 32 s, latency 33 s, two
     * attempts); one more is received at 40 s and succeeds at once (0.2 s). So after the warm-up: 1 received, 2
     * succeeded (one after a retry), 1 system retry, nothing dropped, the one waiting at the warm-up's end carried:
     * received 1 + queuedAtWarmUp 1 = succeeded 2 + dropped 0 + queuedAtEnd 0.
     */
    @Test
    void asynchronousEventsAfterTheWarmUp() {
        for (boolean warmUp : new boolean[] {false, true}) {
            Run run = new Run();
            Observers o = run.o;
            o.received(0, S);
            o.invoked(0, 0, S);
            o.succeeded(0, 500_000, 1, S);
            o.received(0, 2 * S);
            o.invoked(0, 0, 2 * S);
            o.received(0, 3 * S);
            o.refused(0, 4 * S);
            o.retried(0, true, 10 * S);
            o.invoked(0, 8 * S, 10 * S);
            o.delivery(0, true, true, 20 * S);
            o.dropped(0, AsyncDrop.RETRIES_EXHAUSTED, 20 * S);
            run.reach(30 * S, warmUp);
            o.retried(0, false, 35 * S);
            o.invoked(0, 32 * S, 35 * S);
            o.succeeded(0, 33 * S, 2, 35 * S);
            o.received(0, 40 * S);
            o.invoked(0, 0, 40 * S);
            o.succeeded(0, 200_000, 1, 40 * S);
            RunSummary.AsyncSummary a = run.async.summary().get("api");
            if (!warmUp) {
                assertEquals(4, a.received(), "the whole run without a warm-up");
                assertEquals(null, a.queuedAtWarmUp(), "left out of summary.json without a warm-up");
                continue;
            }
            assertEquals(1, a.received());
            assertEquals(0, a.refused());
            assertEquals(2, a.succeeded());
            assertEquals(1, a.succeededAfterRetries());
            assertEquals(0, a.dropped());
            assertEquals(0L, a.dropReasons().get(AsyncDrop.RETRIES_EXHAUSTED.condition()));
            assertEquals(0, a.sentToDestination());
            assertEquals(0, a.functionErrorRetries());
            assertEquals(1, a.systemRetries());
            assertEquals(1L, a.queuedAtWarmUp());
            assertEquals(0, a.queuedAtEnd());
            assertEquals(a.received() + a.queuedAtWarmUp(), a.succeeded() + a.dropped() + a.queuedAtEnd());
            assertEquals(2, a.eventAgeMillis().count());
            assertEquals(32_000.0, a.eventAgeMillis().max());
            assertEquals(2, a.latencyMillis().count());
            assertEquals(33_000.0, a.latencyMillis().max());
            Series received = run.async.series().stream()
                    .filter(s -> s.metric() == Metric.ASYNC_EVENTS_RECEIVED && s.id().equals("api")).findFirst()
                    .orElseThrow();
            assertEquals(3, received.values()[0], "the series keep the warm-up's bucket");
        }
    }

    /**
     * q, in the warm-up: 4 messages sent (5 to 8 s), a batch of 2 deleted at 12 s, a throttled attempt at 13 s,
     * then 1 visible and 1 in a batch at the warm-up's end. After it: 1 sent at 40 s; the batch's message comes back
     * at 45 s (3 visible, the oldest 40 s old); a batch of 3 deleted at 55 s. So: sent 1 + visibleAtWarmUp 1 +
     * inFlightAtWarmUp 1 = deleted 3; the peaks from the levels at the warm-up's end (1 batch, 1 visible).
     */
    @Test
    void sqsMessagesAfterTheWarmUp() {
        for (boolean warmUp : new boolean[] {false, true}) {
            Run run = new Run();
            Observers o = run.o;
            for (int t = 5; t <= 8; t++) {
                o.sent(1, t * S);
            }
            o.queue(1, 4, 0, 0, 2, 8 * S);
            o.queue(1, 2, 3 * S, 1, 2, 9 * S);
            o.deleted(1, 2, 12 * S);
            o.batchFailed(1, Outcome.THROTTLED_ACCOUNT, 13 * S);
            o.queue(1, 1, 8 * S, 1, 2, 13 * S);
            run.reach(30 * S, warmUp);
            o.sent(1, 40 * S);
            o.queue(1, 2, 35 * S, 1, 2, 40 * S);
            o.visibilityExpired(1, 1, 0, 45 * S);
            o.queue(1, 3, 40 * S, 0, 2, 45 * S);
            o.queue(1, 0, 0, 1, 2, 50 * S);
            o.deleted(1, 3, 55 * S);
            o.queue(1, 0, 0, 0, 2, 55 * S);
            RunSummary.SqsSummary q = run.sqs.summary().get("q");
            if (!warmUp) {
                assertEquals(new RunSummary.SqsSummary(5, 5, 0, 0, 1, 0, 0, 1, 0, 0, 1, 4, 40.0), q);
                continue;
            }
            assertEquals(new RunSummary.SqsSummary(1, 3, 0, 0, 1, 0, 0, 0, 0, 0, 1, 3, 40.0, 1L, 1L), q);
            assertEquals(q.sent() + q.visibleAtWarmUp() + q.inFlightAtWarmUp(), q.deleted()
                    + q.movedToDeadLetterQueue() + q.expired() + q.visibleAtEnd() + q.inFlightAtEnd());
        }
    }

    /**
     * p (2 provisioned at the start, account TWO): in the warm-up a run on provisioned concurrency at 10 s, a
     * spillover at 11 s, 5 requested and allocated at 20 s, 3 at 25 s, 3 in flight at 26 s (the account's peak), a
     * throttle at 27 s; after it 2 runs on provisioned concurrency (40 and 45 s), 1 in flight. So after the warm-up:
     * 2 invocations, no spillover, no allocation completed, the peak allocation 3 (the level then, not 5); account
     * TWO 2 invocations and no throttle, its peak concurrency the 3 in flight at the warm-up's end. Billed: the spell
     * from 30 s to the end at the figure configured then (3), not from 0.
     */
    @Test
    void provisionedConcurrencyAndAccountsAfterTheWarmUp() {
        for (boolean warmUp : new boolean[] {false, true}) {
            Run run = new Run();
            Observers o = run.o;
            o.started(2, Outcome.SUCCESS, false, true, 0, S, 1, 1, false, 10 * S);
            o.ended(2, 0, 0, 10 * S + 1);
            o.started(2, Outcome.SUCCESS, true, false, S, S, 1, 1, true, 11 * S);
            o.ended(2, 0, 0, 11 * S + 1);
            o.provisionedConcurrency(2, 5, 5, 20 * S);
            o.provisionedConcurrency(2, 3, 3, 25 * S);
            o.concurrency(2, 3, 3, 26 * S);
            o.invocation(2, Outcome.THROTTLED_ACCOUNT, 27 * S);
            run.reach(30 * S, warmUp);
            o.started(2, Outcome.SUCCESS, false, true, 0, S, 4, 4, false, 40 * S);
            o.ended(2, 3, 3, 41 * S);
            o.started(2, Outcome.SUCCESS, false, true, 0, S, 4, 4, false, 45 * S);
            o.ended(2, 3, 3, 46 * S);
            o.concurrency(2, 1, 1, 50 * S);
            RunSummary.ProvisionedSummary p = run.provisioned.summary().get("p");
            RunSummary.AccountSummary two = run.accounts.summary().get(TWO);
            if (!warmUp) {
                assertEquals(new RunSummary.ProvisionedSummary(3, 3, 5, 1, 3, 1), p);
                assertEquals(5, two.invocations());
                assertEquals(List.of(new ProvisionedRecorder.Spell(0, 90 * S, true, List.of(
                        new ProvisionedRecorder.Segment(0, 2), new ProvisionedRecorder.Segment(20 * S, 5),
                        new ProvisionedRecorder.Segment(25 * S, 3)))), run.provisioned.spells(2, 0));
                continue;
            }
            assertEquals(new RunSummary.ProvisionedSummary(3, 3, 3, 0, 2, 0), p);
            assertEquals(Map.of("invocations", 2L, "succeeded", 2L, "throttled", 0L, "peak", 4L),
                    Map.of("invocations", two.invocations(), "succeeded", two.succeeded(), "throttled",
                            two.throttled(), "peak", two.peakConcurrentExecutions()));
            assertEquals(0, run.accounts.summary().get(ONE).invocations());
            assertEquals(List.of(new ProvisionedRecorder.Spell(30 * S, 90 * S, true, List.of(
                    new ProvisionedRecorder.Segment(30 * S, 3)))), run.provisioned.spells(2, 30 * S));
        }
    }
}
