package dev.enisim.metrics;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link LatencyRecorder#footprintBytes}: the memory model's figure (README, "memory per function") counts the
 * account's track, the per-bucket statistics, the table of tracks, a track only for a function that recorded a
 * latency, a closed bucket's entries only for the functions that recorded in it, and the cold starts' exact extremes
 * from the run's first cold start on.
 */
class LatencyRecorderFootprintTest {

    /** An empty histogram of counts: the object alone ({@link LatencyCountsTest#footprintIsTheTableAndThePagesMade}). */
    private static final long EMPTY_COUNTS = 40;
    /** A histogram of counts with one page made: the object, a table of one page, the page's 64 ints. */
    private static final long ONE_PAGE = EMPTY_COUNTS + (16 + 4) + (16 + 4 * 64);

    @Test
    void countsWhatTheFunctionsThatRecordedHold() {
        LatencyRecorder r = new LatencyRecorder(4_000_000, 1_000_000); // 4 buckets of 1 s
        r.attach(List.of("a", "b", "c"));
        // a track: 76 bytes (48, and 28 for the exact extremes and the ties at the minimum), its overall and
        // cold-start counts, its counts by index (the account's: one long for each of the 7,296 histogram indices),
        // its pending values (none yet: an empty array's 16 bytes)
        long accountTrack = 76 + 2 * EMPTY_COUNTS + (16 + 8 * LatencyRecorder.INDICES) + 16;
        long fixed = accountTrack
                + 16 + 8 * 4 * LatencyRecorder.STATS   // the account's statistics: 4 buckets of 5 longs
                + 16 + 8 * 4                           // the closed buckets' table: 4 references
                + 16 + 4 * 3;                          // the tracks' table: 3 references
        assertEquals(58_808, fixed);
        assertEquals(fixed, r.footprintBytes(), "no function recorded yet: no track");

        r.latency(1, 5_000, false, 10);
        long track = 76 + 2 * EMPTY_COUNTS + (16 + 2 * 8); // no counts by index; pending grew to 8 shorts
        assertEquals(fixed + track, r.footprintBytes(), "function 1's track only");

        r.latency(1, 6_000, false, 1_500_000); // bucket 1 begins: bucket 0 closes
        long closedEntry = 16 + 8 * (1 + LatencyRecorder.STATS); // one function's entry: the function and its 5 figures
        long grown = 2 * (ONE_PAGE - EMPTY_COUNTS); // 5 ms counted into function 1's and the account's overall counts
        assertEquals(fixed + track + closedEntry + grown, r.footprintBytes(), "bucket 0 closed with one entry");

        r.latency(0, 7_000, true, 1_600_000);
        r.latency(2, 8_000, false, 1_700_000);
        // the run's first cold start makes the table of cold-start extremes (one page's reference) and function 0's
        // page (64 functions of 3 ints: maximum, minimum, ties)
        long coldExtremes = (16 + 4) + (16 + 4 * 3 * LatencyRecorder.EXTREMES_PAGE);
        assertEquals(fixed + 3 * track + closedEntry + grown + coldExtremes, r.footprintBytes(), "three tracks");
    }

    @Test
    void growsWithTheBucketsAndTheFunctions() {
        LatencyRecorder r = new LatencyRecorder(60_000_000, 1_000_000); // 60 buckets
        r.attach(List.of("a", "b", "c", "d", "e"));
        long accountTrack = 76 + 2 * EMPTY_COUNTS + (16 + 8 * 7_296) + 16;
        assertEquals(accountTrack + (16 + 8 * 60 * 5) + (16 + 8 * 60) + (16 + 4 * 5), r.footprintBytes());
    }
}
