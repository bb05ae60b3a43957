package dev.enisim.engine;

import java.util.Arrays;

/**
 * The pending occurrences of the loop's sources, at most one per source: an indexed binary heap of source ids
 * ordered by (time, key), with each source's position kept so that an occurrence can be replaced in place.
 *
 * <p>Delivering the first occurrence only marks it ({@link #takeFirst}); when the handler sets the same source's
 * next occurrence, as a process scheduling its own next step does, that becomes one sift down from the root
 * instead of a removal and an insertion. Any other operation settles the mark first.
 */
final class SourceHeap {

    private Object[] events = new Object[4];
    private long[] times = new long[4];
    private long[] keys = new long[4];
    private int[] position = new int[4];   // index in heap, or -1 when the source has nothing pending
    private int[] heap = new int[4];
    private int heapSize;
    private int sources;
    private boolean rootTaken;             // the root was delivered and awaits its replacement or removal

    int add(Object event) {
        if (sources == events.length) {
            int c = 2 * sources;
            events = Arrays.copyOf(events, c);
            times = Arrays.copyOf(times, c);
            keys = Arrays.copyOf(keys, c);
            position = Arrays.copyOf(position, c);
            heap = Arrays.copyOf(heap, c);
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

    /** Time of the first occurrence, or {@link Long#MAX_VALUE} when none is pending. */
    long firstTime() {
        settle();
        return heapSize == 0 ? Long.MAX_VALUE : times[heap[0]];
    }

    /** Key of the first occurrence; call only when one is pending. */
    long firstKey() {
        return keys[heap[0]];
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
            times[source] = t;
            keys[source] = key;
            siftDown(0, source);
            return;
        }
        settle();
        int at = position[source];
        boolean earlier = at < 0 || t < times[source] || (t == times[source] && key < keys[source]);
        times[source] = t;
        keys[source] = key;
        if (at < 0) {
            siftUp(heapSize++, source);
        } else if (earlier) {
            siftUp(at, source);
        } else {
            siftDown(at, source);
        }
    }

    /** Removes the source's pending occurrence, if any. */
    void remove(int source) {
        settle();
        int at = position[source];
        if (at < 0) {
            return;
        }
        position[source] = -1;
        int last = heap[--heapSize];
        if (at < heapSize) {
            if (at > 0 && before(last, heap[(at - 1) >>> 1])) {
                siftUp(at, last);
            } else {
                siftDown(at, last);
            }
        }
    }

    /** Removes the delivered root if its source did not set a next occurrence. */
    private void settle() {
        if (rootTaken) {
            rootTaken = false;
            int root = heap[0];
            position[root] = -1;
            int last = heap[--heapSize];
            if (heapSize > 0) {
                siftDown(0, last);
            }
        }
    }

    private boolean before(int a, int b) {
        return times[a] < times[b] || (times[a] == times[b] && keys[a] < keys[b]);
    }

    private void siftUp(int index, int source) {
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (!before(source, p)) {
                break;
            }
            heap[i] = p;
            position[p] = i;
            i = parent;
        }
        heap[i] = source;
        position[source] = i;
    }

    private void siftDown(int index, int source) {
        int i = index;
        int child;
        while ((child = 2 * i + 1) < heapSize) {
            int c = heap[child];
            if (child + 1 < heapSize && before(heap[child + 1], c)) {
                child++;
                c = heap[child];
            }
            if (!before(c, source)) {
                break;
            }
            heap[i] = c;
            position[c] = i;
            i = child;
        }
        heap[i] = source;
        position[source] = i;
    }
}
