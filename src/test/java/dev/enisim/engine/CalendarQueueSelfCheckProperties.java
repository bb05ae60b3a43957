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
 * The calendar's buckets checked after every step ({@link CalendarQueue#checkBuckets}: every list in order and in
 * its bucket, every bucket's first time and last entry, the entries counted, the cached minimum the least of the
 * buckets' first entries), against a {@link TreeSet} of (time, key), over random interleavings of adds (ties in
 * time with keys on either side, bursts, the same bucket a year or more later, far ahead), peeks and removals, with
 * the far tier started at a few entries or not at all. The order properties see only what comes out first; this
 * sees a bucket's last entry or first time gone wrong before it shows in the order (session 16).
 */
class CalendarQueueSelfCheckProperties {

    private static final Comparator<CalendarQueueProperties.Entry> ORDER = CalendarQueueProperties.ORDER;

    @Property(tries = 300)
    void theBucketsHoldAfterEveryStep(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int tier,
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
                    CalendarQueueProperties.assertFirst(q, first);
                    q.removeFirst();
                    now = first.time();
                } else {
                    CalendarQueueProperties.assertFirst(q, model.first()); // a peek alone: the minimum cached
                }
                assertEquals(model.size(), q.size());
                q.checkBuckets();
            }
            // drained to empty, then filled again (the buckets and the entries reused)
            while (!model.isEmpty()) {
                CalendarQueueProperties.Entry first = model.pollFirst();
                CalendarQueueProperties.assertFirst(q, first);
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

    /**
     * Every way into one bucket's list (empty, a new first, after the last, a walk of one and of two, a tie in time
     * with a lower key), then each removal: the bucket holds after each.
     */
    @Test
    void everyWayIntoOneBucketHolds() {
        CalendarQueue q = new CalendarQueue(16);
        long year = 1L << 40; // one bucket whatever the width and the bucket count
        q.add(year, 1, 0, 1);         // into the empty bucket
        q.add(0, 2, 0, 0);            // a new first
        q.add(3 * year, 3, 0, 3);     // after the last
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

    /** The self-check finds a bucket's first time that is wrong, and a cached minimum that is not the least. */
    @Test
    void theSelfCheckFindsWhatIsWrong() {
        CalendarQueue q = new CalendarQueue(16);
        q.add(0, 1, 0, 0);
        q.add(0, 2, 0, 1); // the same time, a higher key: the first's next in its bucket
        q.checkBuckets();
        long[] heads = (long[]) CalendarQueueShapeTest.field(q, "heads");
        heads[0]++; // bucket 0's first time, one off
        IllegalStateException e = assertThrows(IllegalStateException.class, q::checkBuckets);
        assertTrue(e.getMessage().contains("first time"), e.getMessage());
        heads[0]--;
        q.checkBuckets();
        int first = q.peek(); // the minimum cached
        int second = q.after(first);
        assertEquals(1, q.payload(second));
        setMinEntry(q, second); // every bucket as it should be, the cached minimum not the least
        e = assertThrows(IllegalStateException.class, q::checkBuckets);
        assertTrue(e.getMessage().startsWith("the cached minimum"), e.getMessage());
        setMinEntry(q, first);
        q.checkBuckets();
    }

    private static void setMinEntry(CalendarQueue q, int entry) {
        try {
            java.lang.reflect.Field f = CalendarQueue.class.getDeclaredField("minEntry");
            f.setAccessible(true);
            f.setInt(q, entry);
        } catch (ReflectiveOperationException ex) {
            throw new AssertionError(ex);
        }
    }
}
