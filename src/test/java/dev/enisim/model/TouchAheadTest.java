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

    @Test
    void aFunctionsTouchReadsItsTopIdleEnvironmentInTheSlab() {
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
        long three = rows.touch(0);
        // the same counts and ring, another environment on top: only the slab's line tells them apart
        assertEquals(30, rows.takeIdle(0, 2));
        rows.returnIdle(0, 4, 40, 0, 7);
        assertNotEquals(three, rows.touch(0), "the top idle environment (key|ENI) is read");
        assertEquals(3, rows.idle(0));
        // the oldest expired (the ring's head moves on), one more idle: the top is at the ring's end now
        rows.expireOldest(0);
        rows.returnIdle(0, 5, 50, 0, 8);
        long wrapped = rows.touch(0);
        assertEquals(50, rows.takeIdle(0, 2));
        rows.returnIdle(0, 6, 60, 0, 8);
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

    @Test
    void aKeysPortsTouchReadsItsRowAndItsFirstOrGivenEnisRow() {
        EniPorts p = new EniPorts();
        int k0 = p.addKey();
        int k1 = p.addKey();
        int k2 = p.addKey();
        int e0 = p.add(k0, 10);
        int e1 = p.add(k1, 10);
        int e2 = p.add(k1, 10);
        for (int e : new int[] {e0, e1, e2}) {
            p.setInUse(e, true);
        }
        p.keyEnis(k0, new int[] {e0}, 1, false);
        p.keyEnis(k1, new int[] {e1, e2}, 2, false);
        assertEquals(0, p.touch(k1, -1));
        assertEquals(e1, p.acquireKey(k1, 3));
        assertEquals(3 + (3L << 32), p.touch(k1, -1), "the key's connections, and its first ENI's (high half)");
        assertEquals(3, p.touch(k1, e2), "the ENI given, not the first");
        assertEquals(3L << 32, p.touch(-1, e1), "no key: the ENI's row alone");
        assertEquals(e0, p.acquireKey(k0, 2));
        assertEquals(3 + (3L << 32), p.touch(k1, -1), "another key's rows are not read");
        assertEquals(0, p.touch(k2, -1), "a key without ENIs: its row alone");
        assertEquals(0, p.touch(3, -1), "no such key: nothing read");
        assertEquals(3, p.touch(k1, 3), "no such ENI: the key's row alone");
        assertEquals(3, p.keyConnections(k1), "reading changes nothing");
    }

    @Test
    void theTopKeyIsTheKeyOfTheEnvironmentInTheSlabLineReadAhead() {
        FunctionRows rows = new FunctionRows(1);
        rows.add(FunctionRows.UNRESERVED, 1000);
        for (int i = 0; i < 3; i++) {
            rows.started(0);
        }
        rows.returnIdle(0, 7, 70, 0, 5);
        assertEquals(-1, rows.topKey(0), "the ring is the row's own: unknown");
        rows.returnIdle(0, 8, 80, 0, 6);
        assertEquals(8, rows.topKey(0), "the top, in the slab");
        rows.returnIdle(0, 9, 90, 0, 7);
        assertEquals(9, rows.topKey(0));
        assertEquals(90, rows.takeIdle(0, 2));
        assertEquals(8, rows.topKey(0), "the next a warm start takes");
    }

    @Test
    void anEndsSecondLevelReadsItsKeysAndPortsRows() {
        WorldHarness h = WorldHarness.standard();
        int f = h.createdApi(); // one connection per invocation
        h.advanceTo(60 * WorldHarness.SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, WorldHarness.SEC));
        assertEquals(Outcome.SUCCESS, h.invoke(f, 2 * WorldHarness.SEC));
        World w = h.world();
        long first = Invocations.end(f, 0);
        assertEquals(0, w.endKey(first), "the invocation's key");
        assertEquals(2 + (2L << 32), w.touchEndPorts(first), "the key's two connections and its ENI's");
        assertEquals(0, w.touchArrivalPorts(w.arrivalKey(f)) & 0xFFFF_FFFFL, "no environment idle yet: no key");
        h.advanceTo(70 * WorldHarness.SEC);
        assertEquals(0, w.arrivalKey(f), "two idle: the ring in the slab, its top's key");
        assertEquals(0, w.touchArrivalPorts(0), "no connection left");
    }
}
