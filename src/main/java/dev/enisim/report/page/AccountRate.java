package dev.enisim.report.page;

import dev.enisim.metrics.Metric;
import dev.enisim.metrics.Series;
import dev.enisim.metrics.TimeSeries;
import dev.enisim.model.Scaling;
import dev.enisim.run.RunResult;
import java.util.Locale;

/**
 * The account's cap on invocation requests, 10 x its concurrency limit per second (domain.md section 10, Lambda's
 * quotas page: "Invocation requests per Region: 10 x the concurrency quota"), and the buckets in which the account's
 * functions were sent more than it together (requests that ran, were throttled or refused, per second over a bucket).
 * A 600-function account at 3x traffic was sent 21,220 requests/s against 10,000/s: 13.4 M
 * FunctionInvocationRateLimitExceeded, which the page put on scaling ("could not add environments fast enough"),
 * because only the most-throttled function's own rate was compared with the cap. Under several accounts
 * ({@code accounts}) each has its own limit: not told.
 *
 * @param limit         the account's concurrency limit
 * @param cap           requests per second it accepts: {@link Scaling#REQUESTS_PER_SECOND_PER_CONCURRENCY} x limit
 * @param peakPerSecond the most requests per second sent to the account over one bucket
 * @param over          per bucket, whether the account was sent more than {@code cap} per second over it
 * @param sender        the one function sent requests, null when several were (request-rate-cap's pixel: not "its
 *                      functions ... together")
 */
public record AccountRate(long limit, long cap, long peakPerSecond, long bucketMicros, boolean[] over, String sender) {

    /** The account's rate, or null when it never passed the cap over a bucket, or under several accounts. */
    public static AccountRate of(RunResult r) {
        if (r.scenario().multiAccount()) {
            return null;
        }
        long limit = r.scenario().accountConcurrencyLimit();
        long cap = Scaling.REQUESTS_PER_SECOND_PER_CONCURRENCY * limit;
        TimeSeries ts = r.timeSeries();
        Series[] parts = {ts.account(Metric.INVOCATIONS), ts.account(Metric.THROTTLES),
            ts.account(Metric.INVOKE_ERRORS)};
        boolean[] over = new boolean[ts.buckets()];
        long peak = 0;
        boolean any = false;
        for (int i = 0; i < over.length; i++) {
            long n = 0;
            for (Series p : parts) {
                n += p == null || i >= p.values().length ? 0 : p.values()[i];
            }
            long perSecond = n * 1_000_000L / ts.bucketMicros();
            peak = Math.max(peak, perSecond);
            over[i] = perSecond > cap;
            any |= over[i];
        }
        if (!any) {
            return null;
        }
        String sender = null;
        int senders = 0;
        for (java.util.Map.Entry<String, dev.enisim.metrics.RunSummary.FunctionSummary> e
                : r.summary().functions().entrySet()) {
            if (e.getValue().invocations().total() > 0) {
                sender = e.getKey();
                senders++;
            }
        }
        return new AccountRate(limit, cap, peak, ts.bucketMicros(), over, senders == 1 ? sender : null);
    }

    /** Whether the account was over its cap in a bucket from {@code fromMicros}'s to {@code toMicros}'s. */
    boolean over(long fromMicros, long toMicros) {
        for (long i = fromMicros / bucketMicros; i <= toMicros / bucketMicros && i < over.length; i++) {
            if (over[(int) i]) {
                return true;
            }
        }
        return false;
    }

    /** "the account's cap of 10,000 requests/s (10 x its concurrency limit of 1,000) was passed: ...", the why. */
    public String why() {
        return "the account's cap of " + num(cap) + " requests/s (" + Scaling.REQUESTS_PER_SECOND_PER_CONCURRENCY
                + " x its concurrency limit of " + num(limit) + ") was passed: " + (sender == null
                ? "its functions were sent up to " + num(peakPerSecond) + "/s together"
                : sender + " was sent up to " + num(peakPerSecond) + "/s");
    }

    /** The verdict's sentence, in place of how Lambda scaled: the cap, not scaling, throttled them. */
    String verdict() {
        return " The account's cap on requests, not the scaling of environments, throttled them: Lambda accepts at"
                + " most " + num(cap) + " requests per second for the account (" + Scaling.REQUESTS_PER_SECOND_PER_CONCURRENCY
                + " x its concurrency limit of " + num(limit) + "), and " + (sender == null ? "its functions were"
                : sender + " was") + " sent up to " + num(peakPerSecond) + " per second" + (sender == null ? " together"
                : "") + " (over " + dev.enisim.report.Assumptions.duration(
                        bucketMicros) + "); a higher concurrency limit raises the cap.";
    }

    /**
     * Why requests were throttled for {@code reason} (a ThrottleReason), as the page's What failed table says it:
     * the account's cap for FunctionInvocationRateLimitExceeded when the account passed it anywhere in the run.
     */
    public static String why(RunResult r, String reason) {
        AccountRate rate = reason.equals("FunctionInvocationRateLimitExceeded") ? of(r) : null;
        return rate != null ? rate.why() : Headlines.cause(reason);
    }

    private static String num(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
