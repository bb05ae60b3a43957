package dev.enisim.engine;

import java.util.Arrays;

/**
 * A calendar queue (Brown, 1988) of (time, key, entry) entries, ordered by time then key: an array of buckets,
 * each a "day" of {@code width} microseconds in a repeating "year", each holding its entries in sorted order.
 * When the bucket width suits the spacing of the events, inserting and removing the first entry cost O(1) on
 * average, whatever the number of entries; the width and the number of buckets adapt as the queue grows and
 * shrinks.
 *
 * <p>An entry is an event object ({@link #OBJECT}) or a plain event: a kind (0 or more, or the loop's own
 * negative kinds) and a {@code long} payload. A bucket is eight longs (one cache line's worth) holding its first
 * two entries <em>inline</em> (time, key, payload; their two kinds share one long), and the head and tail of an
 * overflow list for its third entry and beyond, kept in a pool of four longs per entry (time, key, payload, then
 * the next entry and the kind in one long). So the common insertion writes one bucket and nothing else; the
 * removal of the first entry moves the bucket's second entry up within the same bucket; and the scan for the next
 * minimum walks the bucket array in time order. No entry outside the bucket array is touched unless a bucket holds
 * three or more. An event object waits in a slot of its own, numbered in the entry's payload, and is read only
 * for object entries. Nothing is allocated per entry (free lists).
 *
 * <p>The first entry of the queue is always the first inline entry of its bucket: {@link #peek} gives that
 * bucket's number, valid until the next change to the queue.
 */
final class CalendarQueue {

    static final int NIL = -1;
    /** The kind of an entry holding an event object. */
    static final int OBJECT = -1;
    /** The kind of an inline place that holds no entry. */
    private static final int EMPTY = Integer.MIN_VALUE;

    /** Removals between two checks of the width, at most (as many as buckets while they are fewer). */
    static final int TUNING_WINDOW = 4096;
    /** Removals a gap is measured over, at least: a resize sooner keeps the previous estimate. */
    static final int MIN_WINDOW = 64;

    // a bucket's eight longs: the first entry (time, Long.MAX_VALUE when empty; key; payload), the two kinds (the
    // first's in the high 32 bits, the second's in the low, EMPTY when there is none), the second entry (time,
    // key, payload), then the overflow list (head in the low 32 bits, NIL when empty; tail in the high 32 bits,
    // meaningful only when not empty). An empty first place implies an empty second; an empty second, no overflow.
    private static final int BUCKET_SHIFT = 3;
    private static final int KEY = 1;
    private static final int PAYLOAD = 2;
    private static final int KINDS = 3;
    private static final int SECOND = 4;
    private static final int OVERFLOW = 7;
    private static final long LOW = 0xFFFF_FFFFL;
    private static final long NO_KINDS = ((long) EMPTY << 32) | (EMPTY & LOW);
    private static final long NO_OVERFLOW = -1L;

    // the overflow pool: four longs an entry (time, key, payload, then next entry in the low 32 bits and kind in
    // the high 32 bits)
    private static final int STRIDE = 4;
    private static final int LINK = 3;
    private long[] entries;
    private int free = NIL;
    private int used;

    // event objects, by slot (an object entry's payload)
    private Object[] events;
    private int[] freeEvents;
    private int freeEventCount;
    private int usedEvents;

    private long[] buckets;
    private int mask;
    // the day width is a power of two, 1 << shift, so that a time's day is a shift, not a division
    private int shift;
    private long width;
    private int size;

    // scan position: the bucket of the last minimum and the end of its day
    private int bucket;
    private long dayEnd;
    private long lastTime;

    // the bucket of the cached minimum (NIL when unknown)
    private int minBucket = NIL;

    // the average gap between removed entries, to choose the bucket width on resize: measured over a window of
    // removals (from windowStart's time), nothing computed per removal
    private double gapEstimate = 1;
    private int removalsSinceTuning;
    private long windowStart;
    private int tuningWindow = MIN_WINDOW;   // removals between two checks of the width

    CalendarQueue(int capacity) {
        entries = new long[capacity * STRIDE];
        events = new Object[capacity];
        freeEvents = new int[capacity];
        buckets = new long[16 << BUCKET_SHIFT];
        clearBuckets();
        mask = 15;
        width = 1;
        dayEnd = width;
    }

    int size() {
        return size;
    }

    /** Adds an event object. */
    void add(long t, long k, Object e) {
        int slot;
        if (freeEventCount > 0) {
            slot = freeEvents[--freeEventCount];
        } else {
            if (usedEvents == events.length) {
                events = Arrays.copyOf(events, 2 * usedEvents);
                freeEvents = Arrays.copyOf(freeEvents, 2 * usedEvents);
            }
            slot = usedEvents++;
        }
        events[slot] = e;
        add(t, k, OBJECT, slot);
    }

    /** Adds a plain event of kind {@code kind}. */
    void add(long t, long k, int kind, long payload) {
        int b = insert(t, k, kind, payload);
        size++;
        if (minBucket != NIL) {
            long[] c = buckets;
            int m = minBucket << BUCKET_SHIFT;
            if (t < c[m] || (t == c[m] && k < c[m + KEY])) {
                minBucket = b;
            }
        }
        if (2 * size > buckets.length >> BUCKET_SHIFT) {
            resize(2 * (buckets.length >> BUCKET_SHIFT)); // then a quarter full; it shrinks only below a sixteenth
        }
    }

    /** Inserts the entry into its bucket and returns the bucket. */
    private int insert(long t, long k, int kind, long payload) {
        long[] c = buckets;
        int b = (int) ((t >>> shift) & mask);
        int o = b << BUCKET_SHIFT;
        long kinds = c[o + KINDS];
        int firstKind = (int) (kinds >> 32);
        if (firstKind == EMPTY) {
            c[o] = t;
            c[o + KEY] = k;
            c[o + PAYLOAD] = payload;
            c[o + KINDS] = ((long) kind << 32) | (EMPTY & LOW);
        } else {
            long ft = c[o];
            int secondKind = (int) kinds;
            if (t < ft || (t == ft && k < c[o + KEY])) {
                // the bucket's new first: the first moves to second place, the second to the overflow's front
                if (secondKind != EMPTY) {
                    pushFront(o, c[o + SECOND], c[o + SECOND + KEY], c[o + SECOND + PAYLOAD], secondKind);
                }
                c[o + SECOND] = ft;
                c[o + SECOND + KEY] = c[o + KEY];
                c[o + SECOND + PAYLOAD] = c[o + PAYLOAD];
                c[o] = t;
                c[o + KEY] = k;
                c[o + PAYLOAD] = payload;
                c[o + KINDS] = ((long) kind << 32) | (firstKind & LOW);
            } else if (secondKind == EMPTY) {
                c[o + SECOND] = t;
                c[o + SECOND + KEY] = k;
                c[o + SECOND + PAYLOAD] = payload;
                c[o + KINDS] = (kinds & ~LOW) | (kind & LOW);
            } else {
                long st = c[o + SECOND];
                if (t < st || (t == st && k < c[o + SECOND + KEY])) {
                    pushFront(o, st, c[o + SECOND + KEY], c[o + SECOND + PAYLOAD], secondKind);
                    c[o + SECOND] = t;
                    c[o + SECOND + KEY] = k;
                    c[o + SECOND + PAYLOAD] = payload;
                    c[o + KINDS] = (kinds & ~LOW) | (kind & LOW);
                } else {
                    insertOverflow(o, t, k, kind, payload);
                }
            }
        }
        if (t < lastTime) {
            // an entry before the scan position (scheduled at the current time): restart the scan at it
            lastTime = t;
            bucket = b;
            dayEnd = ((t >>> shift) + 1) << shift;
        }
        return b;
    }

    /** Puts an entry at the front of bucket {@code o}'s overflow list. */
    private void pushFront(int o, long t, long k, long payload, int kind) {
        int n = allocate(t, k, kind, payload);
        long ov = buckets[o + OVERFLOW];
        int head = (int) ov;
        setNext(entries, n, head);
        buckets[o + OVERFLOW] = head == NIL ? ((long) n << 32) | n : (ov & ~LOW) | n;
    }

    /** Inserts an entry not before the bucket's second into its sorted overflow list. */
    private void insertOverflow(int o, long t, long k, int kind, long payload) {
        long[] c = buckets;
        long ov = c[o + OVERFLOW];
        int head = (int) ov;
        if (head == NIL) {
            int n = allocate(t, k, kind, payload);
            setNext(entries, n, NIL);
            c[o + OVERFLOW] = ((long) n << 32) | n;
            return;
        }
        long[] e = entries;
        int tail = (int) (ov >>> 32);
        int l = tail * STRIDE;
        long lt = e[l];
        if (t > lt || (t == lt && k >= e[l + KEY])) {
            // not before the last (events at one time come in the order of their keys): appended, no walk
            int n = allocate(t, k, kind, payload);
            e = entries;
            setNext(e, n, NIL);
            setNext(e, tail, n);
            c[o + OVERFLOW] = ((long) n << 32) | (ov & LOW);
            return;
        }
        int h = head * STRIDE;
        if (t < e[h] || (t == e[h] && k < e[h + KEY])) {
            pushFront(o, t, k, payload, kind);
            return;
        }
        // between the first and the last: the walk stops at the last entry at the latest, with no end test
        int prev = head;
        int cur = next(e, prev);
        while (true) {
            int x = cur * STRIDE;
            long xt = e[x];
            if (xt > t || (xt == t && e[x + KEY] > k)) {
                break;
            }
            prev = cur;
            cur = (int) e[x + LINK];
        }
        int n = allocate(t, k, kind, payload);
        e = entries;
        setNext(e, n, cur);
        setNext(e, prev, n);
    }

    private static int next(long[] e, int n) {
        return (int) e[n * STRIDE + LINK];
    }

    private static void setNext(long[] e, int n, int next) {
        int o = n * STRIDE + LINK;
        e[o] = (e[o] & ~LOW) | (next & LOW);
    }

    /** The bucket whose first entry is the queue's first, or {@link #NIL} when empty. */
    int peek() {
        return size == 0 ? NIL : first();
    }

    /** Time of the first entry of bucket {@code b}. */
    long time(int b) {
        return buckets[b << BUCKET_SHIFT];
    }

    long key(int b) {
        return buckets[(b << BUCKET_SHIFT) + KEY];
    }

    long payload(int b) {
        return buckets[(b << BUCKET_SHIFT) + PAYLOAD];
    }

    int kind(int b) {
        return (int) (buckets[(b << BUCKET_SHIFT) + KINDS] >> 32);
    }

    /** The event object of bucket {@code b}'s first entry, whose kind must be {@link #OBJECT}. */
    Object event(int b) {
        return events[(int) payload(b)];
    }

    /** Time of the first entry; call only when not empty. */
    long firstTime() {
        return time(first());
    }

    long firstKey() {
        return key(first());
    }

    /** The first entry's event object, null for a plain entry. */
    Object firstEvent() {
        int b = first();
        return kind(b) == OBJECT ? event(b) : null;
    }

    /** Removes the first entry (the one {@link #peek} gives). */
    void removeFirst() {
        int b = first();
        long[] c = buckets;
        int o = b << BUCKET_SHIFT;
        long t = c[o];
        long kinds = c[o + KINDS];
        if ((int) (kinds >> 32) == OBJECT) {
            int slot = (int) c[o + PAYLOAD];
            events[slot] = null;
            freeEvents[freeEventCount++] = slot;
        }
        int secondKind = (int) kinds;
        long followingTime;
        if (secondKind == EMPTY) {
            followingTime = Long.MAX_VALUE;
            c[o] = followingTime;
            c[o + KINDS] = NO_KINDS;
        } else {
            // the second moves up; the overflow's first, if any, becomes the second
            followingTime = c[o + SECOND];
            c[o] = followingTime;
            c[o + KEY] = c[o + SECOND + KEY];
            c[o + PAYLOAD] = c[o + SECOND + PAYLOAD];
            long ov = c[o + OVERFLOW];
            int h = (int) ov;
            if (h == NIL) {
                c[o + KINDS] = ((long) secondKind << 32) | (EMPTY & LOW);
            } else {
                long[] e = entries;
                int x = h * STRIDE;
                c[o + SECOND] = e[x];
                c[o + SECOND + KEY] = e[x + KEY];
                c[o + SECOND + PAYLOAD] = e[x + PAYLOAD];
                long link = e[x + LINK];
                c[o + KINDS] = ((long) secondKind << 32) | (link >>> 32);
                int following = (int) link;
                c[o + OVERFLOW] = following == NIL ? NO_OVERFLOW : (ov & ~LOW) | (following & LOW);
                e[x + LINK] = free; // a free entry's link is its next free one
                free = h;
            }
        }
        lastTime = t;
        bucket = b;
        long end = ((t >>> shift) + 1) << shift;
        dayEnd = end;
        size--;
        // the bucket's next entry, when inside the same day, is the new minimum: the scan would stop at it at once
        minBucket = followingTime < end ? b : NIL;
        removalsSinceTuning++;
        if (16 * size < buckets.length >> BUCKET_SHIFT && buckets.length > 16 << BUCKET_SHIFT) {
            resize((buckets.length >> BUCKET_SHIFT) / 2);
        } else if (removalsSinceTuning >= tuningWindow) {
            // the spacing of events drifts (traffic changes): re-tune the width when it is off by 2x
            measureGap();
            double ideal = Math.max(1, 3 * gapEstimate);
            if (width > 2 * ideal || 2 * width < ideal) {
                resize(buckets.length >> BUCKET_SHIFT);
            }
        }
    }

    /**
     * Takes the average gap of the removals since the window began, when there were enough of them to say, and
     * begins a new window.
     */
    private void measureGap() {
        if (removalsSinceTuning >= MIN_WINDOW) {
            gapEstimate = Math.max(0, lastTime - windowStart) / (double) removalsSinceTuning;
            removalsSinceTuning = 0;
            windowStart = lastTime;
        }
    }

    private int first() {
        if (minBucket != NIL) {
            return minBucket;
        }
        // scan the year from the last minimum's day: the first bucket whose first entry is inside its own day holds
        // the minimum
        long[] c = buckets;
        int b = bucket;
        long end = dayEnd;
        for (int i = 0; i <= mask; i++) {
            if (c[b << BUCKET_SHIFT] < end) {
                minBucket = b;
                bucket = b;
                dayEnd = end;
                return b;
            }
            b = (b + 1) & mask;
            end += width;
        }
        // nothing within a year: the minimum is far ahead; find it directly among the buckets' first entries
        int best = NIL;
        for (int i = 0; i <= mask; i++) {
            int o = i << BUCKET_SHIFT;
            if ((int) (c[o + KINDS] >> 32) != EMPTY) {
                int bo = best << BUCKET_SHIFT;
                if (best == NIL || c[o] < c[bo] || (c[o] == c[bo] && c[o + KEY] < c[bo + KEY])) {
                    best = i;
                }
            }
        }
        minBucket = best;
        long bt = c[best << BUCKET_SHIFT];
        bucket = best;
        dayEnd = ((bt >>> shift) + 1) << shift;
        return best;
    }

    /** An overflow entry holding the given fields, its link unset. */
    private int allocate(long t, long k, int kind, long payload) {
        int n;
        if (free != NIL) {
            n = free;
            free = (int) entries[n * STRIDE + LINK];
        } else {
            if (used == entries.length / STRIDE) {
                entries = Arrays.copyOf(entries, 2 * entries.length);
            }
            n = used++;
        }
        long[] e = entries;
        int x = n * STRIDE;
        e[x] = t;
        e[x + KEY] = k;
        e[x + PAYLOAD] = payload;
        e[x + LINK] = (long) kind << 32;
        return n;
    }

    private void clearBuckets() {
        long[] c = buckets;
        for (int o = 0; o < c.length; o += 1 << BUCKET_SHIFT) {
            c[o] = Long.MAX_VALUE;
            c[o + KINDS] = NO_KINDS;
            c[o + OVERFLOW] = NO_OVERFLOW;
        }
    }

    /**
     * Rebuilds with {@code count} buckets and a width of about three average gaps. A re-tuning keeps the number of
     * buckets and only changes the width: the bucket array is then reused, so that a long run's re-tunings (the
     * width can go back and forth as the gap estimate wanders around a power of two) allocate nothing once the
     * overflow pool has held every entry.
     */
    private void resize(int count) {
        measureGap();
        // every entry into one chain of pool entries (through next), so that the bucket array can be refilled
        int chain = NIL;
        long[] c = buckets;
        for (int o = 0; o < c.length; o += 1 << BUCKET_SHIFT) {
            long kinds = c[o + KINDS];
            if ((int) (kinds >> 32) == EMPTY) {
                continue;
            }
            int n = allocate(c[o], c[o + KEY], (int) (kinds >> 32), c[o + PAYLOAD]);
            setNext(entries, n, chain);
            chain = n;
            if ((int) kinds != EMPTY) {
                n = allocate(c[o + SECOND], c[o + SECOND + KEY], (int) kinds, c[o + SECOND + PAYLOAD]);
                setNext(entries, n, chain);
                chain = n;
                int cur = (int) c[o + OVERFLOW];
                while (cur != NIL) {
                    int nxt = next(entries, cur);
                    setNext(entries, cur, chain);
                    chain = cur;
                    cur = nxt;
                }
            }
        }
        if (count << BUCKET_SHIFT != buckets.length) {
            buckets = new long[count << BUCKET_SHIFT];
        }
        tuningWindow = Math.max(MIN_WINDOW, Math.min(count, TUNING_WINDOW));
        clearBuckets();
        mask = count - 1;
        shift = 63 - Long.numberOfLeadingZeros(Math.max(1, (long) (3 * gapEstimate)));
        width = 1L << shift;
        minBucket = NIL;
        long[] e = entries;
        while (chain != NIL) {
            int x = chain * STRIDE;
            long link = e[x + LINK];
            long t = e[x];
            long k = e[x + KEY];
            long payload = e[x + PAYLOAD];
            e[x + LINK] = free;
            free = chain;
            chain = (int) link;
            insert(t, k, (int) (link >> 32), payload);
            e = entries; // an insertion may take a pool entry, never grow the pool: it holds every entry now
        }
        bucket = (int) ((lastTime >>> shift) & mask);
        dayEnd = ((lastTime >>> shift) + 1) << shift;
    }
}
