package dev.enisim.model;

import dev.enisim.model.SimEvent.SqsBatchStep;
import dev.enisim.model.SimEvent.SqsRetention;
import dev.enisim.model.SimEvent.SqsScaleUp;
import java.util.function.LongSupplier;

/**
 * An SQS event source mapping on a standard queue: a source of invocations layered above the world's admission
 * [doc: services-sqs-scaling, services-sqs-errorhandling]. Messages sent to the queue wait as visible messages;
 * the poller receives them in batches of up to {@code batchSize} and invokes the function synchronously, one
 * invocation per batch. It starts with 5 concurrent batches and, while messages remain, adds up to 300 a minute
 * (one every 60/300 s), up to 1,000 or MaximumConcurrency.
 * <ul>
 * <li>success: the batch's messages are deleted when the invocation completes;</li>
 * <li>function error: the poller moves on when the invocation ends, concurrency backs off, and the messages
 * reappear when the visibility timeout (from their receipt) runs out;</li>
 * <li>throttle: the poller re-invokes the batch (1 s, doubling) until the visibility timeout runs out, then the
 * messages reappear [doc: "continues to retry the message until the message's timestamp exceeds your queue's
 * visibility timeout"];</li>
 * <li>invoke error (ENI errors, Pending, Inactive) [assumed]: as a function error, at once.</li>
 * </ul>
 * A message that reappears after {@code maxReceiveCount} receipts goes to the queue's dead-letter queue. A message
 * older than the queue's MessageRetentionPeriod (from its sending) is deleted by SQS and never delivered again
 * [doc: SQS]: a message never received, waiting visible, when it reaches that age (a {@link SimEvent.SqsRetention}
 * event at the oldest one's); a message that reappeared, when its visibility timeout runs out or, waiting visible,
 * at the latest when the poller would next receive it. Every message sent is deleted, redriven, expired, visible
 * or in a batch: {@link #checkInvariants()}.
 */
final class SqsEventSource {

    private final int function;
    private final SqsConfig c;
    private final World world;
    private final Port port;
    private final SqsListener listener;
    private final LongSupplier duration;
    private final long scaleStepMicros;
    // visible messages, in the order they were sent or reappeared (their sequence numbers): those never received
    // (in the order sent, so the oldest first) and those that reappeared after a failed batch
    private final Fifo fresh = new Fifo();
    private final Fifo returned = new Fifo();
    private long pushes; // the sequence number of the next message made visible
    private int visible;
    private final SqsRetention retentionEvent;
    private boolean retentionScheduled;
    private long expiredCount;
    private int batches;   // pollers busy with a batch
    private int inBatches; // messages in batches not yet deleted or returned
    private long base;
    private long sinceMicros;
    private boolean backedOff; // lastBackoffMicros is set
    private long lastBackoffMicros;
    private boolean scaleUpScheduled;
    private long sentCount;
    private long deletedCount;
    private long redrivenCount;

    SqsEventSource(int function, SqsConfig config, World world, Port port, SqsListener listener,
            LongSupplier duration) {
        this.function = function;
        this.c = config;
        this.world = world;
        this.port = port;
        this.listener = listener;
        this.duration = duration;
        this.base = config.initialBatches();
        this.scaleStepMicros = Math.max(1, 60_000_000L / config.scaleUpPerMinute());
        this.retentionEvent = new SqsRetention(function);
    }

    /** A message is sent to the queue. */
    public void send(long now) {
        sentCount++;
        listener.sent(function, now);
        fresh.push(now, 0, pushes++);
        visible++;
        if (!retentionScheduled) {
            scheduleRetention();
        }
        pump(now);
    }

    /** The concurrency the poller may use now: grown by the scale-up rate since the backlog began. */
    int target(long now) {
        long grown = base + (now - sinceMicros) / scaleStepMicros;
        return (int) Math.min(c.cap(), grown);
    }

    /** Starts batches while messages are visible and concurrency allows; schedules the next scale-up step. */
    private void pump(long now) {
        while (visible > 0 && batches < target(now)) {
            startBatch(now);
        }
        if (visible == 0) {
            // no backlog: growth starts again, from the concurrency in use, when messages next remain
            base = Math.max(c.initialBatches(), batches);
            sinceMicros = now;
        } else if (!scaleUpScheduled && target(now) < c.cap()) {
            scaleUpScheduled = true;
            long stepEnd = sinceMicros + ((now - sinceMicros) / scaleStepMicros + 1) * scaleStepMicros;
            port.schedule(stepEnd, SimEvent.PRIORITY_ARRIVAL, new SqsScaleUp(function));
        }
        listener.queue(function, visible, visible == 0 ? 0 : now - front().headSent(), batches, target(now), now);
    }

    /** The queue holding the first visible message (in the order made visible); visible > 0. */
    private Fifo front() {
        if (fresh.size == 0) {
            return returned;
        }
        return returned.size == 0 || fresh.headSeq() < returned.headSeq() ? fresh : returned;
    }

    private boolean expired(long sentAt, long now) {
        return now - sentAt >= c.messageRetentionPeriodMicros();
    }

    /** The next retention check: when the oldest message never received reaches the retention period. */
    private void scheduleRetention() {
        retentionScheduled = true;
        port.schedule(fresh.headSent() + c.messageRetentionPeriodMicros(), SimEvent.PRIORITY_COMPLETION,
                retentionEvent);
    }

    /** The retention check: SQS deletes the visible messages that reached the retention period. */
    public void retention(long now) {
        retentionScheduled = false;
        int n = 0;
        while (fresh.size > 0 && expired(fresh.headSent(), now)) {
            fresh.pop();
            n++;
        }
        while (returned.size > 0 && expired(returned.headSent(), now)) {
            returned.pop();
            n++;
        }
        if (fresh.size > 0) {
            scheduleRetention();
        }
        if (n > 0) {
            visible -= n;
            expiredCount += n;
            listener.expired(function, n, now);
            pump(now);
        }
    }

    public void scaleUp(long now) {
        scaleUpScheduled = false;
        pump(now);
    }

    private void startBatch(long now) {
        int n = Math.min(c.batchSize(), visible);
        long[] s = new long[n];
        int[] r = new int[n];
        int k = 0;
        int gone = 0;
        while (k < n && visible > 0) {
            Fifo q = front();
            long sentAt = q.headSent();
            int received = q.headReceives();
            q.pop();
            visible--;
            if (expired(sentAt, now)) {
                gone++; // past the retention period: SQS deleted it, the poller does not receive it
            } else {
                s[k] = sentAt;
                r[k] = received + 1;
                k++;
            }
        }
        if (gone > 0) {
            expiredCount += gone;
            listener.expired(function, gone, now);
        }
        if (k == 0) {
            return;
        }
        n = k;
        batches++;
        inBatches += n;
        attempt(new SqsBatch(s, r, n, now), now);
    }

    private void attempt(SqsBatch b, long now) {
        Outcome o = world.invoke(function, now, duration.getAsLong());
        long returnAt = b.receivedMicros + c.visibilityTimeoutMicros();
        switch (o.kind()) {
            case SUCCESS -> step(b, SqsBatch.Next.DELETE, world.lastCompletionMicros());
            case FUNCTION_ERROR -> {
                listener.batchFailed(function, o, now);
                step(b, SqsBatch.Next.FAILED, world.lastCompletionMicros());
            }
            case THROTTLE -> {
                listener.batchFailed(function, o, now);
                backOff(now);
                long next = now + (c.throttleRetryMicros() << Math.min(b.throttles++, 20));
                step(b, next < returnAt ? SqsBatch.Next.RETRY : SqsBatch.Next.RETURN, Math.min(next, returnAt));
            }
            case INVOKE_ERROR -> {
                listener.batchFailed(function, o, now);
                backOff(now);
                freePoller(b);
                step(b, SqsBatch.Next.RETURN, returnAt);
            }
        }
    }

    private void step(SqsBatch b, SqsBatch.Next next, long at) {
        b.next = next;
        port.schedule(at, SimEvent.PRIORITY_COMPLETION, new SqsBatchStep(function, b));
    }

    /** A batch's scheduled step. */
    public void step(SqsBatchStep e, long now) {
        SqsBatch b = e.batch();
        switch (b.next) {
            case DELETE -> {
                inBatches -= b.size;
                deletedCount += b.size;
                listener.deleted(function, b.size, now);
                freePoller(b);
            }
            case FAILED -> {
                backOff(now);
                freePoller(b);
                step(b, SqsBatch.Next.RETURN, Math.max(now, b.receivedMicros + c.visibilityTimeoutMicros()));
            }
            case RETRY -> {
                attempt(b, now);
                return;
            }
            case RETURN -> {
                int redriven = 0;
                int gone = 0;
                for (int i = 0; i < b.size; i++) {
                    if (expired(b.sentMicros[i], now)) {
                        gone++; // past the retention period before it could reappear (or be redriven)
                    } else if (c.maxReceiveCount() > 0 && b.receives[i] >= c.maxReceiveCount()) {
                        redriven++;
                    } else {
                        returned.push(b.sentMicros[i], b.receives[i], pushes++);
                        visible++;
                    }
                }
                inBatches -= b.size;
                redrivenCount += redriven;
                if (gone > 0) {
                    expiredCount += gone;
                    listener.expired(function, gone, now);
                }
                listener.visibilityExpired(function, b.size - redriven - gone, redriven, now);
                freePoller(b);
            }
        }
        pump(now);
    }

    private void freePoller(SqsBatch b) {
        if (!b.pollerFree) {
            b.pollerFree = true;
            batches--;
        }
    }

    /**
     * After a failed batch, at most once per {@code sqs.errorBackoffInterval} (a minute by default), the poller keeps
     * only a part of its concurrency [assumed], and never fewer than {@code sqs.minBatches} batches (2 [assumed], as SqsConfig and the README say).
     */
    private void backOff(long now) {
        if (backedOff && now - lastBackoffMicros < c.errorBackoffIntervalMicros()) {
            return; // (a Long.MIN_VALUE start overflowed here: now - MIN_VALUE < 0, so it never backed off)
        }
        backedOff = true;
        lastBackoffMicros = now;
        base = Math.max(c.minBatches(), (long) (target(now) * c.errorBackoffFactor()));
        sinceMicros = now;
    }

    public long visible() {
        return visible;
    }

    public long inBatches() {
        return inBatches;
    }

    public long expired() {
        return expiredCount;
    }

    /** Every message sent is deleted, redriven, expired, visible or in a batch. */
    public void checkInvariants() {
        if (sentCount != deletedCount + redrivenCount + expiredCount + visible + inBatches || batches < 0
                || visible != fresh.size + returned.size) {
            throw new IllegalStateException("SQS mapping of function " + function + ": sent " + sentCount
                    + " != deleted " + deletedCount + " + redriven " + redrivenCount + " + expired " + expiredCount
                    + " + visible " + visible + " (" + fresh.size + " never received, " + returned.size
                    + " reappeared) + in batches " + inBatches);
        }
    }

    /** A ring buffer of visible messages: (sent time, receive count, sequence number made visible). */
    private static final class Fifo {
        private long[] sent = new long[64];
        private int[] receives = new int[64];
        private long[] seq = new long[64];
        private int head;
        int size;

        void push(long sentAt, int received, long sequence) {
            if (size == sent.length) {
                long[] s = new long[sent.length * 2];
                int[] r = new int[sent.length * 2];
                long[] q = new long[sent.length * 2];
                for (int i = 0; i < size; i++) {
                    int at = (head + i) & (sent.length - 1);
                    s[i] = sent[at];
                    r[i] = receives[at];
                    q[i] = seq[at];
                }
                sent = s;
                receives = r;
                seq = q;
                head = 0;
            }
            int at = (head + size) & (sent.length - 1);
            sent[at] = sentAt;
            receives[at] = received;
            seq[at] = sequence;
            size++;
        }

        long headSent() {
            return sent[head];
        }

        int headReceives() {
            return receives[head];
        }

        long headSeq() {
            return seq[head];
        }

        void pop() {
            head = (head + 1) & (sent.length - 1);
            size--;
        }
    }
}
