package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.RequestRateLimit;
import dev.enisim.report.page.AccountRate;
import dev.enisim.report.page.Headlines;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every request-rate throttle (FunctionInvocationRateLimitExceeded, or its reserved form) is recorded with the limit
 * that refused it, and the page's why and {@code plan}'s line read that record rather than guess it: one scenario
 * per limit, all of whose rate throttles are that limit's. Before, a function throttled by 10 x its provisioned
 * concurrency was told "How Lambda scaled" on the page and "scaling-rate" by plan; the per-function rule's rise was
 * told as scaling; and traffic near 10 x the account's limit was "request-rate" for plan even when the environments,
 * not the requests, were what could not keep up.
 */
class RateLimitAttributionTest {

    private static RunResult run(String yaml) throws Exception {
        return new Simulation(ScenarioLoader.parse(yaml, "rate"), 0).run();
    }

    /** A run of one account (seed 1, no unreserved minimum) with its concurrency limit and the scenario's {@code rest}. */
    private static RunResult run(String name, String duration, String bucket, int concurrencyLimit, String rest)
            throws Exception {
        return run("name: " + name + "\nseed: 1\nduration: " + duration + "\nbucket: " + bucket
                + "\naccount: { concurrencyLimit: " + concurrencyLimit + ", unreservedMinimum: 0 }\n" + rest);
    }

    /** All of the run's rate throttles, and every function's, were {@code limit}'s; returns how many. */
    private static long allBy(RunResult r, RequestRateLimit limit) {
        RunSummary.Invocations inv = r.summary().invocations();
        long rate = inv.throttleReasons().get("FunctionInvocationRateLimitExceeded")
                + inv.throttleReasons().get("ReservedFunctionInvocationRateLimitExceeded");
        assertTrue(rate > 0, "the scenario is made to throttle for its rate: " + inv);
        assertEquals(rate, inv.rateLimited(limit), inv.rateLimits().toString());
        assertEquals(RequestRateLimit.all().length, inv.rateLimits().size(), "every limit named when one counted");
        r.summary().functions().forEach((name, f) -> assertEquals(f.invocations().throttleReasons()
                .get("FunctionInvocationRateLimitExceeded") + f.invocations().throttleReasons()
                .get("ReservedFunctionInvocationRateLimitExceeded"), f.invocations().rateLimited(limit), name));
        return rate;
    }

    /** The page's why of the rate throttles (What failed), one. */
    private static String pageWhy(RunResult r) {
        List<Headlines.Failure> rate = Headlines.failures(r).stream()
                .filter(f -> f.outcome().contains("InvocationRateLimitExceeded")).toList();
        assertEquals(1, rate.size(), rate.toString());
        return rate.get(0).why();
    }

    private static List<String> planLines(RunResult r) {
        return Planner.hitDetails(r.summary(), r.scenario());
    }

    private static String line(List<String> lines, String start) {
        return lines.stream().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(
                start + " in " + lines));
    }

    @Test
    void theAccountsCap() throws Exception {
        RunResult r = run("acct", "20s", "10s", 10, """
                functions:
                  - { name: pixel, existing: Active, initDuration: 0s, duration: 0.5ms, arrivals: { constant: 1000/s } }
                """);
        allBy(r, RequestRateLimit.ACCOUNT);
        assertEquals("the account's cap of 100 requests/s (10 x its concurrency limit of 10) was passed: pixel was"
                + " sent up to 1,000/s", pageWhy(r));
        assertEquals(pageWhy(r), AccountRate.why(r, "FunctionInvocationRateLimitExceeded"), "the terminal's");
        assertEquals("request-rate", Planner.rateLimit(null, r.summary(), "pixel"), "no scenario needed");
        assertTrue(line(planLines(r), "request-rate: pixel: ").endsWith("throttled (FunctionInvocationRateLimit"
                + "Exceeded: requests per second over 10 x the concurrency limit of 10 = 100; raise the concurrency"
                + " quota)"), planLines(r).toString());
    }

    @Test
    void theReservedConcurrencysCap() throws Exception {
        RunResult r = run("rsv", "20s", "10s", 1000, """
                functions:
                  - { name: pixel, existing: Active, reservedConcurrency: 10, initDuration: 0s, duration: 0.5ms,
                      arrivals: { constant: 200/s } }
                """);
        allBy(r, RequestRateLimit.RESERVED);
        assertEquals("pixel's cap of 100 requests/s (10 x its reserved concurrency of 10) was passed", pageWhy(r));
        assertEquals(pageWhy(r), AccountRate.why(r, "ReservedFunctionInvocationRateLimitExceeded"));
        String v = Headlines.html(r);
        assertTrue(v.contains("The cap on requests, not concurrency, throttled them: Lambda accepts at most 10 requests"
                + " per second per unit of concurrency (pixel: 10 x its reserved concurrency of 10 = 100 per second)"), v);
        assertTrue(line(planLines(r), "request-rate: pixel: ").endsWith("throttled (ReservedFunctionInvocationRate"
                + "LimitExceeded: requests per second over 10 x its reserved concurrency of 10 = 100; raise its"
                + " reserved concurrency)"), planLines(r).toString());
    }

    @Test
    void theProvisionedConcurrencysCap() throws Exception {
        RunResult r = run("pc", "20s", "10s", 1000, """
                functions:
                  - { name: pixel, existing: Active, provisionedConcurrency: 5, initDuration: 0s, duration: 0.5ms,
                      arrivals: { constant: 200/s } }
                """);
        allBy(r, RequestRateLimit.PROVISIONED);
        assertEquals("pixel's cap of 10 x provisioned concurrency of 5 = 50 requests per second was passed (every"
                + " request of it counted, spillover too: scaling.provisionedConcurrency.requestRateCap: allRequests)",
                pageWhy(r));
        String page = Headlines.html(r);
        assertFalse(page.contains("How Lambda scaled"), page);
        assertFalse(page.contains("scaling could not add environments fast enough"), page);
        assertTrue(page.contains("more provisioned concurrency raises it"), page);
        List<String> plan = planLines(r);
        assertEquals("request-rate", Planner.rateLimit(r.scenario(), r.summary(), "pixel"));
        assertTrue(line(plan, "request-rate: pixel: ").contains("requests per second over 10 x provisioned"
                + " concurrency of 5 = 50, every request of it counted; raise its provisioned concurrency, or,"
                + " if AWS counts only the requests provisioned environments serve, set"
                + " scaling.provisionedConcurrency.requestRateCap: provisionedOnly"), plan.toString());
    }

    @Test
    void theRiseOfTheRequestRate() throws Exception {
        // 15,000 requests/s at once: today's rule starts a function at 10,000/s and adds 1,000/s each second
        RunResult r = run("rise", "10s", "5s", 10000, """
                functions:
                  - { name: hot, existing: Active, initDuration: 0s, duration: 0.5ms, arrivals: { constant: 15000/s } }
                """);
        allBy(r, RequestRateLimit.RISE);
        assertEquals("hot's request rate rose faster than Lambda allows: 10,000 more requests per second every 10s"
                + " (today's scaling rule)", pageWhy(r));
        String page = Headlines.html(r);
        assertFalse(page.contains("How Lambda scaled"), page);
        assertTrue(page.contains("The pace at which a function's request rate may rise"), page);
        assertTrue(line(planLines(r), "scaling-rate: hot: ").endsWith("(FunctionInvocationRateLimitExceeded: its"
                + " request rate rose faster than the scaling rule allows (scaling.newRequestsPerSecond every"
                + " scaling.period); ramp it up more slowly)"), planLines(r).toString());
    }

    @Test
    void theScalingRateNearTheAccountsRequestCap() throws Exception {
        // 9,000 requests/s against a cap of 11,000 (80% of it and more): the environments (100 every 10 s) are what
        // could not keep up, not the requests
        RunResult r = run("scal", "30s", "10s", 1100, """
                scaling: { newEnvironmentsPer10s: 100 }
                functions:
                  - { name: surge, existing: Active, initDuration: 0s, duration: 100ms, arrivals: { constant: 9000/s } }
                """);
        allBy(r, RequestRateLimit.SCALING);
        assertEquals("scaling could not add environments fast enough", pageWhy(r));
        assertTrue(Headlines.html(r).contains("How Lambda scaled"));
        assertEquals("scaling-rate", Planner.rateLimit(r.scenario(), r.summary(), "surge"));
        assertEquals("scaling-rate: surge: " + String.format(java.util.Locale.ROOT, "%,d of %,d",
                r.summary().invocations().throttled(), r.summary().invocations().total()) + " invocations throttled"
                + " (FunctionInvocationRateLimitExceeded)", line(planLines(r), "scaling-rate: surge: "));
        assertFalse(planLines(r).stream().anyMatch(l -> l.startsWith("request-rate")), planLines(r).toString());
    }
}
