package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.Outcome;
import dev.enisim.model.WorldSnapshot;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniKey;
import dev.enisim.model.eni.EniState;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The notifications only some runs have observers for (provisioned concurrency, several accounts, environment
 * levels, executions) reach them through {@link Observers}, and a run without them is not disturbed: each
 * notification sent once, its effect read from the observer's output. (ObserversTest does the same for every
 * run's observers on a scenario.)
 */
class ObserversSectionsTest {

    private static final long S = Seconds.MICROS;
    private static final String ONE = "111111111111";
    private static final String TWO = "222222222222";

    private static Recorder recorder() {
        Recorder r = new Recorder(60 * S, 30 * S);
        r.attach(RecorderTest.world(List.of(new WorldSnapshot.FunctionView(0, "a1", null, null, null),
                new WorldSnapshot.FunctionView(1, "b1", null, null, null)), List.of(), 251, 11));
        return r;
    }

    private static LatencyRecorder latency() {
        LatencyRecorder l = new LatencyRecorder(60 * S, 30 * S);
        l.attach(List.of("a1", "b1"));
        return l;
    }

    private static Journal journal() {
        Journal j = new Journal();
        j.attach(List.of("a1", "b1"));
        return j;
    }

    private static EniId eni() {
        EniKey key = new EniKey("vpc-1", "subnet-a", List.of("sg-1"), "", TWO);
        return new EniId(1, EniId.name(1), 0, key.label(), 0, 0, "10.0.0.4");
    }

    /**
     * a1 (account 111111111111, 2 provisioned): a run on provisioned concurrency at 10 s, a spillover at 11 s,
     * 5 requested and allocated at 20 s, 1 in flight at 13 s. b1 (account 222222222222): throttled at 12 s, an
     * ENI of its account's key created at 14 s. Environment levels: a1 1 busy from 15 s.
     */
    @Test
    void provisionedAccountsLevelsAndExecutionsAreForwarded() {
        ProvisionedRecorder provisioned = new ProvisionedRecorder(60 * S, 30 * S);
        provisioned.attach(List.of("a1", "b1"), List.of(OptionalInt.of(2), OptionalInt.empty()));
        AccountsRecorder accounts = new AccountsRecorder(60 * S, 30 * S, List.of(ONE, TWO), List.of("a1", "b1"),
                new int[] {0, 1});
        EnvironmentLevels levels = new EnvironmentLevels(60 * S, 30 * S);
        levels.attach(2);
        Executions executions = new Executions();
        executions.attach(2);
        Observers o = new Observers(recorder(), latency(), journal(), null, levels, executions, provisioned,
                accounts);
        o.execution(0, Outcome.SUCCESS, false, true, 0, 1_000, 10 * S);
        o.provisionedSpillover(0, 11 * S);
        o.invocation(1, Outcome.THROTTLED_ACCOUNT, 12 * S);
        o.concurrency(0, 1, 1, 13 * S);
        o.eniState(eni(), null, EniState.Creating, 14 * S);
        o.environmentLevels(0, 1, 0, 0, 15 * S);
        o.provisionedConcurrency(0, 5, 5, 20 * S);
        RunSummary.ProvisionedSummary a1 = provisioned.summary().get("a1");
        assertEquals(new RunSummary.ProvisionedSummary(5, 5, 5, 1, 1, 1), a1);
        assertEquals(new Executions.Usage(1, 0, 0, 1, 1), executions.usage(0));
        var bySection = accounts.summary();
        assertEquals(1, bySection.get(TWO).throttled());
        assertEquals(1, bySection.get(TWO).enisCreated());
        assertEquals(1, bySection.get(ONE).peakConcurrentExecutions());
        // 1 busy from 15 s to 60 s: 45 / 60
        assertEquals(0.75, levels.function(0).busy(), 1e-12);
    }

    /** Without the optional observers (the six-argument form), the same notifications change nothing else. */
    @Test
    void aRunWithoutTheOptionalObserversIsNotDisturbed() {
        Recorder recorder = recorder();
        Observers o = new Observers(recorder, latency(), journal(), null, null, null);
        o.execution(0, Outcome.SUCCESS, true, false, 100_000, 1_000, 10 * S);
        o.environmentLevels(0, 1, 0, 0, 15 * S);
        o.invocation(1, Outcome.THROTTLED_ACCOUNT, 12 * S);
        o.concurrency(0, 1, 1, 13 * S);
        o.eniState(eni(), null, EniState.Creating, 14 * S);
        TimeSeries ts = recorder.timeSeries(RecorderTest.world(List.of(
                new WorldSnapshot.FunctionView(0, "a1", null, null, null),
                new WorldSnapshot.FunctionView(1, "b1", null, null, null)), List.of(), 251, 11));
        assertArrayEquals(new long[] {1, 0}, ts.account(Metric.THROTTLES).values());
        assertArrayEquals(new long[] {1, 1}, ts.account(Metric.CONCURRENT_EXECUTIONS).values());
        assertArrayEquals(new long[] {1, 1}, ts.account(Metric.HYPERPLANE_ENI_COUNT).values());
    }
}
