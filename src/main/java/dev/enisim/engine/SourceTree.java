package dev.enisim.engine;

import java.util.Arrays;

/**
 * The pending occurrences of the loop's sources, at most one per source: a tournament (winner) tree over the
 * sources, ordered by (time, key).
 *
 * <p>Source s is leaf {@code leaves + s} of a complete binary tree whose {@code leaves} is a power of two (node 1
 * is the root, node i's children are 2i and 2i + 1). Each node holds the first of the occurrences below it, its
 * time and source inline ({@code times[i]}, {@code winner[i]}); a leaf with nothing pending holds the time
 * {@link Long#MAX_VALUE} and no source (-1). Keys are kept by source ({@code keys[s]}): they only break ties in
 * time. Setting an occurrence writes its leaf and plays its matches up to the root, one per level against the
 * sibling's winner, which sits next to it in memory: a fixed number of levels (7 for 100 sources), each without a
 * branch. The winner is chosen arithmetically (the sign of the difference of the two times), because a match is
 * often a coin toss (at the lowest levels a new occurrence beats its sibling about half the time, and a
 * mispredicted branch per level made the tree about three times slower: 41 against 14.5 ns per replacement with 100
 * sources alone). A tie in time anywhere on the path (two sources at the same microsecond, or two empty leaves)
 * is noticed as it goes and the path is then played again comparing keys.
 *
 * <p>Delivering the first occurrence only marks it ({@link #takeFirst}); when the handler sets the same source's
 * next occurrence, as a process scheduling its own next step does, that is one pass from its leaf to the root
 * instead of two (one to clear it, one to set it). Any other operation settles the mark first.
 *
 * <p>Times are at least 0 (the loop never schedules before its start), so the difference of two times never
 * overflows.
 */
final class SourceTree {

    private static final long NONE = Long.MAX_VALUE;

    private Object[] events = new Object[1];
    private long[] keys = new long[1];        // by source: the key of its pending occurrence
    private int sources;
    private int leaves = 1;                   // a power of two, at least the number of sources
    // by node (1 the root, leaves + s source s's leaf): the first occurrence below it, its time and source
    private long[] times = {NONE, NONE};
    private int[] winner = {-1, -1};
    private int pending;                      // pending occurrences, the taken root's included
    private boolean rootTaken;                // the root was delivered and awaits its replacement or removal
    private long replays;                     // paths played again for a tie in time (a probe for tests)

    int add(Object event) {
        settle();
        if (sources == leaves) {
            grow();
        }
        events[sources] = event;
        return sources++;
    }

    /** Doubles the leaves: the pending occurrences keep their sources' leaves, and every match is played again. */
    private void grow() {
        int l = 2 * leaves;
        long[] t = new long[2 * l];
        int[] w = new int[2 * l];
        Arrays.fill(t, NONE);
        Arrays.fill(w, -1);
        System.arraycopy(times, leaves, t, l, leaves);
        System.arraycopy(winner, leaves, w, l, leaves);
        times = t;
        winner = w;
        leaves = l;
        events = Arrays.copyOf(events, l);
        keys = Arrays.copyOf(keys, l);
        for (int node = l - 1; node >= 1; node--) {
            match(node);
        }
    }

    int sources() {
        return sources;
    }

    Object event(int source) {
        return events[source];
    }

    /** Pending occurrences. */
    int size() {
        return rootTaken ? pending - 1 : pending;
    }

    /** Whether the source has an occurrence pending (not yet delivered). */
    boolean pending(int source) {
        settle();
        return winner[leaves + source] >= 0;
    }

    /** Time of the source's pending occurrence; call only when {@link #pending}. */
    long pendingTime(int source) {
        return times[leaves + source];
    }

    /** Key of the source's pending occurrence; call only when {@link #pending}. */
    long pendingKey(int source) {
        return keys[source];
    }

    /** Paths played again, comparing keys, because of a tie in time on them (tests check that it is only then). */
    long replays() {
        return replays;
    }

    /** Time of the first occurrence, or {@link Long#MAX_VALUE} when none is pending. */
    long firstTime() {
        settle();
        return times[1];
    }

    /** Key of the first occurrence; call only when one is pending, after {@link #firstTime}. */
    long firstKey() {
        return keys[winner[1]];
    }

    /** Delivers the first occurrence: returns its source, which has nothing pending from now on. */
    int takeFirst() {
        settle();
        rootTaken = true;
        return winner[1];
    }

    /** Sets (or replaces) the source's pending occurrence; {@code t} is at least 0. */
    void set(int source, long t, long key) {
        if (rootTaken && winner[1] == source) {
            rootTaken = false; // the delivered one's replacement: still one pending
        } else {
            settle();
            if (winner[leaves + source] < 0) {
                pending++;
            }
        }
        keys[source] = key;
        play(leaves + source, t, source);
    }

    /** Removes the source's pending occurrence, if any. */
    void remove(int source) {
        settle();
        int leaf = leaves + source;
        if (winner[leaf] >= 0) {
            pending--;
            play(leaf, NONE, -1);
        }
    }

    /** Removes the delivered root if its source did not set a next occurrence. */
    private void settle() {
        if (rootTaken) {
            rootTaken = false;
            pending--;
            play(leaves + winner[1], NONE, -1);
        }
    }

    /**
     * Writes time {@code t} and source {@code s} (-1: none) into {@code leaf} and plays its matches up to the root
     * by time alone, without a branch; if a match was a tie in time, plays them again by time and key.
     */
    private void play(int leaf, long t, int s) {
        long[] ts = times;
        int[] ws = winner;
        int node = leaf;
        ts[node] = t;
        ws[node] = s;
        long zero = 0;
        while (node > 1) {
            int sibling = node ^ 1;
            long d = ts[sibling] - t;        // both times in 0..Long.MAX_VALUE: no overflow
            long earlier = d >> 63;          // all ones when the sibling's time is earlier
            zero |= (d - 1) & ~d;            // negative when d == 0
            t += d & earlier;
            s ^= (s ^ ws[sibling]) & (int) earlier;
            node >>>= 1;
            ts[node] = t;
            ws[node] = s;
        }
        if (zero < 0) {
            replays++;
            for (node = leaf >>> 1; node >= 1; node >>>= 1) {
                match(node);
            }
        }
    }

    /** Node {@code node} takes the first of its two children's occurrences, by time then key. */
    private void match(int node) {
        int left = 2 * node;
        int first = before(left + 1, left) ? left + 1 : left;
        times[node] = times[first];
        winner[node] = winner[first];
    }

    /** Whether node a's occurrence comes before node b's: earlier, or at the same time with a lower key. */
    private boolean before(int a, int b) {
        long ta = times[a];
        long tb = times[b];
        if (ta < tb) {
            return true;
        }
        if (ta > tb) {
            return false;
        }
        int wa = winner[a];
        int wb = winner[b];
        return wa >= 0 && (wb < 0 || keys[wa] < keys[wb]);
    }
}
