package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.enisim.model.Outcome;
import dev.enisim.model.WorldSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reads ahead of the observers' rows ({@link Observers#touch} and the parts'): their value means nothing, but
 * it must come from what the function's next start or end updates (a read the JIT keeps), so it moves when those
 * move and only then.
 */
class TouchAheadTest {

    private static final long S = Seconds.MICROS;

    @Test
    void aFunctionsLinesAreFetchedByStoresToTheirSpareLongs() {
        FunctionLines lines = new FunctionLines();
        lines.touch(1); // no rows yet: nothing to store to
        long[] rows = lines.rows(3);
        int o = FunctionLines.STRIDE;
        lines.touch(1);
        for (int i = 0; i < rows.length; i++) {
            boolean spare = i == o - 1 || i == o + FunctionLines.SPARE_1 || i == o + FunctionLines.SPARE_2;
            assertEquals(spare ? -1 : 0, rows[i], "long " + i);
        }
        lines.touch(2);
        assertEquals(-1, rows[2 * o + FunctionLines.SPARE_1]);
        assertEquals(-1, rows[2 * o + FunctionLines.SPARE_2]);
        java.util.Arrays.fill(rows, 0);
        lines.touch(0); // no row before the first: its own spares
        for (int i = 0; i < rows.length; i++) {
            boolean spare = i == FunctionLines.SPARE_1 || i == FunctionLines.SPARE_2;
            assertEquals(spare ? -1 : 0, rows[i], "long " + i);
        }
    }

    /** Any 8 longs in a row of the table hold a spare: then a store to the spares reaches each line of a row. */
    @Test
    void theObserversLongsLeaveASpareInEveryEight() {
        assertEquals(FunctionLines.SPARE_1 + 8, FunctionLines.SPARE_2);
        assertEquals(2 * 8, FunctionLines.STRIDE);
        assertEquals(true, LevelAreas.LONGS <= FunctionLines.SPARE_1, "the levels before the first spare");
        assertEquals(FunctionLines.SPARE_1 + 1, FunctionLines.EXECUTIONS);
        // Executions' six counters, EXECUTIONS to + 5, before the second spare
        assertEquals(true, FunctionLines.EXECUTIONS + 6 <= FunctionLines.SPARE_2);
    }

    @Test
    void theCurrentCountsAndGaugeAreRead() {
        InvocationCounts counts = new InvocationCounts(3, 4);
        assertEquals(0, counts.touch(1));
        counts.count(0, Outcome.SUCCESS, 0);
        assertEquals(0, counts.touch(1), "another function's count");
        counts.count(1, Outcome.THROTTLED_ACCOUNT, 0);
        assertEquals(1, counts.touch(1), "listed in the bucket");
        counts.count(1, Outcome.SUCCESS, 0);
        assertEquals(2, counts.touch(1), "and one success");

        GaugeColumns gauge = new GaugeColumns(3, 4);
        gauge.set(0, 0, 9);
        assertEquals(0, gauge.touch(1));
        gauge.set(1, 0, 5);
        assertEquals(10, gauge.touch(1), "its level and the bucket's maximum");
        gauge.lower(1, 0, 2);
        assertEquals(7, gauge.touch(1));
        gauge.set(1, 2, 3);
        assertEquals(6, gauge.touch(1), "the latest bucket's maximum");
    }

    @Test
    void theObserversReadWhatAStartUpdates() {
        Recorder recorder = new Recorder(120 * S, 30 * S);
        assertEquals(0, recorder.touch(1), "not attached yet");
        recorder.attach(RecorderTest.world(List.of(
                new WorldSnapshot.FunctionView(0, "a", null, null, null),
                new WorldSnapshot.FunctionView(1, "b", null, null, null)), List.of(), 251, 11));
        LatencyRecorder latency = new LatencyRecorder(120 * S, 30 * S);
        latency.attach(List.of("a", "b"));
        Journal journal = new Journal();
        journal.attach(List.of("a", "b"));
        EnvironmentLevels levels = new EnvironmentLevels(120 * S, 30 * S);
        Executions executions = new Executions();
        Observers o = new Observers(recorder, latency, journal, null, levels, executions);
        levels.attach(2);
        executions.attach(2);
        Observers noLevels = new Observers(recorder, latency, journal, null, null, null);
        long before = o.touch(1);
        o.started(0, Outcome.SUCCESS, true, false, 0, S, 1, 1, false, S);
        assertEquals(before, o.touch(1), "another function's start");
        o.started(1, Outcome.SUCCESS, true, false, 0, S, 1, 2, false, S);
        long started = o.touch(1);
        assertNotEquals(before, started, "its counts, gauge and counters");
        assertEquals(recorder.touch(1) + journal.touch(1), noLevels.touch(1),
                "without levels: the recorder's and the journal's alone");
        long[] rows = levels.rows().rows(2);
        assertEquals(-1, rows[FunctionLines.STRIDE + FunctionLines.SPARE_2], "its levels' row, by a store");
        assertEquals(0, noLevels.touch(1) - o.touch(1), "the levels add nothing to the sum");
    }

    @Test
    void theJournalsCountOfSuccessesIsRead() {
        Journal journal = new Journal();
        assertEquals(0, journal.touch(1), "not attached yet");
        journal.attach(List.of("a", "b", "c"));
        assertEquals(0, journal.touch(1), "no success yet");
        journal.invocation(1, Outcome.THROTTLED_ACCOUNT, S);
        assertEquals(0, journal.touch(1), "another outcome's count");
        journal.invocation(0, Outcome.SUCCESS, S);
        journal.invocation(2, Outcome.SUCCESS, S);
        assertEquals(0, journal.touch(1), "other functions' successes");
        journal.invocation(1, Outcome.SUCCESS, S);
        journal.invocation(1, Outcome.SUCCESS, 2 * S);
        assertEquals(2, journal.touch(1), "its successes in the spell");
        assertEquals(2, journal.touch(1), "reading changes nothing");
    }
}
