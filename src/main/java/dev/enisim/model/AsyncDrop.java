package dev.enisim.model;

/** Why an event was dropped. */
public enum AsyncDrop {
    /** Older than MaximumEventAgeInSeconds. */
    MAXIMUM_EVENT_AGE,
    /** Its last allowed attempt was a function error. */
    RETRIES_EXHAUSTED,
    /** The function's reserved concurrency is 0. */
    RESERVED_CONCURRENCY_ZERO,
    /** The function was deleted, or (without {@code retryPending}) is being created, when retried. */
    FUNCTION_NOT_INVOCABLE
}
