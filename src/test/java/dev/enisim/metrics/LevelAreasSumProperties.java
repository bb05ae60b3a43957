package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The account's environment areas are the functions' summed at the end ({@link LevelAreas#sumRows}) instead of a
 * row of its own moved at every change: per bucket and kind, the same integers as that row (advanced at each change
 * with the summed levels, as {@code EnvironmentLevels} did) whatever the interleaving of the rows' changes.
 */
class LevelAreasSumProperties {

    @Property(tries = 300)
    void theSumOfTheRowsIsTheRowOfTheSummedLevels(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int rows,
            @ForAll @IntRange(min = 1, max = 30) int buckets) {
        SplittableRandom rng = new SplittableRandom(seed);
        long bucketMicros = 1 + rng.nextInt(1000);
        long end = buckets * bucketMicros - rng.nextLong(bucketMicros);
        int kinds = LevelAreas.KINDS;
        // rows 0..rows-1: the functions; row `rows`: the sum made at the end; row `rows + 1`: moved at every change
        LevelAreas areas = new LevelAreas(rows + 2, bucketMicros, buckets);
        int summed = rows;
        int moved = rows + 1;
        long t = 0;
        for (int i = 0, n = rng.nextInt(300); i < n; i++) {
            t = BucketLayoutProperties.nextInstant(rng, t, bucketMicros, end);
            int r = rng.nextInt(rows);
            areas.advance(r, t);
            areas.advance(moved, t);
            for (int k = 0; k < kinds; k++) {
                if (rng.nextBoolean()) {
                    long level = rng.nextInt(4) == 0 ? 0 : rng.nextInt(50);
                    areas.set(moved, k, areas.level(moved, k) + level - areas.level(r, k));
                    areas.set(r, k, level);
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            areas.finish(r, end);
        }
        areas.finish(moved, end);
        areas.sumRows(0, rows, summed);
        for (int k = 0; k < kinds; k++) {
            for (int b = 0; b < buckets; b++) {
                assertEquals(areas.area(moved, k, b), areas.area(summed, k, b), "kind " + k + ", bucket " + b);
            }
            assertEquals(areas.total(moved, k), areas.total(summed, k), "kind " + k);
        }
    }
}
