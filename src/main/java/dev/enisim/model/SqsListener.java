package dev.enisim.model;

/** What an SQS event source mapping reports (SQS's and Lambda's CloudWatch names where they have one). */
public interface SqsListener {

    /** A message was sent to the queue (NumberOfMessagesSent). */
    default void sent(int function, long nowMicros) {
    }

    /** A batch succeeded and its messages were deleted (NumberOfMessagesDeleted). */
    default void deleted(int function, int messages, long nowMicros) {
    }

    /** A batch failed: a function error, a throttle or an invoke error (ENI, Pending, Inactive). */
    default void batchFailed(int function, Outcome outcome, long nowMicros) {
    }

    /** A failed batch's messages reappeared after the visibility timeout ({@code returned}) or were redriven. */
    default void visibilityExpired(int function, int returned, int toDeadLetterQueue, long nowMicros) {
    }

    /**
     * Messages older than the queue's MessageRetentionPeriod were deleted by SQS (waiting visible, or when a failed
     * batch's visibility timeout ran out); never delivered again.
     */
    default void expired(int function, int messages, long nowMicros) {
    }

    /**
     * The queue now: visible messages, the age of the oldest visible one (0 when none), batches in flight, and the
     * concurrency the poller may use.
     */
    default void queue(int function, int visible, long oldestAgeMicros, int batches, int target, long nowMicros) {
    }

    SqsListener NONE = new SqsListener() {
    };
}
