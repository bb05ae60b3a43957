package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The recorders' reset at a warm-up's end (run --warm-up): the summary's figures from that bucket on, the series
 * whole, the levels going on.
 */
class WarmUpResetTest {

    private static final long SEC = 1_000_000L;

    /**
     * Latencies of 10 s (cold) in the warm-up's bucket, of 1 s (one cold at 2 s) after it: the overall figures are
     * those after it only, recorded directly or through the shared log (many functions), and the series keep both.
     */
    @ParameterizedTest(name = "logged from {0} functions")
    @ValueSource(ints = {1, Integer.MAX_VALUE})
    void latencyCountsFromTheWarmUpsBucket(int loggedFrom) {
        LatencyRecorder r = new LatencyRecorder(3 * 60 * SEC, 60 * SEC, loggedFrom, 1024);
        r.attach(List.of("f", "g"));
        for (int i = 0; i < 5; i++) {
            r.latency(0, 10 * SEC, true, i * SEC);
        }
        r.crossTo(1);
        r.warmUpEnds(1);
        r.latency(0, 2 * SEC, true, 61 * SEC);
        r.latency(0, SEC, false, 62 * SEC);
        r.latency(0, SEC, false, 63 * SEC);
        RunSummary.Latency f = r.functionLatency().get("f");
        assertEquals(3, f.count());
        assertEquals(2000.0, f.max());
        assertEquals(1, f.coldStarts());
        assertEquals(2000.0, f.coldStartP99());
        RunSummary.Latency account = r.accountLatency();
        assertEquals(3, account.count());
        assertEquals(2000.0, account.max());
        assertEquals(1, account.coldStarts());
        assertEquals(0, r.functionLatency().get("g").count());
        Series max = r.series().stream().filter(s -> s.metric() == Metric.LATENCY_MAXIMUM && s.id().isEmpty())
                .findFirst().orElseThrow();
        assertEquals(10 * SEC, max.values()[0], "the warm-up's bucket keeps its figures in the series");
    }

    /**
     * The account's concurrency: 9 in the warm-up, 5 at its end (10 s, bucket 1), 1 from 15 s: the peak after it is
     * 5 (the level it began with), the average over [10 s, 20 s) (5 x 5 + 1 x 5) / 10 = 3.
     */
    @Test
    void peaksAndAverageFromTheWarmUpsEnd() {
        ExecutionLevels e = new ExecutionLevels(new FunctionLines(), 1, 2);
        e.concurrency(0, 9, 9, 0, SEC);
        e.lowered(0, 5, 5, 0, 5 * SEC);
        e.environments(0, 9, 0);
        e.crossTo(1);
        e.warmUpEnds(1, 10 * SEC);
        e.lowered(0, 1, 1, 1, 15 * SEC);
        assertEquals(5, e.peakAccountConcurrency());
        assertEquals(5, e.peakConcurrency(0));
        assertEquals(9, e.peakEnvironments(0), "the environments kept: 9 at the warm-up's end");
        assertEquals(3.0, e.averageAccountConcurrency(20 * SEC), 1e-12);
    }

    /** Invocation totals and throttles by limit start again; the buckets' counts stay. */
    @Test
    void invocationTotalsStartAgain() {
        InvocationCounts c = new InvocationCounts(new FunctionLines(), 1, 2);
        c.count(0, dev.enisim.model.Outcome.SUCCESS, 0);
        c.count(0, dev.enisim.model.Outcome.SUCCESS, 0);
        c.rateLimited(0, dev.enisim.model.RequestRateLimit.all()[0]);
        c.crossTo(1);
        c.warmUpEnds();
        c.count(0, dev.enisim.model.Outcome.SUCCESS, 1);
        assertEquals(1, c.totals(0)[dev.enisim.model.Outcome.SUCCESS.ordinal()]);
        assertEquals(0, c.accountRateLimits()[0]);
    }
}
