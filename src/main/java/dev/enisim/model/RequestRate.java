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
    /** Per function, one row: its window's start, the requests admitted in it, its allowance (one cache line). */
    private static final int WINDOW_START = 0;
    private static final int IN_WINDOW = 1;
    private static final int ALLOWANCE = 2;
    private static final int STRIDE = 4;
    private long[] window = new long[0];
    private int functions;

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
        if (i >= functions) {
            grow(Math.max(i + 1, 2 * functions));
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
            window[i * STRIDE + IN_WINDOW]++;
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
        long[] r = window;
        int b = i * STRIDE;
        if (now - r[b + WINDOW_START] >= w) {
            long elapsed = (now - r[b + WINDOW_START]) / w;
            long previous = elapsed == 1 ? r[b + IN_WINDOW] : 0;
            r[b + WINDOW_START] += elapsed * w;
            r[b + IN_WINDOW] = 0;
            r[b + ALLOWANCE] = Math.max(startPerWindow, previous + risePerWindow);
        }
        return r[b + IN_WINDOW] < r[b + ALLOWANCE];
    }

    private void grow(int n) {
        int old = functions;
        reserved = Arrays.copyOf(reserved, n);
        provisioned = Arrays.copyOf(provisioned, n);
        provisionedOf = Arrays.copyOf(provisionedOf, n);
        window = Arrays.copyOf(window, n * STRIDE);
        for (int k = old; k < n; k++) {
            window[k * STRIDE + ALLOWANCE] = startPerWindow;
        }
        functions = n;
    }
}
