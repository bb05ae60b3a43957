package dev.enisim.report;

import dev.enisim.run.RunResult;

/**
 * The account's concurrency limit beside its peak ConcurrentExecutions when the peak came near it: "988 of 1,000
 * (98.8% of the account's concurrencyLimit)", as ENIs are said against their quota (a product manager's review: "Peak
 * ConcurrentExecutions 988" with no "of 1,000" while plan named concurrency as the first limit).
 */
public final class ConcurrencyNearLimit {

    /**
     * The share of the account's concurrencyLimit from which the terminal and the page's Capacity say the limit beside
     * the peak: a reading aid, not an AWS rule.
     */
    public static final double SHARE = 0.8;

    private ConcurrencyNearLimit() {
    }

    /**
     * " of 1,000 (98.8% of the account's concurrencyLimit)" when the run's peak ConcurrentExecutions is at least
     * {@link #SHARE} of the account's limit; "" below that, and with several accounts (each has its own limit).
     */
    public static String of(RunResult r) {
        if (r.scenario().multiAccount()) {
            return "";
        }
        long limit = r.scenario().accountConcurrencyLimit();
        long peak = r.summary().peakConcurrentExecutions();
        if (limit <= 0 || peak < SHARE * limit) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, " of %,d (%.1f%% of the account's concurrencyLimit)", limit,
                100.0 * peak / limit);
    }
}
