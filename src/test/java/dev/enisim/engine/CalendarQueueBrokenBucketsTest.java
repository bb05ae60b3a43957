package dev.enisim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link CalendarQueue#checkBuckets}, which {@link CalendarQueueSelfCheckProperties} calls after every step, must
 * notice each thing it checks gone wrong: each test builds a sound queue, breaks one thing behind its back and expects
 * the check to throw naming it. Without this, a check that let one of them pass would let every property pass
 * whatever the buckets held (a first time one off and a moved minimum are the properties' own test).
 */
class CalendarQueueBrokenBucketsTest {

    /** Longs per entry: time, link (next entry, kind), key, payload. */
    private static final int STRIDE = 4;

    /**
     * 16 buckets of 1 us (a year of 16 us), five entries, numbered in the order added: 0 and 1 at 3 us (keys 1 and
     * 2), 2 at 19 us (a year later: bucket 3 too), 3 at 5 us, 4 at 17 us (bucket 1: the first bucket the check reads,
     * not the least); the minimum cached (entry 0).
     */
    private static CalendarQueue soundQueue() {
        CalendarQueue q = new CalendarQueue(16);
        q.add(3, 1, 0, 0);
        q.add(3, 2, 0, 1);
        q.add(19, 3, 0, 2);
        q.add(5, 4, 0, 3);
        q.add(17, 5, 0, 4);
        assertEquals(0, q.peek());
        q.checkBuckets();
        return q;
    }

    private static long[] heads(CalendarQueue q) {
        return (long[]) CalendarQueueShapeTest.field(q, "heads");
    }

    private static long[] entries(CalendarQueue q) {
        return (long[]) CalendarQueueShapeTest.field(q, "entries");
    }

    private static void setInt(CalendarQueue q, String name, int value) {
        try {
            Field f = CalendarQueue.class.getDeclaredField(name);
            f.setAccessible(true);
            f.setInt(q, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A sound queue with a run being taken (the run and the buckets' cached first are checked only then): the run,
     * entries 0 to 4, at 612 us (key 20), 700 us (keys 10 and 11), 800 and 900 us, all before nearEnd (1023 us); the
     * buckets, added beside the run, holding 650 us (their cached first) and 660 us (another day); the queue's first,
     * cached, the run's.
     */
    private static CalendarQueue soundQueueWithARun() {
        CalendarQueue q = CalendarQueueRunProperties.pouredRun(new long[] {612, 20}, new long[] {700, 10},
                new long[] {700, 11}, new long[] {800, 12}, new long[] {900, 13});
        q.add(650, 30, 0, 5);
        q.add(660, 31, 0, 6);
        assertEquals(0, q.peek());
        int bucketMin = (int) CalendarQueueShapeTest.field(q, "bucketMin");
        assertEquals(650, q.time(bucketMin));
        assertEquals(660, q.time(bucketMin + 1));
        q.checkBuckets();
        return q;
    }

    /** Breaks a sound queue with {@code breakIt} and expects the check's message {@code message}. */
    private static void named(String message, Consumer<CalendarQueue> breakIt) {
        named(message, soundQueue(), breakIt);
    }

    /** Breaks the sound queue {@code q} with {@code breakIt} and expects the check's message {@code message}. */
    private static void named(String message, CalendarQueue q, Consumer<CalendarQueue> breakIt) {
        breakIt.accept(q);
        IllegalStateException e = assertThrows(IllegalStateException.class, q::checkBuckets);
        assertEquals(message, e.getMessage());
    }

    @Test
    void aSoundQueuePassesBeforeAndAfterItsMinimumIsTaken() {
        CalendarQueue q = soundQueue();
        q.removeFirst();
        q.checkBuckets();
        assertEquals(1, q.peek());
        q.checkBuckets();
    }

    @Test
    void anEmptyBucketWithAFirstTime() {
        named("empty bucket 7 with a first time", q -> heads(q)[2 * 7] = 7);
    }

    @Test
    void anEntryInAnotherDaysBucket() {
        // entry 2, the last of bucket 3, moved from 19 us to 20 us: still after entry 1, but bucket 4's
        named("entry 2 in bucket 3", q -> entries(q)[2 * STRIDE] = 20);
    }

    @Test
    void aBucketOutOfOrder() {
        // entry 1 given a key under entry 0's, at the same time, behind it in the list
        named("bucket 3 out of order", q -> entries(q)[STRIDE + 2] = 0);
    }

    @Test
    void aTieInTimeAndKeyInOneList() {
        // entry 1 given entry 0's key at the same time: no order between them (keys are unique in the queue's use)
        named("bucket 3 out of order", q -> entries(q)[STRIDE + 2] = 1);
    }

    @Test
    void aBucketsLastEntryThatIsNotItsLast() {
        // bucket 3 says entry 1 is its last; the list ends at entry 2
        named("bucket 3's last entry", q -> heads(q)[2 * 3 + 1] = (1L << 32) | 0);
    }

    @Test
    void moreEntriesInTheBucketsThanCounted() {
        named("more entries in the buckets than 4", q -> setInt(q, "nearSize", 4));
    }

    @Test
    void fewerEntriesInTheBucketsThanCounted() {
        named("5 entries in the buckets, not 6", q -> setInt(q, "nearSize", 6));
    }

    @Test
    void aRunTakenToItsEndThatIsNotReset() {
        // the paths without a run test runEnd == 0 alone: an empty run left at 3..3 would send them the run's way
        named("a run taken to its end, not reset: runPos 3, runEnd 3", q -> {
            setInt(q, "runPos", 3);
            setInt(q, "runEnd", 3);
        });
    }

    @Test
    void aSoundQueueWithARunPasses() {
        CalendarQueue q = soundQueueWithARun();
        long[] times = {612, 650, 660, 700, 700, 800, 900};
        for (long t : times) {
            assertEquals(t, q.firstTime());
            q.removeFirst();
            q.checkBuckets();
        }
        assertEquals(0, q.size());
    }

    @Test
    void aRunOutOfOrder() {
        // the run's two entries at 700 us, their keys swapped: 11 then 10
        named("the run out of order at 2", soundQueueWithARun(), q -> {
            entries(q)[STRIDE + 2] = 11;
            entries(q)[2 * STRIDE + 2] = 10;
        });
    }

    @Test
    void aTieInTimeAndKeyInTheRun() {
        named("the run out of order at 2", soundQueueWithARun(), q -> entries(q)[2 * STRIDE + 2] = 10);
    }

    @Test
    void aRunEntryAfterNearEnd() {
        // the run's last entry moved from 900 us to 1024 us: still in order, but past the buckets' and the run's end
        named("the run's entry 4 after nearEnd", soundQueueWithARun(), q -> entries(q)[4 * STRIDE] = 1024);
    }

    @Test
    void aBucketsCachedFirstThatIsNotTheirFirst() {
        CalendarQueue q = soundQueueWithARun();
        int first = (int) CalendarQueueShapeTest.field(q, "bucketMin");
        named("the buckets' cached first " + (first + 1) + ", not " + first, q,
                broken -> setInt(broken, "bucketMin", first + 1));
    }

    @Test
    void aCachedMinimumThatIsNotTheLeast() {
        // entry 4 is the first of the first bucket read (bucket 1), not the least
        named("the cached minimum 4, not 0", q -> setInt(q, "minEntry", 4));
    }
}
