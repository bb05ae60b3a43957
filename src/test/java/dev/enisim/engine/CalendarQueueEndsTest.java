package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The calendar at its ends: an empty queue (new, emptied, emptied with the far tier on) has no first entry, and the
 * last microseconds of time, where a day's end is Long.MAX_VALUE itself (an empty bucket's first time) or wraps past
 * it.
 */
class CalendarQueueEndsTest {

    /** {@link CalendarQueue#peek} on an empty queue is {@link CalendarQueue#NIL}, whatever it held before. */
    @Test
    void anEmptyQueueHasNoFirst() {
        CalendarQueue q = new CalendarQueue(16);
        assertEquals(CalendarQueue.NIL, q.peek(), "new");
        q.add(5, 1, 0, 5);
        assertEquals(5, q.firstTime());
        q.removeFirst();
        assertEquals(CalendarQueue.NIL, q.peek(), "emptied");
        CalendarQueue run = CalendarQueueRunProperties.pouredRun(new long[] {600, 0}, new long[] {700, 1});
        run.removeFirst();
        run.removeFirst();
        assertEquals(0, run.size());
        assertEquals(CalendarQueue.NIL, run.peek(), "emptied by the run");
    }

    /**
     * Days of 1 us (16 buckets, nothing removed yet, so no re-tuning): the entry at Long.MAX_VALUE - 1 taken, the
     * scan starts at its day, whose end is Long.MAX_VALUE, in its bucket, now empty (its first time Long.MAX_VALUE
     * too): not a day holding an entry. The next day's end wraps past Long.MAX_VALUE, so the last entry is found by
     * the search among the buckets' heads.
     */
    @Test
    void theLastTwoMicrosecondsOfTime() {
        CalendarQueue q = new CalendarQueue(16);
        q.add(Long.MAX_VALUE, 2, 0, 2);
        q.add(Long.MAX_VALUE - 1, 1, 0, 1);
        assertEquals(1L, (long) CalendarQueueShapeTest.field(q, "width"));
        assertEquals(Long.MAX_VALUE - 1, q.firstTime());
        q.removeFirst();
        q.checkBuckets();
        assertEquals(Long.MAX_VALUE, q.firstTime());
        assertEquals(2, q.firstKey());
        q.removeFirst();
        assertEquals(0, q.size());
        assertEquals(CalendarQueue.NIL, q.peek());
    }
}
