package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The far tier's documented start and stop, at exactly their thresholds (the class comment of {@link CalendarQueue}:
 * "from {@code FAR_ON} entries" the buckets hold only the near ones; "below a quarter of {@code FAR_ON} entries the
 * tier stops"): on at the resize that finds {@code farOn} entries, not one later; still on at exactly a quarter of
 * {@code farOn}, even when a shrink rebuilds the buckets there, and off at the first removal below it. The order is
 * the tier properties' business; this pins where the memory goes.
 */
class CalendarQueueTierEdgeTest {

    private static boolean tierOn(CalendarQueue q) {
        return (long) CalendarQueueShapeTest.field(q, "nearEnd") != Long.MAX_VALUE;
    }

    private static long buckets(CalendarQueue q) {
        return ((long[]) CalendarQueueShapeTest.field(q, "heads")).length / 2;
    }

    /**
     * With a tier start of 33: 16 buckets double at 9 entries, 17 and 33 (more than half full), so the resize at the
     * 33rd entry is the first to find 33 and starts the tier; nothing before.
     */
    @Test
    void theTierStartsAtTheResizeThatFindsFarOnEntries() {
        CalendarQueue q = new CalendarQueue(16, 33);
        for (int i = 0; i < 32; i++) {
            q.add(i * 1_000L, i, i);
            assertEquals(false, tierOn(q), (i + 1) + " entries");
        }
        q.add(32_000L, 32, 32);
        assertEquals(128, buckets(q), "33 entries: more than half of 64 buckets");
        assertEquals(true, tierOn(q), "33 entries: the tier starts");
        for (int i = 0; i < 33; i++) {
            assertEquals(i * 1_000L, q.firstTime());
            assertEquals(i, q.firstEvent());
            q.removeFirst();
        }
        assertEquals(0, q.size());
    }

    /**
     * With a tier start of 60, the stop is below 15 entries. The tier starts at the resize at 65 entries (256
     * buckets asked, under {@link CalendarQueue#FAR_BUCKETS}), and from there the buckets follow the entries in them
     * (a slot's, never half of 256 here), not all 300. Draining them halves the buckets at 15 entries (16 x size
     * under the buckets): the rebuild at exactly 15 keeps the tier on, and the removal that leaves 14 stops it,
     * everything back in the buckets.
     */
    @Test
    void theTierStopsAtTheFirstRemovalBelowAQuarterOfFarOn() {
        CalendarQueue q = new CalendarQueue(16, 60);
        int n = 300;
        for (int i = 0; i < n; i++) {
            q.add(i * 1_000L, i, i);
        }
        assertEquals(256, buckets(q), "the tier's start's 256 buckets (1,024 if they had followed all 300)");
        assertEquals(true, tierOn(q));
        for (int i = 0; i < n; i++) {
            assertEquals(i * 1_000L, q.firstTime());
            assertEquals(i, q.firstEvent());
            q.removeFirst();
            int size = n - 1 - i;
            if (size == 15) {
                assertEquals(128, buckets(q), "halved at 15 entries: 16 x 15 under 256");
            }
            assertEquals(4 * size >= 60, tierOn(q), size + " entries left");
        }
    }

    /**
     * The tier stops with an entry still in its overflow (past the turn): that entry goes back into the buckets with
     * the rest, so that an entry added after the stop, later than it, comes after it. With a tier start of 60, an entry
     * 11.6 days on and 300 a millisecond apart: the turns (of 2^25 us once re-tuned) hold the latter, the overflow the
     * former, until the removal that leaves 14 entries stops the tier.
     */
    @Test
    void theTierStopsWithItsOverflowBackInTheBuckets() {
        CalendarQueue q = new CalendarQueue(16, 60);
        long far = 1_000_000_000_000L;
        q.add(far, 1_000, 1_000);
        for (int i = 0; i < 300; i++) {
            q.add(i * 1_000L, i, i);
        }
        assertEquals(true, tierOn(q));
        int i = 0;
        for (; 4 * (q.size() - 1) >= 60; i++) {
            assertEquals(i * 1_000L, q.firstTime());
            q.removeFirst();
        }
        int[] slotHead = (int[]) CalendarQueueShapeTest.field(q, "slotHead");
        assertEquals(true, slotHead[CalendarQueue.SLOTS] != CalendarQueue.NIL, "an entry in the overflow");
        assertEquals(i * 1_000L, q.firstTime());
        q.removeFirst(); // 14 left: the tier stops
        assertEquals(false, tierOn(q), q.size() + " entries left");
        q.add(2 * far, 1_001, 1_001);
        long[] left = new long[15];
        for (int j = 0; j < 13; j++) {
            left[j] = (287 + j) * 1_000L;
        }
        left[13] = far;
        left[14] = 2 * far;
        for (long t : left) {
            assertEquals(t, q.firstTime());
            q.removeFirst();
        }
        assertEquals(0, q.size());
    }
}
