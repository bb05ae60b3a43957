package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The loop against a reference written the slow, obvious way (a list searched for its least (time, priority,
 * sequence) entry, a source's replaced occurrence dropped): handlers schedule events and set or replace the
 * occurrences of any source (their own or others, earlier or later), sources are added while others are pending
 * (crossing {@link EventLoop#TREE_SOURCES}, so pending occurrences move from the tree to the calendar), and the
 * loop runs in slices. Events are objects or plain events (a kind and a payload, no object), interleaved; sources'
 * occurrences come to the handler as their objects or, with a {@link EventLoop.SourceHandler}, by source id. Both
 * deliver the same events at the same times; pending counts, the next event's time,
 * each slice's delivered count and the clock agree at every step.
 */
class EventLoopModelProperties {

    record Ev(int id, int source) {
    }

    /** One pending entry of the reference: an event, or a source's occurrence. */
    record Entry(long at, int priority, long seq, Ev event) {
    }

    /** The reference loop. */
    static final class Reference {
        final List<Entry> events = new ArrayList<>();
        final List<Entry> sourceNext = new ArrayList<>(); // per source: its pending occurrence, or null
        final List<Ev> sourceEvents = new ArrayList<>();
        long seq;
        long now;

        void schedule(long at, int priority, Ev e) {
            events.add(new Entry(at, priority, seq++, e));
        }

        int addSource(Ev e) {
            sourceEvents.add(e);
            sourceNext.add(null);
            return sourceEvents.size() - 1;
        }

        void scheduleSource(int s, long at, int priority) {
            sourceNext.set(s, new Entry(at, priority, seq++, sourceEvents.get(s)));
        }

        int pending() {
            int n = events.size();
            for (Entry e : sourceNext) {
                n += e == null ? 0 : 1;
            }
            return n;
        }

        /** The least entry, or null: its index among events, or -1 - source. */
        int first() {
            int best = Integer.MIN_VALUE;
            Entry b = null;
            for (int i = 0; i < events.size(); i++) {
                if (b == null || before(events.get(i), b)) {
                    b = events.get(i);
                    best = i;
                }
            }
            for (int s = 0; s < sourceNext.size(); s++) {
                Entry e = sourceNext.get(s);
                if (e != null && (b == null || before(e, b))) {
                    b = e;
                    best = -1 - s;
                }
            }
            return best;
        }

        Entry entry(int first) {
            return first >= 0 ? events.get(first) : sourceNext.get(-1 - first);
        }

        Entry take(int first) {
            return first >= 0 ? events.remove(first) : sourceNext.set(-1 - first, null);
        }

        long nextEventMicros() {
            int f = first();
            return f == Integer.MIN_VALUE ? Long.MAX_VALUE : entry(f).at();
        }

        private static boolean before(Entry a, Entry b) {
            return a.at() < b.at() || (a.at() == b.at() && (a.priority() < b.priority()
                    || (a.priority() == b.priority() && a.seq() < b.seq())));
        }
    }

    private static final int[] PRIORITIES = {0, 1, 2, EventLoop.MAX_PRIORITY};
    /** The source of a plain event's {@link Ev}: none, and not an object's either. */
    private static final int PLAIN = -2;

    @Property(tries = 150)
    void deliversWhatTheReferenceDelivers(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20) int initialSources,
            @ForAll @IntRange(min = 0, max = 220) int laterSources, @ForAll @IntRange(min = 1, max = 50) int spread,
            @ForAll boolean bySourceId, @ForAll boolean nearTheTreesLimit) {
        // near the limit, the run starts a few sources under TREE_SOURCES and the sources it adds cross it
        int initial = nearTheTreesLimit ? EventLoop.TREE_SOURCES - 20 + initialSources : initialSources;
        deliverAsTheReference(seed, initial, laterSources, spread, bySourceId);
    }

    /**
     * Sources added while others are pending carry the loop past {@link EventLoop#TREE_SOURCES}: the property above
     * reaches it only from near the limit (a handler adds a source in about one action of eight, some 75 in a run),
     * so this run is checked to cross it, by each way of delivering sources.
     */
    @Example
    void sourcesAddedWhileOthersArePendingCrossTheTreesLimit() {
        for (boolean bySourceId : new boolean[] {false, true}) {
            int sources = deliverAsTheReference(42, EventLoop.TREE_SOURCES - 10, 200, 20, bySourceId);
            assertTrue(sources > EventLoop.TREE_SOURCES + 20, "sources at the end: " + sources);
        }
    }

    /** Runs the loop against the reference; returns the number of sources at the end. */
    private static int deliverAsTheReference(long seed, int initialSources, int laterSources, int spread,
            boolean bySourceId) {
        SplittableRandom r = new SplittableRandom(seed);
        EventLoop<Ev> loop = new EventLoop<>(1);
        Reference ref = new Reference();
        List<Ev> seen = new ArrayList<>();
        List<Ev> expected = new ArrayList<>();
        int[] ids = {0};
        List<Integer> sources = new ArrayList<>();
        Runnable addSource = () -> {
            Ev e = new Ev(ids[0]++, sources.size());
            int id = loop.addSource(e);
            assertEquals(id, ref.addSource(e));
            sources.add(id);
        };
        for (int i = 0; i < initialSources; i++) {
            addSource.run();
        }
        // what a handler (or the test between slices) does: a few random actions
        Runnable act = () -> {
            int actions = r.nextInt(3);
            for (int a = 0; a < actions; a++) {
                long at = loop.nowMicros() + r.nextInt(spread);
                int priority = PRIORITIES[r.nextInt(PRIORITIES.length)];
                int choice = r.nextInt(8);
                if (choice < 2) {
                    Ev e = new Ev(ids[0]++, -1);
                    loop.schedule(at, priority, e);
                    ref.schedule(at, priority, e);
                } else if (choice < 4) {
                    Ev e = new Ev(ids[0]++, PLAIN);
                    loop.schedule(at, priority, e.id() % 3, (long) e.id() << 20);
                    ref.schedule(at, priority, e);
                } else if (choice < 7 || sources.size() >= initialSources + laterSources) {
                    int s = sources.get(r.nextInt(sources.size()));
                    loop.scheduleSource(s, at, priority);
                    ref.scheduleSource(s, at, priority);
                } else {
                    addSource.run();
                }
            }
        };
        for (int i = 0; i < 2 * initialSources; i++) {
            act.run();
        }
        long[] end = {0};
        EventLoop.Handler<Ev> checked = (e, now) -> {
            assertEquals(true, now <= end[0], "delivered at " + now + " in a slice ending at " + end[0]);
            int f = ref.first();
            Entry want = ref.take(f);
            assertEquals(want.event(), e, "event at " + now);
            assertEquals(want.at(), now);
            ref.now = now;
            seen.add(e);
            expected.add(want.event());
            assertEquals(ref.pending(), loop.pendingEvents(), "pending while handling " + e);
            if (seen.size() < 600) {
                act.run();
            }
        };
        loop.setPlainHandler((kind, payload, now) -> {
            assertEquals(0, payload & ((1 << 20) - 1), "payload " + payload);
            Ev e = new Ev((int) (payload >> 20), PLAIN);
            assertEquals(e.id() % 3, kind, "kind of plain event " + e.id());
            checked.handle(e, now);
        });
        EventLoop.Handler<Ev> handler = checked;
        if (bySourceId) {
            // the source's id names its event: the handler must never see a source's object then
            EventLoop.Handler<Ev> objects = handler;
            loop.setSourceHandler((source, now) -> objects.handle(ref.sourceEvents.get(source), now));
            handler = (e, now) -> {
                assertEquals(-1, e.source(), "a source's occurrence came as its object: " + e);
                objects.handle(e, now);
            };
        }
        long t = 0;
        for (int slice = 0; slice < 400 && ref.pending() > 0; slice++) {
            t += r.nextInt(2 * spread);
            end[0] = t;
            int before = seen.size();
            long delivered = loop.runUntil(t, handler);
            assertEquals(seen.size() - before, delivered, "delivered by this slice");
            assertEquals(t, loop.nowMicros(), "the clock at the slice's end");
            assertEquals(ref.pending(), loop.pendingEvents());
            assertEquals(ref.nextEventMicros(), loop.nextEventMicros());
            assertEquals(seen.size(), loop.deliveredEvents());
            if (r.nextInt(4) == 0) {
                ref.now = t;
                act.run(); // between slices too, at the slice's end
                assertEquals(ref.pending(), loop.pendingEvents());
                assertEquals(ref.nextEventMicros(), loop.nextEventMicros());
            }
        }
        assertEquals(expected, seen);
        return sources.size();
    }
}
