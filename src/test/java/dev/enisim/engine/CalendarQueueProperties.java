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
 * microseconds to weeks (resizes, re-tuning, far-future entries, "direct search" years).
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
                q.add(t, key, id);
                model.add(new Entry(t, key, id++));
            } else {
                model.sort(order);
                Entry expected = model.remove(0);
                assertEquals(expected.time(), q.firstTime());
                assertEquals(expected.key(), q.firstKey());
                assertEquals(expected.id(), q.firstEvent());
                q.removeFirst();
                now = expected.time();
            }
            assertEquals(model.size(), q.size());
        }
        drain(q, model);
    }

    /** Removes everything left, checking that it comes out in order. */
    static void drain(CalendarQueue q, List<Entry> model) {
        model.sort(Comparator.comparingLong(Entry::time).thenComparingLong(Entry::key));
        for (Entry expected : model) {
            assertEquals(expected.time(), q.firstTime());
            assertEquals(expected.id(), q.firstEvent());
            q.removeFirst();
        }
        assertEquals(0, q.size());
    }
}
