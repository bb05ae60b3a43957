package dev.enisim.model;

import dev.enisim.model.SimEvent.AsyncAttempt;
import java.util.function.LongSupplier;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Lambda's asynchronous event queue, a source of invocations layered above the world's admission: an event is
 * queued (the caller gets 202), then invoked through {@link World#invoke}; the outcome decides what happens next
 * [doc: invocation-async-error-handling]:
 * <ul>
 * <li>success: the event ends; its latency runs from queueing to the invocation's completion;</li>
 * <li>a function error (it ran and failed, e.g. a timeout): retried {@code MaximumRetryAttempts} times (0-2),
 * one minute after the failed attempt, then two minutes;</li>
 * <li>a throttle (429) or a system error (5xx: ENI errors, an Inactive or restoring function): back to the queue
 * and retried after 1 s, growing by {@code backoffFactor} per retry up to 5 minutes;</li>
 * <li>an event older than {@code MaximumEventAgeInSeconds} (60 s - 6 h) or out of retries is sent to the
 * on-failure destination and/or the dead-letter queue, then dropped; so are events of a function whose reserved
 * concurrency is 0 [doc: AsyncEventsDropped] and, [assumed], events of a function that is gone (404).</li>
 * </ul>
 * A 4xx at the Invoke call itself (ResourceConflictException while the function is being created,
 * ResourceNotFoundException) refuses the event before it is queued, unless {@code retryPending} [assumed].
 *
 * <p>Every received event ends exactly once (success or drop) or is still queued at the end of the run; an
 * event ending twice is a bug and throws. The first attempt is made at once and needs no allocation; an event
 * that must wait gets a small mutable {@link AsyncEvent}, alive only while it waits.
 */
final class AsyncInvocations {

    /** Waits before the retries of a function error: one minute, then two [doc]. */
    public static final long[] FUNCTION_ERROR_WAITS_MICROS = {60_000_000L, 120_000_000L};

    private final World world;
    private final Port port;
    private final AsyncListener listener;
    private final AsyncConfig[] configs;
    private final LongSupplier[] durations;
    private final RandomGenerator[] delivery;
    private long queued;
    private long received;
    private long ended;

    AsyncInvocations(World world, Port port, AsyncListener listener, int functions) {
        this.world = world;
        this.port = port;
        this.listener = listener;
        this.configs = new AsyncConfig[functions];
        this.durations = new LongSupplier[functions];
        this.delivery = new RandomGenerator[functions];
    }

    /** Makes {@code function} invoked asynchronously: each attempt draws its duration from {@code duration}. */
    public void add(int function, AsyncConfig config, LongSupplier duration, RandomGenerator deliveryFailures) {
        configs[function] = config;
        durations[function] = duration;
        delivery[function] = deliveryFailures;
    }

    public boolean isAsync(int function) {
        return configs[function] != null;
    }

    /** An event for {@code function} arrives: queued (unless refused) and attempted at once. */
    public void receive(int function, long now) {
        Outcome o = world.invoke(function, now, durations[function].getAsLong());
        if (o.kind() == Outcome.Kind.INVOKE_ERROR && o.httpStatus() < 500
                && !(o == Outcome.RESOURCE_CONFLICT && configs[function].retryPending())) {
            listener.refused(function, now);
            return;
        }
        received++;
        queued++;
        listener.received(function, now);
        after(function, null, now, o, now);
    }

    /** A waiting event's next attempt (or its expiry). */
    public void attempt(AsyncAttempt a, long now) {
        AsyncEvent e = a.event();
        if (e.expiring) {
            drop(e.function, e, AsyncDrop.MAXIMUM_EVENT_AGE, now);
            return;
        }
        listener.retried(e.function, e.afterFunctionError, now);
        Outcome o = world.invoke(e.function, now, durations[e.function].getAsLong());
        after(e.function, e, e.receivedMicros, o, now);
    }

    private void after(int f, AsyncEvent e, long receivedAt, Outcome o, long now) {
        AsyncConfig c = configs[f];
        switch (o.kind()) {
            case SUCCESS -> {
                listener.invoked(f, now - receivedAt, now);
                listener.succeeded(f, world.lastCompletionMicros() - receivedAt, e == null ? 1 : e.attempts(), now);
                end(e);
            }
            case FUNCTION_ERROR -> {
                listener.invoked(f, now - receivedAt, now);
                int errors = e == null ? 0 : e.functionErrors;
                if (errors >= c.maximumRetryAttempts()) {
                    drop(f, e, AsyncDrop.RETRIES_EXHAUSTED, now);
                    return;
                }
                AsyncEvent w = e == null ? new AsyncEvent(f, receivedAt) : e;
                w.functionErrors++;
                w.afterFunctionError = true;
                schedule(w, world.lastCompletionMicros() + FUNCTION_ERROR_WAITS_MICROS[w.functionErrors - 1], c);
            }
            case THROTTLE -> {
                if (o == Outcome.THROTTLED_RESERVED && world.function(f).reservedConcurrency() == 0) {
                    drop(f, e, AsyncDrop.RESERVED_CONCURRENCY_ZERO, now);
                } else {
                    systemRetry(f, e, receivedAt, now, c);
                }
            }
            case INVOKE_ERROR -> {
                if (o.httpStatus() >= 500 || (o == Outcome.RESOURCE_CONFLICT && c.retryPending())) {
                    systemRetry(f, e, receivedAt, now, c);
                } else {
                    drop(f, e, AsyncDrop.FUNCTION_NOT_INVOCABLE, now);
                }
            }
        }
    }

    private void systemRetry(int f, AsyncEvent e, long receivedAt, long now, AsyncConfig c) {
        AsyncEvent w = e == null ? new AsyncEvent(f, receivedAt) : e;
        w.systemRetries++;
        w.afterFunctionError = false;
        schedule(w, now + systemRetryDelayMicros(c, w.systemRetries), c);
    }

    /** The next attempt at {@code at}, or the event's expiry if that comes first. */
    private void schedule(AsyncEvent e, long at, AsyncConfig c) {
        long expires = e.receivedMicros + c.maximumEventAgeMicros();
        if (at > expires) {
            e.expiring = true;
            at = expires;
        }
        port.schedule(at, SimEvent.PRIORITY_ARRIVAL, new AsyncAttempt(e));
    }

    /**
     * The wait before the {@code retry}-th throttle / system-error retry (1-based): {@code first * factor^(retry-1)},
     * at most {@code max}.
     */
    public static long systemRetryDelayMicros(AsyncConfig c, int retry) {
        double d = c.firstRetryMicros() * Math.pow(c.backoffFactor(), retry - 1);
        return d >= c.maxRetryMicros() ? c.maxRetryMicros() : (long) d;
    }

    /** The event goes to its on-failure destination and/or dead-letter queue, then is dropped. */
    private void drop(int f, AsyncEvent e, AsyncDrop reason, long now) {
        AsyncConfig c = configs[f];
        if (c.onFailureDestination()) {
            listener.delivery(f, true, delivered(f, c.destinationFailureProbability()), now);
        }
        if (c.deadLetterQueue()) {
            listener.delivery(f, false, delivered(f, c.deadLetterFailureProbability()), now);
        }
        listener.dropped(f, reason, now);
        end(e);
    }

    private boolean delivered(int f, double failureProbability) {
        return failureProbability <= 0 || delivery[f].nextDouble() >= failureProbability;
    }

    private void end(AsyncEvent e) {
        if (e != null) {
            if (e.ended) {
                throw new IllegalStateException("async event of function " + e.function + " received at "
                        + e.receivedMicros + " us ended twice");
            }
            e.ended = true;
        }
        queued--;
        ended++;
    }

    /** Events queued and not yet ended (waiting for a retry). */
    public long queued() {
        return queued;
    }

    /** Checks that every event received has ended or is still queued. */
    public void checkInvariants() {
        if (queued < 0 || received != ended + queued) {
            throw new IllegalStateException("async events: received " + received + " != ended " + ended
                    + " + queued " + queued);
        }
    }
}
