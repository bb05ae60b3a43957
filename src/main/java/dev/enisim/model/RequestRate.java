package dev.enisim.model;

import java.util.Arrays;

/**
 * Owns the invocation request-rate limits [doc]: requests per second at most 10 x the account's concurrency limit
 * (all functions), 10 x a function's reserved concurrency and 10 x its provisioned concurrency ("Invocation
 * requests per function version or alias: 10 x allocated provisioned concurrency", gettingstarted-limits.html;
 * the configured figure is taken as the allocated one [assumed]), and, under the per-function scaling rule, a
 * function's request rate rising by at most 10,000 requests per second every 10 s (refilled continuously, not
 * accumulating).
 * Rates are counted over a window ({@link Scaling#requestRateWindowMicros}, 1 s by default [assumed]): a token
 * bucket of rate x window tokens for the caps; for the rise, fixed windows whose allowance is the previous window's
 * admitted requests plus the rise over one window, never below the starting rate.
 */
final class RequestRate {

    private final Scaling scaling;
    private final TokenBucket account;
    private final double windowSeconds;
    private final long startPerWindow;
    private final long risePerWindow;
    private TokenBucket[] reserved = new TokenBucket[0];
    private TokenBucket[] provisioned = new TokenBucket[0];
    private int[] provisionedOf = new int[0];     // the provisioned concurrency each bucket was made for
    private long[] windowStart = new long[0];
    private long[] inWindow = new long[0];
    private long[] allowance = new long[0];

    RequestRate(Scaling scaling, int accountConcurrencyLimit) {
        this.scaling = scaling;
        this.windowSeconds = scaling.requestRateWindowMicros() / 1e6;
        this.account = bucket(accountConcurrencyLimit);
        double perSecondPerSecond = scaling.newRequestsPerSecond() * 1e6 / scaling.periodMicros();
        this.startPerWindow = Math.max(1, Math.round(scaling.newRequestsPerSecond() * windowSeconds));
        this.risePerWindow = Math.max(1, Math.round(perSecondPerSecond * windowSeconds * windowSeconds));
    }

    private TokenBucket bucket(int concurrency) {
        double perSecond = (double) Scaling.REQUESTS_PER_SECOND_PER_CONCURRENCY * concurrency;
        return new TokenBucket(Math.max(1, perSecond * windowSeconds), perSecond);
    }

    /**
     * The throttle that stops this request of {@code f}, or null when every rate allows it (and then it is counted
     * against each). A function with reserved concurrency is told apart by its Reason, as AWS's names do.
     */
    Outcome throttle(LambdaFunction f, long now) {
        int i = f.index();
        if (i >= allowance.length) {
            grow(i + 1);
        }
        boolean isReserved = f.reserved();
        TokenBucket own = null;
        if (isReserved) {
            own = reserved[i];
            if (own == null) {
                own = bucket(f.reservedConcurrency());
                reserved[i] = own;
            }
        }
        TokenBucket prov = provisionedBucket(f, i);
        Outcome limited = isReserved ? Outcome.THROTTLED_RESERVED_RATE : Outcome.THROTTLED_RATE;
        boolean rising = scaling.model() == Scaling.Model.PER_FUNCTION;
        if (rising && !roomToRise(i, now)) {
            return limited;
        }
        if ((own != null && !own.has(now)) || (prov != null && !prov.has(now)) || !account.has(now)) {
            return limited;
        }
        if (own != null) {
            own.take();
        }
        if (prov != null) {
            prov.take();
        }
        account.take();
        if (rising) {
            inWindow[i]++;
        }
        return null;
    }

    /** The bucket of 10 x the function's provisioned concurrency (remade when that changes), null without any. */
    private TokenBucket provisionedBucket(LambdaFunction f, int i) {
        int pc = f.provisionedConcurrency();
        if (pc <= 0) {
            return null;
        }
        if (provisioned[i] == null || provisionedOf[i] != pc) {
            provisioned[i] = bucket(pc);
            provisionedOf[i] = pc;
        }
        return provisioned[i];
    }

    /** The function's rate may rise further in this window: rolls the window over first. */
    private boolean roomToRise(int i, long now) {
        long w = scaling.requestRateWindowMicros();
        if (now - windowStart[i] >= w) {
            long elapsed = (now - windowStart[i]) / w;
            long previous = elapsed == 1 ? inWindow[i] : 0;
            windowStart[i] += elapsed * w;
            inWindow[i] = 0;
            allowance[i] = Math.max(startPerWindow, previous + risePerWindow);
        }
        return inWindow[i] < allowance[i];
    }

    private void grow(int n) {
        int old = allowance.length;
        reserved = Arrays.copyOf(reserved, n);
        provisioned = Arrays.copyOf(provisioned, n);
        provisionedOf = Arrays.copyOf(provisionedOf, n);
        windowStart = Arrays.copyOf(windowStart, n);
        inWindow = Arrays.copyOf(inWindow, n);
        allowance = Arrays.copyOf(allowance, n);
        for (int k = old; k < n; k++) {
            allowance[k] = startPerWindow;
        }
    }
}
