package dev.enisim.engine;

import java.util.Arrays;

/**
 * The pending occurrences of the loop's sources, at most one per source: an indexed 4-ary heap ordered by
 * (time, key), with each source's position kept so that an occurrence can be replaced in place.
 *
 * <p>The heap's entries hold their time and key inline ({@code times[i]}, {@code keys[i]} for heap slot i, not
 * for source i), so that the four children a sift compares sit side by side in memory: with 10,000 sources a
 * sift touches about seven levels of a few cache lines each, rather than a cache miss per comparison through the
 * source ids. Four children per node halve the depth of a binary heap for little more work per level.
 *
 * <p>Delivering the first occurrence only marks it ({@link #takeFirst}); when the handler sets the same source's
 * next occurrence, as a process scheduling its own next step does, that becomes one sift down from the root
 * instead of a removal and an insertion. Any other operation settles the mark first.
 */
final class SourceHeap {

    private Object[] events = new Object[4];
    private int[] position = new int[4];   // by source: its slot in the heap, or -1 when nothing is pending
    // by heap slot: the entry's source, time and key
    private int[] heap = new int[4];
    private long[] times = new long[4];
    private long[] keys = new long[4];
    private int heapSize;
    private int sources;
    private boolean rootTaken;             // the root was delivered and awaits its replacement or removal

    int add(Object event) {
        if (sources == events.length) {
            int c = 2 * sources;
            events = Arrays.copyOf(events, c);
            position = Arrays.copyOf(position, c);
            heap = Arrays.copyOf(heap, c);
            times = Arrays.copyOf(times, c);
            keys = Arrays.copyOf(keys, c);
        }
        events[sources] = event;
        position[sources] = -1;
        return sources++;
    }

    int sources() {
        return sources;
    }

    Object event(int source) {
        return events[source];
    }

    /** Pending occurrences. */
    int size() {
        return rootTaken ? heapSize - 1 : heapSize;
    }

    /** Whether the source has an occurrence pending (not yet delivered). */
    boolean pending(int source) {
        settle();
        return position[source] >= 0;
    }

    /** Time of the source's pending occurrence; call only when {@link #pending}. */
    long pendingTime(int source) {
        return times[position[source]];
    }

    /** Key of the source's pending occurrence; call only when {@link #pending}. */
    long pendingKey(int source) {
        return keys[position[source]];
    }

    /** Time of the first occurrence, or {@link Long#MAX_VALUE} when none is pending. */
    long firstTime() {
        settle();
        return heapSize == 0 ? Long.MAX_VALUE : times[0];
    }

    /** Key of the first occurrence; call only when one is pending. */
    long firstKey() {
        return keys[0];
    }

    /** Delivers the first occurrence: returns its source, which has nothing pending from now on. */
    int takeFirst() {
        settle();
        rootTaken = true;
        return heap[0];
    }

    /** Sets (or replaces) the source's pending occurrence. */
    void set(int source, long t, long key) {
        if (rootTaken && heap[0] == source) {
            rootTaken = false;
            siftDown(0, source, t, key);
            return;
        }
        settle();
        int at = position[source];
        if (at < 0) {
            siftUp(heapSize++, source, t, key);
        } else if (t < times[at] || (t == times[at] && key < keys[at])) {
            siftUp(at, source, t, key);
        } else {
            siftDown(at, source, t, key);
        }
    }

    /** Removes the source's pending occurrence, if any. */
    void remove(int source) {
        settle();
        int at = position[source];
        if (at >= 0) {
            position[source] = -1;
            removeAt(at);
        }
    }

    /** Removes the delivered root if its source did not set a next occurrence. */
    private void settle() {
        if (rootTaken) {
            rootTaken = false;
            position[heap[0]] = -1;
            removeAt(0);
        }
    }

    /** Fills slot {@code at} (whose source is already unlinked) with the last entry. */
    private void removeAt(int at) {
        int last = --heapSize;
        if (at == last) {
            return;
        }
        int s = heap[last];
        long t = times[last];
        long k = keys[last];
        if (at > 0 && before(t, k, (at - 1) >>> 2)) {
            siftUp(at, s, t, k);
        } else {
            siftDown(at, s, t, k);
        }
    }

    /** Whether (t, k) comes before the entry in slot {@code slot}. */
    private boolean before(long t, long k, int slot) {
        long ts = times[slot];
        return t < ts || (t == ts && k < keys[slot]);
    }

    private void place(int slot, int source, long t, long k) {
        heap[slot] = source;
        times[slot] = t;
        keys[slot] = k;
        position[source] = slot;
    }

    private void siftUp(int index, int source, long t, long k) {
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (!before(t, k, parent)) {
                break;
            }
            place(i, heap[parent], times[parent], keys[parent]);
            i = parent;
        }
        place(i, source, t, k);
    }

    private void siftDown(int index, int source, long t, long k) {
        int i = index;
        int n = heapSize;
        int child;
        while ((child = 4 * i + 1) < n) {
            // the first of up to four children, by (time, key)
            int best = child;
            long bt = times[child];
            long bk = keys[child];
            int end = Math.min(child + 4, n);
            for (int c = child + 1; c < end; c++) {
                long ct = times[c];
                if (ct < bt || (ct == bt && keys[c] < bk)) {
                    best = c;
                    bt = ct;
                    bk = keys[c];
                }
            }
            if (!(bt < t || (bt == t && bk < k))) {
                break;
            }
            place(i, heap[best], bt, bk);
            i = best;
        }
        place(i, source, t, k);
    }
}
