package dev.enisim.model;

/**
 * Which limit refused a request with {@code FunctionInvocationRateLimitExceeded} (or, for a function with reserved
 * concurrency, {@code ReservedFunctionInvocationRateLimitExceeded}): AWS gives these two Reasons for all of them
 * [doc: botocore {@code TooManyRequestsException}], so the model tells the run which one it was ({@link
 * WorldListener#rateLimited}), and the reports read that rather than guess it after the fact. Checked in this order
 * (the first that refuses is the one told): the rise ({@link #RISE}), the function's own caps ({@link #RESERVED},
 * {@link #PROVISIONED}), the account's ({@link #ACCOUNT}); a request they all allow may still find no environment
 * the scaling rate lets Lambda add ({@link #SCALING}).
 *
 * <p>Under {@code scaling.provisionedConcurrency.requestRateCap: provisionedOnly} the provisioned-concurrency cap
 * throttles nothing: a request over it spills over to an on-demand environment ({@link ProvisionedServedRate}), so
 * no throttle is ever told for it there.
 */
public enum RequestRateLimit {
    /**
     * "Invocation requests per Region (requests per second): 10 x concurrent executions quota"
     * (gettingstarted-limits.html): 10 x the account's concurrency limit, all functions together.
     */
    ACCOUNT("account"),
    /**
     * "At both the account level and the function level, Lambda also enforces a requests per second limit of equal
     * to 10 times the corresponding concurrency quota" (lambda-concurrency.html): 10 x the function's reserved
     * concurrency.
     */
    RESERVED("reservedConcurrency"),
    /**
     * "Invocation requests per function version or alias (requests per second): 10 x allocated provisioned
     * concurrency" (gettingstarted-limits.html): 10 x the function's provisioned concurrency, every request of the
     * function counted (spillover too) under {@code requestRateCap: allRequests}, the default.
     */
    PROVISIONED("provisionedConcurrency"),
    /**
     * Under the per-function scaling rule, the function's request rate rising faster than it allows (10,000
     * requests per second more every 10 s by default, {@code scaling.newRequestsPerSecond}) (lambda-scaling.html).
     */
    RISE("requestRateRise"),
    /**
     * The scaling rate: Lambda could not add an execution environment fast enough (1,000 per function every 10 s
     * under the per-function rule; the account's burst, then 500 a minute, under the legacy one) (lambda-scaling.html).
     */
    SCALING("scalingRate");

    private static final RequestRateLimit[] VALUES = values();

    private final String key;

    RequestRateLimit(String key) {
        this.key = key;
    }

    /** All limits, shared (do not modify): avoids the copy {@code values()} makes. */
    public static RequestRateLimit[] all() {
        return VALUES;
    }

    /** Its name in summary.json's {@code invocations.rateLimits} (and each function's). */
    public String key() {
        return key;
    }
}
