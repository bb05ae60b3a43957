package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A methodologist's review: a count 0 in every replication got [0, 0] (certainty from ten runs), a rare count a
 * negative lower end ([-0.355, 0.755] for throttles), though no summary metric can be negative.
 */
class MetricStatsIntervalTest {

    private static List<JsonNode> summaries(String... throttled) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String t : throttled) {
            out.add(new ObjectMapper().readTree("{\"invocations\": {\"total\": 15000, \"throttled\": " + t
                    + "}, \"enis\": {\"peak\": 0}, \"latencyMillis\": {\"p99\": 1.5}, \"coldStarts\":"
                    + " {\"probability\": 0.0}}"));
        }
        return out;
    }

    @Test
    void aCountZeroInEveryReplicationGetsTheRuleOfThreeUpperBound() throws Exception {
        Map<String, MetricStats> s = MetricStats.of(summaries("0", "0", "0", "0", "0", "0", "0", "0", "0", "0"));
        MetricStats t = s.get("invocations.throttled");
        assertEquals(0, t.mean());
        assertEquals(0, t.ciLow());
        assertEquals(-Math.log(0.05) / 10, t.ciHigh(), 1e-12, "about 3/n: " + t);
        // a level (a peak) and a share are no counts: nothing says they could be otherwise
        assertEquals(0, s.get("enis.peak").ciHigh(), s.get("enis.peak").toString());
        assertEquals(0, s.get("coldStarts.probability").ciHigh());
        // five replications: a wider bound
        assertEquals(-Math.log(0.05) / 5, MetricStats.of(summaries("0", "0", "0", "0", "0"))
                .get("invocations.throttled").ciHigh(), 1e-12);
    }

    /**
     * An experimenter's review: a rarely invoked function (2 an hour, a 5-minute keep-alive, five replications) had
     * coldStarts.probability 0.844 [0.576, 1.113]: a probability's interval above 1. It stops at 1, its lower end
     * and mean unchanged; a count or a time above 1 is not touched.
     */
    @Test
    void aSharesIntervalStopsAtOne() {
        double[] p = {1.0, 1.0, 0.5, 0.7222222222222222, 1.0};
        MetricStats plain = MetricStats.of(p);
        assertTrue(plain.ciHigh() > 1, "the t interval passes 1: " + plain);
        for (String path : new String[] {"coldStarts.probability", "functions.api.coldStarts.probability"}) {
            MetricStats s = MetricStats.ofMetric(path, p, false);
            assertEquals(1, s.ciHigh(), path + ": " + s);
            assertEquals(plain.ciLow(), s.ciLow(), 1e-12);
            assertEquals(plain.mean(), s.mean(), 1e-12);
        }
        assertEquals(plain.ciHigh(), MetricStats.ofMetric("latencyMillis.p99", p, false).ciHigh(), 1e-12);
        assertTrue(MetricStats.isShare("coldStarts.probability"));
        assertFalse(MetricStats.isShare("coldStarts.total"));
    }

    @Test
    void aRareCountsIntervalStopsAtZero() throws Exception {
        // the sweep's point at limit 16: one throttle in five runs gave 0.2 [-0.355, 0.755]
        MetricStats t = MetricStats.of(summaries("0", "0", "1", "0", "0")).get("invocations.throttled");
        assertEquals(0.2, t.mean(), 1e-12);
        assertEquals(0, t.ciLow(), "no negative count: " + t);
        // the t interval's upper end was 0.755; one event in five runs: the exact Poisson bound chi2(0.975; 4) / 10
        assertEquals(1.1143, t.ciHigh(), 1e-4);
        // a difference may be negative: of(double[]) is the plain t interval
        assertTrue(MetricStats.of(new double[] {0, 0, 1, 0, 0}).ciLow() < 0);
        assertTrue(MetricStats.of(new double[] {-3, -2.9, -3.1}).ciHigh() < 0);
    }

    /**
     * A methodologist's review: one to three events over the runs got the clamped t interval, which undercovers (one
     * event in ten runs: [0, 0.326]). Rare Poisson counts (a mean of 0.05 to 0.5 events a run, 5, 10 and 20 runs,
     * 4,000 trials each, a fixed seed): the interval holds the true mean in at least 93% of trials (95% asked, less
     * the counts' discreteness). The clamped t interval held a mean of 0.2 over 20 runs in 89.9% of 20,000 trials
     * (97.5% now), 0.3 in 93.5% (97.6%).
     */
    @Test
    void rareCountsIntervalsCoverTheirPoissonMean() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261204);
        StringBuilder low = new StringBuilder();
        for (int n : new int[] {5, 10, 20}) {
            for (double mean : new double[] {0.05, 0.1, 0.2, 0.3, 0.5}) {
                int covered = 0;
                int trials = 4000;
                for (int trial = 0; trial < trials; trial++) {
                    double[] counts = new double[n];
                    for (int r = 0; r < n; r++) {
                        counts[r] = poisson(random, mean);
                    }
                    MetricStats m = MetricStats.ofMetric("invocations.throttled", counts, true);
                    if (m.ciLow() <= mean && mean <= m.ciHigh()) {
                        covered++;
                    }
                }
                if (covered < 0.93 * trials) {
                    low.append(String.format("n %d, mean %s: %.3f; ", n, mean, covered / (double) trials));
                }
            }
        }
        assertTrue(low.isEmpty(), "coverage under 93%: " + low);
    }

    private static int poisson(java.util.SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        int k = 0;
        for (double p = random.nextDouble(); p > limit; p *= random.nextDouble()) {
            k++;
        }
        return k;
    }

    @Test
    void oneReplicationStillHasNoInterval() throws Exception {
        MetricStats t = MetricStats.of(summaries("0")).get("invocations.throttled");
        assertEquals(0, t.ciLow());
        assertEquals(0, t.ciHigh());
    }

    @Test
    void countsAreTheSummarysTalliesOfEventsByTheirNames() {
        for (String c : List.of("invocations.throttled", "invocations.errors.ResourceConflictException",
                "functions.api.invocations.throttleReasons.ConcurrentInvocationLimitExceeded", "events.total",
                "coldStarts.total", "functions.api.coldStarts.byOutcome.TaskTimedOut", "latencyMillis.count",
                "latencyMillis.coldStarts", "enis.created", "enis.orphaned", "async.f.dropped",
                "async.f.dropReasons.EventAgeExceeded", "sqs.f.movedToDeadLetterQueue", "accounts.111.throttled",
                "provisionedConcurrency.f.spilloverInvocations", "functions.api.transitions[2].retries",
                "functions.api.stuckPending")) {
            assertTrue(MetricStats.isCount(c), c);
        }
        for (String l : List.of("enis.peak", "enis.final", "peakConcurrentExecutions", "coldStarts.probability",
                "latencyMillis.p99", "latencyMillis.coldStartP99", "subnets.subnet-a.minAvailableIps",
                "vpcs.vpc-1.eniQuota", "cost.total", "averageEnvironments.mean", "async.f.queuedAtEnd",
                "sqs.f.visibleAtEnd", "teardowns[0].waitSeconds", "functions.api.longestPendingSeconds",
                "simulatedSeconds", "eniKeys.subnet-a+[sg].peakConnections")) {
            assertFalse(MetricStats.isCount(l), l);
        }
    }
}
