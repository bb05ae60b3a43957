package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link CalendarQueue#peekSecond}, the hint for reading two events ahead, against a sorted set: after a
 * {@link CalendarQueue#peek} it is the second entry or {@link CalendarQueue#NIL}, never another entry; it changes
 * nothing (the queue keeps its order whatever is looked at); and it finds the second entry whenever that is in the
 * first's bucket's day or within {@link CalendarQueue#SECOND_SCAN} days after it, with or without the far tier.
 */
class CalendarQueueSecondProperties {

    private static final Comparator<CalendarQueueProperties.Entry> ORDER = Comparator.comparingLong(
            CalendarQueueProperties.Entry::time).thenComparingLong(CalendarQueueProperties.Entry::key);

    @Property(tries = 300)
    void theSecondIsTheModelsSecondOrNone(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int farOn,
            @ForAll @IntRange(min = 0, max = 3) int scale, @ForAll @IntRange(min = 20, max = 800) int steps) {
        SplittableRandom r = new SplittableRandom(seed);
        long spread = new long[] {1, 16, 1000, 1_000_000}[scale];
        CalendarQueue q = new CalendarQueue(1, farOn);
        TreeSet<CalendarQueueProperties.Entry> model = new TreeSet<>(ORDER);
        long last = 0;
        long seq = 0;
        int id = 0;
        int found = 0;
        int near = 0;
        for (int step = 0; step < steps; step++) {
            if (r.nextInt(100) < 55 || model.isEmpty()) {
                int burst = r.nextInt(6) == 0 ? 1 + r.nextInt(8) : 1;
                long t = r.nextInt(8) == 0 ? last + spread * (10 + r.nextInt(500)) : last + r.nextLong(4 * spread + 1);
                for (int j = 0; j < burst; j++) {
                    long key = ((long) r.nextInt(3) << 44) | seq++;
                    CalendarQueueProperties.add(q, t, key, id);
                    model.add(new CalendarQueueProperties.Entry(t, key, id++));
                }
            } else {
                CalendarQueueProperties.assertFirst(q, model.first());
                int second = q.peekSecond();
                if (model.size() < 2) {
                    assertEquals(CalendarQueue.NIL, second, "no second entry");
                } else {
                    Iterator<CalendarQueueProperties.Entry> it = model.iterator();
                    CalendarQueueProperties.Entry first = it.next();
                    CalendarQueueProperties.Entry expected = it.next();
                    if (second != CalendarQueue.NIL) {
                        assertEquals(expected.time(), q.time(second), "the second's time");
                        assertEquals(expected.key(), q.key(second), "the second's key");
                        found++;
                    }
                    if (expected.time() - first.time() < width(q)) {
                        near++;
                    }
                }
                if (r.nextInt(4) > 0) {
                    CalendarQueueProperties.Entry first = model.pollFirst();
                    q.removeFirst();
                    last = first.time();
                }
            }
            assertEquals(model.size(), q.size());
        }
        assertTrue(found >= near / 2, "the second is found in most of the cases it is near: " + found + " of " + near);
        while (!model.isEmpty()) {
            CalendarQueueProperties.assertFirst(q, model.pollFirst());
            q.peekSecond();
            q.removeFirst();
        }
        assertEquals(0, q.size());
    }

    /** The second in the first's own bucket and day: the first's next link. */
    @Example
    void theSecondInTheSameDay() {
        CalendarQueue q = new CalendarQueue(16);
        q.add(100, 2, 7, 70L);
        q.add(100, 1, 6, 60L);
        q.add(100, 3, 8, 80L);
        int first = q.peek();
        assertEquals(60L, q.payload(first));
        assertEquals(70L, q.payload(q.peekSecond()));
        assertEquals(first, q.peek(), "looking changes nothing");
    }

    /**
     * The second within the days the scan covers (the first's next bucket, or up to {@link CalendarQueue#SECOND_SCAN}
     * days on) is found; one day further is not ({@link CalendarQueue#NIL}); an empty queue or a lone entry has none.
     */
    @Example
    void theSecondWithinTheScanAndBeyond() {
        assertEquals(CalendarQueue.NIL, new CalendarQueue(16).peekSecond(), "nothing peeked: none");
        for (int days = 1; days <= CalendarQueue.SECOND_SCAN + 1; days++) {
            CalendarQueue q = new CalendarQueue(16);
            q.add(0, 0, 1, 10L);
            q.peek();
            assertEquals(CalendarQueue.NIL, q.peekSecond(), "a lone entry");
            long w = width(q);
            q.add(days * w, 1, 2, 20L);
            assertEquals(10L, q.payload(q.peek()));
            int second = q.peekSecond();
            if (days <= CalendarQueue.SECOND_SCAN) {
                assertEquals(20L, q.payload(second), days + " days on");
            } else {
                assertEquals(CalendarQueue.NIL, second, days + " days on: past the scan");
            }
            q.removeFirst();
            assertEquals(20L, q.payload(q.peek()), "the order is kept");
        }
    }

    /**
     * The first's bucket holding a later year's entry after it (the same bucket, a year on) while the second is in
     * the next day: the next link is not the second, the scan's is.
     */
    @Example
    void aLaterYearInTheSameBucketIsNotTheSecond() {
        CalendarQueue q = new CalendarQueue(16);
        q.add(0, 0, 1, 10L);
        long w = width(q);
        long year = w * (mask(q) + 1);
        q.add(year, 1, 3, 30L);
        q.add(w, 2, 2, 20L);
        assertEquals(10L, q.payload(q.peek()));
        assertEquals(20L, q.payload(q.peekSecond()));
    }

    private static long width(CalendarQueue q) {
        return (long) CalendarQueueShapeTest.field(q, "width");
    }

    private static int mask(CalendarQueue q) {
        return (int) CalendarQueueShapeTest.field(q, "mask");
    }
}
