package dev.enisim.report.page;

import dev.enisim.metrics.Metric;
import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Series;
import dev.enisim.metrics.TimeSeries;
import dev.enisim.model.RequestRateLimit;
import dev.enisim.model.Scaling;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
     * Why requests were throttled for {@code reason} (a ThrottleReason), as the terminal says it: for
     * FunctionInvocationRateLimitExceeded and ReservedFunctionInvocationRateLimitExceeded, the limit that refused
     * most of them as the run recorded it ({@link RunSummary.Invocations#rateLimits}), told for the function it
     * refused most ({@link #why(RunResult, RequestRateLimit, String, AccountRate)}); otherwise the reason's cause.
     */
    public static String why(RunResult r, String reason) {
        if (!isRate(reason)) {
            return Headlines.cause(reason);
        }
        // the functions this reason is given to: those with reserved concurrency for its reserved form
        boolean reservedForm = reason.startsWith("Reserved");
        Map<String, Long> byLimit = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, RunSummary.FunctionSummary> e : r.summary().functions().entrySet()) {
            if ((reserved(r, e.getKey()) > 0) == reservedForm) {
                e.getValue().invocations().rateLimits().forEach((k, n) -> byLimit.merge(k, n, Long::sum));
            }
        }
        RequestRateLimit limit = most(byLimit);
        if (limit == null) {
            return Headlines.cause(reason);
        }
        String function = null;
        long most = 0;
        for (Map.Entry<String, RunSummary.FunctionSummary> e : r.summary().functions().entrySet()) {
            long n = e.getValue().invocations().rateLimited(limit);
            if (n > most && (reserved(r, e.getKey()) > 0) == reservedForm) {
                most = n;
                function = e.getKey();
            }
        }
        return why(r, limit, function, limit == RequestRateLimit.ACCOUNT ? of(r) : null);
    }

    /** Whether {@code reason} is a request-rate throttle's (FunctionInvocationRateLimitExceeded or its reserved form). */
    static boolean isRate(String reason) {
        return reason.equals("FunctionInvocationRateLimitExceeded")
                || reason.equals("ReservedFunctionInvocationRateLimitExceeded");
    }

    /** The limit with the most throttles in {@code byLimit} (summary.json's rateLimits), null when none has any. */
    static RequestRateLimit most(Map<String, Long> byLimit) {
        RequestRateLimit most = null;
        long n = 0;
        for (RequestRateLimit l : RequestRateLimit.all()) {
            long c = byLimit.getOrDefault(l.key(), 0L);
            if (c > n) {
                n = c;
                most = l;
            }
        }
        return most;
    }

    /**
     * Why {@code function}'s requests were throttled for a request rate, as the page's What failed table says it:
     * each limit the run recorded for it ({@link RunSummary.Invocations#rateLimits}) with its why, the one alone, or
     * each with its count when several refused it (most first); the reason's cause when none was recorded.
     *
     * @param rate the account's rate ({@link #of}), or null
     */
    static String why(RunResult r, String function, String reason, AccountRate rate) {
        RunSummary.FunctionSummary f = r.summary().functions().get(function);
        Map<String, Long> byLimit = f == null ? Map.of() : f.invocations().rateLimits();
        List<RequestRateLimit> limits = new ArrayList<>();
        for (RequestRateLimit l : RequestRateLimit.all()) {
            if (byLimit.getOrDefault(l.key(), 0L) > 0) {
                limits.add(l);
            }
        }
        if (limits.isEmpty()) {
            return Headlines.cause(reason);
        }
        if (limits.size() == 1) {
            return why(r, limits.get(0), function, rate);
        }
        limits.sort(java.util.Comparator.comparingLong((RequestRateLimit l) -> -byLimit.get(l.key())));
        List<String> whys = new ArrayList<>();
        for (RequestRateLimit l : limits) {
            whys.add(num(byLimit.get(l.key())) + ": " + why(r, l, function, rate));
        }
        return String.join("; ", whys);
    }

    /**
     * Why {@code limit} throttled {@code function}'s requests (null: the account's functions), in a few words: the
     * account's cap (the rate's why when it passed it over a bucket), the function's reserved or provisioned
     * concurrency's cap ("10 x provisioned concurrency of 5 = 50 requests per second"), the per-function rule's rise,
     * or the scaling rate.
     */
    public static String why(RunResult r, RequestRateLimit limit, String function, AccountRate rate) {
        int per = Scaling.REQUESTS_PER_SECOND_PER_CONCURRENCY;
        String who = function == null ? "the function" : function;
        return switch (limit) {
            case ACCOUNT -> rate != null ? rate.why() : r.scenario().multiAccount()
                    ? "its account's cap of " + per + " x its concurrency limit requests/s was passed"
                    : "the account's cap of " + num((long) per * r.scenario().accountConcurrencyLimit())
                            + " requests/s (" + per + " x its concurrency limit of "
                            + num(r.scenario().accountConcurrencyLimit()) + ") was passed";
            case RESERVED -> {
                long reserved = reserved(r, function);
                yield who + "'s cap of " + num(per * reserved) + " requests/s (" + per + " x its reserved concurrency"
                        + " of " + num(reserved) + ") was passed";
            }
            case PROVISIONED -> {
                long pc = provisioned(r, function);
                yield who + "'s cap of " + per + " x provisioned concurrency of " + num(pc) + " = " + num(per * pc)
                        + " requests per second was passed (every request of it counted, spillover too:"
                        + " scaling.provisionedConcurrency.requestRateCap: allRequests)";
            }
            case RISE -> {
                Scaling rule = r.scenario().scaling().scaling();
                yield who + "'s request rate rose faster than Lambda allows: " + num(rule.newRequestsPerSecond())
                        + " more requests per second every " + dev.enisim.report.Assumptions.duration(
                                rule.periodMicros()) + " (today's scaling rule)";
            }
            case SCALING -> Headlines.cause("FunctionInvocationRateLimitExceeded");
        };
    }

    /** The reserved concurrency {@code function} was given (0 when none, or not known). */
    static long reserved(RunResult r, String function) {
        for (dev.enisim.scenario.Scenario.Function f : r.scenario().functions()) {
            if (f.name().equals(function) && f.reservedConcurrency().isPresent()) {
                return f.reservedConcurrency().getAsInt();
            }
        }
        return 0;
    }

    /**
     * The provisioned concurrency {@code function} was given: the scenario's figure, else (one set by the timeline)
     * the most allocated over the run; 0 when none is known.
     */
    static long provisioned(RunResult r, String function) {
        for (dev.enisim.scenario.Scenario.Function f : r.scenario().functions()) {
            if (f.name().equals(function) && f.provisionedConcurrency() > 0) {
                return f.provisionedConcurrency();
            }
        }
        Map<String, RunSummary.ProvisionedSummary> pc = r.summary().provisionedConcurrency();
        RunSummary.ProvisionedSummary p = pc == null || function == null ? null : pc.get(function);
        return p == null ? 0 : p.peakAllocated();
    }

    private static String num(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
