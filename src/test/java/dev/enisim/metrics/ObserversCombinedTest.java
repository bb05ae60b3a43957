package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.Outcome;
import dev.enisim.model.WorldSnapshot;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each fact an invocation's start ({@link Observers#started}) and end ({@link Observers#ended}) carry reaches its
 * observer: one test per observer, each failing if the combined call leaves its fact out. Three buckets of 30 s;
 * a1 (account 111111111111, 2 provisioned) and b1 (account 222222222222):
 * <ul>
 * <li>10 s: a1 cold-starts (300 ms init) on demand while provisioned (a spillover), runs 1 s, succeeds: 1 in
 * flight;</li>
 * <li>12 s: b1 starts warm, runs 2 s to its timeout: 2 in flight;</li>
 * <li>40 s: a1's invocation ends: 1 in flight (b1's, which never ends in this run).</li>
 * </ul>
 */
class ObserversCombinedTest {

    private static final long S = Seconds.MICROS;
    private static final long DURATION = 90 * S;
    private static final String ONE = "111111111111";
    private static final String TWO = "222222222222";
    private static final WorldSnapshot WORLD = RecorderTest.world(List.of(
            new WorldSnapshot.FunctionView(0, "a1", null, null, null),
            new WorldSnapshot.FunctionView(1, "b1", null, null, null)), List.of(), 251, 11);

    private Recorder recorder;
    private LatencyRecorder latency;
    private Journal journal;
    private Executions executions;
    private ProvisionedRecorder provisioned;
    private AccountsRecorder accounts;

    @BeforeEach
    void startAndEnd() {
        recorder = new Recorder(DURATION, 30 * S);
        recorder.attach(WORLD);
        latency = new LatencyRecorder(DURATION, 30 * S);
        latency.attach(List.of("a1", "b1"));
        journal = new Journal();
        journal.attach(List.of("a1", "b1"));
        EnvironmentLevels levels = new EnvironmentLevels(DURATION, 30 * S);
        levels.attach(2);
        executions = new Executions();
        executions.attach(2);
        provisioned = new ProvisionedRecorder(DURATION, 30 * S);
        provisioned.attach(List.of("a1", "b1"), List.of(OptionalInt.of(2), OptionalInt.empty()));
        accounts = new AccountsRecorder(DURATION, 30 * S, List.of(ONE, TWO), List.of("a1", "b1"), new int[] {0, 1});
        Observers o = new Observers(recorder, latency, journal, null, levels, executions, provisioned, accounts);
        o.started(0, Outcome.SUCCESS, true, false, 300_000, 1_000_000, 1, 1, true, 10 * S);
        o.started(1, Outcome.FUNCTION_ERROR_TIMEOUT, false, false, 0, 2_000_000, 1, 2, false, 12 * S);
        o.ended(0, 0, 1, 40 * S);
    }

    private RunSummary summary() {
        return recorder.summary("combined", 1, 0, 90, new RunSummary.Events(2, 1, 0, 0), 300, List.of(), latency,
                WORLD);
    }

    /** The recorder: the concurrency each start raised and the end lowered (per bucket, and its time average). */
    @Test
    void concurrencyIsRecordedAtTheStartAndTheEnd() {
        TimeSeries ts = recorder.timeSeries(WORLD);
        assertArrayEquals(new long[] {1, 1, 0}, ts.get(Metric.CONCURRENT_EXECUTIONS, Metric.Scope.FUNCTION, "a1")
                .values(), "a1: 1 from 10 s to 40 s");
        assertArrayEquals(new long[] {1, 1, 1}, ts.get(Metric.CONCURRENT_EXECUTIONS, Metric.Scope.FUNCTION, "b1")
                .values());
        assertArrayEquals(new long[] {2, 2, 1}, ts.account(Metric.CONCURRENT_EXECUTIONS).values());
        // 1 x 2 s + 2 x 28 s + 1 x 50 s over 90 s
        assertEquals((2 + 56 + 50) / 90.0, summary().averageConcurrentExecutions(), 1e-12);
        assertEquals(2, summary().peakConcurrentExecutions());
    }

    /** The recorder: each start's outcome counted in its bucket. */
    @Test
    void outcomesAreCounted() {
        TimeSeries ts = recorder.timeSeries(WORLD);
        assertArrayEquals(new long[] {1, 0, 0}, ts.get(Metric.INVOCATIONS, Metric.Scope.FUNCTION, "a1").values());
        assertArrayEquals(new long[] {1, 0, 0}, ts.get(Metric.ERRORS, Metric.Scope.FUNCTION, "b1").values());
        assertEquals(2, summary().invocations().total());
        assertEquals(1, summary().invocations().functionErrors());
    }

    /** The latency recorder: a success's latency is its init and run, a cold start; a timeout has none. */
    @Test
    void aSuccessLatencyIsRecorded() {
        RunSummary.Latency a1 = latency.functionLatency().get("a1");
        assertEquals(1, a1.count());
        assertEquals(1, a1.coldStarts());
        assertEquals(1300, a1.p50(), 1300 * 0.01, "1.3 s in ms, to the histogram's two digits");
        assertEquals(0, latency.functionLatency().get("b1").count());
    }

    /** Executions: a cold start and a warm one, each billed (on demand: run and init rounded up to 1 ms). */
    @Test
    void executionsAreCountedAndBilled() {
        assertEquals(1, executions.coldStarts(0).total());
        assertEquals(0, executions.coldStarts(0).warmStarts());
        assertEquals(1, executions.coldStarts(1).warmStarts());
        assertEquals(new Executions.Usage(1, 1000, 300, 0, 0), executions.usage(0));
        assertEquals(new Executions.Usage(1, 2000, 0, 0, 0), executions.usage(1));
    }

    /** The journal: each outcome in its function's spell. */
    @Test
    void theJournalCountsTheOutcomes() {
        List<String> spells = journal.entries(DURATION).stream()
                .filter(e -> e.kind() == JournalEntry.Kind.INVOCATIONS)
                .map(e -> e.subject() + " " + e.state() + " " + e.count() + " from " + e.atMicros() / S).toList();
        assertEquals(List.of("a1 SUCCESS 1 from 10", "b1 FUNCTION_ERROR_TIMEOUT 1 from 12"), spells);
    }

    /** Provisioned concurrency: a1's on-demand run is a spillover, not a provisioned invocation. */
    @Test
    void theSpilloverIsCounted() {
        RunSummary.ProvisionedSummary a1 = provisioned.summary().get("a1");
        assertEquals(0, a1.invocations());
        assertEquals(1, a1.spilloverInvocations());
    }

    /** Accounts: each account's invocations and concurrency, raised by the starts and lowered by the end. */
    @Test
    void accountsGetTheirInvocationsAndConcurrency() {
        Map<String, RunSummary.AccountSummary> by = accounts.summary();
        assertEquals(1, by.get(ONE).invocations());
        assertEquals(1, by.get(TWO).functionErrors());
        assertEquals(1, by.get(ONE).peakConcurrentExecutions());
        assertEquals(1, by.get(TWO).peakConcurrentExecutions());
        long[] one = accounts.series().stream().filter(s -> s.id().equals(ONE)
                && s.metric() == Metric.CONCURRENT_EXECUTIONS).findFirst().orElseThrow().values();
        assertArrayEquals(new long[] {1, 1, 0}, one, "account one: a1's invocation until 40 s");
    }
}
