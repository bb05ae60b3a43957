package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * With the far tier on, the buckets hold only the entries up to {@code nearEnd} (a slot's), and their number
 * follows those, not all the entries (eighteenth pass): the tier starts with at most {@link
 * CalendarQueue#FAR_BUCKETS} buckets, and they double when the entries in them fill more than half. A steady
 * population of thousands to tens of thousands churns through the tier (each removal followed by an add from a
 * second to weeks ahead, ties and bursts at the current time among them), checked against a {@link TreeSet} of
 * (time, key) at every removal, the buckets' self-check now and then, and after every add: the buckets at most
 * half full of near entries, and no more of them than the tier's start or four per near entry seen (a count that
 * followed all the entries would be two to four per entry: 65,536 buckets for 20,000).
 */
class CalendarQueueFarBucketsProperties {

    private static final Comparator<CalendarQueueProperties.Entry> ORDER = CalendarQueueProperties.ORDER;

    private static int buckets(CalendarQueue q) {
        return ((long[]) CalendarQueueShapeTest.field(q, "heads")).length / 2;
    }

    private static int nearSize(CalendarQueue q) {
        return (int) CalendarQueueShapeTest.field(q, "nearSize");
    }

    private static boolean tierOn(CalendarQueue q) {
        return (long) CalendarQueueShapeTest.field(q, "nearEnd") != Long.MAX_VALUE;
    }

    @Property(tries = 8)
    void withTheTierOnTheBucketsFollowTheNearEntries(@ForAll @IntRange(min = 0, max = 2) int farOnChoice,
            @ForAll @IntRange(min = 2, max = 5) int populationPerFarOn, @ForAll long seed) {
        int farOn = new int[] {512, 1_024, 4_096}[farOnChoice];
        int population = populationPerFarOn * farOn;
        CalendarQueue q = new CalendarQueue(16, farOn);
        TreeSet<CalendarQueueProperties.Entry> model = new TreeSet<>(ORDER);
        SplittableRandom r = new SplittableRandom(seed);
        long[] seq = {0};
        int[] id = {0};
        long spread = 2_000_000; // a second ahead on average, as many-functions' next arrivals
        int maxNear = 0;
        for (int i = 0; i < population; i++) {
            add(q, model, r.nextLong(spread), r, seq, id);
            assertTrue(2 * nearSize(q) <= buckets(q), nearSize(q) + " near entries, " + buckets(q) + " buckets");
        }
        assertTrue(tierOn(q), population + " entries: the tier is on");
        assertTrue(buckets(q) <= CalendarQueue.FAR_BUCKETS || buckets(q) <= 4 * nearSize(q),
                buckets(q) + " buckets at the tier's start, " + nearSize(q) + " near entries");
        int startBuckets = buckets(q);
        for (int i = 0; i < 10 * population; i++) {
            CalendarQueueProperties.Entry first = model.pollFirst();
            CalendarQueueProperties.assertFirst(q, first);
            maxNear = Math.max(maxNear, nearSize(q)); // after the peek's pour, if one
            q.removeFirst();
            long now = first.time();
            int what = r.nextInt(100);
            long t = what < 3 ? now                                   // at the current time
                    : what < 5 ? now + r.nextLong(1 << 20) * 1_000_000L // up to weeks ahead: the overflow
                    : now + r.nextLong(spread);
            add(q, model, t, r, seq, id);
            if (what == 0) {
                for (int b = 0; b < 20; b++) {
                    add(q, model, now, r, seq, id); // a burst at the current time
                }
            }
            assertTrue(2 * nearSize(q) <= buckets(q), nearSize(q) + " near entries, " + buckets(q) + " buckets");
            assertTrue(buckets(q) <= Math.max(startBuckets, 4 * Math.max(maxNear, nearSize(q))),
                    buckets(q) + " buckets, at most " + maxNear + " near entries seen");
            if (i % 997 == 0) {
                q.checkBuckets();
            }
            assertEquals(model.size(), q.size());
        }
        assertTrue(tierOn(q));
        while (!model.isEmpty()) {
            CalendarQueueProperties.assertFirst(q, model.pollFirst());
            q.removeFirst();
        }
        assertEquals(0, q.size());
    }

    private static void add(CalendarQueue q, TreeSet<CalendarQueueProperties.Entry> model, long t,
            SplittableRandom r, long[] seq, int[] id) {
        long key = ((long) r.nextInt(2) << 44) | seq[0]++;
        CalendarQueueProperties.add(q, t, key, id[0]);
        model.add(new CalendarQueueProperties.Entry(t, key, id[0]++));
    }
}
