package dev.enisim.workload;

/**
 * Several processes on one function, merged in time order: a binary heap of each part's next arrival, ordered
 * by (time, part index), so each arrival costs O(log parts) (an imported week of 5-minute phases has thousands
 * of parts) and ties go to the lower part, as a scan in order would. Allocation-free.
 */
final class Merge implements ArrivalProcess.Source {

    private final ArrivalProcess.Source[] parts;
    private final long[] heads;
    /** Part indices, a min-heap on (heads[i], i). */
    private final int[] heap;

    Merge(ArrivalProcess.Source[] parts) {
        this.parts = parts;
        this.heads = new long[parts.length];
        this.heap = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            heads[i] = parts[i].next();
            heap[i] = i;
        }
        for (int i = parts.length / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    @Override
    public long next() {
        int top = heap[0];
        long t = heads[top];
        if (t != ArrivalProcess.NONE) {
            heads[top] = parts[top].next();
            siftDown(0);
        }
        return t;
    }

    private boolean before(int a, int b) {
        return heads[a] < heads[b] || (heads[a] == heads[b] && a < b);
    }

    private void siftDown(int i) {
        int n = heap.length;
        int moving = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], moving)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = moving;
    }
}
