package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The SQS poller against the documented scaling and error handling, with fixed figures. */
class SqsEventSourceTest {

    static SqsConfig config(int batchSize, int maximumConcurrency, long visibility, int maxReceiveCount) {
        return new SqsConfig(batchSize, maximumConcurrency, visibility, maxReceiveCount, 5, 300, 1000, 0.5, SEC);
    }

    static final class Harness implements SqsListener {
        final WorldHarness h;
        final TreeMap<Long, Integer> batches = new TreeMap<>();
        final List<String> log = new ArrayList<>();
        SqsEventSource sqs;
        long duration = 3600 * SEC;
        long deleted;
        long sentCount;
        long lastOldestMicros;
        int lastTarget;

        Harness(int accountLimit) {
            h = new WorldHarness(accountLimit, 65_000, 60 * SEC, 5 * SEC);
        }

        /**
         * A harness (account limit 1,000) with one consumer of {@code c} whose every invocation fails: it lasts 10 s
         * past its 3 s timeout (TaskTimedOut), so every batch comes back.
         */
        static Harness failingEveryBatch(SqsConfig c) {
            Harness a = new Harness(1000);
            a.h.timeoutMicros = 3 * SEC;
            a.duration = 10 * SEC;
            a.function(c);
            return a;
        }

        int function(SqsConfig c) {
            int f = h.function("consumer", List.of(), List.of(), -1, 0);
            sqs = new SqsEventSource(f, c, h.world(), h.port, this, () -> duration);
            h.create(f, 0);
            return f;
        }

        void run(long until) {
            runChecked(h, sqs, until);
        }

        /**
         * Runs {@code h}'s loop until {@code until}, the SQS events to {@code sqs} and the rest to the world, checking
         * the world's and the poller's invariants after every event.
         */
        static void runChecked(WorldHarness h, SqsEventSource sqs, long until) {
            h.loop.setPlainHandler((kind, payload, now) -> { // invocations' ends
                h.world().handle(kind, payload, now);
                h.world().checkInvariants();
                sqs.checkInvariants();
            });
            h.loop.runUntil(until, (e, now) -> {
                if (e instanceof SimEvent.SqsScaleUp) {
                    sqs.scaleUp(now);
                } else if (e instanceof SimEvent.SqsBatchStep s) {
                    sqs.step(s, now);
                } else if (e instanceof SimEvent.SqsRetention) {
                    sqs.retention(now);
                } else {
                    h.world().handle(e, now);
                }
                h.world().checkInvariants();
                sqs.checkInvariants();
            });
        }

        @Override
        public void queue(int function, int visible, long oldest, int inFlight, int target, long nowMicros) {
            batches.put(nowMicros, inFlight);
            lastOldestMicros = oldest;
            lastTarget = target;
        }

        @Override
        public void sent(int function, long nowMicros) {
            sentCount++;
        }

        @Override
        public void deleted(int function, int messages, long nowMicros) {
            deleted += messages;
        }

        @Override
        public void batchFailed(int function, Outcome outcome, long nowMicros) {
            log.add(nowMicros / SEC + "s " + outcome);
        }

        @Override
        public void expired(int function, int messages, long nowMicros) {
            log.add(nowMicros / SEC + "s expired " + messages);
        }

        @Override
        public void visibilityExpired(int function, int returned, int redriven, long nowMicros) {
            log.add(nowMicros / SEC + "s returned " + returned + ", redriven " + redriven);
        }

        int batchesAt(long micros) {
            return batches.floorEntry(micros).getValue();
        }
    }

    /**
     * A backlog of 100,000 messages and batches that run for an hour: 5 batches at once, then 300 more a minute
     * [doc], one every 0.2 s: 5 + floor(t / 0.2 s) after t, up to 1,000 (reached at t = 199 s).
     */
    @Test
    void pollersScaleUpAtTheDocumentedRate() {
        Harness a = new Harness(3000);
        a.function(config(10, 1000, 3600 * SEC, 0));
        a.run(SEC);
        for (int i = 0; i < 100_000; i++) {
            a.sqs.send(SEC);
        }
        a.run(400 * SEC);
        assertEquals(5, a.batchesAt(SEC));
        for (long t : new long[] {1, 10, 30, 60, 120, 198}) {
            assertEquals(5 + (int) (t * 5), a.batchesAt(SEC + t * SEC), "after " + t + " s");
        }
        assertEquals(1000, a.batchesAt(SEC + 199 * SEC));
        assertEquals(1000, a.batchesAt(SEC + 399 * SEC), "at most 1,000 batches at once");
        // the first 5 batches took one message each (sent one by one, no batching window), the others 10
        assertEquals(100_000 - 5 - 995 * 10, a.sqs.visible());
    }

    @Test
    void maximumConcurrencyCapsThePoller() {
        Harness a = new Harness(3000);
        a.function(config(10, 50, 3600 * SEC, 0));
        a.run(SEC);
        for (int i = 0; i < 10_000; i++) {
            a.sqs.send(SEC);
        }
        a.run(400 * SEC);
        assertEquals(50, a.batchesAt(SEC + 399 * SEC));
    }

    /**
     * A function error: the messages reappear when the visibility timeout (from their receipt) runs out; after
     * maxReceiveCount receipts they go to the queue's dead-letter queue.
     */
    @Test
    void failedBatchesReappearAfterTheVisibilityTimeoutThenAreRedriven() {
        Harness a = Harness.failingEveryBatch(config(10, 1000, 30 * SEC, 3));
        a.run(SEC);
        for (int i = 0; i < 10; i++) {
            a.sqs.send(SEC);
        }
        a.run(600 * SEC);
        // one message per batch (each reaches an idle poller alone): received at 1 s, 31 s, 61 s; back when the
        // visibility timeout runs out, 30 s after each receipt: at 31 s and 61 s to the queue (1 and 2 receipts),
        // at 91 s, the third, to the dead-letter queue
        assertEquals(List.of("1s FUNCTION_ERROR_TIMEOUT"), a.log.subList(0, 1));
        java.util.Map<String, int[]> byTime = new java.util.TreeMap<>(); // time -> {returned, redriven}
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("(\\d+s) returned (\\d+), redriven (\\d+)");
        for (String line : a.log) {
            java.util.regex.Matcher m = p.matcher(line);
            if (m.matches()) {
                int[] c = byTime.computeIfAbsent(m.group(1), t -> new int[2]);
                c[0] += Integer.parseInt(m.group(2));
                c[1] += Integer.parseInt(m.group(3));
            }
        }
        assertEquals(java.util.Set.of("31s", "61s", "91s"), byTime.keySet(), "returns: " + a.log);
        assertArrayEquals(new int[] {10, 0}, byTime.get("31s"), "after the first receipt, all ten back in the queue");
        assertArrayEquals(new int[] {10, 0}, byTime.get("61s"), "after the second, all ten back again");
        assertArrayEquals(new int[] {0, 10}, byTime.get("91s"), "after the third, all ten redriven");
        assertEquals(0, a.sqs.visible() + a.sqs.inBatches(), "all ten redriven after three receipts");
        assertEquals(0, a.deleted);
    }

    /** A throttled batch is re-invoked (1 s, doubling) until the visibility timeout, then its messages reappear. */
    @Test
    void throttledBatchesAreRetriedUntilTheVisibilityTimeout() {
        Harness a = new Harness(1000);
        int f = a.h.function("consumer", List.of(), List.of(), 0, 0); // reserved concurrency 0: always throttled
        a.sqs = new SqsEventSource(f, config(10, 1000, 20 * SEC, 0), a.h.world(), a.h.port, a,
                () -> SEC);
        a.h.create(f, 0);
        a.run(SEC);
        a.sqs.send(SEC);
        a.run(22 * SEC);
        // attempts at 1, 2, 4, 8, 16 s; the next (32 s) would be past 1 + 20 s: the message reappears at 21 s
        assertEquals(List.of("1s THROTTLED_RESERVED", "2s THROTTLED_RESERVED", "4s THROTTLED_RESERVED",
                "8s THROTTLED_RESERVED", "16s THROTTLED_RESERVED", "21s returned 1, redriven 0"), a.log.subList(0, 6));
    }
}
