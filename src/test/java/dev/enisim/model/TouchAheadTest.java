package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The reads ahead of the model's rows ({@link FunctionRows#touch}, {@link Invocations#touch}) are stores to longs
 * that nothing reads, one on each line the next event reads: they land there, on no other function's or slot's
 * longs, and change nothing the model reads.
 */
class TouchAheadTest {

    @Test
    void aRowsSparesAreOneOnEachOfItsTwoLines() {
        // FIRST puts rows on 128-byte boundaries: long k of a row is on its line k / 8
        assertEquals(0, FunctionRows.SPARE_1 / 8);
        assertEquals(1, FunctionRows.SPARE_2 / 8);
    }

    @Test
    void aFunctionsTouchStoresToItsRowsSparesOnly() {
        FunctionRows rows = new FunctionRows(3);
        for (int f = 0; f < 3; f++) {
            rows.add(FunctionRows.UNRESERVED, 1000 + f);
            rows.set(f, FunctionRows.ALLOWANCE, 70 + f);
        }
        rows.admitted(1);
        rows.touch(1);
        assertEquals(-1, rows.get(1, FunctionRows.SPARE_1));
        assertEquals(-1, rows.get(1, FunctionRows.SPARE_2));
        assertEquals(0, rows.get(0, FunctionRows.SPARE_2), "the row before is not written");
        assertEquals(0, rows.get(2, FunctionRows.SPARE_1), "the row after is not written");
        assertEquals(1, rows.inFlight(1), "its counts stay");
        assertEquals(1001, rows.timeoutMicros(1));
        assertEquals(71, rows.get(1, FunctionRows.ALLOWANCE));
        assertEquals(-1, rows.topAt(1), "its ring is the row's own: nothing in the slab");
    }

    /** Two functions; function 0 with three idle environments (ENI rows 10, 20, 30): its ring moved to the slab. */
    private static FunctionRows threeIdleInTheSlab() {
        FunctionRows rows = new FunctionRows(2);
        rows.add(FunctionRows.UNRESERVED, 1000);
        rows.add(FunctionRows.UNRESERVED, 1000);
        for (int i = 0; i < 3; i++) {
            rows.started(0);
        }
        // three idle: the ring moved from the row to the slab (room for 4)
        rows.returnIdle(0, 1, 10, 0, 5);
        rows.returnIdle(0, 2, 20, 0, 6);
        rows.returnIdle(0, 3, 30, 0, 7);
        return rows;
    }

    /** Function 0's top idle environment's neighbours in the slab: the spare before it and its own, after. */
    private static void sparesAroundTheTop(FunctionRows rows) {
        int top = rows.topAt(0);
        long before = rows.slabLong(top - 1);
        long own = rows.slabLong(top + 3);
        long keyEni = rows.slabLong(top);
        rows.touch(0);
        assertEquals(-1, rows.slabLong(top - 1), "the spare before the top");
        assertEquals(-1, rows.slabLong(top + 3), "the top's own spare");
        assertEquals(keyEni, rows.slabLong(top), "the environment is not written");
        assertEquals(true, before == 0 || before == -1, "a spare: nothing else was there");
        assertEquals(true, own == 0 || own == -1);
    }

    @Test
    void aFunctionsTouchStoresAroundItsTopIdleEnvironmentInTheSlab() {
        FunctionRows rows = threeIdleInTheSlab();
        sparesAroundTheTop(rows);
        assertEquals(30, rows.takeIdle(0, 2), "the top, as before the touch");
        rows.returnIdle(0, 4, 40, 0, 7);
        sparesAroundTheTop(rows);
        // the oldest expired (the ring's head moves on), one more idle: the top is at the ring's end now
        rows.expireOldest(0);
        rows.returnIdle(0, 5, 50, 0, 8);
        sparesAroundTheTop(rows);
        assertEquals(50, rows.takeIdle(0, 2));
        rows.returnIdle(0, 6, 60, 0, 8);
        sparesAroundTheTop(rows);
        assertEquals(20, rows.oldestKey(0) * 10, "the oldest, as it was");
        assertEquals(3, rows.idle(0));
    }

    @Test
    void theSlabsFirstRingHasASpareBeforeIt() {
        FunctionRows rows = threeIdleInTheSlab();
        // rings of 2 then 4 (the one of 2 kept for reuse), 4 longs an environment; the spare before the first
        // ring, the slab's first long, is not counted
        assertEquals(2 * 4 + 4 * 4, rows.slabLongs());
        assertEquals(-1, rows.topAt(1));
        rows.touch(0);
        assertEquals(true, rows.topAt(0) >= 1 + 2 * 4, "function 0's ring of 4 after the one of 2");
    }

    @Test
    void theTimeoutSharesItsLongWithTheIdleProvisionedCount() {
        FunctionRows rows = new FunctionRows(1);
        rows.add(FunctionRows.UNRESERVED, 900_000_000L);
        rows.addProvisioned(0, 1, 11);
        rows.addProvisioned(0, 2, 12);
        assertEquals(2, rows.provisionedIdle(0));
        assertEquals(900_000_000L, rows.timeoutMicros(0));
        assertEquals(12, rows.takeProvisioned(0));
        assertEquals(1, rows.provisionedIdle(0));
        assertEquals(900_000_000L, rows.timeoutMicros(0));
        assertEquals(0, rows.busyOnDemand(0), "the one busy is provisioned");
        rows.returnProvisioned(0, 2, 12);
        assertEquals(2, rows.provisionedIdle(0));
        assertEquals(900_000_000L, rows.timeoutMicros(0));
        assertThrows(IllegalArgumentException.class, () -> rows.add(FunctionRows.UNRESERVED, 1L << 31));
        assertThrows(IllegalArgumentException.class, () -> rows.add(FunctionRows.UNRESERVED, -1));
        assertEquals(1, rows.functions(), "a refused timeout adds no function");
    }

    @Test
    void whenLastInvokedIsKeptBesideTheRows() {
        FunctionRows rows = new FunctionRows(2);
        rows.add(FunctionRows.UNRESERVED, 1000);
        rows.add(FunctionRows.UNRESERVED, 1000);
        rows.invokedAt(1, 123);
        rows.touch(1);
        assertEquals(123, rows.lastInvokedMicros(1));
        assertEquals(0, rows.lastInvokedMicros(0));
    }

    @Test
    void aSlotsTouchStoresToTheSparesAroundIt() {
        Invocations inv = new Invocations();
        int a = inv.start(1, 2, 3, 4, 5, 6, false, 100);
        int b = inv.start(7, 8, 9, 10, 11, 12, true, 200);
        inv.touch(b);
        int o = Invocations.offset(b);
        assertEquals(-1, inv.longAt(o - 1), "the spare before it (slot a's)");
        assertEquals(-1, inv.longAt(o + 4), "its own");
        assertEquals(Invocations.offset(a) + 4, o - 1, "slot a's spare is the one before b");
        assertEquals(8, inv.portsRow(b));
        assertEquals(10, inv.envRow(b));
        assertEquals(11, inv.envKey(b));
        assertEquals(12, inv.generation(b));
        assertEquals(true, inv.provisioned(b));
        assertEquals(200, inv.envCreatedMicros(b));
        assertEquals(2, inv.portsRow(a), "slot a is not written");
        assertEquals(100, inv.envCreatedMicros(a));
        inv.touch(a);
        assertEquals(-1, inv.longAt(0), "slot 0's spare before it: the array's first long");
        assertEquals(1, Invocations.offset(0));
    }
}
