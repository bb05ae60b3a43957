package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The event loop's contract at its edges (its Javadoc): an occurrence at exactly the end of a run is delivered, a
 * source may be given an occurrence now but never in the past, in the source tree and in the calendar alike; and the
 * calendar's documented sizing rule at its thresholds (doubled when more than half full, halved when under a
 * sixteenth).
 */
class EngineEdgesTest {

    /**
     * Sources beyond this many are queued in the calendar rather than the tree: both paths are checked, and the
     * tree full to the threshold.
     */
    private static final int[] SOURCE_COUNTS = {1, EventLoop.TREE_SOURCES, EventLoop.TREE_SOURCES + 1};

    private static List<String> log(EventLoop<String> loop, long end) {
        List<String> seen = new ArrayList<>();
        loop.runUntil(end, (e, now) -> seen.add(e + "@" + now));
        return seen;
    }

    @Test
    void anOccurrenceAtExactlyTheEndIsDelivered() {
        for (int n : SOURCE_COUNTS) {
            EventLoop<String> loop = new EventLoop<>();
            int last = -1;
            for (int i = 0; i < n; i++) {
                last = loop.addSource("s" + i);
            }
            loop.scheduleSource(last, 100, 0);
            assertEquals(List.of("s" + last + "@100"), log(loop, 100), n + " sources");
            assertEquals(100, loop.nowMicros());
            assertEquals(List.of(), log(loop, 100), "delivered once");
        }
    }

    @Test
    void plainEventsAreCheckedAsObjectsAreAndNeedTheirHandler() {
        EventLoop<String> loop = new EventLoop<>();
        loop.schedule(10, 0, 7, 42L);
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> log(loop, 10));
        assertEquals("a plain event of kind 7 is due and no plain handler is set", none.getMessage());
        List<String> seen = new ArrayList<>();
        loop.setPlainHandler((kind, payload, now) -> seen.add(kind + ":" + payload + "@" + now));
        loop.schedule(20, 1, 0, -1L);
        loop.schedule(20, 0, "e");
        loop.schedule(20, 1, EventLoop.MAX_KIND, Long.MIN_VALUE);
        assertEquals(List.of("e@20"), log(loop, 20));
        assertEquals(List.of("0:-1@20", EventLoop.MAX_KIND + ":" + Long.MIN_VALUE + "@20"), seen,
                "after the object of a lower priority, in the order scheduled");
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                () -> loop.schedule(19, 0, 1, 5L));
        assertEquals("cannot schedule in the past: event of kind 1 (5) at 19 us, now 20 us", past.getMessage());
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> loop.schedule(30, 0, -1, 5L));
        assertEquals("kind out of range 0.." + EventLoop.MAX_KIND + ": -1", kind.getMessage());
        assertThrows(IllegalArgumentException.class, () -> loop.schedule(30, -1, 1, 5L), "priority out of range");
        assertEquals(0, loop.pendingEvents(), "nothing was scheduled");
    }

    @Test
    void theObserverSeesPlainEventsAndEventsAtTheEndOfTime() {
        EventLoop<String> loop = new EventLoop<>();
        List<String> seen = new ArrayList<>();
        loop.setObserver(new EventLoop.Observer<>() {
            @Override
            public void beforeEvent(String event, long now) {
                seen.add("saw " + event + "@" + now);
            }

            @Override
            public void beforePlainEvent(int kind, long payload, long now) {
                seen.add("saw " + kind + ":" + payload + "@" + now);
            }
        });
        loop.setPlainHandler((kind, payload, now) -> seen.add(kind + ":" + payload + "@" + now));
        // the last representable instant, into empty buckets and tied there: ordered by priority, then sequence
        loop.schedule(Long.MAX_VALUE, 2, 3, 30L);
        loop.schedule(Long.MAX_VALUE, 1, "late");
        loop.schedule(Long.MAX_VALUE, 2, 4, 40L);
        loop.schedule(5, 0, 1, 10L);
        loop.scheduleSource(loop.addSource("source"), 7, 0);
        loop.runUntil(Long.MAX_VALUE, (e, now) -> seen.add(e + "@" + now));
        long end = Long.MAX_VALUE;
        assertEquals(List.of("saw 1:10@5", "1:10@5", "saw source@7", "source@7", "saw late@" + end, "late@" + end,
                "saw 3:30@" + end, "3:30@" + end, "saw 4:40@" + end, "4:40@" + end), seen);
    }

    @Test
    void aSourceMayOccurNowButNotInThePast() {
        for (int n : SOURCE_COUNTS) {
            EventLoop<String> loop = new EventLoop<>();
            for (int i = 0; i < n; i++) {
                loop.addSource("s" + i);
            }
            loop.schedule(50, 0, "e");
            assertEquals(List.of("e@50"), log(loop, 50));
            loop.scheduleSource(0, 50, 0);
            assertEquals(List.of("s0@50"), log(loop, 60), n + " sources: an occurrence at the current time");
            assertEquals(60, loop.nowMicros());
            IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                    () -> loop.scheduleSource(0, 59, 0));
            assertEquals("cannot schedule in the past: source 0 (s0) at 59 us, now 60 us", past.getMessage());
            assertEquals(List.of(), log(loop, 1_000), "nothing was scheduled");
            assertThrows(IllegalArgumentException.class, () -> loop.scheduleSource(n, 2_000, 0), "no such source");
            assertThrows(IllegalArgumentException.class, () -> loop.scheduleSource(-1, 2_000, 0), "no such source");
        }
    }

    /**
     * With a source handler, a source's occurrence comes by id and never as its object to the event handler; the
     * observer still sees the object. In the tree and in the calendar alike, and for occurrences set while the
     * sources fitted the tree and delivered after they outgrew it (same order as before).
     */
    @Test
    void aSourceHandlerTakesOccurrencesByIdAndTheObserverStillSeesTheObject() {
        for (int n : new int[] {2, EventLoop.TREE_SOURCES + 1}) {
            EventLoop<String> loop = new EventLoop<>();
            List<String> seen = new ArrayList<>();
            loop.setObserver((e, now) -> seen.add("saw " + e + "@" + now));
            loop.setSourceHandler((source, now) -> seen.add("source " + source + "@" + now));
            for (int i = 0; i < n; i++) {
                loop.addSource("s" + i);
            }
            loop.scheduleSource(n - 1, 30, 0);
            loop.schedule(30, 0, "e");
            loop.scheduleSource(0, 20, 0);
            loop.runUntil(30, (e, now) -> seen.add(e + "@" + now));
            assertEquals(List.of("saw s0@20", "source 0@20", "saw s" + (n - 1) + "@30", "source " + (n - 1) + "@30",
                    "saw e@30", "e@30"), seen, n + " sources");
        }
        EventLoop<String> loop = new EventLoop<>();
        List<String> seen = new ArrayList<>();
        loop.setSourceHandler((source, now) -> seen.add(source + "@" + now));
        for (int i = 0; i < EventLoop.TREE_SOURCES; i++) {
            loop.addSource("s" + i);
            loop.scheduleSource(i, 1_000 - 5L * (i % 7), 0); // ties at each time, in the order of scheduling
        }
        loop.addSource("one too many"); // the tree's pending occurrences move to the calendar
        assertEquals(EventLoop.TREE_SOURCES, loop.pendingEvents());
        assertEquals(1_000 - 30, loop.nextEventMicros());
        loop.scheduleSource(EventLoop.TREE_SOURCES, 970, 0);
        loop.scheduleSource(5, 970, 0); // replaces the occurrence at 1,000 - 25 moved from the tree
        loop.runUntil(2_000, (e, now) -> seen.add(e));
        List<String> expected = new ArrayList<>();
        for (int back = 6; back >= 0; back--) {
            for (int i = 0; i < EventLoop.TREE_SOURCES; i++) {
                if (i % 7 == back && i != 5) {
                    expected.add(i + "@" + (1_000 - 5 * back));
                }
            }
            if (back == 6) {
                expected.add(EventLoop.TREE_SOURCES + "@970");
                expected.add("5@970");
            }
        }
        assertEquals(expected, seen);
        assertEquals(0, loop.pendingEvents());
    }

    /** Same time, same priority: the order of scheduling decides, an event's or a source's occurrence alike. */
    @Test
    void atTheSameTimeTheEarlierScheduledGoesFirst() {
        for (int n : SOURCE_COUNTS) {
            EventLoop<String> loop = new EventLoop<>();
            for (int i = 0; i < n; i++) {
                loop.addSource("s" + i);
            }
            loop.schedule(100, 3, "event");
            loop.scheduleSource(0, 100, 3);
            loop.schedule(100, 3, "later");
            assertEquals(List.of("event@100", "s0@100", "later@100"), log(loop, 100), n + " sources");
            loop.scheduleSource(0, 200, 3);
            loop.schedule(200, 3, "event");
            loop.schedule(200, 2, "urgent");
            assertEquals(List.of("urgent@200", "s0@200", "event@200"), log(loop, 200), n + " sources");
        }
    }

    @Test
    void theCalendarDoublesOnlyWhenMoreThanHalfFull() {
        CalendarQueue q = new CalendarQueue(16);
        for (int i = 1; i <= 8; i++) {
            q.add(i * 10L, i, i);
        }
        assertEquals(16, buckets(q), "8 entries in 16 buckets: exactly half full");
        q.add(90, 9, 9);
        assertEquals(32, buckets(q), "the 9th: more than half full");
        for (int i = 10; i <= 16; i++) {
            q.add(i * 10L, i, i);
        }
        assertEquals(32, buckets(q), "16 in 32: half full");
        q.add(170, 17, 17);
        assertEquals(64, buckets(q));
    }

    @Test
    void theCalendarHalvesOnlyWhenUnderASixteenth() {
        CalendarQueue q = new CalendarQueue(16);
        for (int i = 1; i <= 33; i++) {
            q.add(i * 10L, i, i);
        }
        assertEquals(128, buckets(q), "33 entries: more than half of 64");
        // 128 buckets: halved when 16 x size < 128, i.e. at 7 entries, not at 8
        while (q.size() > 8) {
            q.removeFirst();
        }
        assertEquals(128, buckets(q), "8 entries: 16 x 8 = 128, not under it");
        q.removeFirst();
        assertEquals(64, buckets(q), "7 entries: under a sixteenth");
        // never below 16
        while (q.size() > 0) {
            q.removeFirst();
        }
        assertEquals(16, buckets(q));
    }

    private static int buckets(CalendarQueue q) {
        try {
            Field f = CalendarQueue.class.getDeclaredField("heads");
            f.setAccessible(true);
            return ((long[]) f.get(q)).length / 2; // two longs per bucket
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
