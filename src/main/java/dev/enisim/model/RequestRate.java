package dev.enisim.model;

import java.util.Arrays;

/**
 * Owns the invocation request-rate limits [doc]: requests per second at most 10 x the account's concurrency limit
 * (all of its functions; with several accounts, each against its own), 10 x a function's reserved concurrency and 10 x its provisioned concurrency ("Invocation
 * requests per function version or alias: 10 x allocated provisioned concurrency", gettingstarted-limits.html;
 * the configured figure is taken as the allocated one [assumed]; every request of the function counts, spillover
 * included, unless {@code scaling.provisionedConcurrency.requestRateCap: provisionedOnly}: then this cap is not
 * checked here, {@link ProvisionedServedRate} caps the requests provisioned environments serve [assumed]), and, under the per-function scaling rule, a
 * function's request rate rising by at most 10,000 requests per second every 10 s (refilled continuously, not
 * accumulating).
 * Rates are counted over a window ({@link Scaling#requestRateWindowMicros}, 1 s by default [assumed]): a token
 * bucket of rate x window tokens for the caps; for the rise, fixed windows whose allowance is the previous window's
 * admitted requests plus the rise over one window, never below the starting rate.
 */
final class RequestRate {

    /** Per account (by its index), 10 x its concurrency limit: the request-rate quota is each account's own. */
    private TokenBucket[] accounts;
    private final double windowSeconds;
    private final long startPerWindow;
    private final long risePerWindow;
    private final long windowMicros;
    private final boolean rising;                 // the per-function scaling rule: the rate rises by windows
    private final boolean provisionedCaps;        // 10 x PC caps all the function's requests (requestRateCap)
    private TokenBucket[] reserved = new TokenBucket[0];
    private TokenBucket[] provisioned = new TokenBucket[0];
    private int[] provisionedOf = new int[0];     // the provisioned concurrency each bucket was made for
    /** Per function, in its row: its window's start, the requests admitted in it, its allowance. */
    private final FunctionRows rows;
    private int functions;                        // rows whose window was set up
    private RequestRateLimit refusedBy;           // the limit that stopped the last throttled request

    RequestRate(FunctionRows rows, Scaling scaling, int accountConcurrencyLimit) {
        this(rows, scaling, accountConcurrencyLimit, true);
    }

    /** @param provisionedCaps whether 10 x provisioned concurrency caps every request of the function */
    RequestRate(FunctionRows rows, Scaling scaling, int accountConcurrencyLimit, boolean provisionedCaps) {
        this.rows = rows;
        this.provisionedCaps = provisionedCaps;
        this.windowSeconds = scaling.requestRateWindowMicros() / 1e6;
        this.windowMicros = scaling.requestRateWindowMicros();
        this.rising = scaling.model() == Scaling.Model.PER_FUNCTION;
        this.accounts = new TokenBucket[] {bucket(accountConcurrencyLimit)};
        double perSecondPerSecond = scaling.newRequestsPerSecond() * 1e6 / scaling.periodMicros();
        this.startPerWindow = Math.max(1, Math.round(scaling.newRequestsPerSecond() * windowSeconds));
        this.risePerWindow = Math.max(1, Math.round(perSecondPerSecond * windowSeconds * windowSeconds));
    }

    private TokenBucket bucket(int concurrency) {
        return bucket(concurrency, windowSeconds);
    }

    /**
     * Another account (a scenario with several over shared VPCs; account 0 is the constructor's) with its own cap of
     * 10 x its concurrency limit: its index is the next, as {@link Concurrency#addAccount} gives it.
     */
    void addAccount(int concurrencyLimit) {
        accounts = Arrays.copyOf(accounts, accounts.length + 1);
        accounts[accounts.length - 1] = bucket(concurrencyLimit);
    }

    /** The bucket of 10 x {@code concurrency} requests per second, holding one window's requests. */
    static TokenBucket bucket(int concurrency, double windowSeconds) {
        double perSecond = (double) Scaling.REQUESTS_PER_SECOND_PER_CONCURRENCY * concurrency;
        return new TokenBucket(Math.max(1, perSecond * windowSeconds), perSecond);
    }

    /**
     * The throttle that stops this request of {@code f}, or null when every rate allows it (and then it is counted
     * against each). A function with reserved concurrency is told apart by its Reason, as AWS's names do; which
     * limit stopped it is {@link #refusedBy} (the first that refuses, in {@link RequestRateLimit}'s order: the rise,
     * reserved, provisioned, account).
     */
    Outcome throttle(int i, long now) {
        if (i >= functions) {
            grow();
        }
        int reservedConcurrency = rows.reservedConcurrency(i);
        boolean isReserved = reservedConcurrency != FunctionRows.UNRESERVED;
        TokenBucket own = null;
        if (isReserved) {
            own = reserved[i];
            if (own == null) {
                own = bucket(reservedConcurrency);
                reserved[i] = own;
            }
        }
        TokenBucket prov = provisionedCaps ? provisionedBucket(i) : null;
        TokenBucket account = accounts[rows.account(i)];
        Outcome limited = isReserved ? Outcome.THROTTLED_RESERVED_RATE : Outcome.THROTTLED_RATE;
        if (rising && !roomToRise(i, now)) {
            refusedBy = RequestRateLimit.RISE;
            return limited;
        }
        if ((own != null && !own.has(now)) || (prov != null && !prov.has(now)) || !account.has(now)) {
            return refused(own, prov, now, limited);
        }
        if (own != null) {
            own.take();
        }
        if (prov != null) {
            prov.take();
        }
        account.take();
        if (rising) {
            rows.set(i, FunctionRows.IN_WINDOW, rows.get(i, FunctionRows.IN_WINDOW) + 1);
        }
        return null;
    }

    /**
     * A request one of the caps refused: which one is kept for {@link #refusedBy} (the buckets tested again, out of
     * line: only a throttled request comes here, and {@code has} takes nothing).
     */
    private Outcome refused(TokenBucket own, TokenBucket prov, long now, Outcome limited) {
        refusedBy = own != null && !own.has(now) ? RequestRateLimit.RESERVED
                : prov != null && !prov.has(now) ? RequestRateLimit.PROVISIONED : RequestRateLimit.ACCOUNT;
        return limited;
    }

    /** The limit that stopped the last request {@link #throttle} refused (null before any). */
    RequestRateLimit refusedBy() {
        return refusedBy;
    }

    /** The bucket of 10 x the function's provisioned concurrency (remade when that changes), null without any. */
    private TokenBucket provisionedBucket(int i) {
        int pc = rows.provisionedConcurrency(i);
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
        long w = windowMicros;
        FunctionRows r = rows;
        long start = r.get(i, FunctionRows.WINDOW_START);
        if (now - start >= w) {
            long elapsed = (now - start) / w;
            long previous = elapsed == 1 ? r.get(i, FunctionRows.IN_WINDOW) : 0;
            r.set(i, FunctionRows.WINDOW_START, start + elapsed * w);
            r.set(i, FunctionRows.IN_WINDOW, 0);
            r.set(i, FunctionRows.ALLOWANCE, Math.max(startPerWindow, previous + risePerWindow));
            return true; // 0 admitted in the new window, and the allowance is at least 1
        }
        return r.get(i, FunctionRows.IN_WINDOW) < r.get(i, FunctionRows.ALLOWANCE);
    }

    /** Sets up the windows of the functions added since the last call (allowance: the starting rate). */
    private void grow() {
        int n = rows.functions();
        if (n > reserved.length) {
            int capacity = Math.max(n, 2 * reserved.length);
            reserved = Arrays.copyOf(reserved, capacity);
            provisioned = Arrays.copyOf(provisioned, capacity);
            provisionedOf = Arrays.copyOf(provisionedOf, capacity);
        }
        for (int k = functions; k < n; k++) {
            rows.set(k, FunctionRows.ALLOWANCE, startPerWindow);
        }
        functions = n;
    }
}
