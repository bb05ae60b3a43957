package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link KeyConnections}' squares' integral is bit for bit the double that {@link TimeAverage} (the straightforward
 * {@code squares += (double) level * level * dt}) sums, below and past 2^53, for levels and gaps beyond a long product's
 * range, and at int's edges. (From round 2's eleventh to its fifteenth pass it was summed in longs while exact; since
 * the sixteenth, in doubles: these properties, kept, hold both.)
 */
class KeyConnectionsProperties {

    private static final int[] EDGE_LEVELS = {0, 1, 2, 46_340, 46_341, 65_535, 65_536, 94_906_265, 94_906_266,
        94_906_267, 134_217_727, 134_217_728, 134_217_729, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};

    /**
     * One step at {@code level} for {@code dt} microseconds leaves in the row the double of {@link TimeAverage}'s
     * expression, {@code (double) level * level * dt}, bit for bit, and the exact product whenever that product is
     * below 2^53 (a double holds it then), for any level and gap (up to Long.MAX_VALUE - 1: Long.MAX_VALUE is the
     * engine's "never", no change happens then).
     */
    @Property(tries = 2000)
    void oneStepsSquareIsTheDoubleExpression(@ForAll @IntRange(min = 0) int level,
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE - 1) long dt) {
        assertOneStep(level, dt);
    }

    @Example
    void oneStepsSquareIsTheDoubleExpressionAtTheEdges() {
        long[] gaps = {1, 3, (1L << 31) - 1, 1L << 31, (1L << 53) - 1, 1L << 53, (1L << 53) + 1, Long.MAX_VALUE - 1};
        for (int level : EDGE_LEVELS) {
            for (long dt : gaps) {
                assertOneStep(level, dt);
            }
        }
    }

    private static void assertOneStep(int level, long dt) {
        KeyConnections rows = oneKey();
        rows.set(0, level, 0);
        rows.set(0, 0, dt);
        String where = "level " + level + ", dt " + dt;
        assertEquals(Double.doubleToRawLongBits((double) level * level * dt),
                Double.doubleToRawLongBits(rows.squares(0)), where);
        BigInteger exact = BigInteger.valueOf(level).pow(2).multiply(BigInteger.valueOf(dt));
        if (exact.bitLength() <= 53) {
            assertEquals(exact.doubleValue(), rows.squares(0), where);
            assertEquals(exact.longValueExact(), (long) rows.squares(0), where);
        }
        TimeAverage reference = TimeAverage.withVariance();
        reference.update(level, 0);
        reference.update(0, dt);
        assertEquals(Double.doubleToRawLongBits(reference.variance(dt)),
                Double.doubleToRawLongBits(rows.variance(0, dt)), where);
    }

    /**
     * Levels and gaps drawn so that the sum crosses 2^53 during the run (many steps in longs, then doubles), with
     * levels and gaps past the long product's range now and then: the mean and the variance bit for bit those of a
     * TimeAverage told the same changes.
     */
    @Property(tries = 500)
    void squaresAreTheDoubleSumAcrossTwoToThe53(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int scale) {
        SplittableRandom rng = new SplittableRandom(seed);
        int maxLevel = new int[] {100, 5_000, 46_341, 1_000_000, Integer.MAX_VALUE}[scale];
        long maxGap = new long[] {1L << 40, 1L << 30, 5_000_000, 1L << 31, 1_000}[scale];
        KeyConnections rows = oneKey();
        TimeAverage reference = TimeAverage.withVariance();
        long now = 0;
        for (int i = 0, n = rng.nextInt(1, 400); i < n; i++) {
            now += rng.nextInt(5) == 0 ? 0 : rng.nextLong(1, maxGap);
            int v = rng.nextInt(10) == 0 ? EDGE_LEVELS[rng.nextInt(EDGE_LEVELS.length)] : rng.nextInt(maxLevel);
            rows.set(0, v, now);
            reference.update(v, now);
        }
        long end = now + rng.nextLong(0, maxGap);
        reference.update(reference.current(), end);
        assertEquals(Double.doubleToRawLongBits(reference.mean(end)), Double.doubleToRawLongBits(rows.mean(0, end)));
        assertEquals(Double.doubleToRawLongBits(reference.variance(end)),
                Double.doubleToRawLongBits(rows.variance(0, end)));
    }

    /**
     * The sum is exact up to 2^53 and rounds past it as a double does: level 1,000 (a square of 10^6) for
     * 9,007,199,254 microseconds is 9,007,199,254 x 10^6, 740,992 under 2^53; one microsecond more passes it.
     */
    @Example
    void theSquaresAreExactUpTo2To53ThenADoublesSum() {
        KeyConnections rows = oneKey();
        rows.set(0, 1_000, 0);
        rows.set(0, 1_000, 1_000_000_000L);            // 10^6 x 10^9 = 10^15
        assertEquals(1e15, rows.squares(0));
        rows.set(0, 1_000, 9_007_199_254L);            // 10^6 x 9,007,199,254 in all: still at most 2^53
        assertEquals(9_007_199_254_000_000d, rows.squares(0));
        assertTrue(rows.squares(0) <= 1L << 53);
        rows.set(0, 1_000, 9_007_199_255L);            // 2^53 + 259,008: past it, a double's sum
        assertEquals(9_007_199_254_000_000d + 1_000_000d, rows.squares(0));
    }

    /** A square too large for the long product (level 46,341 and beyond) goes through doubles, the figure the same. */
    @Example
    void largeLevelsAndGapsTakeTheDoublePath() {
        KeyConnections rows = oneKey();
        TimeAverage reference = TimeAverage.withVariance();
        long[] instants = {0, 10, (1L << 31) + 20, (1L << 31) + 25, 1L << 40};
        int[] levels = {46_341, 3, 7, Integer.MAX_VALUE, 0};
        for (int i = 0; i < instants.length; i++) {
            rows.set(0, levels[i], instants[i]);
            reference.update(levels[i], instants[i]);
        }
        long end = (1L << 40) + 1;
        reference.update(0, end);
        assertEquals(Double.doubleToRawLongBits(reference.variance(end)),
                Double.doubleToRawLongBits(rows.variance(0, end)));
        // 46,341^2 x 10 = 21,475,077,810: an exact integer after the first step
        KeyConnections one = oneKey();
        one.set(0, 46_341, 0);
        one.set(0, 0, 10);
        assertEquals(46_341d * 46_341 * 10, one.squares(0));
    }

    private static KeyConnections oneKey() {
        KeyConnections rows = new KeyConnections(1_000, 1);
        rows.ensureKey(0);
        return rows;
    }
}
