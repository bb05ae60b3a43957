package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * {@link CalendarQueue#after}, the walk that tells the loop's look ahead the next events, against a sorted set: from
 * the first entry ({@link CalendarQueue#peek}) on, each step gives the model's next entry or {@link CalendarQueue#NIL},
 * never another entry; it changes nothing (the queue keeps its order whatever is walked); it always finds the next
 * entry in the same day while the far tier is off (the bucket's next link), and in most cases within a day's width
 * otherwise; the examples below pin the cases one by one (the next day's, {@link CalendarQueue#AFTER_SCAN} days on,
 * beside the run, behind a bucket headed by an earlier day).
 */
class CalendarQueueAfterProperties {

    /** The fewest near cases on which "found in most of them" is judged. */
    private static final int MIN_NEAR = 20;

    private static final Comparator<CalendarQueueProperties.Entry> ORDER = CalendarQueueProperties.ORDER;

    @Property(tries = 300)
    @StatisticsReport(onFailureOnly = true)
    void eachStepIsTheModelsNextOrNone(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int farOn,
            @ForAll @IntRange(min = 0, max = 3) int scale, @ForAll @IntRange(min = 20, max = 800) int steps) {
        SplittableRandom r = new SplittableRandom(seed);
        long spread = new long[] {1, 16, 1000, 1_000_000}[scale];
        CalendarQueue q = new CalendarQueue(1, farOn);
        TreeSet<CalendarQueueProperties.Entry> model = new TreeSet<>(ORDER);
        long last = 0;
        long seq = 0;
        int id = 0;
        int found = 0;
        int near = 0;
        int sameDay = 0;
        for (int step = 0; step < steps; step++) {
            if (r.nextInt(100) < 55 || model.isEmpty()) {
                int burst = r.nextInt(6) == 0 ? 1 + r.nextInt(8) : 1;
                long t = r.nextInt(8) == 0 ? last + spread * (10 + r.nextInt(500)) : last + r.nextLong(4 * spread + 1);
                for (int j = 0; j < burst; j++) {
                    long key = ((long) r.nextInt(3) << 44) | seq++;
                    CalendarQueueProperties.add(q, t, key, id);
                    model.add(new CalendarQueueProperties.Entry(t, key, id++));
                }
            } else {
                CalendarQueueProperties.assertFirst(q, model.first());
                int walk = 1 + r.nextInt(8);
                int m = q.peek();
                Iterator<CalendarQueueProperties.Entry> it = model.iterator();
                CalendarQueueProperties.Entry at = it.next();
                for (int i = 0; i < walk; i++) {
                    int next = q.after(m);
                    if (!it.hasNext()) {
                        assertEquals(CalendarQueue.NIL, next, "nothing after the last entry");
                        break;
                    }
                    CalendarQueueProperties.Entry expected = it.next();
                    boolean close = expected.time() - at.time() < width(q);
                    if (close) {
                        near++;
                    }
                    boolean tierOff = (long) CalendarQueueShapeTest.field(q, "nearEnd") == Long.MAX_VALUE;
                    int shift = (int) CalendarQueueShapeTest.field(q, "shift");
                    if (tierOff && expected.time() >>> shift == at.time() >>> shift) {
                        sameDay++;
                        assertTrue(next != CalendarQueue.NIL, "the next in the same day, the far tier off, is found: "
                                + expected + " after " + at);
                    }
                    if (next == CalendarQueue.NIL) {
                        break;
                    }
                    assertEquals(expected.time(), q.time(next), "the next entry's time");
                    assertEquals(expected.key(), q.key(next), "the next entry's key");
                    if (close) {
                        found++;
                    }
                    m = next;
                    at = expected;
                }
                if (r.nextInt(4) > 0) {
                    CalendarQueueProperties.Entry first = model.pollFirst();
                    q.removeFirst();
                    last = first.time();
                }
            }
            assertEquals(model.size(), q.size());
        }
        // the same-day rule above is checked in most tries, not left to chance (82% seen; 40% asked)
        Statistics.label("same day, the far tier off").collect(sameDay > 0);
        Statistics.label("same day, the far tier off").coverage(c -> c.check(true).percentage(p -> p >= 40));
        // "Most" is a share: judged on a sample of 20 near cases or more (a run of 34 steps met 2 near cases, both
        // legitimately NIL with the far tier on, and failed on 0 of 2). Every step's entry is still checked above.
        if (near >= MIN_NEAR) {
            assertTrue(found >= near / 2, "the next entry is found in most of the cases it is near: " + found + " of " + near);
        }
        while (!model.isEmpty()) {
            CalendarQueueProperties.assertFirst(q, model.pollFirst());
            int m = q.peek();
            while (m != CalendarQueue.NIL) {
                m = q.after(m); // walks to the end of the near days or of the scan
            }
            q.removeFirst();
        }
        assertEquals(0, q.size());
    }

    /** The second in the first's own bucket and day: the first's next link. */
    @Example
    void theNextInTheSameDay() {
        CalendarQueue q = new CalendarQueue(16);
        q.add(100, 2, 7, 70L);
        q.add(100, 1, 6, 60L);
        q.add(100, 3, 8, 80L);
        int first = q.peek();
        assertEquals(60L, q.payload(first));
        assertEquals(70L, q.payload(q.after(first)));
        assertEquals(80L, q.payload(q.after(q.after(first))));
        assertEquals(CalendarQueue.NIL, q.after(q.after(q.after(first))), "nothing after the last");
        assertEquals(first, q.peek(), "looking changes nothing");
    }

    /**
     * The second within the days the scan covers (the first's next bucket, or up to {@link CalendarQueue#AFTER_SCAN}
     * days on) is found; one day further is not ({@link CalendarQueue#NIL}); an empty queue or a lone entry has none.
     */
    @Example
    void theNextWithinTheScanAndBeyond() {
        for (int days = 1; days <= CalendarQueue.AFTER_SCAN + 1; days++) {
            CalendarQueue q = new CalendarQueue(16);
            q.add(0, 0, 1, 10L);
            assertEquals(CalendarQueue.NIL, q.after(q.peek()), "a lone entry");
            long w = width(q);
            q.add(days * w, 1, 2, 20L);
            assertEquals(10L, q.payload(q.peek()));
            int second = q.after(q.peek());
            if (days <= CalendarQueue.AFTER_SCAN) {
                assertEquals(20L, q.payload(second), days + " days on");
            } else {
                assertEquals(CalendarQueue.NIL, second, days + " days on: past the scan");
            }
            q.removeFirst();
            assertEquals(20L, q.payload(q.peek()), "the order is kept");
        }
    }

    /**
     * The first's bucket holding a later year's entry after it (the same bucket, a year on) while the second is in
     * the next day: the next link is not the second, the scan's is.
     */
    @Example
    void aLaterYearInTheSameBucketIsNotNext() {
        CalendarQueue q = new CalendarQueue(16);
        q.add(0, 0, 1, 10L);
        long w = width(q);
        long year = w * (mask(q) + 1);
        q.add(year, 1, 3, 30L);
        q.add(w, 2, 2, 20L);
        assertEquals(10L, q.payload(q.peek()));
        assertEquals(20L, q.payload(q.after(q.peek())));
    }

    /**
     * A walk a year round the buckets: from the entry at 15 (16 buckets a day wide), the scan's first day, 16, is
     * the bucket of the entry at 0, the first, walked past long ago: not taken (it is not in its own day); the
     * entry at 18 is.
     */
    @Example
    void aWalkRoundTheYearSkipsTheEntriesWalkedPast() {
        assertWalksInOrder(0, 4, 8, 12, 15, 18);
    }

    /**
     * Entries at {@code times} (increasing, a key and payload each: the time) in a queue of 16 buckets of 1 us:
     * {@code after} from the first gives each in turn, then nothing.
     */
    private static void assertWalksInOrder(long... times) {
        CalendarQueue q = new CalendarQueue(16);
        for (int i = 0; i < times.length; i++) {
            q.add(times[i], i, 1, times[i]);
        }
        assertEquals(1L, width(q));
        assertEquals(15, mask(q));
        int m = q.peek();
        for (int i = 1; i < times.length; i++) {
            m = q.after(m);
            assertEquals(times[i], q.payload(m), "the entry after " + times[i - 1]);
        }
        assertEquals(CalendarQueue.NIL, q.after(m));
    }

    /**
     * The walk round the year with an entry at 16 too, in the bucket of the entry at 0 (walked past, still queued)
     * and behind it in that bucket's list: from 15, the scan's first day (16) is found behind 0, not passed over for
     * 18 (until the twenty-first pass it was: the walk gave 0 4 8 12 15 18).
     */
    @Example
    void anEntryBehindAnEarlierDaysHeadIsNotPassedOver() {
        assertWalksInOrder(0, 4, 8, 12, 15, 16, 18);
    }

    /**
     * The walk round the year when the scan's first day (64 to 65 us; the queue grown to 32 buckets of 2 us) is the
     * bucket of five entries at 0 (walked past, still queued): its own entry, at 64 us, is behind more entries than
     * the scan walks down a list ({@code HIDDEN_WALK}), so from 62 nothing is given (the day is not known), neither
     * the entry at 64 nor the later one at 66 (which a scan that went on would give, passing over 64).
     */
    @Example
    void aDayHiddenBehindMoreEntriesThanTheWalkIsNotKnown() {
        CalendarQueue q = new CalendarQueue(32);
        long[] walked = {0, 0, 0, 0, 0, 8, 16, 24, 32, 40, 48, 56, 62};
        for (int i = 0; i < walked.length; i++) {
            q.add(walked[i], i, 1, walked[i]);
        }
        q.add(64, walked.length, 1, 64);
        q.add(66, walked.length + 1, 1, 66);
        assertEquals(2L, width(q));
        assertEquals(31, mask(q));
        int m = q.peek();
        for (int i = 1; i < walked.length; i++) {
            m = q.after(m);
            assertTrue(m != CalendarQueue.NIL, "found after " + walked[i - 1]);
            assertEquals(walked[i], q.payload(m));
            assertEquals(i, q.key(m));
        }
        assertEquals(CalendarQueue.NIL, q.after(m), "from 62: day 64 not known, so nothing (not 64, not 66)");
        for (long t : walked) {
            assertEquals(t, q.firstTime());
            q.removeFirst();
        }
        assertEquals(64, q.firstTime());
        assertEquals(66, q.time(q.after(q.peek())), "once the entries at 0 are gone, day 64's next is found");
    }

    /**
     * The walk down a bucket's list past earlier days' entries: from a head at 0 (16 buckets of 1 us), day 16's
     * entry is found behind three more entries at 0, and not known behind four ({@code HIDDEN_WALK}): and the
     * scan then gives nothing rather than a later day's entry.
     */
    @Example
    void theWalkPastEarlierEntriesIsBounded() {
        for (int zeros = 1; zeros <= 5; zeros++) {
            CalendarQueue q = new CalendarQueue(16);
            for (int i = 0; i < zeros; i++) {
                q.add(0, i, 1, 0L);
            }
            q.add(16, zeros, 1, 16L);
            assertEquals(1L, width(q));
            assertEquals(15, mask(q));
            int found = q.hiddenInDay(q.peek(), 16, 17);
            if (zeros <= 4) {
                assertEquals(16L, q.payload(found), zeros + " entries at 0");
            } else {
                assertEquals(CalendarQueue.NOT_KNOWN, found, zeros + " entries at 0: past the walk");
            }
            // day 17: the list ends (nothing in the day) within the walk, or the walk ends first
            assertEquals(zeros <= 3 ? CalendarQueue.NIL : CalendarQueue.NOT_KNOWN, q.hiddenInDay(q.peek(), 17, 18),
                    zeros + " entries at 0, then 16: day 17");
        }
    }

    /**
     * With a run being taken (its slot 512 to 1023 us, days of 2 us, 32 buckets: {@link
     * CalendarQueueRunProperties#pouredRun}): the run's next, however far, when the buckets are empty; the buckets' first
     * (kept beside the run from the first entry added) when it comes after the run's entry, though 48 days on; and,
     * from that entry of the buckets, the run's next within the days looked at. Then nothing after the last.
     */
    @Example
    void theNextBesideTheRun() {
        CalendarQueue q = CalendarQueueRunProperties.pouredRun(new long[] {600, 0}, new long[] {700, 1});
        int first = q.peek();
        assertEquals(600, q.time(first));
        assertEquals(700, q.time(q.after(first)), "the buckets empty: the run's next, 50 days on");
        q.add(696, 2, 1, 696);
        first = q.peek();
        assertEquals(600, q.time(first));
        int second = q.after(first);
        assertEquals(696, q.time(second), "the buckets' first, after the run's entry");
        int third = q.after(second);
        assertEquals(700, q.time(third), "the run's next, 2 days after the buckets' entry");
        assertEquals(CalendarQueue.NIL, q.after(third), "nothing after the last");
        assertEquals(600, q.firstTime(), "looking changes nothing");
    }

    /**
     * From the run's entry at 600 us, when the buckets' first (596 us) comes before it: the next is the buckets'
     * entry at 601 us, in the run entry's own day (600 to 601 us) and its bucket, before the run's next (700 us).
     * It is found by walking that day's bucket, which ends where the day does (a day's end reckoned wrong, as
     * {@code (day + 1) >> shift} in the twenty-first pass' one surviving killable mutant, finds nothing and gives
     * NIL).
     */
    @Example
    void aRunEntrysNextInItsOwnDayIsFoundWhenTheBucketsFirstComesBeforeIt() {
        CalendarQueue q = CalendarQueueRunProperties.pouredRun(new long[] {600, 50}, new long[] {700, 51});
        q.add(596, 1, 1, 596);
        q.add(601, 2, 1, 601);
        q.checkBuckets();
        int first = q.peek();
        assertEquals(596, q.time(first), "the buckets' first comes before the run's");
        int run = q.after(first);
        assertEquals(600, q.time(run), "the run's entry, after the buckets' first");
        int next = q.after(run);
        assertTrue(next != CalendarQueue.NIL, "the entry in the run entry's own day is found");
        assertEquals(601, q.time(next));
        assertEquals(2, q.key(next));
        for (long t : new long[] {596, 600, 601, 700}) {
            assertEquals(t, q.firstTime());
            q.removeFirst();
        }
        assertEquals(0, q.size());
    }

    /**
     * With a run being taken, the walk from the buckets' entry at 610 us: the next day's bucket (612 to 613 us) is
     * headed by an entry of an earlier day (548 us, the walk's first), behind which the bucket holds (612, 10), the
     * next entry; the run's (612, 50) comes after it. The scan cannot see behind the head, so the days from 612 on
     * are not known empty: the answer is (612, 10) or NIL, never the run's entry. Each step before, 8 us (4 days) on,
     * is found.
     */
    @Example
    void aBucketHeadedByAnEarlierDayHidesItsDayFromTheRun() {
        CalendarQueue q = CalendarQueueRunProperties.pouredRun(new long[] {612, 50}, new long[] {700, 51});
        TreeSet<CalendarQueueProperties.Entry> model = new TreeSet<>(ORDER);
        model.add(new CalendarQueueProperties.Entry(612, 50, 0));
        model.add(new CalendarQueueProperties.Entry(700, 51, 0));
        long key = 0;
        for (long t = 548; t <= 604; t += 8) { // 548 us: bucket 18, as 612 us a year (64 us) later
            q.add(t, ++key, 1, t);
            model.add(new CalendarQueueProperties.Entry(t, key, 0));
        }
        q.add(610, 9, 1, 610);
        q.add(612, 10, 1, 612);
        model.add(new CalendarQueueProperties.Entry(610, 9, 0));
        model.add(new CalendarQueueProperties.Entry(612, 10, 0));
        q.checkBuckets();
        int m = q.peek();
        Iterator<CalendarQueueProperties.Entry> it = model.iterator();
        CalendarQueueProperties.Entry at = it.next();
        assertEquals(548, q.time(m));
        while (at.time() < 610) {
            CalendarQueueProperties.Entry expected = it.next();
            m = q.after(m);
            assertTrue(m != CalendarQueue.NIL, "found 4 days on, after " + at.time());
            assertEquals(expected.time(), q.time(m));
            assertEquals(expected.key(), q.key(m));
            at = expected;
        }
        // NIL would be allowed (the day not known); the walk behind the head (at most HIDDEN_WALK entries) finds it
        int next = q.after(m);
        assertTrue(next != CalendarQueue.NIL, "the entry behind the earlier day's head is found");
        assertEquals(612, q.time(next));
        assertEquals(10, q.key(next), "the bucket's hidden entry, not the run's after it");
        for (CalendarQueueProperties.Entry e : model) {
            assertEquals(e.time(), q.firstTime());
            assertEquals(e.key(), q.firstKey());
            assertEquals(e.time(), q.payload(q.peek()));
            q.removeFirst();
        }
        assertEquals(0, q.size());
    }

    /**
     * As {@link #aBucketHeadedByAnEarlierDayHidesItsDayFromTheRun}, the bucket of 612 us headed by five entries at
     * 548 us (an earlier day's, walked past): more than the scan walks down a list, so day 612 is not known, and
     * the scan's limit is its start. The run's (612, 50) is exactly at that limit and comes after the hidden (612,
     * 10): from 610 the answer is nothing, not the run's entry (a run entry at the limit taken as before it would
     * pass over the hidden one).
     */
    @Example
    void aRunEntryAtTheStartOfADayNotKnownIsNotGiven() {
        CalendarQueue q = CalendarQueueRunProperties.pouredRun(new long[] {612, 50}, new long[] {700, 51});
        List<Long> walked = new ArrayList<>();
        long key = 0;
        for (int i = 0; i < 5; i++) {
            q.add(548, ++key, 1, 548); // 548 us: bucket 18, as 612 us a year (64 us) later
            walked.add(548L);
        }
        for (long t = 556; t <= 604; t += 8) {
            q.add(t, ++key, 1, t);
            walked.add(t);
        }
        q.add(610, ++key, 1, 610);
        walked.add(610L);
        q.add(612, 10, 1, 612);
        q.checkBuckets();
        assertEquals(2L, width(q));
        assertEquals(31, mask(q));
        int m = q.peek();
        assertEquals(548, q.time(m));
        for (int i = 1; i < walked.size(); i++) {
            m = q.after(m);
            assertTrue(m != CalendarQueue.NIL, "found after " + walked.get(i - 1));
            assertEquals(walked.get(i), q.time(m));
        }
        assertEquals(CalendarQueue.NIL, q.after(m), "from 610: day 612 not known, and the run's (612, 50) not given");
        for (long t : walked) {
            assertEquals(t, q.firstTime());
            q.removeFirst();
        }
        assertEquals(612, q.firstTime());
        assertEquals(10, q.firstKey(), "the hidden entry first, then the run's");
    }

    private static long width(CalendarQueue q) {
        return (long) CalendarQueueShapeTest.field(q, "width");
    }

    private static int mask(CalendarQueue q) {
        return (int) CalendarQueueShapeTest.field(q, "mask");
    }
}
