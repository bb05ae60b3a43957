package dev.enisim.engine;

import java.util.Arrays;

/**
 * A calendar queue (Brown, 1988) of (time, key, entry) entries, ordered by time then key: an array of buckets,
 * each a "day" of {@code width} microseconds in a repeating "year", each holding its entries in a short sorted
 * list. When the bucket width suits the spacing of the events, inserting and removing the first entry cost O(1)
 * on average, whatever the number of entries; the width and the number of buckets adapt as the queue grows and
 * shrinks. A large queue adds a far tier in front of the buckets (below).
 *
 * <p>An entry is an event object ({@link #OBJECT}) or a plain event: a kind (0 or more, or the loop's own
 * negative kinds) and a {@code long} payload, with no object at all. Entries live in one {@code long[]}, four
 * longs each (time, then the next entry of the bucket's list and the kind in one long, then key and payload), so
 * that walking a bucket's list reads one cache line per entry passed, and the two longs every insertion, walk and
 * removal reads share a line more often than not (the array is only 8-byte aligned: an entry spans two lines in
 * three cases of eight, its first two longs in one); event objects sit apart and are read only for
 * object entries. Each bucket holds its first entry's time beside the entry's index, so that an insertion into an
 * empty bucket or before its first entry, and the scan for the next minimum, read no entry at all. Nothing is
 * allocated per entry (free entries are a stack of indices).
 *
 * <p><b>The far tier</b> (a two-tier calendar, after the ladder queue of Tang, Goh and Thng, 2005). With many
 * entries, the bucket array and the entries outgrow the caches, and an insertion into a random bucket is a miss
 * on the bucket and one on the bucket's last entry, paid one after the other. From {@link #FAR_ON} entries, the
 * buckets hold only the entries up to {@code nearEnd}; a later entry becomes a record (time, kind, key, payload)
 * appended, unsorted, to the last block of its <i>slot</i>: a turn is {@link #SLOTS} slots of 2^{@link #SLOT_BITS}
 * days each, and an entry past the turn goes to the overflow. An append writes where the previous append to that
 * slot wrote, memory that is still in cache. When the buckets and the run (below) are empty, the first non-empty
 * slot is poured into the <i>run</i> (its blocks read in order) and {@code nearEnd} moves to that slot's end; when
 * the turn's slots are spent, a new turn begins at the overflow's earliest time and the overflow is sorted into its
 * slots. The order is unchanged: every entry in the buckets and the run is at or before {@code nearEnd}, every far
 * one after it. Blocks go back to a free list as they are poured, so the far tier's memory follows what it holds.
 * Below a quarter of {@code FAR_ON} entries the tier stops and everything goes back into the buckets.
 *
 * <p><b>The run</b> (nineteenth pass; the ladder queue's "bottom"). A poured slot is not inserted into the buckets
 * one entry at a time (an entry taken from the free stack, its bucket's head and last entry read, a link written,
 * and later unlinked): it is sorted, by a counting sort on the time's top bits within the slot and an insertion sort
 * for the few records of one part, into consecutive entries (no links), and taken from there in order, an index
 * moving on. The buckets then hold only what is added into the slot being taken (with {@code
 * many-functions}, a few per cent of the adds): the queue's first is the earlier of the run's first and the buckets'
 * (cached: {@code bucketMin}). The run lives in the entries' first places (the buckets' entries after them), so
 * {@link #time}, {@link #kind} and the others read an entry of either the same way; a removal tells them apart by
 * the entry's number (below {@code runEnd}: the run's). Measured (reports/perf/HISTORY.md, "Round 2, nineteenth
 * pass"): the pours' share of {@code many-functions}' steady samples 17% -> 11%.
 *
 * <p>Measured (replayed calendar traces of the bench workloads, session 9): with {@code many-functions}' 26,000
 * entries the tier takes about a quarter off the calendar's CPU time per operation; with {@code loss}' 950 and
 * {@code loss-100}'s 1,240 entries (all in cache) it cost 11 to 36% more per operation when started at 256, hence
 * {@code FAR_ON} = 4,096. Slots of 2^7 or 2^8 days, 64 or 256 of them, measured alike; see README, "Round 2, ninth
 * pass".
 */
final class CalendarQueue {

    static final int NIL = -1;
    /** The run's counting sort splits a slot into at most 2^RUN_PART_BITS parts (then an insertion sort). */
    static final int RUN_PART_BITS = 12;
    /** The kind of an entry holding an event object. */
    static final int OBJECT = -1;

    /** Removals between two checks of the width, at most (as many as buckets while they are fewer). */
    static final int TUNING_WINDOW = 4096;
    /**
     * The day width is the power of two at or below this many average gaps (1.5 to 3 gaps). The power of two nearest
     * 1.5 gaps (1.06 to 2.12 gaps) halves {@code account}'s walks and adds half again as many scans: measured no
     * faster (reports/perf/HISTORY.md, "Round 2, fourteenth pass").
     */
    static final double IDEAL_WIDTH_GAPS = 3;
    /** Removals a gap is measured over, at least: a resize sooner keeps the previous estimate. */
    static final int MIN_WINDOW = 64;

    /** Entries at which the far tier starts (and a quarter of it where it stops): the class comment says why. */
    static final int FAR_ON = 4096;
    /** The far tier's slots (a turn); beyond the turn, entries wait in the overflow. */
    static final int SLOTS = 64;
    /** A slot is 2^SLOT_BITS days: with days of about three gaps, some 770 entries. */
    static final int SLOT_BITS = 8;
    /**
     * Buckets when the far tier starts (fewer if there were fewer): the buckets then hold only the entries up to
     * {@code nearEnd}, a slot's 2^SLOT_BITS days, so four days of buckets for each of those, 16 KiB, where a
     * bucket array sized for all the entries (131,072 buckets, 2 MiB, for {@code many-functions}' 26,000) had each
     * pour's 256 days land on lines last touched a year (17 s) before. From there the buckets double when the
     * entries in them fill more than half, as before.
     */
    static final int FAR_BUCKETS = 4 << SLOT_BITS;
    /** Records per block of the far tier's storage. */
    static final int BLOCK = 32;
    private static final int OVERFLOW = SLOTS;
    /**
     * Days after an entry's that {@link #after} looks at: with days of about three gaps, the entry after is in the
     * same bucket or one of the next few.
     */
    static final int AFTER_SCAN = 4;
    /** Entries of earlier days heading a bucket that {@link #after} walks past to find the day's own: a few. */
    private static final int HIDDEN_WALK = 4;
    /** {@link #hiddenInDay}'s answer when its walk ended before the day: not an entry's index. */
    static final int NOT_KNOWN = -2;

    // an entry's four longs: the time and the link, which every insertion, walk and removal reads, side by side
    private static final int STRIDE = 4;
    private static final int LINK = 1;             // next entry (low 32 bits), kind (high 32 bits)
    private static final int KEY = 2;
    private static final int PAYLOAD = 3;
    private static final long NEXT_BITS = 0xFFFF_FFFFL;

    // entries
    private long[] entries;
    private Object[] events;
    // free entries, a stack: taking one reads this array, not the entry (a batch of takes is not a chain of misses)
    private int[] freeStack;
    private int freeTop;
    private int used;

    // buckets: two longs each, the time of the first entry (Long.MAX_VALUE when empty), and the first entry (low 32
    // bits, NIL when empty) with the last (high 32 bits, meaningful only when not empty)
    private long[] heads;
    private int mask;
    // the day width is a power of two, 1 << shift, so that a time's day is a shift, not a division
    private int shift;
    private long width;
    private int size;

    // scan position: the bucket of the last minimum and the end of its day
    private int bucket;
    private long dayEnd;
    private long lastTime;

    // the cached minimum (NIL when unknown): an entry of the buckets, or the run's first
    private int minEntry = NIL;
    // the buckets' first entry when known (NIL when unknown or the buckets are empty), kept while there is a run
    private int bucketMin = NIL;

    // the run: the last slot poured, sorted by (time, key), in the entries' first runCap places (the buckets' entries
    // come after them); its entries [runPos, runEnd) are in the queue; runPos = runEnd = 0 when it is all taken (so
    // that runEnd == 0 says "no run" and an entry below runEnd is the run's)
    private int runCap;
    private int runPos;
    private int runEnd;
    private int[] runCounts = new int[0];      // the pour's counting sort: records per part of the slot
    private long scanLimit;                    // after's look at the buckets: nothing before this time but found

    // the far tier: entries after nearEnd, as records in blocks, unsorted, one chain of blocks per slot
    // of the current turn (slot s holds [turnStart + s << slotShift, turnStart + (s + 1) << slotShift)) and one
    // for the overflow (after the turn); every entry in the buckets is at or before nearEnd
    private final int farOn;
    private long nearEnd = Long.MAX_VALUE;    // Long.MAX_VALUE while the far tier is off
    private long turnStart;
    private int slotShift;
    private int nextSlot;                      // the first slot not yet poured into the buckets
    private int nearSize;                      // entries in the buckets (the rest are far)
    private long[] records;                    // four longs a record: time, kind, key, payload
    private Object[] recordEvents;
    private int[] blockNext;
    private int freeBlock = NIL;
    private int usedBlocks;
    private final int[] slotHead = new int[SLOTS + 1];
    private final int[] slotTail = new int[SLOTS + 1];
    private final int[] slotFill = new int[SLOTS + 1];   // records in the tail block; BLOCK when it has none

    // the average gap between removed entries, to choose the bucket width on resize: measured over a window of
    // removals (from windowStart's time), nothing computed per removal
    private double gapEstimate = 1;
    private int removalsSinceTuning;
    private long windowStart;
    private int tuningWindow = MIN_WINDOW;   // removals between two checks of the width

    CalendarQueue(int capacity) {
        this(capacity, FAR_ON);
    }

    /** A queue whose far tier starts at {@code farOn} entries (tests start it small). */
    CalendarQueue(int capacity, int farOn) {
        this.farOn = farOn;
        Arrays.fill(slotHead, NIL);
        Arrays.fill(slotFill, BLOCK);
        entries = new long[capacity * STRIDE];
        events = new Object[capacity];
        freeStack = new int[capacity];
        heads = new long[2 * 16];
        clearHeads();
        mask = 15;
        width = 1;
        dayEnd = width;
    }

    int size() {
        return size;
    }

    /** Adds an event object. */
    void add(long t, long k, Object e) {
        put(t, k, OBJECT, 0, e);
    }

    /** Adds a plain event of kind {@code kind}. */
    void add(long t, long k, int kind, long payload) {
        put(t, k, kind, payload, null);
    }

    private void put(long t, long k, int kind, long payload, Object event) {
        if (t > nearEnd) {
            addFar(t, k, kind, payload, event);
        } else {
            int n = addNear(t, k, kind, payload, event);
            if (runEnd == 0) {
                // no run: the queue's first is the buckets' (bucketMin is not kept)
                int me = minEntry;
                if (me != NIL) {
                    long[] e = entries;
                    int m = me * STRIDE;
                    if (t < e[m] || (t == e[m] && k < e[m + KEY])) {
                        minEntry = n;
                    }
                }
            } else {
                addedBesideRun(n, t, k);
            }
        }
        size++;
        // the entries in the buckets: all of them while the far tier is off
        if (2 * nearSize > heads.length / 2) {
            resize(heads.length); // twice the buckets: then a quarter full; it shrinks only below a sixteenth
        }
    }

    /** Entry {@code n} (t, k) was added into the buckets while the run is being taken: the cached firsts follow. */
    private void addedBesideRun(int n, long t, long k) {
        long[] e = entries;
        int bm = bucketMin;
        if (bm != NIL) {
            int m = bm * STRIDE;
            if (t < e[m] || (t == e[m] && k < e[m + KEY])) {
                bucketMin = n;
            }
        } else if (nearSize == 1) {
            bucketMin = n; // the buckets were empty
        }
        int me = minEntry;
        if (me != NIL && (t < time(me) || (t == time(me) && k < key(me)))) {
            minEntry = n;
        }
    }

    /** Puts an entry into the buckets (the minimum is the caller's business) and returns it. */
    private int addNear(long t, long k, int kind, long payload, Object event) {
        int n = allocate();
        int o = n * STRIDE;
        long[] e = entries;
        e[o] = t;
        e[o + KEY] = k;
        e[o + PAYLOAD] = payload;
        if (event != null) {
            events[n] = event;
        }
        insert(n, t, k, (long) kind << 32);
        nearSize++;
        return n;
    }

    /** Appends a record to its slot's last block (or the overflow's): a store into memory touched lately. */
    private void addFar(long t, long k, int kind, long payload, Object event) {
        int s = (int) Math.min((t - turnStart) >>> slotShift, OVERFLOW); // past the turn: the overflow
        int b = slotTail[s];
        int f = slotFill[s];
        if (f == BLOCK) {
            int nb = allocateBlock();
            if (slotHead[s] == NIL) {
                slotHead[s] = nb;
            } else {
                blockNext[b] = nb;
            }
            slotTail[s] = nb;
            b = nb;
            f = 0;
        }
        int r = b * BLOCK + f;
        long[] rc = records;
        int o = r * STRIDE;
        rc[o] = t;
        rc[o + KEY] = k;
        rc[o + PAYLOAD] = payload;
        rc[o + LINK] = kind;
        if (event != null) {
            recordEvents[r] = event;
        }
        slotFill[s] = f + 1;
    }

    private int allocateBlock() {
        int b = freeBlock;
        if (b != NIL) {
            freeBlock = blockNext[b];
        } else {
            if (records == null) {
                records = new long[16 * BLOCK * STRIDE];
                recordEvents = new Object[16 * BLOCK];
                blockNext = new int[16];
            } else if (usedBlocks == blockNext.length) {
                int blocks = 2 * usedBlocks;
                records = Arrays.copyOf(records, blocks * BLOCK * STRIDE);
                recordEvents = Arrays.copyOf(recordEvents, blocks * BLOCK);
                blockNext = Arrays.copyOf(blockNext, blocks);
            }
            b = usedBlocks++;
        }
        blockNext[b] = NIL;
        return b;
    }

    /**
     * Takes slot {@code s}'s records out of the far tier, in the order they came: into the buckets (the far tier
     * stops), or (the overflow at a new turn) back into the far tier by their times. Its blocks go back to the free list as they
     * are read (an append may take one again, once read).
     */
    private void pour(int s, boolean near) {
        int b = slotHead[s];
        int tail = slotTail[s];
        int last = slotFill[s];
        slotHead[s] = NIL;
        slotFill[s] = BLOCK;
        long[] rc = records;
        Object[] ev = recordEvents;
        while (b != NIL) {
            int count = b == tail ? last : BLOCK;
            for (int r = b * BLOCK, end = r + count; r < end; r++) {
                int o = r * STRIDE;
                Object event = ev[r];
                if (event != null) {
                    recordEvents[r] = null; // the field: an append may have grown the arrays
                }
                if (near) {
                    addNear(rc[o], rc[o + KEY], (int) rc[o + LINK], rc[o + PAYLOAD], event);
                } else {
                    addFar(rc[o], rc[o + KEY], (int) rc[o + LINK], rc[o + PAYLOAD], event);
                }
            }
            int nxt = blockNext[b];
            blockNext[b] = freeBlock;
            freeBlock = b;
            b = nxt;
        }
    }

    /**
     * Takes slot {@code s}'s records (times in [{@code start}, start + 2^slotShift)) out of the far tier into the run,
     * sorted by (time, key): a counting sort on the time's top bits within the slot (as many parts as records, about,
     * up to 2^{@link #RUN_PART_BITS}), the records copied into the run in that order, then an insertion sort over the
     * run for the order within a part (a few records each: few moves). The run is empty (all taken) when this is
     * called; its entries are then taken in order, with no bucket, no link and no free entry.
     */
    private void pourRun(int s, long start) {
        int head = slotHead[s];
        int tail = slotTail[s];
        int last = slotFill[s];
        slotHead[s] = NIL;
        slotFill[s] = BLOCK;
        int count = 0;
        for (int b = head; b != NIL; b = blockNext[b]) {
            count += b == tail ? last : BLOCK;
        }
        if (runCap < count) {
            // a larger run: the buckets are empty (all their entries free), so they start afresh after it
            int newRun = Math.max(count, 2 * runCap);
            int capacity = newRun + Math.max(16, events.length - runCap);
            entries = new long[capacity * STRIDE];
            events = new Object[capacity];
            freeStack = new int[capacity];
            freeTop = 0;
            used = newRun;
            runCap = newRun;
        }
        int bits = Math.min(Math.min(slotShift, RUN_PART_BITS), 32 - Integer.numberOfLeadingZeros(count));
        int drop = slotShift - bits;
        int parts = 1 << bits;
        if (runCounts.length < parts + 1) {
            runCounts = new int[(1 << RUN_PART_BITS) + 1];
        }
        int[] at = runCounts;
        java.util.Arrays.fill(at, 0, parts + 1, 0);
        long[] rc = records;
        for (int b = head; b != NIL; b = blockNext[b]) {
            for (int r = b * BLOCK, end = r + (b == tail ? last : BLOCK); r < end; r++) {
                at[(int) ((rc[r * STRIDE] - start) >>> drop) + 1]++;
            }
        }
        for (int i = 1; i <= parts; i++) {
            at[i] += at[i - 1];
        }
        long[] ru = entries;
        Object[] rv = events;
        Object[] ev = recordEvents;
        int b = head;
        while (b != NIL) {
            for (int r = b * BLOCK, end = r + (b == tail ? last : BLOCK); r < end; r++) {
                int o = r * STRIDE;
                long t = rc[o];
                int p = at[(int) ((t - start) >>> drop)]++;
                int q = p * STRIDE;
                ru[q] = t;
                ru[q + LINK] = rc[o + LINK] << 32;
                ru[q + KEY] = rc[o + KEY];
                ru[q + PAYLOAD] = rc[o + PAYLOAD];
                Object event = ev[r];
                if (event != null) {
                    ev[r] = null;
                    rv[p] = event;
                }
            }
            int nxt = blockNext[b];
            blockNext[b] = freeBlock;
            freeBlock = b;
            b = nxt;
        }
        // the order within a part: an insertion sort over the whole run (each record moves past the few of its part)
        for (int i = 1; i < count; i++) {
            int q = i * STRIDE;
            long t = ru[q];
            long k = ru[q + KEY];
            int j = i - 1;
            long pt = ru[j * STRIDE];
            if (pt < t || (pt == t && ru[j * STRIDE + KEY] < k)) {
                continue;
            }
            long link = ru[q + LINK];
            long payload = ru[q + PAYLOAD];
            Object event = rv[i];
            do {
                int from = j * STRIDE;
                int to = from + STRIDE;
                ru[to] = ru[from];
                ru[to + LINK] = ru[from + LINK];
                ru[to + KEY] = ru[from + KEY];
                ru[to + PAYLOAD] = ru[from + PAYLOAD];
                rv[j + 1] = rv[j];
                j--;
            } while (j >= 0 && (ru[j * STRIDE] > t || (ru[j * STRIDE] == t && ru[j * STRIDE + KEY] > k)));
            int to = (j + 1) * STRIDE;
            ru[to] = t;
            ru[to + LINK] = link;
            ru[to + KEY] = k;
            ru[to + PAYLOAD] = payload;
            rv[j + 1] = event;
        }
        runPos = 0;
        runEnd = count;
        bucketMin = NIL; // the buckets are empty
    }

    /**
     * The buckets and the run are empty and the far tier is not: pours its first non-empty slot into the run (after a
     * new turn from the overflow when the turn's slots are all empty), and moves the buckets' scan to that slot's
     * start.
     */
    private void refill() {
        while (nearSize == 0 && runEnd == 0) {
            // the far tier holds something: the scan stops at the overflow (slot SLOTS) at the latest
            int s = nextSlot;
            while (slotHead[s] == NIL) {
                s++;
            }
            if (s == OVERFLOW) {
                newTurn();
                continue;
            }
            long start = turnStart + ((long) s << slotShift);
            nextSlot = s + 1;
            nearEnd = start + ((1L << slotShift) - 1);
            pourRun(s, start);
            // the scan moves to the slot's start (after the last removal, which was at or before the old nearEnd)
            lastTime = start;
            bucket = (int) ((start >>> shift) & mask);
            dayEnd = ((start >>> shift) + 1) << shift;
        }
    }

    /**
     * Begins a turn at the overflow's earliest time, with slots of the current day width times 2^SLOT_BITS, and
     * sorts the overflow into it. When a turn from there would pass Long.MAX_VALUE, the far tier stops instead
     * and everything goes into the buckets.
     */
    private void newTurn() {
        long min = Long.MAX_VALUE;
        for (int b = slotHead[OVERFLOW]; b != NIL; b = blockNext[b]) {
            int count = b == slotTail[OVERFLOW] ? slotFill[OVERFLOW] : BLOCK;
            for (int r = b * BLOCK, end = r + count; r < end; r++) {
                min = Math.min(min, records[r * STRIDE]);
            }
        }
        int s = Math.min(shift + SLOT_BITS, 62 - Integer.numberOfTrailingZeros(SLOTS));
        if (min > Long.MAX_VALUE - ((long) SLOTS << s)) {
            nearEnd = Long.MAX_VALUE;
            pour(OVERFLOW, true);
            return;
        }
        turnStart = min; // nearEnd is set by the pour of the turn's first slot, which follows at once
        slotShift = s;
        nextSlot = 0;
        pour(OVERFLOW, false);
    }

    private static int next(long[] e, int n) {
        return (int) e[n * STRIDE + LINK];
    }

    private static void setNext(long[] e, int n, int next) {
        int o = n * STRIDE + LINK;
        e[o] = (e[o] & ~NEXT_BITS) | (next & NEXT_BITS);
    }

    /**
     * Links entry {@code n} (time {@code t}, key {@code k}, its kind in the high half of {@code kindBits}) into its
     * bucket's list; its link is written here, in one store.
     */
    private void insert(int n, long t, long k, long kindBits) {
        long[] e = entries;
        long[] hd = heads;
        int o = n * STRIDE;
        int b = (int) ((t >>> shift) & mask);
        long headTime = hd[2 * b];
        long ends = hd[2 * b + 1];
        int head = (int) ends;
        if (t < headTime || (t == headTime && (head == NIL || k < e[head * STRIDE + KEY]))) {
            // the bucket's new first entry (and its last too when the bucket was empty)
            e[o + LINK] = kindBits | (head & NEXT_BITS);
            hd[2 * b] = t;
            hd[2 * b + 1] = head == NIL ? ((long) n << 32) | n : (ends & ~NEXT_BITS) | n;
        } else {
            int tail = (int) (ends >>> 32);
            int l = tail * STRIDE;
            long lt = e[l];
            if (t > lt || (t == lt && k >= e[l + KEY])) {
                // not before the bucket's last entry (events at one time come in the order of their keys): no walk
                e[o + LINK] = kindBits | NEXT_BITS;
                setNext(e, tail, n);
                hd[2 * b + 1] = ((long) n << 32) | (ends & NEXT_BITS);
            } else {
                // between the first and the last: the walk stops at the last entry at the latest, with no end test
                int prev = head;
                int cur = next(e, prev);
                while (true) {
                    int c = cur * STRIDE;
                    long ct = e[c];
                    if (ct > t || (ct == t && e[c + KEY] > k)) {
                        break;
                    }
                    prev = cur;
                    cur = (int) e[c + LINK];
                }
                e[o + LINK] = kindBits | (cur & NEXT_BITS);
                setNext(e, prev, n);
            }
        }
        if (t < lastTime) {
            // an entry before the scan position (scheduled at the current time): restart the scan at it
            lastTime = t;
            bucket = b;
            dayEnd = ((t >>> shift) + 1) << shift;
        }
    }

    /** The first entry, or {@link #NIL} when empty. */
    int peek() {
        return size == 0 ? NIL : first();
    }

    /**
     * The entry after entry {@code n} in the queue's order, or {@link #NIL} when there is none or it is not found
     * cheaply: a hint for reading ahead, changing nothing. {@code n} is the first entry ({@link #peek}'s, nothing
     * added or removed since) or one this method gave, walking on from it. The entry after is {@code n}'s bucket's
     * next when that one is in the same day (a day's entries are all in its bucket, in order), else the first entry
     * within its own day of the next {@link #AFTER_SCAN} days' buckets (entries in the buckets all come before the
     * far tier's). Past those days, or with the rest of the queue in the far tier (a pour would be needed),
     * {@link #NIL}.
     */
    int after(int n) {
        if (n < runEnd) {
            return afterInRun(n);
        }
        long[] e = entries;
        int o = n * STRIDE;
        long t = e[o];
        int following = (int) e[o + LINK];
        long end = ((t >>> shift) + 1) << shift;
        int found;
        if (following != NIL && e[following * STRIDE] < end) {
            found = following;
            scanLimit = end;
        } else {
            found = nextDays(t, end);
        }
        if (runEnd == 0) {
            return found;
        }
        // the run's first entry after n, when it comes before the buckets' (or before the days looked at)
        return earlier(found, runAfter(t, e[o + KEY]));
    }

    /**
     * The first entry in its own day of the buckets' next {@link #AFTER_SCAN} days after the day of {@code t}, which
     * ends at {@code end}, or {@link #NIL}; {@link #scanLimit} is then the time before which the buckets are known to
     * hold nothing after that day: the end of the days looked at, or the start of a day whose bucket is headed by
     * entries of earlier days (walked past) that {@link #HIDDEN_WALK} steps down its list do not get past: what the
     * bucket holds in that day is not known, so no later day's entry may be given (it would pass over one). Until
     * the twenty-first pass such a day was skipped and the scan went on, and an entry of that day behind the earlier
     * one was passed over ({@code CalendarQueueAfterProperties.anEntryBehindAnEarlierDaysHeadIsNotPassedOver}).
     */
    private int nextDays(long t, long end) {
        long[] hd = heads;
        int b = (int) ((t >>> shift) & mask);
        for (int i = 0; i < AFTER_SCAN; i++) {
            b = (b + 1) & mask;
            long start = end;
            end += width;
            long h = hd[2 * b];
            // within its own day: not an entry of an earlier day in the same bucket (one before n, walked past)
            if (h < end && h >= start) {
                return (int) hd[2 * b + 1];
            }
            if (h < start) {
                // headed by earlier days' entries: the day's own, if any, follow them in the list
                int c = hiddenInDay((int) hd[2 * b + 1], start, end);
                if (c != NIL) {
                    if (c == NOT_KNOWN) {
                        scanLimit = start;
                        return NIL;
                    }
                    return c;
                }
            }
        }
        scanLimit = end;
        return NIL;
    }

    /**
     * The first entry of the list from {@code c} (a bucket's head, before {@code start}) in [{@code start},
     * {@code end}); {@link #NIL} when the list has none there; {@link #NOT_KNOWN} when {@link #HIDDEN_WALK} entries
     * are all before {@code start}.
     */
    int hiddenInDay(int c, long start, long end) {
        long[] e = entries;
        for (int k = 0; k < HIDDEN_WALK; k++) {
            c = next(e, c);
            if (c == NIL) {
                return NIL;
            }
            long ct = e[c * STRIDE];
            if (ct >= start) {
                return ct < end ? c : NIL;
            }
        }
        return NOT_KNOWN;
    }

    /**
     * The earlier of the buckets' entry {@code found} (or, when {@link #NIL}, nothing in the buckets before {@link
     * #scanLimit}) and the run's entry at {@code r} (none at runEnd): what {@link #after} gives.
     */
    private int earlier(int found, int r) {
        if (r >= runEnd) {
            return found;
        }
        long rt = entries[r * STRIDE];
        if (found == NIL) {
            return rt < scanLimit ? r : NIL;
        }
        long[] e = entries;
        long ft = e[found * STRIDE];
        return rt < ft || (rt == ft && entries[r * STRIDE + KEY] < e[found * STRIDE + KEY]) ? r : found;
    }

    /** The position of the run's first entry after (t, k), or runEnd when none. */
    private int runAfter(long t, long k) {
        long[] ru = entries;
        int lo = runPos;
        int hi = runEnd;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long mt = ru[mid * STRIDE];
            if (mt > t || (mt == t && ru[mid * STRIDE + KEY] > k)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * {@link #after} for the run's entry at {@code p}: the run's next, unless an entry of the buckets comes between:
     * the buckets' first when it is after the entry, else the first after the entry in its day's bucket or in the
     * next days' ({@link #nextDays}).
     */
    private int afterInRun(int p) {
        int next = p + 1;
        if (nearSize == 0) {
            return next < runEnd ? next : NIL;
        }
        long[] ru = entries;
        long t = ru[p * STRIDE];
        long k = ru[p * STRIDE + KEY];
        long[] e = entries;
        int bm = bucketMin;
        int found = NIL;
        if (bm != NIL && (e[bm * STRIDE] > t || (e[bm * STRIDE] == t && e[bm * STRIDE + KEY] > k))) {
            found = bm; // the buckets' first is after the entry: the buckets' next
        } else {
            long end = ((t >>> shift) + 1) << shift;
            long[] hd = heads;
            int b = (int) ((t >>> shift) & mask);
            if (hd[2 * b] < end) {
                for (int c = (int) hd[2 * b + 1]; c != NIL; c = next(e, c)) {
                    long ct = e[c * STRIDE];
                    if (ct >= end) {
                        break;
                    }
                    if (ct > t || (ct == t && e[c * STRIDE + KEY] > k)) {
                        found = c;
                        break;
                    }
                }
            }
            if (found == NIL) {
                found = nextDays(t, end);
            }
        }
        return earlier(found, next);
    }

    long time(int n) {
        return entries[n * STRIDE];
    }

    long key(int n) {
        return entries[n * STRIDE + KEY];
    }

    long payload(int n) {
        return entries[n * STRIDE + PAYLOAD];
    }

    int kind(int n) {
        return (int) (entries[n * STRIDE + LINK] >> 32);
    }

    Object event(int n) {
        return events[n];
    }

    /** Time of the first entry; call only when not empty. */
    long firstTime() {
        return time(first());
    }

    long firstKey() {
        return key(first());
    }

    Object firstEvent() {
        return event(first());
    }

    /** Removes the first entry (the one {@link #peek} gives). */
    void removeFirst() {
        removeFirst(first());
    }

    /** Removes the first entry, {@code n}: the one {@link #peek} gave, with nothing added or removed since. */
    void removeFirst(int n) {
        // two calls, as the removal was one before the run: the caller's inlining budget is kept for its own code
        // (removeFirst whole, the run's test inside, inlined into the event loop took loss-100 3.5% slower)
        if (n < runEnd) {
            removeRun(n);
        } else {
            removeNear(n);
        }
    }

    /** Removes the buckets' entry {@code n}, the queue's first. */
    private void removeNear(int n) {
        long[] e = entries;
        int o = n * STRIDE;
        long t = e[o];
        int b = (int) ((t >>> shift) & mask);
        long link = e[o + LINK];
        int following = (int) link;
        // the first entry of the queue is the first of its bucket; the bucket's last stays (unread when empty)
        long followingTime = following == NIL ? Long.MAX_VALUE : e[following * STRIDE];
        long[] hd = heads;
        hd[2 * b] = followingTime;
        hd[2 * b + 1] = (hd[2 * b + 1] & ~NEXT_BITS) | (following & NEXT_BITS);
        lastTime = t;
        bucket = b;
        long end = ((t >>> shift) + 1) << shift;
        dayEnd = end;
        if ((int) (link >> 32) == OBJECT) {
            events[n] = null;
        }
        freeStack[freeTop++] = n;
        size--;
        nearSize--;
        // the bucket's next entry, when inside the same day, is the buckets' new first: the scan would stop at it at
        // once; the queue's too, with no run
        int bm = followingTime < end ? following : NIL;
        if (runEnd == 0) {
            minEntry = bm;
        } else {
            bucketMin = bm;
            minEntry = NIL;
        }
        afterRemoval();
    }

    /** Removes the run's first entry, at {@code p}: the queue's first. */
    private void removeRun(int p) {
        int o = p * STRIDE;
        long t = entries[o];
        if ((int) (entries[o + LINK] >> 32) == OBJECT) {
            events[p] = null;
        }
        lastTime = t;
        size--;
        int next = p + 1;
        runPos = next;
        // the next first: the run's next when the buckets are empty or their first, known, comes after it
        int bm = bucketMin;
        if (next == runEnd) {
            runPos = 0; // no run: runEnd 0, the one field the paths without a run test
            runEnd = 0;
            minEntry = bm;
        } else if (nearSize == 0) {
            minEntry = next;
        } else if (bm != NIL) {
            long nt = entries[next * STRIDE];
            long bt = entries[bm * STRIDE];
            minEntry = nt < bt || (nt == bt && entries[next * STRIDE + KEY] < entries[bm * STRIDE + KEY]) ? next : bm;
        } else {
            minEntry = NIL;
        }
        afterRemoval();
    }

    /** The size checks after a removal: a shrink, the far tier's stop, or the width's re-tuning. */
    private void afterRemoval() {
        removalsSinceTuning++;
        if (16 * size < heads.length / 2 && heads.length > 2 * 16) {
            resize(heads.length / 4);
        } else if (4 * size < farOn && nearEnd != Long.MAX_VALUE) {
            resize(heads.length / 2); // the far tier stops: the same buckets, everything in them
        } else if (removalsSinceTuning >= tuningWindow) {
            // the spacing of events drifts (traffic changes): re-tune the width when it is off by 2x
            measureGap();
            double ideal = Math.max(1, IDEAL_WIDTH_GAPS * gapEstimate);
            if (width > 2 * ideal || 2 * width < ideal) {
                resize(heads.length / 2);
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
        if (minEntry != NIL) {
            return minEntry;
        }
        if (runEnd == 0) {
            // no run: the buckets' first (bucketMin is not kept then), after a pour if they are empty
            if (nearSize == 0) {
                refill();
            }
            if (runEnd == 0) {
                return minEntry = firstInBuckets();
            }
        }
        int m;
        if (nearSize == 0) {
            m = runPos; // the run's first (the buckets are empty)
        } else {
            int bm = bucketMin;
            if (bm == NIL) {
                bm = bucketMin = firstInBuckets();
            }
            m = bm;
            if (runPos < runEnd) {
                long rt = entries[runPos * STRIDE];
                long bt = entries[bm * STRIDE];
                if (rt < bt || (rt == bt && entries[runPos * STRIDE + KEY] < entries[bm * STRIDE + KEY])) {
                    m = runPos;
                }
            }
        }
        minEntry = m;
        return m;
    }

    /** The buckets' first entry (they are not empty): the scan from the last removal's day. */
    private int firstInBuckets() {
        // scan the year from the last minimum's day: the first head inside its own day is the minimum
        long[] hd = heads;
        int b = bucket;
        long end = dayEnd;
        for (int i = 0; i <= mask; i++) {
            if (hd[2 * b] < end) {
                int h = (int) hd[2 * b + 1];
                bucket = b;
                dayEnd = end;
                return h;
            }
            b = (b + 1) & mask;
            end += width;
        }
        // nothing within a year: the minimum is far ahead; find it directly among the heads
        long[] e = entries;
        int best = NIL;
        for (int i = 0; i <= mask; i++) {
            int h = (int) hd[2 * i + 1];
            if (h != NIL && (best == NIL || hd[2 * i] < e[best * STRIDE]
                    || (hd[2 * i] == e[best * STRIDE] && e[h * STRIDE + KEY] < e[best * STRIDE + KEY]))) {
                best = h;
            }
        }
        long bt = e[best * STRIDE];
        bucket = (int) ((bt >>> shift) & mask);
        dayEnd = ((bt >>> shift) + 1) << shift;
        return best;
    }

    /**
     * A self-check for tests: every bucket's list in order and in its bucket, its first time and last entry as the
     * bucket says, the entries in the buckets as many as counted, and the cached minimum, when known, the least of
     * the buckets' first entries. Throws {@link IllegalStateException} at the first thing wrong.
     */
    void checkBuckets() {
        long[] e = entries;
        int count = 0;
        int least = NIL;
        for (int b = 0; b <= mask; b++) {
            long ends = heads[2 * b + 1];
            int cur = (int) ends;
            if (cur == NIL) {
                check(heads[2 * b] == Long.MAX_VALUE, "empty bucket " + b + " with a first time");
                continue;
            }
            check(heads[2 * b] == e[cur * STRIDE], "bucket " + b + "'s first time");
            if (least == NIL || e[cur * STRIDE] < e[least * STRIDE]
                    || (e[cur * STRIDE] == e[least * STRIDE] && e[cur * STRIDE + KEY] < e[least * STRIDE + KEY])) {
                least = cur;
            }
            int last = NIL;
            while (cur != NIL) {
                check(++count <= nearSize, "more entries in the buckets than " + nearSize);
                long t = e[cur * STRIDE];
                check((int) ((t >>> shift) & mask) == b, "entry " + cur + " in bucket " + b);
                int nx = next(e, cur);
                check(nx == NIL || t < e[nx * STRIDE] || (t == e[nx * STRIDE] && e[cur * STRIDE + KEY] < e[nx * STRIDE + KEY]),
                        "bucket " + b + " out of order");
                last = cur;
                cur = nx;
            }
            check((int) (ends >>> 32) == last, "bucket " + b + "'s last entry");
        }
        check(count == nearSize, count + " entries in the buckets, not " + nearSize);
        // a run all taken is no run: runEnd 0, the field the paths without a run test
        check(runPos < runEnd || runPos == 0 && runEnd == 0, "a run taken to its end, not reset: runPos " + runPos
                + ", runEnd " + runEnd);
        // the buckets' cached first is kept while the run is being taken
        check(runEnd == 0 || bucketMin == NIL || bucketMin == least,
                "the buckets' cached first " + bucketMin + ", not " + least);
        // the run: in order, at or before nearEnd, and the queue's first the earlier of its first and the buckets'
        for (int p = runPos; p < runEnd; p++) {
            long t = entries[p * STRIDE];
            check(t <= nearEnd, "the run's entry " + p + " after nearEnd");
            check(p == runPos || entries[(p - 1) * STRIDE] < t
                    || (entries[(p - 1) * STRIDE] == t && entries[(p - 1) * STRIDE + KEY] < entries[p * STRIDE + KEY]),
                    "the run out of order at " + p);
        }
        if (runPos < runEnd && (least == NIL || entries[runPos * STRIDE] < e[least * STRIDE]
                || (entries[runPos * STRIDE] == e[least * STRIDE] && entries[runPos * STRIDE + KEY] < e[least * STRIDE + KEY]))) {
            least = runPos;
        }
        check(minEntry == NIL || minEntry == least, "the cached minimum " + minEntry + ", not " + least);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    private int allocate() {
        if (freeTop > 0) {
            return freeStack[--freeTop];
        }
        if (used == events.length) {
            int capacity = events.length * 2;
            entries = Arrays.copyOf(entries, capacity * STRIDE);
            events = Arrays.copyOf(events, capacity);
            freeStack = Arrays.copyOf(freeStack, capacity);
        }
        return used++;
    }

    private void clearHeads() {
        for (int i = 0; i < heads.length; i += 2) {
            heads[i] = Long.MAX_VALUE;
            heads[i + 1] = -1L; // no first entry, no last
        }
    }

    /**
     * Rebuilds with {@code buckets} buckets and a width of about three average gaps. A re-tuning keeps the number of
     * buckets and only changes the width: the bucket array is then reused, so that a long run's re-tunings (the
     * width can go back and forth as the gap estimate wanders around a power of two) allocate nothing.
     */
    private void resize(int buckets) {
        measureGap();
        long[] e = entries;
        // every entry into one chain (through next), so that the bucket array can be refilled in place
        int chain = NIL;
        for (int i = 1; i < heads.length; i += 2) {
            int cur = (int) heads[i];
            while (cur != NIL) {
                int nxt = next(e, cur);
                setNext(e, cur, chain);
                chain = cur;
                cur = nxt;
            }
        }
        shift = 63 - Long.numberOfLeadingZeros(Math.max(1, (long) (IDEAL_WIDTH_GAPS * gapEstimate)));
        width = 1L << shift;
        boolean off = false;
        if (nearEnd == Long.MAX_VALUE && size >= farOn) {
            // the far tier starts at the next slot's start (if a turn from there stays below Long.MAX_VALUE)
            int s = Math.min(shift + SLOT_BITS, 62 - Integer.numberOfTrailingZeros(SLOTS));
            long start = ((lastTime >>> s) + 1) << s; // wraps below lastTime past Long.MAX_VALUE
            if (start > lastTime && start <= Long.MAX_VALUE - ((long) SLOTS << s)) {
                slotShift = s;
                turnStart = start;
                nearEnd = start - 1;
                nextSlot = 0;
                // the buckets hold a slot's entries from now on, not all of them: as many buckets as a slot's days
                buckets = Math.min(buckets, FAR_BUCKETS);
            }
        } else if (nearEnd != Long.MAX_VALUE && 4 * size < farOn) {
            nearEnd = Long.MAX_VALUE;
            off = true;
        }
        if (2 * buckets != heads.length) {
            heads = new long[2 * buckets];
        }
        tuningWindow = Math.max(MIN_WINDOW, Math.min(buckets, TUNING_WINDOW));
        clearHeads();
        mask = buckets - 1;
        minEntry = NIL;
        bucketMin = NIL;
        while (chain != NIL) {
            int nxt = next(e, chain);
            int o = chain * STRIDE;
            long t = e[o];
            if (t > nearEnd) {
                // after the far tier's new start: a record there, the entry freed
                long link = e[o + LINK];
                int kind = (int) (link >> 32);
                Object event = null;
                if (kind == OBJECT) {
                    event = events[chain];
                    events[chain] = null;
                }
                addFar(t, e[o + KEY], kind, e[o + PAYLOAD], event);
                freeStack[freeTop++] = chain;
                nearSize--;
            } else {
                insert(chain, t, e[o + KEY], e[o + LINK] & ~NEXT_BITS);
            }
            chain = nxt;
        }
        bucket = (int) ((lastTime >>> shift) & mask);
        dayEnd = ((lastTime >>> shift) + 1) << shift;
        if (off) {
            // the far tier stops: everything into the buckets, the run's entries first
            for (int p = runPos; p < runEnd; p++) {
                int o = p * STRIDE;
                Object event = events[p];
                events[p] = null;
                // the fields each time: an entry taken for the buckets may grow the arrays (the run's places stay)
                addNear(entries[o], entries[o + KEY], (int) (entries[o + LINK] >> 32), entries[o + PAYLOAD], event);
            }
            runPos = 0;
            runEnd = 0;
            for (int s = nextSlot; s <= OVERFLOW; s++) {
                pour(s, true);
            }
        }
    }
}
