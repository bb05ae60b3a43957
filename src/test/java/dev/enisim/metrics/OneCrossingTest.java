package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the one crossing of {@link Observers} needs of each series: that crossing its buckets one at a time, quiet ones
 * included (as a run brings them to every edge), holds what skipping the quiet ones at once held: the same figures,
 * and a quiet stretch still one array of levels; and that every series behind it cuts the run alike.
 */
class OneCrossingTest {

    private static final long S = 1_000_000;

    @Test
    void gaugeRowsCrossingQuietBucketsOneAtATimeShareOneArray() {
        GaugeRows stepped = new GaugeRows(new long[2 * FunctionLines.STRIDE], 2, 8);
        GaugeRows skipped = new GaugeRows(new long[2 * FunctionLines.STRIDE], 2, 8);
        for (GaugeRows g : List.of(stepped, skipped)) {
            g.set(0, 0, 5);
            g.lower(0, 0, 3); // bucket 0's maximum 5, its level 3
            g.set(1, 0, 2);
        }
        for (int b = 1; b <= 5; b++) {
            stepped.crossTo(b); // buckets 1 to 4 quiet: their columns are the levels (3, 2)
        }
        skipped.set(1, 5, 2);
        stepped.raise(1, 2);
        assertEquals(2, stepped.columnArrays(), "bucket 0's column, and one for the quiet stretch");
        assertEquals(skipped.columnArrays(), stepped.columnArrays());
        for (int d = 0; d < 2; d++) {
            assertArrayEquals(skipped.values(d), stepped.values(d));
        }
        assertArrayEquals(new long[] {5, 3, 3, 3, 3, 3, 3, 3}, stepped.values(0));
    }

    @Test
    void gaugeColumnsCrossingQuietBucketsOneAtATimeShareOneArray() {
        GaugeColumns stepped = new GaugeColumns(2, 8);
        GaugeColumns skipped = new GaugeColumns(2, 8);
        for (GaugeColumns g : List.of(stepped, skipped)) {
            g.set(0, 0, 5);
            g.lower(0, 0, 3);
            g.set(1, 0, 2);
        }
        for (int b = 1; b <= 5; b++) {
            stepped.crossTo(b);
        }
        stepped.raise(0, 4); // bucket 5: a new maximum, in the array the quiet ones did not keep
        skipped.set(0, 5, 4);
        assertEquals(3, stepped.columnArrays(), "bucket 0's, the quiet stretch's, bucket 5's");
        assertEquals(skipped.columnArrays(), stepped.columnArrays());
        for (int d = 0; d < 2; d++) {
            assertArrayEquals(skipped.values(d), stepped.values(d));
        }
        assertArrayEquals(new long[] {5, 3, 3, 3, 3, 4, 4, 4}, stepped.values(0));
        assertArrayEquals(new long[] {2, 2, 2, 2, 2, 2, 2, 2}, stepped.values(1));
    }

    /** A reused array starts the new bucket at the levels, not at the maxima it held (a rise then a fall). */
    @Test
    void gaugeColumnsReusedArrayStartsAtTheLevels() {
        GaugeColumns g = new GaugeColumns(1, 4);
        g.set(0, 0, 6);
        g.lower(0, 0, 1);
        g.crossTo(1);
        g.raise(0, 6); // bucket 1's maximum 6 as bucket 0's: its column is bucket 0's array
        g.lower(0, 1, 1);
        g.crossTo(2); // bucket 2 quiet at level 1
        g.crossTo(3);
        assertArrayEquals(new long[] {6, 6, 1, 1}, g.values(0));
        assertEquals(3, g.columnArrays());
    }

    @Test
    void latencyBucketsCrossedOneAtATimeHoldWhatSkippingThemHeld() {
        LatencyRecorder stepped = new LatencyRecorder(60 * S, 10 * S);
        LatencyRecorder skipped = new LatencyRecorder(60 * S, 10 * S);
        for (LatencyRecorder r : List.of(stepped, skipped)) {
            r.attach(List.of("f"));
            r.latency(0, 120_000, true, S);
            r.latency(0, 80_000, false, 2 * S);
        }
        for (int b = 1; b <= 4; b++) {
            stepped.crossTo(b);
        }
        stepped.record(0, 300_000, false);
        skipped.latency(0, 300_000, false, 45 * S);
        assertEquals(skipped.footprintBytes(), stepped.footprintBytes(), "the quiet buckets hold no statistics");
        assertEquals(text(skipped.series()), text(stepped.series()));
        assertEquals(skipped.accountLatency(), stepped.accountLatency());
    }

    @Test
    void observersCrossAtTheEdgeOnlyWhenReached() {
        Observers o = observers(new Recorder(60 * S, 30 * S), new LatencyRecorder(60 * S, 30 * S),
                new EnvironmentLevels(60 * S, 30 * S));
        assertEquals(30 * S, o.nextBucketMicros());
        o.reach(30 * S - 1);
        assertEquals(30 * S, o.nextBucketMicros());
        o.reach(30 * S);
        assertEquals(Long.MAX_VALUE, o.nextBucketMicros(), "the last bucket takes every later instant");
        assertEquals(0, o.crossedAtCalls());
    }

    @Test
    void aCallPastAnEdgeCrossesIt() {
        Observers o = observers(new Recorder(90 * S, 30 * S), new LatencyRecorder(90 * S, 30 * S),
                new EnvironmentLevels(90 * S, 30 * S));
        o.connections(0, 1, 30 * S - 1);
        assertEquals(0, o.crossedAtCalls());
        o.connections(0, 2, 30 * S);
        assertEquals(1, o.crossedAtCalls());
        assertEquals(60 * S, o.nextBucketMicros());
        o.connections(0, 2, 95 * S); // past the run's end: the last bucket
        assertEquals(2, o.crossedAtCalls());
        assertEquals(Long.MAX_VALUE, o.nextBucketMicros());
    }

    @Test
    void seriesCutIntoOtherBucketsAreRefused() {
        Recorder r = new Recorder(60 * S, 30 * S);
        assertThrows(IllegalArgumentException.class,
                () -> observers(r, new LatencyRecorder(60 * S, 20 * S), new EnvironmentLevels(60 * S, 30 * S)));
        assertThrows(IllegalArgumentException.class,
                () -> observers(r, new LatencyRecorder(90 * S, 30 * S), null));
        assertThrows(IllegalArgumentException.class,
                () -> observers(r, new LatencyRecorder(60 * S, 30 * S), new EnvironmentLevels(60 * S, 20 * S)));
        assertThrows(IllegalArgumentException.class,
                () -> observers(r, new LatencyRecorder(60 * S, 30 * S), new EnvironmentLevels(90 * S, 30 * S)));
        observers(r, new LatencyRecorder(60 * S, 30 * S), null); // alike: accepted
    }

    private static String text(List<Series> series) {
        StringBuilder out = new StringBuilder();
        for (Series s : series) {
            out.append(s.scope()).append(s.id()).append(s.metric()).append(Arrays.toString(s.values())).append('\n');
        }
        return out.toString();
    }

    static Observers observers(Recorder recorder, LatencyRecorder latency, EnvironmentLevels levels) {
        Observers o = new Observers(recorder, latency, new Journal(), null, levels, null);
        recorder.attach(CombinedCallsProperties.world(1));
        latency.attach(List.of("f0"));
        if (levels != null) {
            levels.attach(1);
        }
        return o;
    }
}
