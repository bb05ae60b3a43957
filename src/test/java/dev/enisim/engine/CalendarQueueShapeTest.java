package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * What keeps the calendar O(1) per event and its memory in proportion to what it holds (the order itself is the
 * properties' business): the number of buckets follows the number of entries in them (at most half full, shrunk
 * below a sixteenth of all the entries; with the far tier on, a slot's entries, not all), and the day width follows the spacing of the events (the power of two at or below three average
 * gaps, re-tuned when the traffic changes). Read from the private fields: nothing else can tell a mis-sized calendar from
 * a good one.
 */
class CalendarQueueShapeTest {

    private static long buckets(CalendarQueue q) {
        return ((long[]) field(q, "heads")).length / 2; // two longs per bucket
    }

    private static long width(CalendarQueue q) {
        return (long) field(q, "width");
    }

    /** The private field {@code name} of the queue (the tier properties read it too). */
    static Object field(CalendarQueue q, String name) {
        try {
            Field f = CalendarQueue.class.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(q);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void bucketsGrowAndShrinkWithTheEntries() {
        CalendarQueue q = new CalendarQueue(16);
        assertEquals(16, buckets(q));
        for (int i = 1; i <= 10_000; i++) {
            q.add(i * 100L, i, i);
            // doubled when the entries in the buckets fill more than half: all the entries while the far tier is off,
            // between two and four buckets per entry once past the first 16
            int near = (int) field(q, "nearSize");
            assertTrue(2L * near <= buckets(q), near + " entries in the buckets, " + buckets(q) + " buckets");
            if ((long) field(q, "nearEnd") == Long.MAX_VALUE) {
                assertEquals(q.size(), near, "the tier off: every entry in the buckets");
                assertTrue(2L * q.size() <= buckets(q), q.size() + " entries, " + buckets(q) + " buckets");
                assertTrue(buckets(q) <= Math.max(16, 4L * q.size()), q.size() + " entries, " + buckets(q) + " buckets");
            } else {
                // from the tier's start (the resize that finds FAR_ON entries) the buckets hold a slot's entries only
                assertTrue(q.size() > CalendarQueue.FAR_ON, q.size() + " entries: the tier started early");
                assertTrue(buckets(q) <= CalendarQueue.FAR_BUCKETS, q.size() + " entries, " + buckets(q) + " buckets");
            }
        }
        // the resize at 4,097 entries asked for 16,384 buckets and started the tier: FAR_BUCKETS, as the entries up
        // to nearEnd (the first slot's, a few here: no removal yet, so days of 2 us) never filled half of them
        assertEquals(CalendarQueue.FAR_BUCKETS, buckets(q), "the far tier's buckets, not twice 10,000 entries");
        while (q.size() > 0) {
            q.removeFirst();
            // halved when under a sixteenth full, never below 16: at most 32 buckets per entry (one removal after
            // it reaches 16 per entry, it halves)
            assertTrue(buckets(q) <= Math.max(16, 32L * q.size()), q.size() + " entries, " + buckets(q) + " buckets");
            // and at the very removal that leaves them under a sixteenth full, not one later
            assertTrue(buckets(q) == 16 || 16L * q.size() >= buckets(q), q.size() + " entries, " + buckets(q));
            assertTrue(buckets(q) >= 16);
        }
        assertEquals(16, buckets(q), "back to the smallest");
    }

    @Test
    void theDayWidthFollowsTheSpacingOfTheEvents() {
        CalendarQueue q = new CalendarQueue(16);
        long last = 0; // the latest entry: each new one comes a gap after it
        int id = 0;
        while (q.size() < 200) {
            last += 1_000;
            q.add(last, id, id++);
        }
        // steady traffic, 200 pending, one removed and one added each step: the spacing changes, the size does
        // not (so only the re-tuning can follow it), denser and sparser in turn
        Object bucketArray = field(q, "heads");
        for (long gap : new long[] {1_000, 1_000_000, 50, 20_000_000_000L, 3}) {
            for (int i = 0; i < 20_000; i++) {
                q.removeFirst();
                last += gap;
                q.add(last, id, id++);
            }
            // the power of two at or below three gaps (re-tuned: each new gap is more than 2x off the last): above
            // 1.5 gaps, at most 3
            assertTrue(width(q) > 1.5 * gap && width(q) <= 3 * gap, "gap " + gap + ": width " + width(q));
            assertEquals(1, Long.bitCount(width(q)), "a power of two");
            assertEquals(512, buckets(q), "200 entries: the size never changed the buckets");
            assertTrue(bucketArray == field(q, "heads"), "a re-tuning refills the same bucket array");
        }
    }

    /** A removed entry's event object is let go (the queue does not keep it alive); a plain entry has none. */
    @Test
    void removedEventsAreNotHeld() {
        CalendarQueue q = new CalendarQueue(16);
        q.add(1, 1, "first");
        q.add(2, 2, 7, 70);
        q.add(3, 3, "third");
        q.removeFirst();
        q.removeFirst();
        assertEquals(java.util.Arrays.asList(null, null, "third"),
                java.util.Arrays.asList((Object[]) field(q, "events")).subList(0, 3));
    }

    /** Removed entries' slots are reused: the entry arrays grow with what is held at once, not with the traffic. */
    @Test
    void slotsAreReused() {
        CalendarQueue q = new CalendarQueue(16);
        long now = 0;
        for (int i = 0; i < 10; i++) {
            q.add(now + i, i, i);
        }
        for (int i = 10; i < 100_000; i++) {
            now = q.firstTime();
            q.removeFirst();
            q.add(now + 10, i, i);
        }
        assertEquals(16 * 4, ((long[]) field(q, "entries")).length, "10 held at once, in the initial 16 slots of 4 longs");
        assertEquals(10, q.size());
    }
}
