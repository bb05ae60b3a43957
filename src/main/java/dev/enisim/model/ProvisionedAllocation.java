package dev.enisim.model;

/**
 * How Lambda allocates provisioned concurrency requested on the timeline (PutProvisionedConcurrencyConfig).
 *
 * <p>[doc] "Lambda starts allocating provisioned concurrency after a minute or two of preparation. For each
 * function, Lambda can provision up to 6,000 execution environments every minute" and "you can't access any of
 * those environments until Lambda completely finishes allocating them"
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html). So a request adding {@code n}
 * environments is usable, all at once, {@code preparation + n / allocationPerMinute} minutes after it was made.
 *
 * @param preparationMicros   the preparation before allocation starts [assumed: 90 s, "a minute or two"]
 * @param allocationPerMinute environments allocated per minute per function [doc: 6,000]
 * @param keepsFunctionActive a VPC function with provisioned concurrency allocated does not go Inactive when it is
 *                            not invoked [assumed: AWS documents no idle release of provisioned concurrency]
 * @param rateCapsAllRequests how "Invocation requests per function version or alias: 10 x allocated provisioned
 *                            concurrency" (gettingstarted-limits.html) is read [assumed]: true (the default,
 *                            {@code requestRateCap: allRequests}), every request of the function counts and a request
 *                            over the cap is throttled (FunctionInvocationRateLimitExceeded), spillover included;
 *                            false ({@code provisionedOnly}), only the requests its provisioned environments serve are
 *                            capped, and a request over the cap spills over to an on-demand environment (a cold start
 *                            when none is idle), counted against the account's cap only: the reading of
 *                            troubleshooting-invocation.html ("a function configured with 100 provisioned
 *                            concurrency can handle 1,000 requests per second. If the invocation rate exceeds 1,000
 *                            requests per second, some cold starts can occur")
 */
public record ProvisionedAllocation(long preparationMicros, int allocationPerMinute, boolean keepsFunctionActive,
        boolean rateCapsAllRequests) {

    public static final ProvisionedAllocation DEFAULT = new ProvisionedAllocation(90_000_000L, 6000, true, true);

    /** An allocation whose request-rate cap counts every request of the function (the default reading). */
    public ProvisionedAllocation(long preparationMicros, int allocationPerMinute, boolean keepsFunctionActive) {
        this(preparationMicros, allocationPerMinute, keepsFunctionActive, true);
    }

    public ProvisionedAllocation {
        if (preparationMicros < 0 || allocationPerMinute < 1) {
            throw new IllegalArgumentException("preparation " + preparationMicros + " us, allocation "
                    + allocationPerMinute + " per minute");
        }
    }

    /** Microseconds from a request adding {@code environments} to their being usable (all at once). */
    public long readyAfterMicros(int environments) {
        long allocation = (Math.max(0, environments) * 60_000_000L + allocationPerMinute - 1) / allocationPerMinute;
        return preparationMicros + allocation;
    }
}
