package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Each calendar entry holds its next entry's time (so that a removal and a walk read no next entry), and the queue
 * holds its first entry's time ({@link CalendarQueue#peekTime}, so that the loop's choice waits for no entry's
 * line; session 16). Against a {@link TreeSet} of (time, key), over random interleavings of adds (ties in time
 * with keys on either side, the same bucket a year or more later, far ahead), peeks and removals, with the far
 * tier started at a few entries or not at all: after every step {@link CalendarQueue#checkBuckets} (every list in
 * order, every next time its next entry's, every bucket's first time and last entry, the cached minimum the least
 * with its time) and the first entry and its time are the model's.
 */
class CalendarQueueNextTimeProperties {

    private static final Comparator<CalendarQueueProperties.Entry> ORDER = Comparator.comparingLong(
            CalendarQueueProperties.Entry::time).thenComparingLong(CalendarQueueProperties.Entry::key);

    @Property(tries = 300)
    void nextTimesAndTheFirstTimeFollowEveryStep(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int tier,
            @ForAll @IntRange(min = 1, max = 400) int steps, @ForAll @IntRange(min = 0, max = 3) int spread) {
        SplittableRandom r = new SplittableRandom(seed);
        CalendarQueue q = new CalendarQueue(4, new int[] {4, 16, 64, CalendarQueue.FAR_ON}[tier]);
        TreeSet<CalendarQueueProperties.Entry> model = new TreeSet<>(ORDER);
        long gapScale = new long[] {1, 10, 1_000, 1_000_000}[spread];
        long now = 0;
        long seq = 0;
        int id = 0;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < steps; i++) {
                int action = r.nextInt(10);
                if (action < 6 || model.isEmpty()) {
                    int burst = action == 0 ? 1 + r.nextInt(8) : 1;
                    for (int j = 0; j < burst; j++) {
                        long t = now + time(r, gapScale);
                        long key = ((long) r.nextInt(4) << 44) | seq++; // lower priorities after higher ones
                        CalendarQueueProperties.add(q, t, key, id);
                        model.add(new CalendarQueueProperties.Entry(t, key, id++));
                    }
                } else if (action < 9) {
                    CalendarQueueProperties.Entry first = model.pollFirst();
                    assertFirstTime(q, first);
                    q.removeFirst();
                    now = first.time();
                } else {
                    assertFirstTime(q, model.first()); // a peek alone, the minimum cached for the next step
                }
                assertEquals(model.size(), q.size());
                q.checkBuckets();
            }
            // drained to empty, then filled again (the buckets and the entries reused)
            while (!model.isEmpty()) {
                CalendarQueueProperties.Entry first = model.pollFirst();
                assertFirstTime(q, first);
                q.removeFirst();
                now = first.time();
                q.checkBuckets();
            }
            assertEquals(0, q.size());
        }
    }

    /** A time ahead of the clock: the same instant, near, the same bucket a year or more later, or far ahead. */
    private static long time(SplittableRandom r, long gapScale) {
        switch (r.nextInt(6)) {
            case 0:
                return 0; // at the clock: ties with the first entry
            case 1:
                return r.nextInt(4); // ties among a few instants
            case 2:
                return (1L + r.nextInt(3)) << 40; // a multiple of 2^40: the same buckets, later years
            case 3:
                return r.nextLong(1, 1L << 50); // far ahead: the far tier's later slots, its overflow
            default:
                return r.nextLong(0, 1 + 50 * gapScale);
        }
    }

    private static void assertFirstTime(CalendarQueue q, CalendarQueueProperties.Entry expected) {
        int n = q.peek();
        assertEquals(expected.time(), q.peekTime(), "the first entry's time, cached");
        assertEquals(expected.time(), q.time(n));
        assertEquals(expected.key(), q.key(n));
    }

    /** The cached first time follows an add before the first, at its time with a lower key, and a removal. */
    @Test
    void theFirstTimeFollowsAnEarlierAddAndTheNextBucket() {
        CalendarQueue q = new CalendarQueue(16);
        q.add(1_000, 10, 0, 1);
        assertEquals(1_000, q.time(q.peek()));
        assertEquals(1_000, q.peekTime());
        q.add(500, 11, 0, 2); // earlier: the new first
        assertEquals(2, q.payload(q.peek()));
        assertEquals(500, q.peekTime());
        q.add(500, 9, 0, 3); // at the same time with a lower key: the new first again
        assertEquals(3, q.payload(q.peek()));
        assertEquals(500, q.peekTime());
        q.add(500, 12, 0, 4); // at the same time with a higher key: not the first
        assertEquals(3, q.payload(q.peek()));
        q.checkBuckets();
        q.removeFirst(); // the next in the same bucket (500, key 11)
        assertEquals(2, q.payload(q.peek()));
        assertEquals(500, q.peekTime());
        q.removeFirst();
        q.removeFirst(); // the bucket's last at 500: the next is in another bucket, found by the scan
        assertEquals(1, q.payload(q.peek()));
        assertEquals(1_000, q.peekTime());
        q.checkBuckets();
        q.add(1_000L + (1L << 45), 13, 0, 5); // a year or more later, found only by the direct search
        q.removeFirst();
        assertEquals(5, q.payload(q.peek()));
        assertEquals(1_000L + (1L << 45), q.peekTime());
        q.checkBuckets();
    }

    /**
     * An entry walked into the middle of its bucket takes the next entry's time, and gives its own to the one before
     * it: removed in order, each removal sets the bucket's first time from the entry alone.
     */
    @Test
    void aWalkLinksBothNextTimes() {
        CalendarQueue q = new CalendarQueue(16);
        long year = 1L << 40; // one bucket whatever the width and the bucket count
        q.add(0, 1, 0, 0);
        q.add(3 * year, 2, 0, 3);
        q.add(year, 3, 0, 1);         // between the first and the last: a walk of one
        q.add(2 * year, 4, 0, 2);     // a walk of two
        q.add(2 * year, 0, 0, 4);     // at the same time as one, with a lower key: before it
        q.checkBuckets();
        long[] expected = {0, 1, 4, 2, 3};
        for (long payload : expected) {
            assertEquals(payload, q.payload(q.peek()));
            q.removeFirst();
            q.checkBuckets();
        }
        assertEquals(0, q.size());
    }

    /** The self-check finds a next time that is wrong (so that the properties above can fail). */
    @Test
    void theSelfCheckFindsAWrongNextTime() {
        CalendarQueue q = new CalendarQueue(16);
        long year = 1L << 40;
        q.add(0, 1, 0, 0);
        q.add(year, 2, 0, 1);
        q.checkBuckets();
        long[] entries = (long[]) CalendarQueueShapeTest.field(q, "entries");
        int first = q.peek();
        entries[first * 4 + 2]++; // its next time, one off
        IllegalStateException e = assertThrows(IllegalStateException.class, q::checkBuckets);
        assertTrue(e.getMessage().contains("next time"), e.getMessage());
    }
}
