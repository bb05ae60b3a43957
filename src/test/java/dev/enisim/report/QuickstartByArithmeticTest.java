package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed reports/quickstart/summary.json checked against what follows from scenarios/quickstart.yaml by
 * arithmetic and theory, not against a run: {@code ReportTest} checks the committed report equals a fresh run
 * (it catches change), this catches a golden regenerated from a wrong model. The scenario's inputs are copied
 * below from quickstart.yaml (change them together).
 *
 * <p>Tolerances: counts of a Poisson process over {@code t} seconds at {@code rate} are within 4.5 standard
 * deviations ({@code sqrt(rate t)}) of {@code rate t} (a false alarm once in 300,000 seeds; a rate off by 5%
 * fails for orders-api); a constant process is exact to one arrival. Latency medians are within 5% of the
 * duration's median: HdrHistogram keeps two significant digits (1%), and the sample median of the smallest sample
 * (reports, 5,281 lognormal draws with sigma 0.69) has a relative standard error of about 1.2%. Busy environments
 * follow Little's law within 5%: the sample mean of each function's durations has a standard error of at most
 * 1.1% (reports again), and cold-start inits add under 0.3%.
 */
class QuickstartByArithmeticTest {

    private static final double SECONDS = 7200;   // duration: 2h
    private static final double Z99 = 2.3263478740; // standard normal quantile of 0.99

    /** A function of quickstart.yaml: its arrivals, when it was created, and its duration's median and mean. */
    private record Fn(String name, double rate, boolean poisson, double createdAt, double medianMs, double meanMs) {
    }

    /** Median and p99 of a lognormal give sigma = ln(p99 / median) / z99 and mean = median exp(sigma^2 / 2). */
    private static double lognormalMean(double median, double p99) {
        double sigma = Math.log(p99 / median) / Z99;
        return median * Math.exp(sigma * sigma / 2);
    }

    private static final List<Fn> FUNCTIONS = List.of(
            new Fn("orders-api", 50, true, 0, 120, lognormalMean(120, 2000)),
            new Fn("orders-worker", 20, true, 600, 300, lognormalMean(300, 2000)),
            new Fn("reports", 1, true, 1800, 2000, lognormalMean(2000, 10000)),
            new Fn("billing", 5, true, 2400, 200 * Math.log(2), 200),       // exponential, mean 200 ms
            new Fn("audit", 2, false, 3000, 50, 50),                         // constant 2/s, 50 ms
            new Fn("notifications", 10, true, 3600, 250, 250));              // uniform 100..400 ms (never runs)

    private static JsonNode summary;

    @BeforeAll
    static void read() throws Exception {
        summary = new ObjectMapper().readTree(Path.of("reports/quickstart/summary.json").toFile());
    }

    private static void assertCount(double expected, boolean poisson, long actual, String what) {
        double tolerance = poisson ? 4.5 * Math.sqrt(expected) : 1;
        assertTrue(Math.abs(actual - expected) <= tolerance,
                what + ": " + actual + ", expected " + expected + " +- " + tolerance);
    }

    private static void assertRelative(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(actual - expected) <= relative * expected,
                what + ": " + actual + ", expected " + expected + " +- " + (relative * 100) + "%");
    }

    @Test
    void invocationsFollowEachArrivalRateOverTheTimeItExists() {
        long sum = 0;
        for (Fn f : FUNCTIONS) {
            long total = summary.at("/functions/" + f.name + "/invocations/total").asLong();
            assertCount(f.rate * (SECONDS - f.createdAt), f.poisson, total, f.name + " invocations");
            sum += total;
        }
        assertEquals(sum, summary.at("/invocations/total").asLong());
        assertEquals(sum, summary.at("/events/arrivals").asLong(), "every arrival is one synchronous invocation");
    }

    /**
     * A function's total is the sum of its outcomes (that is how it is counted), so the check that each invocation
     * ends in exactly one outcome is against the arrivals, which the simulation counts apart as the event loop
     * delivers them: every arrival of the quickstart is one synchronous invocation, so the outcomes of all functions
     * add up to the arrivals, no more (an outcome counted twice) and no fewer (an invocation that never ended).
     */
    @Test
    void everyInvocationHasExactlyOneOutcome() {
        long allOutcomes = 0;
        for (Fn f : FUNCTIONS) {
            JsonNode inv = summary.at("/functions/" + f.name + "/invocations");
            long outcomes = inv.get("succeeded").asLong() + inv.get("throttled").asLong()
                    + inv.get("functionErrors").asLong();
            for (Iterator<JsonNode> e = inv.get("errors").elements(); e.hasNext(); ) {
                outcomes += e.next().asLong();
            }
            assertEquals(inv.get("total").asLong(), outcomes, f.name);
            allOutcomes += outcomes;
            assertEquals(inv.get("succeeded").asLong(),
                    summary.at("/functions/" + f.name + "/latencyMillis/count").asLong(),
                    f.name + ": one latency per success");
        }
        assertEquals(summary.at("/events/arrivals").asLong(), allOutcomes, "one outcome per arrival");
        assertEquals(FUNCTIONS.size(), summary.get("functions").size(), "every function is counted");
    }

    /** While a function is Pending, every invocation fails with ResourceConflictException (Lambda's docs). */
    @Test
    void conflictsFollowTheArrivalRateWhilePending() {
        for (Fn f : FUNCTIONS.subList(0, 5)) {
            JsonNode fn = summary.at("/functions/" + f.name);
            assertEquals("Active", fn.get("finalState").asText(), f.name);
            double pending = fn.get("longestPendingSeconds").asDouble();
            assertTrue(pending > 0, f.name + " was Pending while its ENIs were made");
            assertCount(f.rate * pending, f.poisson,
                    fn.at("/invocations/errors/ResourceConflictException").asLong(), f.name + " conflicts");
        }
        // orders-worker shares orders-api's ENIs: Pending only for the attach to existing ENIs (5 s)
        assertEquals(5.0, summary.at("/functions/orders-worker/longestPendingSeconds").asDouble(), 1e-9);
    }

    /**
     * Subnet arithmetic: a /28 has 16 addresses, a /24 256, AWS reserves 5 per subnet. Four security groups fit
     * (one ENI per subnet and security-group set): subnet-a has 16 - 5 - 7 = 4 free, so the fifth
     * (notifications) finds none and fails, and creates no ENI in subnet-b either.
     */
    @Test
    void enisAndAddressesFollowFromTheSubnetsAndSecurityGroups() {
        assertEquals(11, summary.at("/subnets/subnet-a/usableIps").asInt());
        assertEquals(251, summary.at("/subnets/subnet-b/usableIps").asInt());
        assertEquals(11 - 7 - 4, summary.at("/subnets/subnet-a/minAvailableIps").asInt());
        assertEquals(251 - 40 - 4, summary.at("/subnets/subnet-b/minAvailableIps").asInt());
        assertEquals(4 * 2, summary.at("/enis/peak").asInt());
        assertEquals(4 * 2, summary.at("/enis/created").asInt());
        assertEquals(0, summary.at("/enis/deleted").asInt(), "nothing is deleted in the story");
        for (String sg : List.of("sg-app", "sg-reports", "sg-billing", "sg-audit", "sg-notify")) {
            for (String subnet : List.of("subnet-a", "subnet-b")) {
                int expected = sg.equals("sg-notify") ? 0 : 1;
                assertEquals(expected, summary.at("/eniKeys/" + subnet + "+[" + sg + "]/peakEnis").asInt(),
                        subnet + "+[" + sg + "]");
            }
        }
        JsonNode n = summary.at("/functions/notifications");
        assertEquals("Failed", n.get("finalState").asText());
        assertEquals("SubnetOutOfIPAddresses", n.get("finalReasonCode").asText());
        assertEquals(n.at("/invocations/total").asLong(),
                n.at("/invocations/errors/SubnetIPAddressLimitReachedException").asLong(),
                "a Failed function's every invocation is refused");
    }

    @Test
    void latencyMediansAreTheDurationMedians() {
        for (Fn f : FUNCTIONS.subList(0, 5)) {
            assertRelative(f.medianMs, summary.at("/functions/" + f.name + "/latencyMillis/p50").asDouble(), 0.05,
                    f.name + " p50");
        }
    }

    /** Little's law: mean busy environments = throughput x mean duration (runs that ended, over the 2 h). */
    @Test
    void busyEnvironmentsFollowLittlesLaw() {
        double account = 0;
        for (Fn f : FUNCTIONS) {
            JsonNode fn = summary.at("/functions/" + f.name);
            long ran = fn.at("/invocations/succeeded").asLong() + fn.at("/invocations/functionErrors").asLong();
            double expected = ran * f.meanMs / 1000 / SECONDS;
            double busy = fn.at("/averageEnvironments/busy").asDouble();
            if (ran == 0) {
                assertEquals(0, busy, 0, f.name);
            } else {
                assertRelative(expected, busy, 0.05, f.name + " busy environments");
            }
            account += busy;
        }
        assertEquals(account, summary.at("/averageConcurrentExecutions").asDouble(), 1e-9);
    }

    /** Requests are billed per invocation that ran, at AWS's $0.20 per million (us-east-1). */
    @Test
    void requestCostIsTwentyCentsPerMillionRuns() {
        for (Map.Entry<String, JsonNode> e : summary.get("functions").properties()) {
            JsonNode fn = e.getValue();
            long ran = fn.at("/invocations/succeeded").asLong() + fn.at("/invocations/functionErrors").asLong();
            assertEquals(ran * 0.20 / 1e6, fn.at("/cost/requests").asDouble(), 1e-9, e.getKey());
        }
    }
}
