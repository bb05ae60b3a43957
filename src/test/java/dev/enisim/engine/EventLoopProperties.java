package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class EventLoopProperties {

    record Ev(long at, int priority, int seq) {
    }

    /** Whatever is scheduled, in whatever order, comes out sorted by (time, priority, scheduling order). */
    @Property(tries = 200)
    void deliversInTotalOrder(@ForAll @Size(max = 300) List<@IntRange(max = 50) Integer> times,
            @ForAll @Size(max = 300) List<@IntRange(max = 3) Integer> priorities) {
        EventLoop<Ev> loop = new EventLoop<>(1);
        List<Ev> expected = new ArrayList<>();
        int n = Math.min(times.size(), priorities.size());
        for (int i = 0; i < n; i++) {
            Ev e = new Ev(times.get(i), priorities.get(i), i);
            expected.add(e);
            loop.schedule(e.at(), e.priority(), e);
        }
        expected.sort(Comparator.comparingLong(Ev::at).thenComparingInt(Ev::priority).thenComparingInt(Ev::seq));
        List<Ev> seen = new ArrayList<>();
        loop.runUntil(100, (e, now) -> {
            assertEquals(e.at(), now);
            seen.add(e);
        });
        assertEquals(expected, seen);
    }
}
