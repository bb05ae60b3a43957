package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The run (nineteenth pass): with the far tier on, a slot is poured into a sorted run (a counting sort on the time's
 * top bits, then an insertion sort) that is taken in order beside the buckets, which hold only what is added into
 * the slot being taken. Against a {@link TreeSet} of (time, key): a churning population with the tier on, whose adds
 * land in the run's own slot (into the buckets, between the run's entries and at their very times), at the current
 * time, a second ahead and weeks ahead; keys whose priorities (their top bits) order entries of one time apart from
 * the order they were added in; many entries of one time (one part of the counting sort); plain and object entries.
 * At every removal the first entry as the model's, the buckets' and the run's self-check ({@link
 * CalendarQueue#checkBuckets}: the run in order, the cached firsts), and now and then a walk of {@link
 * CalendarQueue#after} from the first: each step the model's next or {@link CalendarQueue#NIL}. Then the population
 * drained below a quarter of the tier's start (the tier stops with a run part taken: its rest goes into the buckets),
 * in order, and no event object held.
 */
class CalendarQueueRunProperties {

    private static final Comparator<CalendarQueueProperties.Entry> ORDER = CalendarQueueProperties.ORDER;

    @Property(tries = 40)
    void theRunAndTheBucketsGiveTheModelsOrder(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int farOnChoice,
            @ForAll @IntRange(min = 0, max = 3) int spreadChoice, @ForAll @IntRange(min = 0, max = 2) int tieChoice) {
        int farOn = new int[] {64, 256, 512, 1_024}[farOnChoice];
        long spread = new long[] {1_000, 100_000, 2_000_000, 1L << 40}[spreadChoice];
        int ties = new int[] {0, 10, 40}[tieChoice]; // per cent of adds at the time of an entry already queued
        SplittableRandom r = new SplittableRandom(seed);
        CalendarQueue q = new CalendarQueue(1, farOn);
        TreeSet<CalendarQueueProperties.Entry> model = new TreeSet<>(ORDER);
        List<Long> times = new ArrayList<>();
        long[] seq = {0};
        int[] id = {0};
        int population = 3 * farOn;
        long now = 0;
        while (model.size() < population) {
            add(q, model, times, r.nextLong(spread), r, seq, id);
        }
        assertTrue(tierOn(q), population + " entries: the tier is on");
        int runsSeen = 0;
        // at least 8 times the population's removals, and on while the run has given fewer than the population (ties
        // and adds at the current time make the clock crawl: the first pour may come late)
        for (int i = 0; i < 8 * population || (runsSeen < population && i < 64 * population); i++) {
            CalendarQueueProperties.Entry first = model.pollFirst();
            CalendarQueueProperties.assertFirst(q, first);
            if (runLeft(q) > 0) {
                runsSeen++;
            }
            if (i % 7 == 0) {
                walk(q, model, first, r);
            }
            q.removeFirst();
            if (i % 13 == 0) {
                q.checkBuckets();
            }
            now = first.time();
            int adds = r.nextInt(10) == 0 ? 2 + r.nextInt(5) : 1;
            for (int a = 0; a < adds; a++) {
                int what = r.nextInt(100);
                long t;
                if (what < ties && !times.isEmpty()) {
                    // at the time of an entry added before (if not past): ties with the run's entries among them
                    t = Math.max(now, times.get(r.nextInt(times.size())));
                } else if (what < ties + 10) {
                    t = now; // at the current time
                } else if (what < ties + 40) {
                    t = now + r.nextLong(Math.max(1, spread / 64)); // soon: into the slot being taken, often
                } else if (what < ties + 43) {
                    t = now + r.nextLong(1 << 20) * 1_000_000L; // weeks ahead: the overflow
                } else {
                    t = now + r.nextLong(spread);
                }
                add(q, model, times, t, r, seq, id);
            }
            if (i % 13 == 0) {
                q.checkBuckets();
            }
            assertEquals(model.size(), q.size());
            if (times.size() > 4 * population) {
                times.subList(0, times.size() - population).clear();
            }
        }
        assertTrue(runsSeen > 0, "the run was taken from: farOn " + farOn + ", spread " + spread + ", ties " + ties);
        // drained: the tier stops below a quarter of farOn, with what is left of the run going into the buckets
        while (!model.isEmpty()) {
            CalendarQueueProperties.Entry first = model.pollFirst();
            CalendarQueueProperties.assertFirst(q, first);
            if (model.size() % 5 == 0) {
                walk(q, model, first, r);
            }
            q.removeFirst();
            q.checkBuckets();
        }
        assertEquals(0, q.size());
        assertTrue(!tierOn(q), "the tier stopped");
        for (String name : new String[] {"events", "recordEvents"}) {
            Object[] held = (Object[]) CalendarQueueShapeTest.field(q, name);
            if (held != null) {
                for (Object o : held) {
                    assertEquals(null, o, name + " holds an event taken");
                }
            }
        }
    }

    /** A slot of entries all at one time but for their keys (one part of the counting sort), taken in key order. */
    @Example
    void aSlotAtOneTimeComesOutInKeyOrder() {
        CalendarQueue q = new CalendarQueue(1, 64);
        TreeSet<CalendarQueueProperties.Entry> model = new TreeSet<>(ORDER);
        SplittableRandom r = new SplittableRandom(19);
        int id = 0;
        for (int i = 0; i < 300; i++) {
            long key = ((long) r.nextInt(4) << 44) | (1_000 - i); // keys falling as they are added
            long t = i < 100 ? i : 1_000_000;
            CalendarQueueProperties.add(q, t, key, id);
            model.add(new CalendarQueueProperties.Entry(t, key, id++));
        }
        assertTrue(tierOn(q));
        while (!model.isEmpty()) {
            CalendarQueueProperties.assertFirst(q, model.pollFirst());
            q.removeFirst();
            q.checkBuckets();
        }
    }

    /** Walks {@link CalendarQueue#after} from the first entry: each step the model's next, or NIL. */
    private static void walk(CalendarQueue q, TreeSet<CalendarQueueProperties.Entry> model,
            CalendarQueueProperties.Entry first, SplittableRandom r) {
        int m = q.peek();
        Iterator<CalendarQueueProperties.Entry> it = model.iterator(); // after first (already polled)
        int steps = 1 + r.nextInt(8);
        for (int s = 0; s < steps; s++) {
            int next = q.after(m);
            if (!it.hasNext()) {
                assertEquals(CalendarQueue.NIL, next, "nothing after the last entry");
                return;
            }
            CalendarQueueProperties.Entry expected = it.next();
            if (next == CalendarQueue.NIL) {
                return;
            }
            assertEquals(expected.time(), q.time(next), "the next entry's time");
            assertEquals(expected.key(), q.key(next), "the next entry's key");
            m = next;
        }
        assertEquals(first.time(), q.firstTime(), "walking changes nothing");
    }

    private static void add(CalendarQueue q, TreeSet<CalendarQueueProperties.Entry> model, List<Long> times, long t,
            SplittableRandom r, long[] seq, int[] id) {
        long key = ((long) r.nextInt(3) << 44) | seq[0]++;
        CalendarQueueProperties.add(q, t, key, id[0]);
        model.add(new CalendarQueueProperties.Entry(t, key, id[0]++));
        times.add(t);
    }

    /**
     * A queue (far tier from 4 entries) whose first slot, [512, 1023] us, has just been poured into a run of the given
     * (time, key) pairs, all in that slot, in any order: entries at 0, 1, 2, ... and the run's fill the 16 buckets past
     * half at the ninth add, whose resize starts the tier (no removal yet: days of 2 us, 32 buckets, a year of 64 us;
     * slots of 512 us from 512); those near entries taken, the peek pours the slot. The run is then entries 0 to
     * {@code run.length - 1} (the run's places, in order), the buckets are empty and the scan is at 512. Plain
     * entries: kind 1, payload the time. The state is checked here, so that a test built on it cannot pass on another.
     */
    static CalendarQueue pouredRun(long[]... run) {
        CalendarQueue q = new CalendarQueue(16, 4);
        int near = Math.max(4, 9 - run.length);
        for (int i = 0; i < near; i++) {
            q.add(i, i, 1, i);
        }
        for (long[] e : run) {
            q.add(e[0], e[1], 1, e[0]);
        }
        for (int i = 0; i < near; i++) {
            assertEquals(i, q.firstTime());
            q.removeFirst();
        }
        q.peek(); // the buckets are empty: the slot is poured
        assertEquals(1023L, (long) CalendarQueueShapeTest.field(q, "nearEnd"), "the first slot's end");
        assertEquals(2L, (long) CalendarQueueShapeTest.field(q, "width"), "days of 2 us");
        assertEquals(31, (int) CalendarQueueShapeTest.field(q, "mask"), "32 buckets");
        assertEquals(0, (int) CalendarQueueShapeTest.field(q, "nearSize"), "the buckets empty");
        assertEquals(0, (int) CalendarQueueShapeTest.field(q, "runPos"));
        assertEquals(run.length, (int) CalendarQueueShapeTest.field(q, "runEnd"), "the slot poured into the run");
        q.checkBuckets();
        return q;
    }

    private static boolean tierOn(CalendarQueue q) {
        return (long) CalendarQueueShapeTest.field(q, "nearEnd") != Long.MAX_VALUE;
    }

    private static int runLeft(CalendarQueue q) {
        return (int) CalendarQueueShapeTest.field(q, "runEnd") - (int) CalendarQueueShapeTest.field(q, "runPos");
    }
}
