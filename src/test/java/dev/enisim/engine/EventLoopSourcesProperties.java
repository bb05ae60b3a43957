package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A source's occurrences are delivered exactly where the same events scheduled in the queue would be. */
class EventLoopSourcesProperties {

    record Ev(String name, int process) {
    }

    /**
     * Processes that reschedule themselves when they run (as sources in one loop, as queued events in the other)
     * among one-off events, with many ties in time and priority, run in slices of random length: both loops
     * deliver the same events at the same times in the same order.
     */
    @Property(tries = 300)
    void sourcesDeliverInTheSameOrderAsQueuedEvents(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 12) int processes, @ForAll @IntRange(min = 1, max = 30) int maxGap) {
        List<String> queued = run(seed, processes, maxGap, false);
        assertEquals(queued, run(seed, processes, maxGap, true));
        assertEquals(true, queued.size() > processes);
    }

    /** The same with more sources than the tree takes: their occurrences go through the calendar. */
    @Property(tries = 30)
    void manySourcesDeliverInTheSameOrderAsQueuedEvents(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int extra, @ForAll @IntRange(min = 1, max = 300) int maxGap) {
        int processes = EventLoop.TREE_SOURCES + extra;
        assertEquals(run(seed, processes, maxGap, false), run(seed, processes, maxGap, true));
    }

    /** As many sources as an account has functions, all in the calendar: the same order as queued events. */
    @Property(tries = 20)
    void accountSizedSourcesDeliverInTheSameOrderAsQueuedEvents(@ForAll long seed,
            @ForAll @IntRange(min = 200, max = 3000) int processes, @ForAll @IntRange(min = 1, max = 300) int maxGap) {
        assertEquals(run(seed, processes, maxGap, false), run(seed, processes, maxGap, true));
    }

    /**
     * The same with a quarter of the gaps up to 2^far microseconds: occurrences past the source tree's bound on
     * offsets (clamped, then played again by exact time), and its base moved to the clock as the clock advances.
     */
    @Property(tries = 200)
    void farOccurrencesDeliverInTheSameOrderAsQueuedEvents(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int processes, @ForAll @IntRange(min = 1, max = 30) int maxGap,
            @ForAll @IntRange(min = 20, max = 44) int far) {
        List<String> queued = run(seed, processes, maxGap, false, far);
        assertEquals(queued, run(seed, processes, maxGap, true, far));
    }

    private static List<String> run(long seed, int processes, int maxGap, boolean useSources) {
        return run(seed, processes, maxGap, useSources, 0);
    }

    private static List<String> run(long seed, int processes, int maxGap, boolean useSources, int far) {
        EventLoop<Ev> loop = new EventLoop<>(1);
        SplittableRandom r = new SplittableRandom(seed);
        int[] source = new int[processes];
        List<String> seen = new ArrayList<>();
        Runnable[] next = new Runnable[processes];
        for (int p = 0; p < processes; p++) {
            Ev e = new Ev("p" + p, p);
            int id = useSources ? loop.addSource(e) : -1;
            source[p] = id;
            next[p] = () -> {
                long at = loop.nowMicros() + (far > 0 && r.nextInt(4) == 0 ? r.nextLong(1L << far) : r.nextInt(maxGap));
                int priority = r.nextInt(3);
                if (useSources) {
                    loop.scheduleSource(id, at, priority);
                } else {
                    loop.schedule(at, priority, e);
                }
            };
            next[p].run();
        }
        for (int i = 0; i < 20; i++) {
            loop.schedule(r.nextInt(100), r.nextInt(3), new Ev("once" + i, -1));
        }
        EventLoop.Handler<Ev> handler = (e, now) -> {
            seen.add(e.name() + "@" + now);
            if (e.process() >= 0 && seen.size() < 400 + 2 * processes) {
                if (r.nextInt(4) == 0) {
                    loop.schedule(now + r.nextInt(maxGap), r.nextInt(3), new Ev("then" + seen.size(), -1));
                }
                next[e.process()].run();
            }
        };
        SplittableRandom slices = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (long t = 0; loop.pendingEvents() > 0; t += far > 0 ? slices.nextLong(1L << far) : slices.nextInt(40)) {
            loop.runUntil(t, handler);
        }
        return seen;
    }

    @Example
    void aPendingOccurrenceIsReplacedNotDuplicated() {
        EventLoop<Ev> loop = new EventLoop<>();
        int s = loop.addSource(new Ev("s", 0));
        loop.schedule(40, 0, new Ev("queued", -1));
        loop.scheduleSource(s, 50, 0);
        loop.scheduleSource(s, 30, 0);
        assertEquals(2, loop.pendingEvents());
        assertEquals(30, loop.nextEventMicros());
        List<String> seen = new ArrayList<>();
        loop.runUntil(35, (e, now) -> seen.add(e.name() + "@" + now));
        loop.scheduleSource(s, 45, 0);
        loop.scheduleSource(s, 70, 0);
        loop.runUntil(100, (e, now) -> seen.add(e.name() + "@" + now));
        assertEquals(List.of("s@30", "queued@40", "s@70"), seen);
        assertEquals(0, loop.pendingEvents());
    }

    /** Replacing in the calendar leaves a stale entry that is skipped, and counted nowhere. */
    @Example
    void aReplacedOccurrenceInTheCalendarIsSkipped() {
        EventLoop<Ev> loop = new EventLoop<>();
        int first = loop.addSource(new Ev("first", 0));
        loop.scheduleSource(first, 5, 0); // in the tree: few sources yet
        for (int i = 1; i <= EventLoop.TREE_SOURCES; i++) {
            loop.addSource(new Ev("s" + i, i));
        }
        loop.scheduleSource(first, 50, 0); // now many: moves to the calendar
        loop.scheduleSource(first, 30, 0); // replaces it there
        loop.scheduleSource(7, 40, 0);
        assertEquals(2, loop.pendingEvents());
        assertEquals(30, loop.nextEventMicros());
        List<String> seen = new ArrayList<>();
        loop.runUntil(100, (e, now) -> seen.add(e.name() + "@" + now));
        assertEquals(List.of("first@30", "s7@40"), seen);
        assertEquals(0, loop.pendingEvents());
        loop.scheduleSource(first, 120, 0);
        loop.scheduleSource(first, 110, 0);
        assertEquals(110, loop.nextEventMicros());
        loop.scheduleSource(first, 130, 0);
        assertEquals(130, loop.nextEventMicros()); // the stale heads (110, 120) are skipped
        assertEquals(1, loop.pendingEvents());
    }

    @Example
    void sourcesRejectThePastAndUnknownIds() {
        EventLoop<Ev> loop = new EventLoop<>();
        int s = loop.addSource(new Ev("s", 0));
        loop.scheduleSource(s, 10, 0);
        loop.runUntil(20, (e, now) -> { });
        assertThrows(IllegalArgumentException.class, () -> loop.scheduleSource(s, 19, 0));
        assertThrows(IllegalArgumentException.class, () -> loop.scheduleSource(s + 1, 30, 0));
        assertThrows(IllegalArgumentException.class, () -> loop.scheduleSource(s, 30, -1));
        assertThrows(NullPointerException.class, () -> loop.addSource(null));
    }

    /** The very first key (priority 0, sequence 0) is a key like any other when its occurrence is replaced. */
    @Example
    void replacingTheFirstKeyInTheCalendarLeavesOneOccurrence() {
        EventLoop<Ev> loop = new EventLoop<>();
        for (int i = 0; i <= EventLoop.TREE_SOURCES; i++) {
            loop.addSource(new Ev("s" + i, i));
        }
        loop.scheduleSource(0, 10, 0); // the loop's first key: 0
        loop.scheduleSource(0, 20, 0);
        assertEquals(1, loop.pendingEvents());
        List<String> seen = new ArrayList<>();
        assertEquals(1, loop.runUntil(100, (e, now) -> seen.add(e.name() + "@" + now)));
        assertEquals(List.of("s0@20"), seen);
        assertEquals(0, loop.pendingEvents());
    }

    /** An event at the last representable time, with no source at all, is still an event. */
    @Example
    void anEventAtTheEndOfTimeIsDelivered() {
        EventLoop<Ev> loop = new EventLoop<>();
        loop.schedule(Long.MAX_VALUE, 0, new Ev("last", -1));
        List<String> seen = new ArrayList<>();
        assertEquals(1, loop.runUntil(Long.MAX_VALUE, (e, now) -> seen.add(e.name())));
        assertEquals(List.of("last"), seen);
    }
}
