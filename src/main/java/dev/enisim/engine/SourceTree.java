package dev.enisim.engine;

import java.util.Arrays;

/**
 * The pending occurrences of the loop's sources, at most one per source: a tournament (winner) tree over the
 * sources, ordered by (time, key).
 *
 * <p>Source s is leaf {@code leaves + s} of a complete binary tree whose {@code leaves} is a power of two, 2^bits
 * (node 1 is the root, node i's children are 2i and 2i + 1). Each node holds the first of the occurrences below it
 * in one {@code int}: its time as an offset from {@code base}, shifted left by {@code bits}, with its source in the
 * low bits. The smaller of two nodes is then the earlier occurrence (when their offsets differ), its source with
 * it, so a match is one load of the sibling and {@link Math#min(int, int)}, which the JIT compiles to a conditional
 * move whatever the profile (a match is often a coin toss: at the lowest levels a new occurrence beats its sibling
 * about half the time, and a mispredicted branch per level made the tree about three times slower, while the
 * arithmetic choice of two {@code long} times and a source, the tree's form until session 13, took four
 * instructions in a chain and two loads a level). An empty leaf holds {@link #NONE}.
 *
 * <p>The offsets are exact but bounded: {@code maxField} = 2^(31 - bits) - 2 microseconds (8.4 s with 256 leaves,
 * 36 minutes with one). A later occurrence is stored with the largest offset (clamped), its exact time kept by
 * source ({@code times[s]}) like its key ({@code keys[s]}); when one is set past the bound and the loop's clock has
 * moved half the bound since the base, the base moves to the clock and every node is written again from its source's
 * exact time, each on its own (no match is played). Two nodes with equal offsets (the same microsecond, two clamped
 * times, or two empty leaves) are noticed as a path is played, and the path is then played again comparing exact
 * times and keys: the low bits' order of sources never decides.
 *
 * <p>Delivering the first occurrence only marks it ({@link #takeFirst}); when the handler sets the same source's
 * next occurrence, as a process scheduling its own next step does, that is one pass from its leaf to the root
 * instead of two (one to clear it, one to set it). Any other operation settles the mark first.
 */
final class SourceTree {

    private static final int NONE = Integer.MAX_VALUE;

    private Object[] events = new Object[1];
    private long[] keys = new long[1];        // by source: the key of its pending occurrence
    private long[] times = new long[1];       // by source: the exact time of its pending occurrence
    private int sources;
    private int leaves = 1;                   // 2^bits, at least the number of sources
    private int bits;
    private int sourceMask;                   // leaves - 1: a node's source bits
    private int maxField = NONE - 1;          // the largest offset of an occurrence (NONE's is one more)
    private long base;                        // the time of offset 0: at most the loop's clock
    private long first = Long.MAX_VALUE;      // the root's exact time (Long.MAX_VALUE when nothing is pending)
    // by node (1 the root, leaves + s source s's leaf): the first occurrence below it, (time - base) << bits | source
    private int[] nodes = {NONE, NONE};
    private int pending;                      // pending occurrences, the taken root's included
    private int taken = -1;                   // the delivered root's source, until replaced or removed; else -1
    private long replays;                     // paths played again for a tie (a probe for tests)
    private long rebases;                     // moves of the base (a probe for tests)

    int add(Object event) {
        settle();
        if (sources == leaves) {
            grow();
        }
        events[sources] = event;
        return sources++;
    }

    /**
     * Doubles the leaves (one more source bit in every node): the pending occurrences keep their sources' leaves,
     * and every match is played again.
     */
    private void grow() {
        int l = 2 * leaves;
        int[] old = nodes;
        nodes = new int[2 * l];
        leaves = l;
        bits++;
        sourceMask = l - 1;
        maxField = (NONE >>> bits) - 1;
        events = Arrays.copyOf(events, l);
        keys = Arrays.copyOf(keys, l);
        times = Arrays.copyOf(times, l);
        rebuild(old, old.length / 2);
    }

    /**
     * Writes every leaf again from the exact times (pending in {@code old}, whose leaves start at {@code oldLeaves})
     * and plays every match again.
     */
    private void rebuild(int[] old, int oldLeaves) {
        int[] n = nodes;
        Arrays.fill(n, leaves + sources, 2 * leaves, NONE);
        for (int s = 0; s < sources; s++) {
            n[leaves + s] = old[oldLeaves + s] == NONE ? NONE : node(offset(times[s]), s);
        }
        for (int node = leaves - 1; node >= 1; node--) {
            match(node);
        }
        rooted();
    }

    /** Time {@code t}'s offset from the base, clamped to the largest. */
    private int offset(long t) {
        return (int) Math.min(t - base, maxField);
    }

    private int node(int offset, int source) {
        return (offset << bits) | source;
    }

    private int source(int node) {
        return node & sourceMask;
    }

    int sources() {
        return sources;
    }

    Object event(int source) {
        return events[source];
    }

    /** Pending occurrences. */
    int size() {
        return taken >= 0 ? pending - 1 : pending;
    }

    /** Whether the source has an occurrence pending (not yet delivered). */
    boolean pending(int source) {
        settle();
        return nodes[leaves + source] != NONE;
    }

    /** Time of the source's pending occurrence; call only when {@link #pending}. */
    long pendingTime(int source) {
        return times[source];
    }

    /** Key of the source's pending occurrence; call only when {@link #pending}. */
    long pendingKey(int source) {
        return keys[source];
    }

    /** Paths played again, comparing keys, because of a tie on them (tests check that it is only then). */
    long replays() {
        return replays;
    }

    /** Moves of the base to the clock (tests check when). */
    long rebases() {
        return rebases;
    }

    /**
     * Throws unless every node is what writing the leaves from the exact times and playing every match by exact time
     * and key would give, and the root's time is its exact time (tests call it after every step).
     */
    void checkNodes() {
        int[] ns = nodes;
        for (int s = 0; s < leaves; s++) {
            int leaf = ns[leaves + s];
            if (leaf != NONE && (s >= sources || leaf != node(offset(times[s]), s))) {
                throw new IllegalStateException("leaf of source " + s + ": " + leaf + ", time " + times[s]
                        + ", base " + base);
            }
        }
        for (int node = leaves - 1; node >= 1; node--) {
            int a = ns[2 * node + 1];
            int b = ns[2 * node];
            if (ns[node] != (before(a, b) ? a : b)) {
                throw new IllegalStateException("node " + node + ": " + ns[node] + ", children " + b + " and " + a);
            }
        }
        long rootTime = ns[1] == NONE ? Long.MAX_VALUE : times[source(ns[1])];
        if (first != rootTime) {
            throw new IllegalStateException("root time " + first + ", exact " + rootTime);
        }
    }

    /** Time of the first occurrence, or {@link Long#MAX_VALUE} when none is pending. */
    long firstTime() {
        settle();
        return first;
    }

    /** Key of the first occurrence; call only when one is pending, after {@link #firstTime}. */
    long firstKey() {
        return keys[source(nodes[1])];
    }

    /** Delivers the first occurrence: returns its source, which has nothing pending from now on. */
    int takeFirst() {
        settle();
        taken = source(nodes[1]);
        return taken;
    }

    /**
     * Sets (or replaces) the source's pending occurrence at {@code t}. {@code now} is the clock: at most {@code t},
     * and no occurrence is set before it from now on.
     */
    void set(int source, long t, long key, long now) {
        if (taken == source) {
            taken = -1; // the delivered one's replacement: still one pending
        } else {
            settle();
            if (nodes[leaves + source] == NONE) {
                pending++;
            }
        }
        keys[source] = key;
        times[source] = t;
        long offset = t - base;
        if (offset > maxField) {
            offset = far(t, now);
        }
        play(leaves + source, node((int) offset, source));
    }

    /**
     * The offset of {@code t}, past the largest from the base: the base moves to the clock first if the clock has
     * moved half the largest offset since (then the leaves are written again), and the offset is clamped.
     */
    private int far(long t, long now) {
        if (now - base > maxField / 2) {
            rebases++;
            moveBase(now);
        }
        return offset(t);
    }

    /**
     * Moves the base to {@code now} (at most every pending occurrence's time) and writes every node again from its
     * source's exact time, each on its own: no match is played again. The order of two nodes is kept (exact offsets
     * drop alike, and a clamped one stays after every exact one); two equal offsets, still equal or now apart in the
     * order their exact times gave them, are told apart as any tie is. The nodes of a source being set now hold its
     * new time for a moment: they are on its path, which the caller plays next.
     */
    private void moveBase(long now) {
        base = now;
        int[] ns = nodes;
        for (int i = 1; i < ns.length; i++) {
            int node = ns[i];
            if (node != NONE) {
                int source = source(node);
                ns[i] = node(offset(times[source]), source);
            }
        }
        rooted();
    }

    /** Removes the source's pending occurrence, if any. */
    void remove(int source) {
        settle();
        int leaf = leaves + source;
        if (nodes[leaf] != NONE) {
            pending--;
            play(leaf, NONE);
        }
    }

    /** Removes the delivered root if its source did not set a next occurrence. */
    private void settle() {
        if (taken >= 0) {
            int s = taken;
            taken = -1;
            pending--;
            play(leaves + s, NONE);
        }
    }

    /**
     * Writes node {@code p} into {@code leaf} and plays its matches up to the root by the nodes' numbers alone,
     * without a branch; if two offsets were equal in a match, plays them again by exact time and key.
     */
    private void play(int leaf, int p) {
        int[] ns = nodes;
        int sourceBits = leaves;             // 1 << bits: nodes whose xor is below it have equal offsets
        int node = leaf;
        ns[node] = p;
        int tie = 0;
        while (node > 1) {
            int q = ns[node ^ 1];
            tie |= (q ^ p) - sourceBits;     // negative when the offsets are equal (no node is negative)
            p = Math.min(p, q);              // an intrinsic: a conditional move, whatever the profile
            node >>>= 1;
            ns[node] = p;
        }
        if (tie < 0) {
            replays++;
            for (node = leaf >>> 1; node >= 1; node >>>= 1) {
                match(node);
            }
            p = ns[1];
        }
        rooted(p);
    }

    /** Notes the root's exact time. */
    private void rooted() {
        rooted(nodes[1]);
    }

    /** Notes the exact time of {@code root}, the root. */
    private void rooted(int root) {
        int offset = root >>> bits;
        first = offset < maxField ? base + offset : root == NONE ? Long.MAX_VALUE : times[source(root)];
    }

    /** Node {@code node} takes the first of its two children's occurrences, by exact time then key. */
    private void match(int node) {
        int left = 2 * node;
        int a = nodes[left + 1];
        int b = nodes[left];
        nodes[node] = before(a, b) ? a : b;
    }

    /** Whether occurrence node a comes before occurrence node b: earlier, or at the same time with a lower key. */
    private boolean before(int a, int b) {
        if (a == NONE) {
            return false;
        }
        if (b == NONE) {
            return true;
        }
        int sa = source(a);
        int sb = source(b);
        long ta = times[sa];
        long tb = times[sb];
        return ta < tb || (ta == tb && keys[sa] < keys[sb]);
    }
}
