package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.model.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cold starts, billable usage and time-averaged environments, from the notifications the world sends
 * ({@code execution}, {@code environmentLevels}), each figure worked out by hand from what it means.
 */
class ExecutionsAndEnvironmentsTest {

    private static final long S = Seconds.MICROS;

    /**
     * api: a cold success (init 200 ms, run 100 ms), warm successes running 1 us, 1 ms and 1.001 ms, a cold
     * timeout (init 0.999 ms, run 3 s), a cold start that failed with ENILimitReachedException (not billed).
     * worker: a cold success that ran 0 us and two runs on provisioned concurrency (2.5 ms and 0.5 ms).
     */
    private static Executions executions() {
        Executions e = new Executions();
        e.attach(3);
        execute(e);
        return e;
    }

    /** The executions of {@link #executions()}. */
    private static void execute(Executions e) {
        e.execution(0, Outcome.SUCCESS, true, false, 200_000, 100_000, S);
        e.execution(0, Outcome.SUCCESS, false, false, 0, 1, 2 * S);
        e.execution(0, Outcome.SUCCESS, false, false, 0, 1_000, 3 * S);
        e.execution(0, Outcome.SUCCESS, false, false, 0, 1_001, 4 * S);
        e.execution(0, Outcome.FUNCTION_ERROR_TIMEOUT, true, false, 999, 3_000_000, 5 * S);
        e.execution(0, Outcome.ENI_LIMIT_REACHED, true, false, 50_000, 70_000, 6 * S);
        e.execution(1, Outcome.SUCCESS, true, false, 0, 0, 7 * S);
        e.execution(1, Outcome.SUCCESS, false, true, 0, 2_500, 8 * S);
        e.execution(1, Outcome.SUCCESS, false, true, 0, 500, 9 * S);
    }

    private static Map<String, Long> map(Object... labelsAndCounts) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndCounts.length; i += 2) {
            m.put((String) labelsAndCounts[i], ((Number) labelsAndCounts[i + 1]).longValue());
        }
        return m;
    }

    /** api: 3 cold starts (one per outcome), 3 warm: probability 1/2. worker: 1 cold, 2 warm: 1/3. */
    @Test
    void coldStartsAreCountedByOutcomeAgainstWarmStarts() {
        Executions e = executions();
        RunSummary.ColdStarts api = e.coldStarts(0);
        assertEquals(3, api.total());
        assertEquals(3, api.warmStarts());
        assertEquals(0.5, api.probability(), 1e-15);
        assertEquals(map("Success", 1, "TaskTimedOut", 1, "ENILimitReachedException", 1), api.byOutcome());
        assertEquals(List.of("Success", "TaskTimedOut", "ENILimitReachedException"),
                new ArrayList<>(api.byOutcome().keySet()), "in the outcomes' order");
        RunSummary.ColdStarts worker = e.coldStarts(1);
        assertEquals(new RunSummary.ColdStarts(1, 2, 1.0 / 3, map("Success", 1)), worker);
        // the account: every function's
        RunSummary.ColdStarts account = e.accountColdStarts();
        assertEquals(4, account.total());
        assertEquals(5, account.warmStarts());
        assertEquals(4.0 / 9, account.probability(), 1e-15);
        assertEquals(map("Success", 2, "TaskTimedOut", 1, "ENILimitReachedException", 1), account.byOutcome());
        // a function never invoked: nothing, and a probability of 0 (not 0/0)
        assertEquals(new RunSummary.ColdStarts(0, 0, 0.0, Map.of()), e.coldStarts(2));
    }

    /**
     * Billed: what ran (successes and function errors), each run and init rounded up to 1 ms. api: 5 requests;
     * run 100 + 1 + 1 + 2 + 3000 = 3104 ms; init 200 + 1 = 201 ms (warm starts have none). worker: 3 requests, 0 ms
     * on demand, 2 on provisioned concurrency for 3 + 1 = 4 ms.
     */
    @Test
    void usageIsWhatRanRoundedUpToTheMillisecond() {
        Executions e = executions();
        assertEquals(new Executions.Usage(5, 3104, 201, 0, 0), e.usage(0));
        assertEquals(new Executions.Usage(3, 0, 0, 2, 4), e.usage(1));
        assertEquals(new Executions.Usage(0, 0, 0, 0, 0), e.usage(2));
    }

    /**
     * 100 s in buckets of 30 s (the last one 10 s long). api: busy 1 from 0 to 10 s, idle 1 from 10 s to 95 s, busy
     * 2 from 30 s (an edge) to 95 s, then nothing; worker: 2 provisioned, 1 from 60 s. Per bucket, level-seconds over
     * the bucket's length, in thousandths: api busy 10/30, 60/30, 60/30, 10/10; idle 20/30, 30/30, 30/30, 5/10.
     */
    @Test
    void environmentAveragesPerBucketAndOverTheRun() {
        EnvironmentLevels l = new EnvironmentLevels(100 * S, 30 * S);
        l.attach(2);
        l.environmentLevels(0, 1, 0, 0, 0);
        l.environmentLevels(1, 0, 0, 2, 0);
        l.environmentLevels(0, 0, 1, 0, 10 * S);
        l.environmentLevels(0, 2, 1, 0, 30 * S);
        l.environmentLevels(0, 2, 1, 0, 50 * S); // no change
        l.environmentLevels(1, 0, 0, 1, 60 * S);
        l.environmentLevels(0, 0, 0, 0, 95 * S);
        List<Series> out = new ArrayList<>();
        l.addFunctionSeries(out, "api", 0);
        l.addFunctionSeries(out, "worker", 1);
        l.addAccountSeries(out);
        TimeSeries ts = new TimeSeries(30 * S, 4, out);
        assertArrayEquals(new long[] {333, 2000, 2000, 1000},
                ts.get(Metric.ENVIRONMENTS_BUSY_AVERAGE, Metric.Scope.FUNCTION, "api").values());
        assertArrayEquals(new long[] {667, 1000, 1000, 500},
                ts.get(Metric.ENVIRONMENTS_IDLE_AVERAGE, Metric.Scope.FUNCTION, "api").values());
        assertArrayEquals(new long[] {0, 0, 0, 0},
                ts.get(Metric.ENVIRONMENTS_PROVISIONED_AVERAGE, Metric.Scope.FUNCTION, "api").values());
        assertArrayEquals(new long[] {1000, 3000, 3000, 1500},
                ts.get(Metric.ENVIRONMENTS_AVERAGE, Metric.Scope.FUNCTION, "api").values());
        assertArrayEquals(new long[] {2000, 2000, 1000, 1000},
                ts.get(Metric.ENVIRONMENTS_PROVISIONED_AVERAGE, Metric.Scope.FUNCTION, "worker").values());
        assertArrayEquals(new long[] {3000, 5000, 4000, 2500}, ts.account(Metric.ENVIRONMENTS_AVERAGE).values());
        assertArrayEquals(new long[] {333, 2000, 2000, 1000}, ts.account(Metric.ENVIRONMENTS_BUSY_AVERAGE).values());
        assertArrayEquals(new long[] {667, 1000, 1000, 500}, ts.account(Metric.ENVIRONMENTS_IDLE_AVERAGE).values());
        assertArrayEquals(new long[] {2000, 2000, 1000, 1000},
                ts.account(Metric.ENVIRONMENTS_PROVISIONED_AVERAGE).values());
        // over the run: api busy (10 + 130) / 100, idle 85 / 100; worker provisioned (2 x 60 + 1 x 40) / 100
        assertEquals(new RunSummary.Environments(2.25, 1.4, 0.85, 0), l.function(0));
        assertEquals(new RunSummary.Environments(1.6, 0, 0, 1.6), l.function(1));
        assertEquals(new RunSummary.Environments(3.85, 1.4, 0.85, 1.6), l.account());
        assertEquals(160.0, l.provisionedSeconds(1), 1e-9);
        assertEquals(0.0, l.provisionedSeconds(0));
    }

    /** The summary read before the series: the same figures (the rows are closed once, whichever comes first). */
    @Test
    void environmentAveragesDoNotDependOnWhatIsReadFirst() {
        EnvironmentLevels l = new EnvironmentLevels(60 * S, 30 * S);
        l.attach(1);
        l.environmentLevels(0, 3, 0, 0, 15 * S);
        assertEquals(new RunSummary.Environments(2.25, 2.25, 0, 0), l.account());
        assertEquals(0.0, l.provisionedSeconds(0));
        List<Series> out = new ArrayList<>();
        l.addFunctionSeries(out, "f", 0);
        // 3 from 15 s: 45 level-seconds in [0, 30), 90 in [30, 60)
        assertArrayEquals(new long[] {1500, 3000}, out.get(0).values());
        assertEquals(new RunSummary.Environments(2.25, 2.25, 0, 0), l.function(0));
    }

    /**
     * The run's observers keep the executions' counters in the environment levels' rows (a start updates both: one
     * row of longs per function, {@link FunctionLines}), and the figures are those of {@link #executions()}.
     */
    @Test
    void observersPutExecutionsInTheLevelsRows() {
        EnvironmentLevels l = new EnvironmentLevels(60 * S, 30 * S);
        Executions e = new Executions();
        new Observers(new Recorder(60 * S, 30 * S), new LatencyRecorder(60 * S, 30 * S), new Journal(), null, l, e);
        l.attach(3);
        e.attach(3);
        assertSame(l.rows(), e.rows());
        Executions own = executions();
        for (int f = 0; f < 3; f++) {
            l.environmentLevels(f, 7, 5, 3, f * S); // levels beside the counters leave them alone
        }
        execute(e);
        for (int f = 0; f < 3; f++) {
            assertEquals(own.usage(f), e.usage(f));
            assertEquals(own.coldStarts(f), e.coldStarts(f));
        }
        assertEquals(own.accountColdStarts(), e.accountColdStarts());
        // the counters beside them leave the levels alone: 7, 5, 3 from f s to the end (60 s)
        assertEquals(new RunSummary.Environments(15 * 59.0 / 60, 7 * 59.0 / 60, 5 * 59.0 / 60, 3 * 59.0 / 60),
                l.function(1));
    }

    /** Executions attached before the observers are made keep their own rows; rows are made for one count only. */
    @Test
    void rowsAreSharedOnlyBeforeAttachingAndForOneCount() {
        EnvironmentLevels l = new EnvironmentLevels(60 * S, 30 * S);
        Executions e = new Executions();
        e.attach(2);
        new Observers(new Recorder(60 * S, 30 * S), new LatencyRecorder(60 * S, 30 * S), new Journal(), null, l, e);
        l.attach(2);
        assertNotSame(l.rows(), e.rows());
        FunctionLines lines = new FunctionLines();
        assertEquals(3 * FunctionLines.STRIDE, lines.rows(2).length);
        assertSame(lines.rows(2), lines.rows(2));
        assertThrows(IllegalStateException.class, () -> lines.rows(3));
    }
}
