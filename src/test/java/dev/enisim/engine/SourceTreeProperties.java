package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The source tree against a plain array of pending occurrences: any mix of setting (earlier, later, new),
 * removing, delivering the first (and then replacing it, or setting another source, or nothing), adding sources
 * while occurrences are pending (the tree doubling its leaves under them), with many ties in time.
 */
class SourceTreeProperties {

    @Property(tries = 400)
    void behavesLikeAnArrayOfPendingOccurrences(@ForAll long seed, @ForAll @IntRange(min = 1, max = 24) int n,
            @ForAll @IntRange(min = 1, max = 40) int spread) {
        check(seed, n, spread, 300);
    }

    /** The same with hundreds of sources, most of them pending: the tree seven to ten levels deep. */
    @Property(tries = 60)
    void manySourcesBehaveLikeAnArrayOfPendingOccurrences(@ForAll long seed,
            @ForAll @IntRange(min = 25, max = 700) int n, @ForAll @IntRange(min = 1, max = 400) int spread) {
        check(seed, n, spread, 6 * n);
    }

    /**
     * The same with a quarter of the occurrences set far ahead (up to 2^far microseconds, some at the end of time):
     * past the tree's bound on offsets from its base, clamped, tied with each other and played again by exact time,
     * and the base moved to the clock as it advances.
     */
    @Property(tries = 200)
    void farOccurrencesBehaveLikeAnArrayOfPendingOccurrences(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 300) int n, @ForAll @IntRange(min = 1, max = 40) int spread,
            @ForAll @IntRange(min = 20, max = 62) int far) {
        check(seed, n, spread, 6 * n + 200, far);
    }

    private static void check(long seed, int n, int spread, int steps) {
        check(seed, n, spread, steps, 0);
    }

    private static void check(long seed, int n, int spread, int steps, int far) {
        SplittableRandom r = new SplittableRandom(seed);
        SourceTree tree = new SourceTree();
        // the model: by source, its pending occurrence's time and key
        long[] time = new long[n];
        long[] key = new long[n];
        boolean[] pending = new boolean[n];
        long[] nextKey = {0};
        int[] added = {0};
        // set or replace: keys only grow (the loop's sequence numbers); times from now on, many ties
        IntLongConsumer set = (source, now) -> {
            int draw = far > 0 ? r.nextInt(32) : -1;
            long ahead = draw == 0 ? Long.MAX_VALUE // the end of time itself, now and then
                    : draw > 0 && draw < 8 ? r.nextLong(1L << far) : r.nextInt(spread);
            long t = now + Math.min(ahead, Long.MAX_VALUE - now);
            long k = ((long) r.nextInt(3) << 44) | nextKey[0]++;
            tree.set(source, t, k, now);
            time[source] = t;
            key[source] = k;
            pending[source] = true;
        };
        // a first few sources, the rest added as the steps go (most with occurrences pending)
        int initial = 1 + r.nextInt(n);
        for (int s = 0; s < initial; s++) {
            assertEquals(s, tree.add("e" + s));
        }
        added[0] = initial;
        long now = 0;
        for (int step = 0; step < steps; step++) {
            int op = r.nextInt(11);
            int s = r.nextInt(added[0]);
            if (op == 10) {
                if (added[0] < n) {
                    assertEquals(added[0], tree.add("e" + added[0]));
                    added[0]++;
                }
            } else if (op < 5) {
                set.accept(s, now);
            } else if (op < 7) {
                tree.remove(s);
                pending[s] = false;
            } else if (size(pending) > 0) {
                int first = first(time, key, pending);
                if (r.nextBoolean()) { // or taken at once, straight after the previous one
                    assertEquals(time[first], tree.firstTime());
                    assertEquals(key[first], tree.firstKey());
                }
                assertEquals(first, tree.takeFirst());
                pending[first] = false;
                now = time[first];
                assertEquals(size(pending), tree.size(), "the delivered occurrence is no longer pending");
                if (op == 8) {
                    set.accept(first, now); // its handler sets the same source's next occurrence (the fast path)
                } else if (op == 9) {
                    set.accept(r.nextInt(added[0]), now); // or another source's
                }
            }
            tree.checkNodes();
            assertEquals(added[0], tree.sources());
            assertEquals(size(pending), tree.size());
            int probe = r.nextInt(added[0]);
            assertEquals(pending[probe], tree.pending(probe), "source " + probe);
            assertEquals("e" + probe, tree.event(probe));
            if (pending[probe]) {
                assertEquals(time[probe], tree.pendingTime(probe));
                assertEquals(key[probe], tree.pendingKey(probe));
            }
            if (size(pending) == 0) {
                assertEquals(Long.MAX_VALUE, tree.firstTime());
            } else {
                int first = first(time, key, pending);
                assertEquals(time[first], tree.firstTime());
                assertEquals(key[first], tree.firstKey());
            }
        }
    }

    /**
     * Sources added while others are pending, one at a time past each power of two: the tree doubles under
     * pending occurrences and keeps them all, the first among them at the root, earliest times on either side.
     */
    @Example
    void growingKeepsEveryPendingOccurrence() {
        SourceTree tree = new SourceTree();
        long[] times = {50, 40, 60, 10, 70, 30, 20, 80, 90};
        for (int s = 0; s < times.length; s++) {
            tree.add("e" + s);
            tree.set(s, times[s], 100 - s, 0);
            assertEquals(s + 1, tree.size());
            long min = Arrays.stream(times, 0, s + 1).min().orElseThrow();
            assertEquals(min, tree.firstTime(), "after adding source " + s);
        }
        tree.add("e9"); // 10 sources in 16 leaves
        tree.set(8, 5, 1, 0);
        long[] order = new long[times.length];
        int[] sources = new int[times.length];
        for (int i = 0; i < times.length; i++) {
            order[i] = tree.firstTime();
            sources[i] = tree.takeFirst();
        }
        assertEquals(0, tree.size());
        assertEquals(Long.MAX_VALUE, tree.firstTime());
        assertEquals("[5, 10, 20, 30, 40, 50, 60, 70, 80]", Arrays.toString(order));
        assertEquals("[8, 3, 6, 5, 1, 0, 2, 4, 7]", Arrays.toString(sources));
    }

    /** At the same time the lower key goes first, from either side of a match and across the root. */
    @Example
    void tiesInTimeGoByKeyOnEitherSide() {
        SourceTree tree = new SourceTree();
        for (int s = 0; s < 4; s++) {
            tree.add("e" + s);
        }
        tree.set(1, 10, 5, 0);
        tree.set(0, 10, 6, 0); // the left leaf's key is higher: its sibling keeps the match
        assertEquals(1, tree.takeFirst());
        assertEquals(0, tree.takeFirst());
        tree.set(2, 10, 7, 0);
        tree.set(3, 10, 3, 0);
        tree.set(0, 10, 4, 0);
        assertEquals(10, tree.firstTime());
        assertEquals(3, tree.firstKey());
        assertEquals(3, tree.takeFirst());
        assertEquals(10, tree.firstTime());
        assertEquals(4, tree.firstKey());
        assertEquals(0, tree.takeFirst());
        assertEquals(2, tree.takeFirst());
        assertEquals(0, tree.size());
        // an occurrence at the end of time still beats an empty leaf
        tree.set(3, Long.MAX_VALUE, 9, 0);
        assertEquals(1, tree.size());
        assertEquals(Long.MAX_VALUE, tree.firstTime());
        assertEquals(9, tree.firstKey());
        assertEquals(3, tree.takeFirst());
        tree.set(0, Long.MAX_VALUE, 8, 0); // from the left as well
        assertEquals(Long.MAX_VALUE, tree.firstTime());
        assertEquals(8, tree.firstKey());
        assertEquals(0, tree.takeFirst());
        assertEquals(0, tree.size());
    }

    /**
     * Matches are played by time alone; a path is played again, comparing keys, only when one of its matches was a
     * tie in time: never while times differ, once for a tie between two sources (the lower key then wins), and on
     * the removals that leave two empty leaves side by side.
     */
    @Example
    void onlyATieInTimePlaysAPathAgain() {
        SourceTree tree = new SourceTree();
        long[] times = {50, 20, 70, 10, 60, 30, 80, 40};
        for (int s = 0; s < times.length; s++) {
            tree.add("e" + s);
            tree.set(s, times[s], s, 0);
        }
        // each delivered source's next occurrence, later than every initial one: it wins some matches, loses others
        long[] next = {95, 125, 100, 115, 90, 105, 85, 120};
        int[] order = new int[times.length];
        for (int i = 0; i < times.length; i++) {
            order[i] = tree.takeFirst();
            tree.set(order[i], next[order[i]], 10 + order[i], 0);
        }
        assertEquals("[3, 1, 5, 7, 0, 4, 2, 6]", Arrays.toString(order));
        assertEquals(0, tree.replays(), "no two times alike");
        assertEquals(85, tree.firstTime());
        tree.set(1, 85, 9, 0); // a tie with source 6 (key 16) at the root's match, won by the lower key
        assertEquals(1, tree.replays());
        assertEquals(85, tree.firstTime());
        assertEquals(9, tree.firstKey());
        assertEquals(1, tree.takeFirst());
        assertEquals(85, tree.firstTime()); // the taken root settled: a removal, its sibling's time differs
        assertEquals(16, tree.firstKey());
        assertEquals(1, tree.replays());
        tree.remove(0); // leaves 0 and 1 both empty now: a tie of two empty leaves
        assertEquals(2, tree.replays());
        assertEquals(6, tree.takeFirst());
        assertEquals(5, tree.size());
    }

    /**
     * A node holds its time as an offset from the tree's base, exact up to a bound (2^30 - 2 with two leaves): an
     * occurrence past it is clamped to the bound (two clamped ones tie and are played again by exact time), and the
     * base moves to the clock only when an occurrence is set past the bound while the clock is more than half the
     * bound past the base; clamped occurrences that then fit are exact again.
     */
    @Example
    void theBaseMovesToTheClockOnlyPastHalfTheBound() {
        SourceTree tree = new SourceTree();
        tree.add("a");
        tree.add("b");
        long bound = (1L << 30) - 2;
        long half = bound / 2;
        tree.set(0, 10, 1, 0);
        tree.set(1, bound + 1, 2, 0); // clamped: the clock has not moved
        assertEquals(10, tree.firstTime());
        assertEquals(0, tree.takeFirst());
        tree.set(0, bound + 5, 3, 10); // clamped too: a tie with source 1, played again by exact time
        assertEquals(1, tree.replays());
        assertEquals(bound + 1, tree.firstTime());
        assertEquals(2, tree.firstKey());
        tree.set(0, bound + 5, 4, half); // the clock exactly half the bound past the base: not moved
        assertEquals(0, tree.rebases());
        assertEquals(2, tree.replays());
        tree.set(0, bound + 5, 5, half + 1); // one more microsecond: the base moves, both offsets fit
        assertEquals(1, tree.rebases());
        tree.checkNodes();
        assertEquals(2, tree.replays());
        assertEquals(bound + 1, tree.firstTime());
        assertEquals(1, tree.takeFirst());
        long base = half + 1;
        tree.set(1, base + bound, 6, bound + 1); // exactly the bound from the base: not past it
        assertEquals(1, tree.rebases());
        assertEquals(bound + 5, tree.firstTime());
        assertEquals(0, tree.takeFirst());
        assertEquals(base + bound, tree.firstTime()); // the largest offset is a time like any other
        tree.set(0, base + bound + 1, 7, bound + 5); // past it, the clock past half the bound: the base moves
        assertEquals(2, tree.rebases());
        tree.checkNodes();
        assertEquals(2, tree.replays());
        assertEquals(base + bound, tree.firstTime());
        assertEquals(6, tree.firstKey());
        assertEquals(1, tree.takeFirst());
        assertEquals(base + bound + 1, tree.firstTime());
        assertEquals(0, tree.takeFirst());
        assertEquals(Long.MAX_VALUE, tree.firstTime());
        assertEquals(0, tree.size());
    }

    @FunctionalInterface
    private interface IntLongConsumer {
        void accept(int source, long now);
    }

    private static int size(boolean[] pending) {
        int n = 0;
        for (boolean p : pending) {
            n += p ? 1 : 0;
        }
        return n;
    }

    private static int first(long[] time, long[] key, boolean[] pending) {
        int best = -1;
        for (int s = 0; s < time.length; s++) {
            if (pending[s] && (best < 0 || time[s] < time[best] || (time[s] == time[best] && key[s] < key[best]))) {
                best = s;
            }
        }
        return best;
    }
}
