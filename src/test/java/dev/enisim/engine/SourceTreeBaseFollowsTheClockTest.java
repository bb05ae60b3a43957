package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The tree's base (the time of offset 0) moves to the clock when an occurrence is set past the bound and the clock is
 * more than half the bound past the base: the base as it is then, not time 0. Occurrences keep their (time, key)
 * order across each move, clamped ones tied in time going by key whatever their sources.
 */
class SourceTreeBaseFollowsTheClockTest {

    private static final long BOUND = (1L << 30) - 2; // the largest offset with two leaves
    private static final long HALF = BOUND / 2;

    @Test
    void theClockIsMeasuredFromTheBaseItMovedTo() {
        SourceTree tree = new SourceTree();
        tree.add("a");
        tree.add("b");
        long base = HALF + 1;
        tree.set(0, 3 * BOUND, 1, base); // far, the clock more than half the bound past 0: the base moves to it
        assertEquals(1, tree.rebases());
        tree.set(1, 3 * BOUND, 2, base + 1); // far again, the clock 1 us past the new base: not moved
        assertEquals(1, tree.rebases());
        tree.set(1, 3 * BOUND, 2, base + HALF); // exactly half the bound past it: not moved
        assertEquals(1, tree.rebases());
        tree.checkNodes();
        tree.set(1, 3 * BOUND, 3, base + HALF + 1); // one more microsecond: moved
        assertEquals(2, tree.rebases());
        tree.checkNodes();
        // both clamped to the same offset from the new base (both still past the bound): by key, source 0 first
        assertEquals(3 * BOUND, tree.firstTime());
        assertEquals(1, tree.firstKey());
        assertEquals(0, tree.takeFirst());
        assertEquals(3 * BOUND, tree.firstTime());
        assertEquals(3, tree.firstKey());
        assertEquals(1, tree.takeFirst());
        assertEquals(Long.MAX_VALUE, tree.firstTime());
    }

    /**
     * Four sources, two pairs tied at one far time with keys against their sources' order, one near occurrence that
     * moves the clock: each move of the base keeps the order, exact and clamped occurrences alike.
     */
    @Test
    void tiedFarOccurrencesGoByKeyAcrossMovesOfTheBase() {
        SourceTree tree = new SourceTree();
        for (int s = 0; s < 4; s++) {
            tree.add("e" + s);
        }
        long bound = (1L << 29) - 2; // four leaves
        long far = 5 * bound;
        tree.set(3, far, 10, 0);
        tree.set(2, far, 11, 0);
        tree.set(1, far + 1, 12, 0);
        tree.set(0, far + 1, 13, 0);
        tree.set(1, bound / 2 + 7, 14, 0); // source 1 moved near: the clock's next stop
        assertEquals(bound / 2 + 7, tree.firstTime());
        assertEquals(1, tree.takeFirst());
        long now = bound / 2 + 7;
        tree.set(1, far + 1, 9, now); // far, the clock past half the bound: the base moves to it
        assertEquals(1, tree.rebases());
        tree.checkNodes();
        // the order by (time, key): 3 (far, 10), 2 (far, 11), 1 (far + 1, 9), 0 (far + 1, 13)
        int[] order = new int[4];
        long[] times = new long[4];
        for (int i = 0; i < 4; i++) {
            times[i] = tree.firstTime();
            order[i] = tree.takeFirst();
            tree.checkNodes();
        }
        assertEquals("[3, 2, 1, 0]", java.util.Arrays.toString(order));
        assertEquals("[" + far + ", " + far + ", " + (far + 1) + ", " + (far + 1) + "]",
                java.util.Arrays.toString(times));
        assertEquals(0, tree.size());
    }
}
