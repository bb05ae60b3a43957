package dev.enisim.model;

import java.util.Arrays;

/**
 * Under {@code scaling.provisionedConcurrency.requestRateCap: provisionedOnly} [assumed]: the requests a function's
 * provisioned environments serve, at most 10 x its provisioned concurrency per second (a token bucket holding one
 * {@link Scaling#requestRateWindowMicros window}'s requests, remade when the provisioned concurrency changes). A
 * request that finds the bucket empty is not throttled: it spills over to an on-demand environment, as
 * troubleshooting-invocation.html says ("If the invocation rate exceeds 1,000 requests per second, some cold starts
 * can occur"). Not made under the default reading, where {@link RequestRate} caps every request.
 */
final class ProvisionedServedRate {

    private final double windowSeconds;
    private TokenBucket[] buckets = new TokenBucket[0];
    private int[] madeFor = new int[0];

    ProvisionedServedRate(Scaling scaling) {
        this.windowSeconds = scaling.requestRateWindowMicros() / 1e6;
    }

    /** Whether a provisioned environment of function {@code f} (provisioned concurrency {@code pc}) may serve now. */
    boolean tryServe(int f, int pc, long now) {
        if (f >= buckets.length) {
            int n = Math.max(f + 1, 2 * buckets.length);
            buckets = Arrays.copyOf(buckets, n);
            madeFor = Arrays.copyOf(madeFor, n);
        }
        if (buckets[f] == null || madeFor[f] != pc) {
            buckets[f] = RequestRate.bucket(pc, windowSeconds);
            madeFor[f] = pc;
        }
        return buckets[f].tryTake(now);
    }
}
