package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * The calendar queue against a sorted list, under interleaved adds and removals with a monotone clock, gaps from
 * microseconds to weeks (resizes, re-tuning, far-future entries, "direct search" years). Entries with even ids
 * are plain ({@link #add}: a kind and a payload), the others objects.
 */
class CalendarQueueProperties {

    record Entry(long time, long key, int id) {
    }

    @Property(tries = 300)
    void removesInTimeThenKeyOrder(@ForAll @Size(min = 1, max = 400) List<@LongRange(min = 0, max = 2_000_000) Long> gaps,
            @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 3) Integer> actions,
            @ForAll @IntRange(min = 0, max = 3) int scale) {
        CalendarQueue q = new CalendarQueue(4);
        List<Entry> model = new ArrayList<>();
        long now = 0;
        long seq = 0;
        int id = 0;
        long factor = new long[] {1, 1000, 1_000_000, 86_400_000_000L}[scale];
        Comparator<Entry> order = Comparator.comparingLong(Entry::time).thenComparingLong(Entry::key);
        for (int i = 0; i < Math.max(gaps.size(), actions.size()); i++) {
            long gap = gaps.get(i % gaps.size()) * (i % 7 == 0 ? factor : 1);
            int action = actions.get(i % actions.size());
            if (action < 3 || model.isEmpty()) {
                long t = now + gap % (3 * factor + 1);
                long key = ((long) (i % 4) << 44) | seq++;
                add(q, t, key, id);
                model.add(new Entry(t, key, id++));
            } else {
                model.sort(order);
                Entry expected = model.remove(0);
                assertFirst(q, expected);
                q.removeFirst();
                now = expected.time();
            }
            assertEquals(model.size(), q.size());
        }
        drain(q, model);
    }

    /** Adds entry {@code id}: plain (kind id % 3, payload id) when id is even, else the object {@code id}. */
    static void add(CalendarQueue q, long t, long key, int id) {
        if (id % 2 == 0) {
            q.add(t, key, id % 3, id);
        } else {
            q.add(t, key, id);
        }
    }

    /** The queue's first entry is {@code expected}, as {@link #add} added it. */
    static void assertFirst(CalendarQueue q, Entry expected) {
        int n = q.peek();
        assertEquals(expected.time(), q.time(n));
        assertEquals(expected.key(), q.key(n));
        assertEquals(expected.time(), q.firstTime());
        assertEquals(expected.key(), q.firstKey());
        if (expected.id() % 2 == 0) {
            assertEquals(expected.id() % 3, q.kind(n));
            assertEquals(expected.id(), q.payload(n));
            assertEquals(null, q.firstEvent());
        } else {
            assertEquals(CalendarQueue.OBJECT, q.kind(n));
            assertEquals(expected.id(), q.firstEvent());
        }
    }

    /** Removes everything left, checking that it comes out in order. */
    static void drain(CalendarQueue q, List<Entry> model) {
        model.sort(Comparator.comparingLong(Entry::time).thenComparingLong(Entry::key));
        for (Entry expected : model) {
            assertFirst(q, expected);
            q.removeFirst();
        }
        assertEquals(0, q.size());
    }
}
