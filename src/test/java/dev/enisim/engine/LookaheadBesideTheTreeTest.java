package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The look ahead is told nothing while the sources wait in the tree ({@link EventLoop#TREE_SOURCES} or fewer), even
 * with several plain events queued in the calendar behind the one delivered: the next event may be the tree's, so a
 * hint would name the wrong one ({@link EventLoop.Lookahead}'s contract). Past the tree, the same events are hinted.
 */
class LookaheadBesideTheTreeTest {

    private static List<String> run(int sources, int batch) {
        EventLoop<String> loop = new EventLoop<>();
        for (int s = 0; s < sources; s++) {
            loop.scheduleSource(loop.addSource("s" + s), 10 + s, 0);
        }
        loop.schedule(1, 0, 1, 11L);
        loop.schedule(2, 0, 2, 22L);
        loop.schedule(3, 0, 3, 33L);
        List<String> seen = new ArrayList<>();
        loop.setLookahead(EventLoopLookaheadProperties.recording(seen), batch); // hints "s3", "p7:42"
        loop.setPlainHandler((kind, payload, now) -> seen.add("p" + kind + "@" + now));
        loop.setSourceHandler((source, now) -> {
            if (source == 0) {
                seen.add("s0@" + now);
            }
        });
        assertEquals(3 + sources, loop.runUntil(1000, (e, now) -> { }));
        return seen;
    }

    @Test
    void noHintWithTheSourcesInTheTree() {
        for (int batch : new int[] {1, 4}) {
            assertEquals(List.of("p1@1", "p2@2", "p3@3", "s0@10"), run(1, batch), "batch " + batch);
            assertEquals(List.of("p1@1", "p2@2", "p3@3", "s0@10"), run(EventLoop.TREE_SOURCES, batch));
        }
    }

    /** One source more than the tree takes: the calendar holds them all, and each next event is hinted. */
    @Test
    void pastTheTreeTheNextEventsAreHinted() {
        List<String> seen = run(EventLoop.TREE_SOURCES + 1, 1);
        assertEquals(List.of("p2:22", "p1@1", "p3:33", "p2@2", "s0", "p3@3"), seen.subList(0, 6));
        assertEquals("s0@10", seen.get(7), "the source's own hint first");
    }
}
