package dev.enisim.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link LevelAreas#footprintBytes}: the memory model's figure per function (README, "memory per function") counts
 * the rows' longs this uses and a bucket array only for a row that had a non-zero level.
 */
class LevelAreasFootprintTest {

    @Test
    void countsTheRowsLongsAndTheBucketArraysOfRowsThatHadALevel() {
        LevelAreas areas = new LevelAreas(3, 1_000, 4);
        // 3 rows of LONGS (6) longs, and the array of 3 references to bucket arrays, each with a 16-byte header
        assertEquals(16 + 8 * 6 * 3 + 16 + 8 * 3, areas.footprintBytes());
        assertEquals(200, areas.footprintBytes());

        areas.advance(1, 0);
        areas.set(1, 0, 2);
        areas.finish(1, 500);
        assertEquals(1_000, areas.area(1, 0, 0), "level 2 for 500 us");
        // row 1 now has its buckets: KINDS (3) x 4 longs and a header; rows 0 and 2 still none
        assertEquals(200 + 16 + 8 * 3 * 4, areas.footprintBytes());

        areas.finish(0, 500); // a row that never had a level gets no buckets
        assertEquals(312, areas.footprintBytes());
    }

    @Test
    void growsWithTheRowsAndTheBuckets() {
        assertEquals(16 + 8 * 6 * 5 + 16 + 8 * 5, new LevelAreas(5, 1_000, 10).footprintBytes());
        LevelAreas areas = new LevelAreas(2, 60_000_000L, 60);
        areas.advance(0, 0);
        areas.set(0, 2, 1);
        areas.finish(0, 1);
        assertEquals(16 + 8 * 6 * 2 + 16 + 8 * 2 + 16 + 8 * 3 * 60, areas.footprintBytes());
    }

    @Test
    void aSharedTableMustHoldEveryRow() {
        int stride = FunctionLines.STRIDE;
        new LevelAreas(new long[3 * stride], 3, 1_000, 4); // exactly three rows: accepted
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LevelAreas(new long[3 * stride - 1], 3, 1_000, 4));
        assertEquals("rows for 2, not 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LevelAreas(new long[stride], 2, 1_000, 4));
    }
}
