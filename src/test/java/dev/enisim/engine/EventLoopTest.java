package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLoopTest {

    record Ev(String name) {
    }

    @Test
    void deliversByTimeThenPriorityThenSchedulingOrder() {
        EventLoop<Ev> loop = new EventLoop<>(2);
        loop.schedule(10, 1, new Ev("t10-p1-first"));
        loop.schedule(5, 3, new Ev("t5-p3"));
        loop.schedule(10, 0, new Ev("t10-p0"));
        loop.schedule(10, 1, new Ev("t10-p1-second"));
        loop.schedule(0, 9, new Ev("t0-p9"));
        List<String> seen = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        long n = loop.runUntil(100, (e, now) -> {
            seen.add(e.name());
            times.add(now);
        });
        assertEquals(5, n);
        assertEquals(List.of("t0-p9", "t5-p3", "t10-p0", "t10-p1-first", "t10-p1-second"), seen);
        assertEquals(List.of(0L, 5L, 10L, 10L, 10L), times);
        assertEquals(100, loop.nowMicros());
    }

    @Test
    void schedulingInThePastThrows() {
        EventLoop<Ev> loop = new EventLoop<>();
        loop.schedule(50, 0, new Ev("a"));
        loop.runUntil(50, (e, now) -> { });
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> loop.schedule(49, 0, new Ev("late")));
        assertEquals(true, ex.getMessage().contains("in the past"));
        assertThrows(IllegalArgumentException.class, () -> loop.runUntil(10, (e, now) -> { }));
    }

    @Test
    void eventsAfterTheHorizonStayQueued() {
        EventLoop<Ev> loop = new EventLoop<>();
        loop.schedule(5, 0, new Ev("in"));
        loop.schedule(15, 0, new Ev("out"));
        List<String> seen = new ArrayList<>();
        loop.runUntil(10, (e, now) -> seen.add(e.name()));
        assertEquals(List.of("in"), seen);
        assertEquals(1, loop.pendingEvents());
        assertEquals(15, loop.nextEventMicros());
        loop.runUntil(20, (e, now) -> seen.add(e.name()));
        assertEquals(List.of("in", "out"), seen);
    }

    @Test
    void handlersScheduleFollowUpsAndStopWorks() {
        EventLoop<Ev> loop = new EventLoop<>();
        loop.schedule(0, 0, new Ev("tick"));
        int[] count = {0};
        loop.runUntil(1_000_000, (e, now) -> {
            count[0]++;
            if (count[0] == 100) {
                loop.stop();
            }
            loop.schedule(now + 7, 0, e);
        });
        assertEquals(100, count[0]);
        assertEquals(99 * 7, loop.nowMicros());
    }

    @Test
    void observerSeesEveryEventBeforeItsHandler() {
        EventLoop<Ev> loop = new EventLoop<>();
        List<String> log = new ArrayList<>();
        loop.setObserver((e, now) -> log.add("saw " + e.name()));
        loop.schedule(1, 0, new Ev("a"));
        loop.schedule(2, 0, new Ev("b"));
        loop.runUntil(5, (e, now) -> log.add("handled " + e.name()));
        assertEquals(List.of("saw a", "handled a", "saw b", "handled b"), log);
    }

    @Test
    void rejectsBadPriorityAndNullEvent() {
        EventLoop<Ev> loop = new EventLoop<>();
        assertThrows(IllegalArgumentException.class, () -> loop.schedule(0, -1, new Ev("x")));
        assertThrows(IllegalArgumentException.class, () -> loop.schedule(0, EventLoop.MAX_PRIORITY + 1, new Ev("x")));
        assertThrows(NullPointerException.class, () -> loop.schedule(0, 0, null));
    }

    @Test
    void theEdgesOfTheRangesAreAccepted() {
        EventLoop<Ev> loop = new EventLoop<>();
        assertEquals(Long.MAX_VALUE, loop.nextEventMicros(), "nothing pending");
        assertEquals(0, loop.runUntil(10, (e, now) -> { }), "an empty loop delivers nothing");
        assertEquals(10, loop.nowMicros(), "but its clock advances");
        loop.schedule(10, EventLoop.MAX_PRIORITY, new Ev("last"));
        loop.schedule(10, EventLoop.MAX_PRIORITY - 1, new Ev("before-last"));
        loop.schedule(loop.nowMicros(), 0, new Ev("now"));
        int s = loop.addSource(new Ev("source"));
        loop.scheduleSource(s, 10, EventLoop.MAX_PRIORITY);
        List<String> seen = new ArrayList<>();
        assertEquals(4, loop.runUntil(10, (e, now) -> seen.add(e.name())), "events at exactly the end included");
        assertEquals(List.of("now", "before-last", "last", "source"), seen);
        loop.schedule(20, 0, new Ev("later"));
        assertEquals(1, loop.runUntil(30, (e, now) -> { }), "counts this call only");
        assertEquals(5, loop.deliveredEvents());
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        EventLoop<Ev> loop = new EventLoop<>();
        loop.runUntil(100, (e, now) -> { });
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                () -> loop.schedule(99, 0, new Ev("neg")));
        assertEquals("cannot schedule in the past: event Ev[name=neg] at 99 us, now 100 us", past.getMessage());
        int s = loop.addSource(new Ev("s"));
        IllegalArgumentException noSource = assertThrows(IllegalArgumentException.class,
                () -> loop.scheduleSource(-1, 200, 0));
        assertEquals("no source -1", noSource.getMessage());
        assertEquals("no source 1", assertThrows(IllegalArgumentException.class,
                () -> loop.scheduleSource(s + 1, 200, 0)).getMessage());
        assertEquals("cannot schedule in the past: source 0 (Ev[name=s]) at 99 us, now 100 us",
                assertThrows(IllegalArgumentException.class, () -> loop.scheduleSource(s, 99, 0)).getMessage());
        assertEquals("priority out of range 0.." + EventLoop.MAX_PRIORITY + ": " + (EventLoop.MAX_PRIORITY + 1),
                assertThrows(IllegalArgumentException.class,
                        () -> loop.schedule(100, EventLoop.MAX_PRIORITY + 1, new Ev("x"))).getMessage());
        assertEquals("cannot run back to 99 us, now 100 us",
                assertThrows(IllegalArgumentException.class, () -> loop.runUntil(99, (e, now) -> { })).getMessage());
        assertEquals(0, loop.pendingEvents(), "nothing was scheduled by the refused calls");
    }
}
