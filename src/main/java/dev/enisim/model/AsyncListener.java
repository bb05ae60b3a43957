package dev.enisim.model;

/**
 * What Lambda's asynchronous event queue reports (CloudWatch's asynchronous invocation metrics and the
 * simulator's own). Called from the hot loop: implementations must be cheap and allocation-free. Every method
 * does nothing by default.
 */
public interface AsyncListener {

    /** Lambda queued an event (AsyncEventsReceived). */
    default void received(int function, long nowMicros) {
    }

    /**
     * The Invoke call itself was refused before the event was queued (a 4xx such as ResourceConflictException for a
     * function being created, or ResourceNotFoundException): the caller got the error, nothing was queued.
     */
    default void refused(int function, long nowMicros) {
    }

    /** An attempt invoked the function: AsyncEventAge, from queueing to this invocation's start. */
    default void invoked(int function, long eventAgeMicros, long nowMicros) {
    }

    /**
     * A waiting event is attempted again (just before the invocation): after a function error
     * ({@code functionError}), else after a throttle or system error. Expiries are not retries.
     */
    default void retried(int function, boolean functionError, long nowMicros) {
    }

    /** The event ended in success: from queueing to the successful invocation's completion, after {@code attempts}. */
    default void succeeded(int function, long latencyMicros, int attempts, long nowMicros) {
    }

    /** The event was dropped (AsyncEventsDropped) for {@code reason}, after the DLQ / destination got it or not. */
    default void dropped(int function, AsyncDrop reason, long nowMicros) {
    }

    /**
     * A dropped event was handed to the on-failure destination ({@code destination}) or the dead-letter queue;
     * {@code delivered} false is a DestinationDeliveryFailures or DeadLetterErrors count.
     */
    default void delivery(int function, boolean destination, boolean delivered, long nowMicros) {
    }

    AsyncListener NONE = new AsyncListener() {
    };
}
