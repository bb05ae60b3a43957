package dev.enisim.model;

/** An event waiting in the queue for its next attempt. */
final class AsyncEvent {
    final int function;
    final long receivedMicros;
    int functionErrors;
    int systemRetries;
    boolean expiring; // the next attempt would be too late: it is dropped by age instead
    boolean afterFunctionError; // the next attempt retries a function error (else a throttle / system error)
    boolean ended;

    AsyncEvent(int function, long receivedMicros) {
        this.function = function;
        this.receivedMicros = receivedMicros;
    }

    int attempts() {
        return 1 + functionErrors + systemRetries;
    }
}
