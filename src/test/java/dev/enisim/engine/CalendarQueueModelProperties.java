package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The calendar queue against a sorted list when its first entry is looked at without being removed (the loop
 * does that whenever a source's occurrence goes first), entries are then added before it (the cached minimum
 * must give way), and, used directly, before the last removed entry (the scan must restart there).
 */
class CalendarQueueModelProperties {

    private static final Comparator<CalendarQueueProperties.Entry> ORDER = CalendarQueueProperties.ORDER;

    @Property(tries = 300)
    void peeksAddsAndEarlyEntriesKeepTheOrder(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int scale,
            @ForAll @IntRange(min = 0, max = 3) int earlyPercent) {
        SplittableRandom r = new SplittableRandom(seed);
        long spread = new long[] {4, 1000, 1_000_000, 86_400_000_000L}[scale];
        CalendarQueue q = new CalendarQueue(1);
        List<CalendarQueueProperties.Entry> model = new ArrayList<>();
        long last = 0;
        long seq = 0;
        int id = 0;
        for (int step = 0; step < 1500; step++) {
            int op = r.nextInt(10);
            if (op < 5 || model.isEmpty()) {
                long t = last + r.nextLong(spread);
                if (r.nextInt(100) < earlyPercent && last > 0) {
                    t = r.nextLong(last); // before the last removed entry
                }
                long key = ((long) r.nextInt(4) << 44) | seq++;
                CalendarQueueProperties.add(q, t, key, id);
                model.add(new CalendarQueueProperties.Entry(t, key, id++));
            } else {
                model.sort(ORDER);
                CalendarQueueProperties.Entry first = model.get(0);
                CalendarQueueProperties.assertFirst(q, first);
                if (op < 8) { // else only looked at
                    q.removeFirst();
                    model.remove(0);
                    last = first.time();
                }
            }
            assertEquals(model.size(), q.size());
        }
        CalendarQueueProperties.drain(q, model);
    }
}
