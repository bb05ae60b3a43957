package dev.enisim.model;

/**
 * Why an event was dropped, with the name summary.json, the page and the narrative give it ({@link #condition}):
 * AWS's own where AWS has one (the {@code requestContext.condition} of the on-failure destination's invocation
 * record, Lambda developer guide, "Capturing records of asynchronous invocations"), else enisim's, in the same
 * PascalCase.
 */
public enum AsyncDrop {
    /** Older than MaximumEventAgeInSeconds: AWS's {@code EventAgeExceeded}. */
    MAXIMUM_EVENT_AGE("EventAgeExceeded"),
    /** Its last allowed attempt (MaximumRetryAttempts) was a function error: AWS's {@code RetriesExhausted}. */
    RETRIES_EXHAUSTED("RetriesExhausted"),
    /**
     * The function's reserved concurrency is 0: AWS sends such an event to the dead-letter queue or on-failure
     * destination at once, without retries, and names no condition for it (enisim's name).
     */
    RESERVED_CONCURRENCY_ZERO("ReservedConcurrencyZero"),
    /**
     * The function cannot be invoked and will not be retried: deleted (ResourceNotFoundException), or being created
     * (ResourceConflictException) without {@code retryPending} (enisim's name).
     */
    FUNCTION_NOT_INVOCABLE("FunctionNotInvocable");

    private final String condition;

    AsyncDrop(String condition) {
        this.condition = condition;
    }

    /** Its name in summary.json's {@code async.<function>.dropReasons} and wherever a drop's reason is told. */
    public String condition() {
        return condition;
    }
}
