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
        assertEquals(FunctionLines.SPARE_BEFORE, lines.lead(), "a small table: not aligned");
        int o = FunctionLines.STRIDE;
        lines.touch(1);
        for (int i = 0; i < rows.length; i++) {
            boolean spare = i == o + FunctionLines.SPARE_BEFORE || i == o + FunctionLines.SPARE_1
                    || i == o + FunctionLines.SPARE_2;
            assertEquals(spare ? -1 : 0, rows[i], "long " + i);
        }
        java.util.Arrays.fill(rows, 0);
        lines.touch(0);
        for (int i = 0; i < rows.length; i++) {
            boolean spare = i == FunctionLines.SPARE_BEFORE || i == FunctionLines.SPARE_1 || i == FunctionLines.SPARE_2;
            assertEquals(spare ? -1 : 0, rows[i], "long " + i);
        }
    }

    /** A table of 2 MiB or more starts a G1 region: two stores reach a row's two lines, none before them. */
    @Test
    void anAlignedTableIsFetchedByTwoStores() {
        int n = (int) (FunctionLines.ALIGNED_BYTES / (8 * FunctionLines.STRIDE)); // n + 1 rows: 2 MiB and more
        assertEquals(false, FunctionLines.aligned(n - 1));
        assertEquals(true, FunctionLines.aligned(n));
        FunctionLines lines = new FunctionLines();
        long[] rows = lines.rows(n);
        assertEquals(FunctionLines.SPARE_1, lines.lead());
        lines.touch(5);
        int o = 5 * FunctionLines.STRIDE;
        for (int i = o - FunctionLines.STRIDE; i < o + 2 * FunctionLines.STRIDE; i++) {
            boolean spare = i == o + FunctionLines.SPARE_1 || i == o + FunctionLines.SPARE_2;
            assertEquals(spare ? -1 : 0, rows[i], "long " + i);
        }
        FunctionLines small = new FunctionLines();
        small.rows(n - 2);
        assertEquals(FunctionLines.SPARE_BEFORE, small.lead(), "one row less: not aligned");
    }

    /**
     * The used longs of a row begin 128 bytes into its 256 (with the array's 16-byte header), and each line of them
     * holds a spare: 8 longs of levels and spare, 8 of counters, concurrency, counts and spare. Off the aligned
     * lines, any 8 longs of the table from the one before the row hold a spare.
     */
    @Test
    void theObserversLongsLeaveASpareOnEachLine() {
        assertEquals(32, FunctionLines.STRIDE);
        assertEquals(128, 16 + 8 * FunctionLines.LEVELS, "the row's first used long, in bytes into its slot");
        assertEquals(FunctionLines.LEVELS + 7, FunctionLines.SPARE_1);
        assertEquals(true, LevelAreas.LONGS <= FunctionLines.SPARE_1 - FunctionLines.LEVELS, "the levels before it");
        assertEquals(FunctionLines.SPARE_1 + 1, FunctionLines.EXECUTIONS);
        // Executions' four counters of every start, the concurrency and the two counts before the second spare
        assertEquals(FunctionLines.EXECUTIONS + 4, FunctionLines.CONCURRENCY);
        assertEquals(FunctionLines.CONCURRENCY + 1, FunctionLines.SUCCESSES);
        assertEquals(FunctionLines.SUCCESSES + 1, FunctionLines.SPELL);
        assertEquals(FunctionLines.SPELL + 1, FunctionLines.SPARE_2);
        assertEquals(FunctionLines.SPARE_1 + 8, FunctionLines.SPARE_2);
        assertEquals(FunctionLines.LEVELS - 1, FunctionLines.SPARE_BEFORE);
        assertEquals(FunctionLines.SPARE_2 + 1, FunctionLines.PROVISIONED);
        assertEquals(true, FunctionLines.PROVISIONED + 2 <= FunctionLines.STRIDE, "in the row");
    }

    /** What a start and an end update besides the levels lands in the function's row, not in dense arrays. */
    @Test
    void theCurrentCountsAndGaugeAreInTheRow() {
        FunctionLines lines = new FunctionLines();
        InvocationCounts counts = new InvocationCounts(lines, 3, 4);
        long[] rows = lines.rows(3);
        int o = FunctionLines.STRIDE;
        counts.count(1, Outcome.SUCCESS, 0);
        counts.count(1, Outcome.SUCCESS, 0);
        counts.count(1, Outcome.THROTTLED_ACCOUNT, 0);
        assertEquals(2, rows[o + FunctionLines.SUCCESSES], "its successes in the bucket");
        counts.count(0, Outcome.SUCCESS, 1); // the bucket ends: the count moves to its totals
        assertEquals(0, rows[o + FunctionLines.SUCCESSES]);
        assertEquals(1, rows[FunctionLines.SUCCESSES]);
        assertEquals(2, counts.totals(1)[Outcome.SUCCESS.ordinal()]);
        assertEquals(1, counts.totals(1)[Outcome.THROTTLED_ACCOUNT.ordinal()]);

        GaugeRows gauge = new GaugeRows(rows, 3, 4);
        gauge.set(1, 0, 5);
        gauge.lower(1, 0, 2);
        assertEquals(5L << 32 | 2, rows[o + FunctionLines.CONCURRENCY], "the bucket's maximum and its level");
        gauge.set(1, 2, 3);
        assertEquals(3L << 32 | 3, rows[o + FunctionLines.CONCURRENCY], "a new bucket opens at the level");
        assertEquals(0, rows[FunctionLines.CONCURRENCY], "another function's");
    }

    @Test
    void theObserversShareOneRowAndFetchItByStores() {
        Recorder recorder = new Recorder(120 * S, 30 * S);
        LatencyRecorder latency = new LatencyRecorder(120 * S, 30 * S);
        latency.attach(List.of("a", "b"));
        Journal journal = new Journal();
        EnvironmentLevels levels = new EnvironmentLevels(120 * S, 30 * S);
        Executions executions = new Executions();
        Observers o = new Observers(recorder, latency, journal, null, levels, executions);
        recorder.attach(RecorderTest.world(List.of(
                new WorldSnapshot.FunctionView(0, "a", null, null, null),
                new WorldSnapshot.FunctionView(1, "b", null, null, null)), List.of(), 251, 11));
        journal.attach(List.of("a", "b"));
        levels.attach(2);
        executions.attach(2);
        assertEquals(levels.rows(), recorder.rows(), "the recorder's counts in the levels' rows");
        assertEquals(levels.rows(), executions.rows());
        recorder.useRows(new FunctionLines()); // attached: its rows stay
        assertEquals(levels.rows(), recorder.rows());
        long[] rows = levels.rows().rows(2);
        int r = FunctionLines.STRIDE;
        o.started(1, Outcome.SUCCESS, true, false, 0, S, 1, 2, false, S);
        assertEquals(1, rows[r + FunctionLines.SUCCESSES], "the recorder's");
        assertEquals(1, rows[r + FunctionLines.SPELL], "the journal's");
        assertEquals(1L << 32 | 1, rows[r + FunctionLines.CONCURRENCY], "the concurrency's");
        o.touch(1);
        assertEquals(-1, rows[r + FunctionLines.SPARE_1], "by stores");
        assertEquals(-1, rows[r + FunctionLines.SPARE_2]);
        assertEquals(-1, rows[r + FunctionLines.SPARE_BEFORE]);
        o.ended(1, 0, 1, 2 * S);
        assertEquals(1L << 32, rows[r + FunctionLines.CONCURRENCY], "an end lowers the level, not the maximum");

        Recorder alone = new Recorder(120 * S, 30 * S);
        Observers noLevels = new Observers(alone, latency, new Journal(), null, null, null);
        noLevels.touch(1); // nothing shared, nothing to store to
        assertNotEquals(levels.rows(), alone.rows(), "without levels each keeps its own");
    }

    @Test
    void theJournalsSuccessesAreCountedInTheRow() {
        Journal journal = new Journal();
        FunctionLines lines = new FunctionLines();
        journal.useRows(lines);
        journal.attach(List.of("a", "b", "c"));
        long[] rows = lines.rows(3);
        int o = FunctionLines.STRIDE;
        journal.invocation(1, Outcome.THROTTLED_ACCOUNT, S);
        journal.invocation(0, Outcome.SUCCESS, S);
        journal.invocation(1, Outcome.SUCCESS, 2 * S);
        journal.invocation(1, Outcome.SUCCESS, 3 * S);
        assertEquals(2, rows[o + FunctionLines.SPELL], "its successes in the spell");
        assertEquals(1, rows[FunctionLines.SPELL]);
        journal.functionState(1, dev.enisim.model.function.State.Inactive, null, "", 4 * S);
        assertEquals(0, rows[o + FunctionLines.SPELL], "the spell closed");
        List<JournalEntry> entries = journal.entries(5 * S);
        JournalEntry successes = entries.stream()
                .filter(e -> e.subject().equals("b") && e.state().equals("SUCCESS")).findFirst().orElseThrow();
        assertEquals(2, successes.count());
        assertEquals(2 * S, successes.atMicros(), "from the spell's first success");
        journal.useRows(new FunctionLines()); // attached: the rows stay
        journal.invocation(2, Outcome.SUCCESS, 6 * S);
        assertEquals(1, rows[2 * o + FunctionLines.SPELL]);
    }

    /**
     * The latency recorder's read ahead ({@link LatencyRecorder#touch}) stores to the spare int beside a function's
     * extremes only: a run touched before every record, across bucket edges, reports what the same run untouched
     * does (every function's and the account's latency, the series), and a touch makes no page of its own.
     */
    @Test
    void theLatencyRecordersTouchChangesNoFigure() {
        List<String> names = new java.util.ArrayList<>();
        for (int f = 0; f < 200; f++) {
            names.add("f" + f);
        }
        LatencyRecorder plain = new LatencyRecorder(180 * S, 60 * S);
        LatencyRecorder touched = new LatencyRecorder(180 * S, 60 * S);
        plain.attach(names);
        touched.attach(names);
        long empty = touched.footprintBytes();
        for (int f = 0; f < names.size(); f++) {
            touched.touch(f); // no page yet: nothing made
        }
        assertEquals(empty, touched.footprintBytes(), "a touch makes no page");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            int f = rnd.nextInt(130); // functions 130 to 199 never record: their pages stay unmade
            long latency = rnd.nextInt(3) == 0 ? 100_000 : 1 + rnd.nextLong(5_000_000);
            boolean cold = rnd.nextInt(50) == 0;
            long now = i * 9_000L;
            touched.touch(f);
            touched.touch(rnd.nextInt(names.size()));
            plain.latency(f, latency, cold, now);
            touched.latency(f, latency, cold, now);
        }
        assertEquals(true, touched.logged(), "200 functions go through the shared log and the extremes' pages");
        assertEquals(plain.footprintBytes(), touched.footprintBytes(), "the same pages made");
        assertEquals(plain.accountLatency(), touched.accountLatency());
        assertEquals(plain.functionLatency(), touched.functionLatency());
        assertEquals(seriesText(plain), seriesText(touched));
    }

    private static List<String> seriesText(LatencyRecorder r) {
        List<String> out = new java.util.ArrayList<>();
        for (Series s : r.series()) {
            out.add(s.scope() + " " + s.id() + " " + s.metric() + " " + java.util.Arrays.toString(s.values()));
        }
        return out;
    }
}
