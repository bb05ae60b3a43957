package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * The reads ahead of the model's rows ({@link FunctionRows#touch}, {@link Invocations#touch}): their value means
 * nothing, but it must come from the rows the next event reads (a read the JIT keeps), so it moves when those
 * longs move and only then; and reading changes nothing.
 */
class TouchAheadTest {

    /**
     * A function's touch stores into its row the three longs only their setters change ({@link
     * FunctionRows#touchRow}), from their copies: a copy that fell behind its setter would show as a getter's
     * value changed by the touch.
     */
    @Test
    void aFunctionsTouchStoresItsRowsFixedLongsAsTheyAre() {
        FunctionRows rows = new FunctionRows(3);
        for (int f = 0; f < 3; f++) {
            rows.add(f == 1 ? 7 : FunctionRows.UNRESERVED, 1000 + f);
        }
        rows.setConnections(1, 3, 40);
        rows.setAccount(1, 5);
        rows.setConnections(2, 6, 80);
        rows.admitted(1);
        rows.set(1, FunctionRows.ALLOWANCE, 77);
        for (int f = 0; f < 3; f++) {
            assertEquals(0, rows.touch(f), "no idle environment in the slab: nothing read");
        }
        assertEquals(7, rows.reservedConcurrency(1));
        assertEquals(5, rows.account(1));
        assertEquals(3, rows.invocationConnections(1));
        assertEquals(40, rows.environmentConnections(1));
        assertEquals(1001, rows.timeoutMicros(1));
        assertEquals(6, rows.invocationConnections(2));
        assertEquals(80, rows.environmentConnections(2));
        assertEquals(FunctionRows.UNRESERVED, rows.reservedConcurrency(2));
        assertEquals(0, rows.account(2));
        assertEquals(1002, rows.timeoutMicros(2));
        assertEquals(0, rows.invocationConnections(0));
        assertEquals(1, rows.inFlight(1), "the touch changes nothing");
        assertEquals(77, rows.get(1, FunctionRows.ALLOWANCE));
    }

    /**
     * The longs the touch stores to are one in each line of the row, wherever the row starts: two lines when the row
     * is aligned to them, three when it starts at any other of a line's eight longs.
     */
    @Test
    void theStoredLongsHitEveryLineOfTheRowWhereverItStarts() {
        int[] stored = FunctionRows.touchedLongs();
        for (int start = 0; start < 8; start++) {
            int lines = start == 0 ? 2 : 3;
            boolean[] hit = new boolean[lines];
            for (int field : stored) {
                hit[(start + field) / 8] = true;
            }
            for (int line = 0; line < lines; line++) {
                assertEquals(true, hit[line], "line " + line + " of a row starting at long " + start + " of a line");
            }
        }
    }

    /**
     * A table large enough to start a G1 region ({@link FunctionRows#ALIGNED_BYTES}: rows on whole lines) is touched
     * by two stores a row, one in each line (the row's longs 0 and 8), and not at its last long, which shares the
     * second line; a smaller table by three. Seen through a row's last long set apart from its copy: the touch of
     * an aligned table leaves it, a smaller table's touch stores the copy back (only this test sets it apart).
     */
    @Test
    void anAlignedTablesTouchStoresTwoLongsARowAndASmallerOnesThree() {
        int last = FunctionRows.touchedLongs()[2];
        assertEquals(15, last, "the third stored long is the row's last, in its second line when aligned");
        int rowsToAlign = 16_384; // 16 longs each, with the 14 before: 2 MiB and 128 bytes
        assertEquals(true, FunctionRows.aligned(14 + 16 * rowsToAlign));
        assertEquals(false, FunctionRows.aligned(14 + 16 * (rowsToAlign / 2)));
        FunctionRows big = new FunctionRows();
        FunctionRows small = new FunctionRows();
        for (int f = 0; f < rowsToAlign / 2 + 1; f++) { // the table grows by doubling: 16,384 rows
            big.add(7, 1000);
        }
        small.add(7, 1000);
        assertEquals(true, big.touchesTwoLines());
        assertEquals(false, small.touchesTwoLines());
        for (FunctionRows rows : new FunctionRows[] {big, small}) {
            rows.set(0, last, 99);
            rows.touchRow(0);
        }
        assertEquals(99, big.get(0, last), "an aligned row's touch: two stores, the row's last long not stored");
        assertEquals(7, small.get(0, last), "a smaller table's touch stores the row's last long from its copy");
        assertEquals(7, small.reservedConcurrency(0));
        big.set(0, last, small.get(0, last));
        assertEquals(7, big.reservedConcurrency(0));
        assertEquals(1000, big.timeoutMicros(0));
    }

    /**
     * Two functions; function 0 with three idle environments (ENI rows 10, 20, 30): 10 and 20 in a ring in the slab
     * (room for 2), 30, the top, in the row.
     */
    private static FunctionRows threeIdle() {
        FunctionRows rows = new FunctionRows(2);
        rows.add(FunctionRows.UNRESERVED, 1000);
        rows.add(FunctionRows.UNRESERVED, 1000);
        for (int i = 0; i < 3; i++) {
            rows.started(0);
        }
        rows.returnIdle(0, 1, 10, 0, 5);
        rows.returnIdle(0, 2, 20, 0, 6);
        rows.returnIdle(0, 3, 30, 0, 7);
        return rows;
    }

    @Test
    void aFunctionsTouchReadsNoSlabWhileItsRowHoldsTheTop() {
        FunctionRows rows = threeIdle();
        assertEquals(true, rows.topInRow(0));
        assertEquals(-1, rows.topAt(0), "nothing to read in the slab");
        assertEquals(0, rows.touch(0), "the row's lines are fetched by stores: nothing read");
        assertEquals(3, rows.idle(0), "touching changes nothing");
        assertEquals(3, rows.topIdleKey(0));
        assertEquals(30, rows.takeIdle(0, 2));
    }

    @Test
    void aFunctionsTouchReadsItsTopIdleEnvironmentInTheSlab() {
        FunctionRows rows = threeIdle();
        assertEquals(30, rows.takeIdle(0, 2)); // the row's top taken: 20, the slab's top, is the top
        assertEquals(false, rows.topInRow(0));
        long twenty = rows.touch(0);
        assertEquals((2L << 32) | 20, twenty, "the slab's top (key|ENI) is read");
        // the same counts, ring and row, another environment on top in the slab: only the slab's line tells them apart
        assertEquals(20, rows.takeIdle(0, 1));
        rows.returnIdle(0, 6, 60, 0, 9);
        rows.returnIdle(0, 3, 30, 0, 7); // 60 moves to the slab's top, 30 into the row as before
        assertEquals(30, rows.takeIdle(0, 2));
        assertEquals(2, rows.idle(0));
        assertEquals((6L << 32) | 60, rows.slabLong(rows.topAt(0)), "the slab's top");
        assertNotEquals(twenty, rows.touch(0), "the top idle environment in the slab (key|ENI) is read");
        assertEquals(0, rows.touchRow(0), "an end's read ahead stores into the row alone, it reads no slab");
        // the oldest expired (the ring's head moves on), two more idle: the slab's top wraps round the ring's end
        assertEquals(10, rows.expireOldest(0));
        rows.returnIdle(0, 7, 70, 0, 10);
        rows.returnIdle(0, 3, 30, 0, 7); // 70 to the slab (a ring of 2: 60 at its end, 70 at its start)
        assertEquals(30, rows.takeIdle(0, 2));
        long wrapped = rows.touch(0);
        assertEquals(70, rows.takeIdle(0, 1));
        rows.returnIdle(0, 8, 80, 0, 11);
        rows.returnIdle(0, 3, 30, 0, 7);
        assertEquals(30, rows.takeIdle(0, 2));
        assertEquals((8L << 32) | 80, rows.slabLong(rows.topAt(0)));
        assertNotEquals(wrapped, rows.touch(0), "the top, not the oldest, is read");
    }

    @Test
    void aSlotsTouchReadsItsFirstAndLastLongs() {
        Invocations inv = new Invocations();
        int a = inv.start(1, 2, 3, 4, 5, 6, false, 100);
        int b = inv.start(7, 8, 9, 10, 11, 12, true, 200);
        long ta = inv.touch(a);
        inv.finish(b);
        assertEquals(b, inv.start(7, 8, 9, 10, 11, 12, true, 300));
        assertEquals(ta, inv.touch(a), "another slot's row is not read");
        inv.finish(a);
        assertEquals(a, inv.start(1, 2, 3, 4, 5, 6, false, 101)); // the row's last long: when made
        assertNotEquals(ta, inv.touch(a));
        inv.finish(a);
        assertEquals(a, inv.start(1, 9, 3, 4, 5, 6, false, 100)); // its first: the function and ports row
        assertNotEquals(ta, inv.touch(a));
    }
}
