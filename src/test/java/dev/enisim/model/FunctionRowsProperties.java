package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The functions' rows ({@link FunctionRows}) against a plain reference: random operations on several functions'
 * environments (cold starts, going idle, warm takes from any position, expiry, provisioned ones, discards) give, after
 * every step, the same counts, the same idle deque (keys, ENIs, when idle, when made, in order) and the same
 * provisioned stack as lists per function would; the shared store stays within twice each function's largest ring
 * (a bound that holds with or without the reuse of rings given up: that reuse is the example
 * {@link #aRingGivenUpIsReusedByTheNextFunctionToGrow}); in-flight counts, flags and the packed fields do not disturb
 * one another.
 */
class FunctionRowsProperties {

    /** One function's environments as plain lists: the reference. */
    private static final class Reference {
        final List<long[]> idle = new ArrayList<>(); // key, eni, idle since, created; oldest first
        final List<int[]> prov = new ArrayList<>();  // key, eni; top last
        int provisioned;
        int busy;
        int mostIdle;
        int generation;
        int provisionedConcurrency;
        int account;
        int invocationConnections;
        int environmentConnections;
        /** Whether the row holds the top idle environment: since the last return, until the top is taken. */
        boolean topInRow;
    }

    @Provide
    Arbitrary<List<int[]>> operations() {
        return Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(4).list().ofMinSize(1)
                .ofMaxSize(300);
    }

    @Property(tries = 200)
    void environmentsBehaveAsListsPerFunction(@ForAll("operations") List<int[]> ops,
            @ForAll @IntRange(min = 1, max = 5) int functions) {
        behaveAsLists(ops, functions, true);
    }

    /** Without a look ahead ({@link FunctionRows#keepTops} off) the row never holds the top: the same lists. */
    @Property(tries = 100)
    void withoutALookAheadTheTopStaysInTheSlab(@ForAll("operations") List<int[]> ops,
            @ForAll @IntRange(min = 1, max = 5) int functions) {
        behaveAsLists(ops, functions, false);
    }

    private static void behaveAsLists(List<int[]> ops, int functions, boolean tops) {
        FunctionRows rows = new FunctionRows(2);
        rows.keepTops(tops);
        List<Reference> refs = new ArrayList<>();
        for (int f = 0; f < functions; f++) {
            assertEquals(f, rows.add(reserved(f), 1000 + f));
            refs.add(new Reference());
        }
        long now = 0;
        for (int[] op : ops) {
            int f = op[1] % functions;
            Reference r = refs.get(f);
            int key = op[2] % 7;
            int eni = op[3] % 11 - 1;
            now += op[2] % 3;
            switch (op[0] % 8) {
                case 0, 1 -> { // a cold start, or a warm take when some are idle
                    if (r.idle.isEmpty() || op[0] % 8 == 0) {
                        rows.started(f);
                        r.busy++;
                    } else {
                        int p = op[3] % r.idle.size();
                        if (p == r.idle.size() - 1) {
                            r.topInRow = false; // the top taken: the slab's top is the top
                        }
                        long[] e = r.idle.remove(p);
                        if (op[2] % 2 == 0) {
                            assertEquals((int) e[1], rows.takeIdle(f, p), "the ENI taken");
                        } else { // into a lease, as a warm invocation takes it
                            Lease lease = new Lease();
                            rows.takeIdle(f, p, lease);
                            assertEquals((int) e[0], lease.key, "the key taken");
                            assertEquals((int) e[1], lease.eni, "the ENI taken");
                            assertEquals(e[3], lease.createdMicros, "when it was made");
                        }
                        r.busy++;
                    }
                }
                case 2, 3 -> { // a busy on-demand environment goes idle
                    if (r.busy - (r.provisioned - r.prov.size()) > 0) {
                        long created = now - op[3] % 5;
                        rows.returnIdle(f, key, eni, created, now);
                        r.idle.add(new long[] {key, eni, now, created});
                        r.topInRow = tops;
                        r.busy--;
                        r.mostIdle = Math.max(r.mostIdle, r.idle.size());
                    }
                }
                case 4 -> { // the oldest expires
                    if (!r.idle.isEmpty()) {
                        if (r.idle.size() == 1) {
                            r.topInRow = false;
                        }
                        assertEquals((int) r.idle.remove(0)[1], rows.expireOldest(f));
                    }
                }
                case 5 -> { // a provisioned environment is made, or one is taken
                    if (op[3] % 2 == 0 || r.prov.isEmpty()) {
                        rows.addProvisioned(f, key, eni);
                        r.prov.add(new int[] {key, eni});
                        r.provisioned++;
                    } else {
                        assertEquals(r.prov.get(r.prov.size() - 1)[0], rows.topProvisionedKey(f));
                        assertEquals(r.prov.remove(r.prov.size() - 1)[1], rows.takeProvisioned(f));
                        r.busy++;
                    }
                }
                case 6 -> { // a busy provisioned one comes back, or a busy one is discarded
                    int busyProvisioned = r.provisioned - r.prov.size();
                    if (busyProvisioned > 0 && op[3] % 2 == 0) {
                        rows.returnProvisioned(f, key, eni);
                        r.prov.add(new int[] {key, eni});
                        r.busy--;
                    } else if (r.busy > 0) {
                        boolean wasProvisioned = busyProvisioned > 0 && op[3] % 3 == 0;
                        rows.discardBusy(f, wasProvisioned);
                        r.busy--;
                        if (wasProvisioned) {
                            r.provisioned--;
                        }
                    }
                }
                default -> { // in flight, flags and the packed fields beside the environments
                    rows.admitted(f);
                    assertEquals(1, rows.inFlight(f));
                    assertEquals(r.busy, rows.busy(f), "in flight and busy share a long");
                    if (op[2] % 2 == 0) {
                        r.generation++;
                        assertEquals(r.generation, rows.newGeneration(f));
                    }
                    r.provisionedConcurrency = op[2] % 9;
                    rows.setProvisionedConcurrency(f, r.provisionedConcurrency);
                    Outcome rejection = op[2] % 3 == 0 ? null : Outcome.all()[op[2] % Outcome.all().length];
                    if (op[2] % 4 == 0) {
                        rows.setActive(f, op[3] % 2 == 0);
                    } else {
                        rows.setState(f, op[3] % 2 == 0, rejection);
                    }
                    rows.setHasKeys(f, op[3] % 3 == 0);
                    rows.setExpiryScheduled(f, op[3] % 5 == 0);
                    if (op[2] % 4 != 0) {
                        assertEquals(rejection, rows.rejection(f), "the rejection shares the flags' long");
                    }
                    rows.setAccount(f, op[3] % 4);
                    rows.setConnections(f, key, eni + 1);
                    r.account = op[3] % 4;
                    r.invocationConnections = key;
                    r.environmentConnections = eni + 1;
                    assertEquals(op[3] % 2 == 0, rows.active(f));
                    assertEquals(op[3] % 3 == 0, rows.hasKeys(f));
                    assertEquals(op[3] % 5 == 0, rows.expiryScheduled(f));
                    assertEquals(op[3] % 4, rows.account(f));
                    assertEquals(reserved(f), rows.reservedConcurrency(f));
                    assertEquals(key, rows.invocationConnections(f));
                    assertEquals(eni + 1, rows.environmentConnections(f));
                    assertEquals(1000 + f, rows.timeoutMicros(f));
                    assertEquals(r.generation, rows.generation(f), "the flags share a long with the generation");
                    rows.invokedAt(f, now);
                    assertEquals(now, rows.lastInvokedMicros(f));
                    assertEquals(true, rows.finished(f));
                    assertEquals(false, rows.finished(f), "none in flight any more");
                }
            }
            for (int g = 0; g < functions; g++) {
                long read = rows.touch(g); // the look ahead's: stores the row's fixed longs, changing nothing
                assertEquals(rows.topAt(g) < 0 ? 0 : rows.slabLong(rows.topAt(g)), read,
                        "the touch reads the slab's top alone");
                same(refs.get(g), rows, g, tops);
            }
        }
        int bound = 0;
        for (Reference r : refs) {
            // the row holds one (the top); a function's rings in the slab: 2, 4, ... up to the power of two that held
            // the rest of its most idle (at most mostIdle - 1 at once), less than twice that
            int rest = tops ? r.mostIdle - 1 : r.mostIdle; // without a look ahead the slab holds them all
            int largest = rest <= 0 ? 0 : Math.max(2, rest == 1 ? 1 : Integer.highestOneBit(rest - 1) * 2);
            bound += 3 * 2 * largest;
        }
        assertEquals(true, rows.slabLongs() <= bound,
                "the shared store holds at most twice the largest rings: " + rows.slabLongs() + " > " + bound);
    }

    /** Function {@code f}'s reserved concurrency: none for the even ones. */
    private static int reserved(int f) {
        return f % 2 == 0 ? LambdaFunction.UNRESERVED : 10 + f;
    }

    private static void same(Reference r, FunctionRows rows, int f, boolean tops) {
        assertEquals(r.idle.size(), rows.idle(f), "idle");
        assertEquals(r.busy, rows.busy(f), "busy");
        assertEquals(r.provisioned, rows.provisioned(f), "provisioned");
        assertEquals(r.prov.size(), rows.provisionedIdle(f), "provisioned idle");
        assertEquals(r.provisionedConcurrency, rows.provisionedConcurrency(f), "provisioned concurrency allocated");
        assertEquals(r.generation, rows.generation(f), "generation");
        assertEquals(r.account, rows.account(f), "account");
        assertEquals(reserved(f), rows.reservedConcurrency(f), "reserved concurrency");
        assertEquals(r.invocationConnections, rows.invocationConnections(f), "connections per invocation");
        assertEquals(r.environmentConnections, rows.environmentConnections(f), "connections per environment");
        assertEquals(1000 + f, rows.timeoutMicros(f), "timeout");
        assertEquals(0, rows.inFlight(f), "in flight");
        assertEquals(r.busy - (r.provisioned - r.prov.size()), rows.busyOnDemand(f), "busy on demand");
        assertEquals(r.idle.size() + r.provisioned + rows.busyOnDemand(f), rows.total(f), "total");
        assertEquals(r.idle.isEmpty() ? Long.MAX_VALUE : r.idle.get(0)[2], rows.oldestIdleSince(f));
        assertEquals(r.idle.isEmpty() ? -1 : (int) r.idle.get(r.idle.size() - 1)[0], rows.topIdleKey(f));
        assertEquals(r.prov.isEmpty() ? -1 : r.prov.get(r.prov.size() - 1)[0], rows.topProvisionedKey(f));
        long newest = Long.MIN_VALUE;
        int newestAt = r.idle.size() - 1;
        for (int p = r.idle.size() - 1; p >= 0; p--) {
            assertEquals((int) r.idle.get(p)[0], rows.idleKey(f, p), "key at " + p);
            assertEquals(r.idle.get(p)[3], rows.idleCreatedAt(f, p), "created at " + p);
            if (r.idle.get(p)[3] > newest) {
                newest = r.idle.get(p)[3];
                newestAt = p;
            }
        }
        assertEquals(newestAt, rows.choose(f, WarmRouting.NEWEST, WorldSettings.NO_DRAWS));
        assertEquals(r.idle.size() - 1, rows.choose(f, WarmRouting.MOST_RECENTLY_USED, WorldSettings.NO_DRAWS));
        if (!r.idle.isEmpty()) {
            assertEquals((int) r.idle.get(0)[0], rows.oldestKey(f));
        }
        // the look ahead's line: none while the row holds the top or none is idle (or without a look ahead), else the
        // top's (key | ENI row) in the slab
        assertEquals(r.topInRow, rows.topInRow(f), "the row holds the top since the last return, until it is taken");
        assertEquals(r.idle.isEmpty() || r.topInRow || !tops, rows.topAt(f) < 0, "the top is in the slab");
        if (rows.topAt(f) >= 0) {
            long[] top = r.idle.get(r.idle.size() - 1);
            assertEquals((top[0] << 32) | (top[1] & 0xFFFF_FFFFL), rows.slabLong(rows.topAt(f)), "the top is read ahead");
        }
    }

    @Test
    void aRingGivenUpIsReusedByTheNextFunctionToGrow() {
        FunctionRows rows = new FunctionRows();
        int a = rows.add(LambdaFunction.UNRESERVED, 1);
        int b = rows.add(LambdaFunction.UNRESERVED, 1);
        rows.started(a);
        rows.returnIdle(a, 1, 0, 0, 0);
        assertEquals(0, rows.slabLongs(), "one idle environment fits in the function's row");
        assertEquals(0, rows.takeIdle(a, 0));
        rows.returnIdle(a, 1, 0, 0, 0);
        rows.started(a);
        rows.returnIdle(a, 1, 1, 1, 1);
        assertEquals(6, rows.slabLongs(), "a second moves the first to a ring in the shared store: room for two");
        rows.expireOldest(a);
        rows.expireOldest(a);
        for (int i = 0; i < 16; i++) {
            rows.started(a);
            rows.returnIdle(a, 1, i, i, i); // rings of 2, 4, 8, then 16 (15 and the row's): the smaller given up
        }
        int used = rows.slabLongs();
        for (int i = 0; i < 8; i++) {
            rows.started(b);
            rows.returnIdle(b, 2, i, i, i); // rings of 2, 4, 8 (7 and the row's): those a gave up
        }
        assertEquals(used, rows.slabLongs(), "b's rings are the ones a gave up: the store did not grow");
        for (int i = 0; i < 8; i++) {
            assertEquals(i, rows.takeIdle(b, 0), "b's environments in order");
        }
        for (int i = 0; i < 16; i++) {
            assertEquals(i, rows.expireOldest(a), "a's environments in order");
        }
    }

    @Test
    void takesFromTheTopDownAndRowsStayApartAsTheTableGrows() {
        FunctionRows rows = new FunctionRows(1);
        int n = 100; // several doublings of the table, each keeping the rows after the first's offset
        for (int f = 0; f < n; f++) {
            assertEquals(f, rows.add(LambdaFunction.UNRESERVED, 1000 + f));
            for (int i = 0; i < 1 + f % 3; i++) {
                rows.started(f);
                rows.returnIdle(f, f, 10 * f + i, 100 * f + i, i);
            }
        }
        for (int f = 0; f < n; f++) {
            int idle = 1 + f % 3;
            assertEquals(idle, rows.idle(f), "idle of " + f);
            assertEquals(1000 + f, rows.timeoutMicros(f), "timeout of " + f);
            for (int i = idle - 1; i >= 0; i--) {
                Lease lease = new Lease();
                rows.takeIdle(f, i, lease); // the top each time
                assertEquals(10 * f + i, lease.eni, "ENI of " + f + " at " + i);
                assertEquals(100 * f + i, lease.createdMicros, "made at of " + f + " at " + i);
                assertEquals(i == 0 ? -1 : f, rows.topIdleKey(f));
            }
        }
        assertEquals(0, rows.idle(n - 1));
    }

    /**
     * Without a look ahead the top's place is not kept (no store per take and return): every function reads -1;
     * turned on again, each function's top is placed anew, the line the look ahead then reads.
     */
    @Test
    void theTopsPlaceIsKeptOnlyForALookAhead() {
        FunctionRows rows = new FunctionRows(1);
        int f = rows.add(LambdaFunction.UNRESERVED, 1);
        rows.add(LambdaFunction.UNRESERVED, 1);
        rows.keepTops(false);
        for (int i = 0; i < 3; i++) {
            rows.started(f);
            rows.returnIdle(f, 7, i, i, i); // the second and third move the one before to the slab
        }
        assertEquals(false, rows.topInRow(f), "without a look ahead the slab holds the top");
        assertEquals(2, rows.takeIdle(f, 2), "the top");
        assertEquals(-1, rows.topAt(f), "not kept while off");
        rows.keepTops(true);
        assertTrue(rows.topAt(f) >= 0, "placed when turned on");
        assertEquals((7L << 32) | 1, rows.slabLong(rows.topAt(f)), "the top: key 7, ENI row 1");
        assertEquals(-1, rows.topAt(f + 1), "a function with no ring in the slab");
        rows.keepTops(false);
        assertEquals(-1, rows.topAt(f), "cleared when turned off");
        rows.takeIdle(f, 0);
        assertEquals(-1, rows.topAt(f), "still not kept");
    }
}
