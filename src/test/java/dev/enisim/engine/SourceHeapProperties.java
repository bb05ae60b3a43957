package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The source heap against a plain array of pending occurrences: any mix of setting (earlier, later, new),
 * removing, delivering the first (and then replacing it, or setting another source, or nothing), with many ties.
 */
class SourceHeapProperties {

    @Property(tries = 400)
    void behavesLikeAnArrayOfPendingOccurrences(@ForAll long seed, @ForAll @IntRange(min = 1, max = 24) int n,
            @ForAll @IntRange(min = 1, max = 40) int spread) {
        check(seed, n, spread, 300);
    }

    /** The same with hundreds of sources, most of them pending: the 4-ary heap four or five levels deep. */
    @Property(tries = 60)
    void manySourcesBehaveLikeAnArrayOfPendingOccurrences(@ForAll long seed,
            @ForAll @IntRange(min = 25, max = 700) int n, @ForAll @IntRange(min = 1, max = 400) int spread) {
        check(seed, n, spread, 6 * n);
    }

    private static void check(long seed, int n, int spread, int steps) {
        SplittableRandom r = new SplittableRandom(seed);
        SourceHeap heap = new SourceHeap();
        long[] time = new long[n];
        long[] key = new long[n];
        boolean[] pending = new boolean[n];
        long[] nextKey = {0};
        // set or replace: keys only grow (the loop's sequence numbers); times from now on, many ties
        IntLongConsumer set = (source, now) -> {
            long t = now + r.nextInt(spread);
            long k = ((long) r.nextInt(3) << 44) | nextKey[0]++;
            heap.set(source, t, k);
            time[source] = t;
            key[source] = k;
            pending[source] = true;
        };
        for (int s = 0; s < n; s++) {
            assertEquals(s, heap.add("e" + s));
            assertEquals("e" + s, heap.event(s));
        }
        assertEquals(n, heap.sources());
        long now = 0;
        for (int step = 0; step < steps; step++) {
            int op = r.nextInt(10);
            int s = r.nextInt(n);
            if (op < 5) {
                set.accept(s, now);
            } else if (op < 7) {
                heap.remove(s);
                pending[s] = false;
            } else if (size(pending) > 0) {
                int first = first(time, key, pending);
                if (r.nextBoolean()) { // or taken at once, straight after the previous one
                    assertEquals(time[first], heap.firstTime());
                    assertEquals(key[first], heap.firstKey());
                }
                assertEquals(first, heap.takeFirst());
                pending[first] = false;
                now = time[first];
                assertEquals(size(pending), heap.size(), "the delivered occurrence is no longer pending");
                if (op == 8) {
                    set.accept(first, now); // its handler sets the same source's next occurrence (the fast path)
                } else if (op == 9) {
                    set.accept(r.nextInt(n), now); // or another source's
                }
            }
            assertEquals(size(pending), heap.size());
            int probe = r.nextInt(n);
            assertEquals(pending[probe], heap.pending(probe), "source " + probe);
            if (size(pending) == 0) {
                assertEquals(Long.MAX_VALUE, heap.firstTime());
            } else {
                int first = first(time, key, pending);
                assertEquals(time[first], heap.firstTime());
                assertEquals(key[first], heap.firstKey());
            }
        }
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
