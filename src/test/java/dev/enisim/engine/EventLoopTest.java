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
        assertThrows(IllegalArgumentException.class, () -> loop.scheduleAfter(-1, 0, new Ev("neg")));
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
            loop.scheduleAfter(7, 0, e);
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
}
