package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The building blocks every series is made of, each checked against figures worked out by hand: which bucket an
 * instant falls in, a level's per-bucket maximum or minimum (the level a bucket begins with counts), a per-bucket
 * sum, and a level's time average and variance (the last interval, up to the end, counts).
 */
class LevelsAndBucketsTest {

    private static final long S = Seconds.MICROS;

    /**
     * 100 s in buckets of 30 s: four buckets, [0, 30), [30, 60), [60, 90) and a short one [90, 100]; an instant on
     * an edge belongs to the bucket it begins, the run's end to the last one. Asked in time order, as the
     * recorders ask (the grid remembers the current bucket).
     */
    @Test
    void anInstantFallsInTheBucketThatContainsIt() {
        BucketGrid g = new BucketGrid(100 * S, 30 * S);
        assertEquals(4, g.count());
        assertEquals(30 * S, g.bucketMicros());
        long[] at = {0, 1, 30 * S - 1, 30 * S, 30 * S + 1, 60 * S - 1, 60 * S, 90 * S - 1, 90 * S, 99 * S, 100 * S};
        int[] bucket = {0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 3};
        for (int i = 0; i < at.length; i++) {
            assertEquals(bucket[i], g.of(at[i]), "bucket of " + at[i] + " us");
        }
    }

    /** A duration that is a whole number of buckets: the end (an edge) still falls in the last bucket. */
    @Test
    void theEndOfARunOfWholeBucketsIsInTheLastBucket() {
        BucketGrid g = new BucketGrid(90 * S, 30 * S);
        assertEquals(3, g.count());
        assertEquals(2, g.of(60 * S));
        assertEquals(2, g.of(90 * S));
        BucketGrid one = new BucketGrid(1, 1);
        assertEquals(1, one.count());
        assertEquals(0, one.of(0));
        assertEquals(0, one.of(1));
    }

    /** Instants asked out of order (not what recorders do, but the grid must not answer from a stale bucket). */
    @Test
    void anEarlierInstantAfterALaterOneIsNotAnsweredFromTheCache() {
        BucketGrid g = new BucketGrid(100 * S, 10 * S);
        assertEquals(5, g.of(55 * S));
        assertEquals(2, g.of(25 * S));
        assertEquals(5, g.of(59 * S));
        assertEquals(6, g.of(60 * S));
        assertEquals(0, g.of(5 * S));
        assertEquals(9, g.of(99 * S));
        assertEquals(6, g.of(65 * S));
    }

    @Test
    void aGridNeedsAPositiveDurationAndBucketAndFewerThanTwoBillionBuckets() {
        assertThrows(IllegalArgumentException.class, () -> new BucketGrid(100, 0));
        assertThrows(IllegalArgumentException.class, () -> new BucketGrid(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new BucketGrid(-5, 10));
        assertThrows(IllegalArgumentException.class, () -> new BucketGrid(Integer.MAX_VALUE - 7L, 1));
        assertEquals(Integer.MAX_VALUE - 8, new BucketGrid(Integer.MAX_VALUE - 8L, 1).count());
    }

    /**
     * A maximum gauge starting at 5 in 4 buckets: 3 in bucket 0 (the initial 5 stays the bucket's maximum), 7 in
     * bucket 2 (bucket 1 carries the 3 it began with), then 6 (bucket 2 keeps 7); bucket 3 carries 6. The peak is
     * read from the buckets so far, the latest one (2) included.
     */
    @Test
    void aMaximumGaugeKeepsEachBucketsHighestLevelCountingTheOneItBeganWith() {
        Gauge g = new Gauge(4, true, 5);
        g.set(0, 3);
        g.set(2, 7);
        g.set(2, 6);
        assertEquals(6, g.current());
        assertEquals(7, g.peak());
        assertArrayEquals(new long[] {5, 3, 7, 6}, g.values());
        assertThrows(IllegalStateException.class, g::low);
    }

    /**
     * {@code lower} moves only the level of a maximum gauge whose level drops (its bucket's maximum already counts a
     * higher one), and is {@code set} otherwise: a level that rises, a minimum gauge's, a later bucket.
     */
    @Test
    void lowerIsSetWhereAMaximumOrALowCanMove() {
        Gauge max = new Gauge(3, true, 5);
        max.lower(0, 2);
        max.lower(0, 9);
        max.lower(1, 4);
        assertEquals(4, max.current());
        assertArrayEquals(new long[] {9, 9, 4}, max.values());
        Gauge min = new Gauge(3, false, 5);
        min.lower(0, 2);
        min.lower(1, 3);
        assertArrayEquals(new long[] {2, 2, 3}, min.values());
        GaugeColumns c = new GaugeColumns(2, 3);
        c.lower(1, 0, 3);
        c.lower(1, 0, 1);
        c.lower(1, 2, 0);
        assertArrayEquals(new long[] {3, 1, 1}, c.values(1));
        assertArrayEquals(new long[] {0, 0, 0}, c.values(0));
    }

    /** A minimum gauge (free IPs) starting at 10: 8 then 9 in bucket 0, 4 in bucket 2: lows 8, 9, 4, 4. */
    @Test
    void aMinimumGaugeKeepsEachBucketsLowestLevel() {
        Gauge g = new Gauge(4, false, 10);
        g.set(0, 8);
        g.set(0, 9);
        g.set(2, 4);
        g.set(2, 5);
        assertEquals(4, g.low());
        assertArrayEquals(new long[] {8, 9, 4, 5}, g.values());
        assertThrows(IllegalStateException.class, g::peak);
    }

    @Test
    void aCounterSumsPerBucketAndHandsOutACopy() {
        Counter c = new Counter(3);
        c.add(0, 2);
        c.add(2, 1);
        c.add(2, 4);
        long[] v = c.values();
        assertArrayEquals(new long[] {2, 0, 5}, v);
        v[0] = 99;
        assertArrayEquals(new long[] {2, 0, 5}, c.values());
    }

    /**
     * Level 0 until 10 s, 2 until 30 s, 5 until 40 s, then 0, over 100 s: the area is 2 x 20 + 5 x 10 = 90
     * level-seconds, so the mean is 0.9; the square's area is 4 x 20 + 25 x 10 = 330, so the variance is
     * 3.3 - 0.81 = 2.49.
     */
    @Test
    void aTimeAverageWeighsEachLevelByHowLongItHeld() {
        TimeAverage a = TimeAverage.withVariance();
        a.update(2, 10 * S);
        a.update(5, 30 * S);
        a.update(0, 40 * S);
        a.update(a.current(), 100 * S);
        assertEquals(0.9, a.mean(100 * S), 1e-12);
        assertEquals(2.49, a.variance(100 * S), 1e-12);
    }

    /** A level still held at the end counts up to the end: 4 from 25 s to the end of 100 s is a mean of 3. */
    @Test
    void aTimeAverageCountsTheLastIntervalUpToTheEnd() {
        TimeAverage a = TimeAverage.withVariance();
        a.update(4, 25 * S);
        assertEquals(4, a.current());
        a.update(a.current(), 100 * S);
        assertEquals(3.0, a.mean(100 * S), 1e-12);
        // level 4 for 3/4 of the time, 0 for 1/4: E[x^2] = 12, mean 3, variance 3
        assertEquals(3.0, a.variance(100 * S), 1e-12);
        // two changes at the same instant: only the last one holds
        TimeAverage b = new TimeAverage();
        b.update(7, 50 * S);
        b.update(1, 50 * S);
        b.update(b.current(), 100 * S);
        assertEquals(0.5, b.mean(100 * S), 1e-12);
    }

    /** Over no time at all, the mean and variance are 0, not a division by zero. */
    @Test
    void aTimeAverageOverNoTimeIsZero() {
        TimeAverage a = TimeAverage.withVariance();
        assertEquals(0.0, a.mean(0));
        assertEquals(0.0, a.variance(0));
    }

    /**
     * A mean-only average (the account's concurrency) keeps no squares: asking it for a variance is a bug. Its mean
     * is the same as the one with a variance.
     */
    @Test
    void aMeanOnlyAverageHasTheSameMeanAndNoVariance() {
        TimeAverage meanOnly = new TimeAverage();
        TimeAverage both = TimeAverage.withVariance();
        for (TimeAverage a : List.of(meanOnly, both)) {
            a.update(2, 10 * S);
            a.update(5, 30 * S);
            a.update(0, 40 * S);
        }
        assertEquals(both.mean(100 * S), meanOnly.mean(100 * S));
        assertThrows(IllegalStateException.class, () -> meanOnly.variance(100 * S));
    }

    /** A constant level has no variance (never a negative one from rounding). */
    @Test
    void aConstantLevelHasNoVariance() {
        TimeAverage a = TimeAverage.withVariance();
        a.update(3, 0);
        a.update(3, 7 * S);
        a.update(3, 10 * S);
        assertEquals(3.0, a.mean(10 * S), 1e-12);
        assertEquals(0.0, a.variance(10 * S), 1e-12);
    }

    /**
     * Per function, the highest level in each bucket: function 1 at 4 in bucket 0, function 0 at 2 in bucket 1
     * (function 1 carries 4 into it), quiet buckets 2 and 3 carry both levels, function 1 drops to 1 in bucket 4.
     */
    @Test
    void gaugeColumnsKeepEachDimensionsMaxima() {
        GaugeColumns c = new GaugeColumns(2, 6);
        c.set(1, 0, 4);
        c.set(0, 1, 2);
        c.set(1, 4, 1);
        assertArrayEquals(new long[] {0, 2, 2, 2, 2, 2}, c.values(0));
        assertArrayEquals(new long[] {4, 4, 4, 4, 4, 1}, c.values(1));
        assertEquals(2, c.peak(0));
        assertEquals(4, c.peak(1));
        c.set(0, 5, 3);
        assertEquals(3, c.peak(0));
    }

    /**
     * Level areas of one row in buckets [0, 10) and [10, 20] (microseconds): level 3 from 4 to 12, then 1 to the
     * end: 3 x 6 = 18 in bucket 0, 3 x 2 + 1 x 8 = 14 in bucket 1. A row never touched has no area. (Until round 2's
     * seventeenth pass a row kept the instant of its last change, and an earlier instant added nothing; instants now
     * never go back, a run's clock.)
     */
    @Test
    void levelAreasSplitAtTheEdge() {
        LevelAreas a = new LevelAreas(2, 10, 2);
        a.advance(0, 4);
        a.set(0, 0, 3);
        a.advance(0, 12);
        a.set(0, 0, 1);
        a.finish(0, 20);
        a.finish(1, 20);
        assertEquals(18, a.area(0, 0, 0));
        assertEquals(14, a.area(0, 0, 1));
        assertEquals(32, a.total(0, 0));
        assertEquals(0, a.total(0, 1));
        assertEquals(0, a.area(1, 2, 1));
        assertEquals(0, a.total(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LevelAreas(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new LevelAreas(1, 10, 0));
    }
}
