package dev.enisim.engine;

import java.util.Arrays;

/**
 * A calendar queue (Brown, 1988) of (time, key, event) entries, ordered by time then key: an array of buckets,
 * each a "day" of {@code width} microseconds in a repeating "year", each holding its entries in a short sorted
 * list. When the bucket width suits the spacing of the events, inserting and removing the first entry cost O(1)
 * on average, whatever the number of entries; the width and the number of buckets adapt as the queue grows and
 * shrinks. Entries live in parallel primitive arrays with a free list: nothing is allocated per entry.
 */
final class CalendarQueue {

    private static final int NIL = -1;

    // entries
    private long[] times;
    private long[] keys;
    private Object[] events;
    private int[] next;
    private int free = NIL;
    private int used;

    // buckets
    private int[] heads;
    private int mask;
    // the day width is a power of two, 1 << shift, so that a time's day is a shift, not a division
    private int shift;
    private long width;
    private int size;

    // scan position: the bucket of the last minimum and the end of its day
    private int bucket;
    private long dayEnd;
    private long lastTime;

    // the cached minimum (NIL when unknown)
    private int minEntry = NIL;

    // the average gap between removed entries, to choose the bucket width on resize
    private double gapEstimate = 1;
    private int removalsSinceTuning;

    CalendarQueue(int capacity) {
        times = new long[capacity];
        keys = new long[capacity];
        events = new Object[capacity];
        next = new int[capacity];
        heads = new int[16];
        Arrays.fill(heads, NIL);
        mask = heads.length - 1;
        width = 1;
        dayEnd = width;
    }

    int size() {
        return size;
    }

    void add(long t, long k, Object e) {
        int n = allocate();
        times[n] = t;
        keys[n] = k;
        events[n] = e;
        insert(n);
        size++;
        if (minEntry != NIL && (t < times[minEntry] || (t == times[minEntry] && k < keys[minEntry]))) {
            minEntry = n;
        }
        if (2 * size > heads.length) {
            resize(heads.length * 2); // then a quarter full: it shrinks only below a sixteenth, no thrashing
        }
    }

    private void insert(int n) {
        long t = times[n];
        long k = keys[n];
        int b = (int) ((t >>> shift) & mask);
        int prev = NIL;
        int cur = heads[b];
        while (cur != NIL && (times[cur] < t || (times[cur] == t && keys[cur] < k))) {
            prev = cur;
            cur = next[cur];
        }
        next[n] = cur;
        if (prev == NIL) {
            heads[b] = n;
        } else {
            next[prev] = n;
        }
        if (t < lastTime) {
            // an entry before the scan position (scheduled at the current time): restart the scan at it
            lastTime = t;
            bucket = b;
            dayEnd = ((t >>> shift) + 1) << shift;
        }
    }

    /** Time of the first entry; call only when not empty. */
    long firstTime() {
        return times[first()];
    }

    long firstKey() {
        return keys[first()];
    }

    Object firstEvent() {
        return events[first()];
    }

    /** Removes the first entry (the one {@link #firstTime} describes). */
    void removeFirst() {
        int n = first();
        long t = times[n];
        int b = (int) ((t >>> shift) & mask);
        int following = next[n];
        heads[b] = following; // the first entry of the queue is the head of its bucket
        gapEstimate = 0.9 * gapEstimate + 0.1 * Math.max(0, t - lastTime);
        lastTime = t;
        bucket = b;
        long end = ((t >>> shift) + 1) << shift;
        dayEnd = end;
        events[n] = null;
        next[n] = free;
        free = n;
        size--;
        // the bucket's next entry, when inside the same day, is the new minimum: the scan would stop at it at once
        minEntry = following != NIL && times[following] < end ? following : NIL;
        if (16 * size < heads.length && heads.length > 16) {
            resize(heads.length / 2);
        } else if (++removalsSinceTuning > 2 * heads.length) {
            // the spacing of events drifts (traffic changes): re-tune the width when it is off by 2x
            removalsSinceTuning = 0;
            double ideal = Math.max(1, 3 * gapEstimate);
            if (width > 2 * ideal || 2 * width < ideal) {
                resize(heads.length);
            }
        }
    }

    private int first() {
        if (minEntry != NIL) {
            return minEntry;
        }
        // scan the year from the last minimum's day: the first head inside its own day is the minimum
        int b = bucket;
        long end = dayEnd;
        for (int i = 0; i <= mask; i++) {
            int h = heads[b];
            if (h != NIL && times[h] < end) {
                minEntry = h;
                bucket = b;
                dayEnd = end;
                return h;
            }
            b = (b + 1) & mask;
            end += width;
        }
        // nothing within a year: the minimum is far ahead; find it directly among the heads
        int best = NIL;
        for (int h : heads) {
            if (h != NIL && (best == NIL || times[h] < times[best]
                    || (times[h] == times[best] && keys[h] < keys[best]))) {
                best = h;
            }
        }
        minEntry = best;
        bucket = (int) ((times[best] >>> shift) & mask);
        dayEnd = ((times[best] >>> shift) + 1) << shift;
        return best;
    }

    private int allocate() {
        if (free != NIL) {
            int n = free;
            free = next[n];
            return n;
        }
        if (used == times.length) {
            int capacity = times.length * 2;
            times = Arrays.copyOf(times, capacity);
            keys = Arrays.copyOf(keys, capacity);
            events = Arrays.copyOf(events, capacity);
            next = Arrays.copyOf(next, capacity);
        }
        return used++;
    }

    /**
     * Rebuilds with {@code buckets} buckets and a width of about three average gaps. A re-tuning keeps the number of
     * buckets and only changes the width: the bucket array is then reused, so that a long run's re-tunings (the
     * width can go back and forth as the gap estimate wanders around a power of two) allocate nothing.
     */
    private void resize(int buckets) {
        removalsSinceTuning = 0;
        // every entry into one chain (through next), so that the bucket array can be refilled in place
        int chain = NIL;
        for (int h : heads) {
            int cur = h;
            while (cur != NIL) {
                int nxt = next[cur];
                next[cur] = chain;
                chain = cur;
                cur = nxt;
            }
        }
        if (buckets != heads.length) {
            heads = new int[buckets];
        }
        Arrays.fill(heads, NIL);
        mask = buckets - 1;
        shift = 63 - Long.numberOfLeadingZeros(Math.max(1, (long) (3 * gapEstimate)));
        width = 1L << shift;
        minEntry = NIL;
        while (chain != NIL) {
            int nxt = next[chain];
            insert(chain);
            chain = nxt;
        }
        bucket = (int) ((lastTime >>> shift) & mask);
        dayEnd = ((lastTime >>> shift) + 1) << shift;
    }
}
