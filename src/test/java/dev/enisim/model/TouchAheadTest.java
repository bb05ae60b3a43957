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

    @Test
    void aFunctionsTouchReadsItsRowsFirstAndLastLongs() {
        FunctionRows rows = new FunctionRows(3);
        for (int f = 0; f < 3; f++) {
            rows.add(FunctionRows.UNRESERVED, 1000 + f);
        }
        long before = rows.touch(1);
        rows.admitted(0);
        rows.admitted(2);
        rows.set(2, FunctionRows.ALLOWANCE, 77);
        assertEquals(before, rows.touch(1), "other functions' rows are not read");
        rows.admitted(1); // the row's first long
        long admitted = rows.touch(1);
        assertNotEquals(before, admitted);
        rows.set(1, FunctionRows.ALLOWANCE, 5); // its last
        assertNotEquals(admitted, rows.touch(1));
        assertEquals(1, rows.inFlight(1), "reading changes nothing");
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
    void aFunctionsTouchReadsTheTopIdleEnvironmentItsRowHolds() {
        FunctionRows rows = threeIdle();
        assertEquals(true, rows.topInRow(0));
        assertEquals(-1, rows.topAt(0), "nothing to read in the slab");
        long three = rows.touch(0);
        // the same counts and ring, another environment on top in the row: only the row's top tells them apart
        assertEquals(30, rows.takeIdle(0, 2));
        rows.returnIdle(0, 4, 40, 0, 7);
        assertNotEquals(three, rows.touch(0), "the row's top idle environment (key|ENI) is read");
        assertEquals(3, rows.idle(0), "reading changes nothing");
    }

    @Test
    void aFunctionsTouchReadsItsTopIdleEnvironmentInTheSlab() {
        FunctionRows rows = threeIdle();
        assertEquals(30, rows.takeIdle(0, 2)); // the row's top taken: 20, the slab's top, is the top
        assertEquals(false, rows.topInRow(0));
        long twenty = rows.touch(0);
        long twentyRow = rows.touchRow(0);
        // the same counts, ring and row, another environment on top in the slab: only the slab's line tells them apart
        assertEquals(20, rows.takeIdle(0, 1));
        rows.returnIdle(0, 6, 60, 0, 9);
        rows.returnIdle(0, 3, 30, 0, 7); // 60 moves to the slab's top, 30 into the row as before
        assertEquals(30, rows.takeIdle(0, 2));
        assertEquals(2, rows.idle(0));
        assertEquals((6L << 32) | 60, rows.slabLong(rows.topAt(0)), "the slab's top");
        assertNotEquals(twenty, rows.touch(0), "the top idle environment in the slab (key|ENI) is read");
        assertEquals(twentyRow, rows.touchRow(0), "an end's read ahead reads the row alone, not the slab");
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
