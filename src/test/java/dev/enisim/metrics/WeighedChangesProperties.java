package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The levels' integrals without the instant of the last change (round 2's seventeenth pass): {@link LevelAreas} and
 * the account's concurrency in {@link ExecutionLevels} sum each change's (new level - old) x instant, the area over a
 * bucket being the level at its end times the end minus that sum. Checked against plain references: per bucket, the
 * area of the step function added up segment by segment in longs ({@link #areas}); for the account's mean, a {@link
 * TimeAverage} told the same changes (the code before, bit for bit). Instants up to 2^40 and levels up to 2^22, so
 * that the weighted sums wrap past 2^63 while the areas still fit a long; changes often at the same instant and
 * exactly on bucket edges; the buckets crossed by the table itself, at each edge before its first change (as {@link
 * Observers#reach} does in a run), or at the first change past it (as a call past an edge does).
 */
class WeighedChangesProperties {

    /** One row's changes of one kind: instants and the levels from them on. */
    private static final class Steps {
        final List<long[]> changes = new ArrayList<>();

        void add(long t, long level) {
            changes.add(new long[] {t, level});
        }

        /** The level in force at {@code t} (the last change at or before it; 0 before any). */
        long levelAt(long t) {
            long level = 0;
            for (long[] c : changes) {
                if (c[0] <= t) {
                    level = c[1];
                }
            }
            return level;
        }
    }

    /**
     * Per bucket, the area of the steps over the bucket's instants up to {@code end}, the last bucket taking every
     * later one: each segment between two changes (or a change and an edge) as level x length, in longs.
     */
    static long[] areas(Steps steps, long bucketMicros, int buckets, long end) {
        long[] out = new long[buckets];
        List<Long> cuts = new ArrayList<>();
        cuts.add(0L);
        for (long[] c : steps.changes) {
            cuts.add(c[0]);
        }
        for (int b = 1; b < buckets; b++) {
            cuts.add(b * bucketMicros);
        }
        cuts.add(end);
        cuts.sort(null);
        for (int i = 0; i + 1 < cuts.size(); i++) {
            long from = cuts.get(i);
            long to = Math.min(cuts.get(i + 1), end);
            if (to <= from) {
                continue;
            }
            int b = (int) Math.min(from / bucketMicros, buckets - 1);
            out[b] += steps.levelAt(from) * (to - from);
        }
        return out;
    }

    @Property(tries = 300)
    void levelAreasAreTheStepsAreasBucketByBucket(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int rows,
            @ForAll @IntRange(min = 1, max = 12) int buckets, @ForAll @IntRange(min = 0, max = 2) int crossing) {
        SplittableRandom rng = new SplittableRandom(seed);
        boolean large = rng.nextBoolean();
        long bucketMicros = large ? (1L << 36) + rng.nextLong(1L << 36) : 1 + rng.nextInt(1000);
        long maxLevel = large ? 1L << 22 : 50;
        long end = buckets * bucketMicros - rng.nextLong(bucketMicros);
        int kinds = LevelAreas.KINDS;
        LevelAreas areas = new LevelAreas(rows, bucketMicros, buckets);
        Steps[][] steps = new Steps[rows][kinds];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < kinds; k++) {
                steps[r][k] = new Steps();
            }
        }
        long t = 0;
        int crossed = 0;
        for (int i = 0, n = rng.nextInt(200); i < n; i++) {
            t = BucketLayoutProperties.nextInstant(rng, t, bucketMicros, end);
            int r = rng.nextInt(rows);
            long[] levels = new long[kinds];
            for (int k = 0; k < kinds; k++) {
                levels[k] = rng.nextBoolean() ? areas.level(r, k)
                        : rng.nextInt(4) == 0 ? 0 : rng.nextLong(maxLevel + 1);
                steps[r][k].add(t, levels[k]);
            }
            switch (crossing) {
                case 0 -> { // the table's own crossing, at the first change past an edge, then set kind by kind
                    areas.advance(r, t);
                    for (int k = 0; k < kinds; k++) {
                        areas.set(r, k, levels[k]);
                    }
                }
                case 1 -> { // every edge crossed at its first instant, then the run's call
                    int b = (int) Math.min(t / bucketMicros, buckets - 1);
                    for (; crossed < b; crossed++) {
                        areas.crossTo(crossed + 1);
                    }
                    areas.levels(r, t, levels[0], levels[1], levels[2]);
                }
                default -> { // a call that crosses (reach) then changes the three levels at once
                    areas.reach(t);
                    areas.levels(r, t, levels[0], levels[1], levels[2]);
                }
            }
            for (int k = 0; k < kinds; k++) {
                assertEquals(levels[k], areas.level(r, k));
            }
        }
        for (int r = 0; r < rows; r++) {
            areas.finish(r, end);
            areas.finish(r, end); // twice: the same
        }
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < kinds; k++) {
                long[] expected = areas(steps[r][k], bucketMicros, buckets, end);
                long total = 0;
                for (int b = 0; b < buckets; b++) {
                    assertEquals(expected[b], areas.area(r, k, b), "row " + r + ", kind " + k + ", bucket " + b);
                    total += expected[b];
                }
                assertEquals(total, areas.total(r, k), "row " + r + ", kind " + k);
            }
        }
    }

    @Property(tries = 300)
    void theAccountsMeanConcurrencyIsTheTimeAveragesBitForBit(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int buckets, @ForAll boolean bucketsGiven) {
        SplittableRandom rng = new SplittableRandom(seed);
        boolean large = rng.nextBoolean();
        long bucketMicros = large ? (1L << 36) + rng.nextLong(1L << 36) : 1 + rng.nextInt(1000);
        int maxLevel = large ? 1 << 22 : 50;
        long end = buckets * bucketMicros - rng.nextLong(bucketMicros);
        ExecutionLevels levels = new ExecutionLevels(new FunctionLines(), 2, buckets);
        TimeAverage reference = new TimeAverage();
        long t = 0;
        int crossed = 0;
        int level = 0;
        for (int i = 0, n = rng.nextInt(200); i < n; i++) {
            t = BucketLayoutProperties.nextInstant(rng, t, bucketMicros, end);
            int b = (int) Math.min(t / bucketMicros, buckets - 1);
            boolean lower = level > 0 && rng.nextBoolean();
            int next = lower ? rng.nextInt(level + 1) : level + rng.nextInt(maxLevel + 1 - level);
            int function = rng.nextInt(2);
            if (bucketsGiven) {
                if (lower) {
                    levels.lowered(function, next, next, b, t);
                } else {
                    levels.concurrency(function, next, next, b, t);
                }
            } else {
                for (; crossed < b; crossed++) {
                    levels.crossTo(crossed + 1);
                }
                if (lower) {
                    levels.lowered(function, next, next, t);
                } else {
                    levels.concurrency(function, next, next, t);
                }
            }
            reference.update(next, t);
            level = next;
        }
        reference.update(reference.current(), end);
        assertEquals(Double.doubleToRawLongBits(reference.mean(end)),
                Double.doubleToRawLongBits(levels.averageAccountConcurrency(end)));
    }

    /**
     * A span of no time (an end at 0, with or without changes at 0) has mean 0, as {@link TimeAverage#mean} says, not
     * 0 / 0: the guard before the division is what keeps NaN out of a summary.
     */
    @Example
    void theAccountsMeanOverNoTimeIsZeroAsTimeAveragesIs() {
        ExecutionLevels idle = new ExecutionLevels(new FunctionLines(), 1, 1);
        assertEquals(new TimeAverage().mean(0), idle.averageAccountConcurrency(0));
        assertEquals(0.0, idle.averageAccountConcurrency(0));
        ExecutionLevels busy = new ExecutionLevels(new FunctionLines(), 1, 1);
        busy.concurrency(0, 3, 3, 0, 0);
        assertEquals(0.0, busy.averageAccountConcurrency(0));
    }
}
