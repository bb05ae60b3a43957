package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniKey;
import dev.enisim.model.eni.EniState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The keys' rows and the ENIs' rows of one ports table ({@link EniPorts}, {@link EniPool}) against a plain reference:
 * random ENIs made for several keys (more than a key row holds inline), made ready, deleted from any position, ports
 * taken the way the fleet takes them (the key's row first, then its pool) and given back by ENI row: after every
 * step each port is taken from the first ENI of its key (creation order) that is in use and has room, as a list of
 * ENIs per key says; no ENI holds more than its capacity or fewer than none; each key's count is the sum of its
 * ENIs'; its row holds its ENIs in order ({@link EniPool#checkInvariants}). Connections are conserved: once all are
 * given back, every ENI and key holds none.
 */
class KeyRowsProperties {

    @Provide
    Arbitrary<List<int[]>> operations() {
        return Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(3).list().ofMinSize(1)
                .ofMaxSize(400);
    }

    @Property(tries = 300)
    void portsAreTakenFirstFitAndConserved(@ForAll("operations") List<int[]> ops,
            @ForAll @IntRange(min = 1, max = 3) int keys, @ForAll @IntRange(min = 1, max = 6) int capacity) {
        EniPorts ports = new EniPorts();
        List<EniPool> pools = new ArrayList<>();
        List<List<HyperplaneEni>> reference = new ArrayList<>(); // live ENIs per key, in creation order
        for (int k = 0; k < keys; k++) {
            pools.add(new EniPool(k, new EniKey("vpc", "s", List.of("sg-" + k), "", ""), 0, 0, capacity, ports));
            reference.add(new ArrayList<>());
        }
        List<int[]> held = new ArrayList<>();    // {ENI row, n} of each connection taken and not given back
        Map<Integer, HyperplaneEni> byRow = new HashMap<>();
        int made = 0;
        for (int[] op : ops) {
            int k = op[1] % keys;
            EniPool pool = pools.get(k);
            List<HyperplaneEni> enis = reference.get(k);
            switch (op[0] % 6) {
                case 0 -> { // a new ENI for the key (Creating), ready at once half the time
                    made++;
                    HyperplaneEni eni = new HyperplaneEni(new EniId(made, EniId.name(made), k, "k", 0, 0,
                            "10.0.0." + made), made, capacity, 0, ports);
                    pool.added(eni);
                    enis.add(eni);
                    byRow.put(eni.row(), eni);
                    if (op[2] % 2 == 0) {
                        eni.transition(EniState.InUse, 0);
                        pool.becameReady(eni);
                    }
                }
                case 1 -> { // a Creating ENI becomes ready
                    for (HyperplaneEni eni : enis) {
                        if (eni.state() == EniState.Creating) {
                            eni.transition(EniState.InUse, 0);
                            pool.becameReady(eni);
                            break;
                        }
                    }
                }
                case 2 -> { // an ENI holding no connection leaves its key (from any position)
                    if (!enis.isEmpty()) {
                        HyperplaneEni eni = enis.get(op[2] % enis.size());
                        if (eni.connections() == 0) {
                            pool.removed(eni);
                            enis.remove(eni);
                        }
                    }
                }
                case 3, 4 -> { // ports taken as the fleet takes them
                    int n = 1 + op[2] % 3;
                    HyperplaneEni expected = null;
                    for (HyperplaneEni eni : enis) {
                        if (eni.state() == EniState.InUse && eni.connections() + n <= eni.capacity()) {
                            expected = eni;
                            break;
                        }
                    }
                    int row = ports.acquireKey(k, n);
                    if (row == EniPorts.MORE) {
                        row = pool.acquireRow(EniPorts.INLINE, n);
                    }
                    assertEquals(expected == null ? -1 : expected.row(), row, "first fit in creation order");
                    if (row >= 0) {
                        held.add(new int[] {row, n});
                    }
                }
                default -> { // a connection given back by its ENI's row
                    if (!held.isEmpty()) {
                        int[] c = held.remove(op[2] % held.size());
                        int key = byRow.get(c[0]).key();
                        if (op[0] / 6 % 2 == 0) {
                            assertEquals(key, ports.releaseKey(c[0], c[1]), "its key");
                        } else { // by its key, as an invocation's end gives them back
                            int left = pools.get(key).connections() - c[1];
                            assertEquals(left, ports.releaseKey(c[0], key, c[1]), "the key's connections left");
                        }
                    }
                }
            }
            check(ports, pools, reference, capacity);
        }
        for (int[] c : held) {
            assertTrue(ports.releaseKey(c[0], c[1]) >= 0);
        }
        for (int k = 0; k < keys; k++) {
            assertEquals(0, pools.get(k).connections(), "every connection given back");
            for (HyperplaneEni eni : reference.get(k)) {
                assertEquals(0, eni.connections());
            }
        }
    }

    private static void check(EniPorts ports, List<EniPool> pools, List<List<HyperplaneEni>> reference,
            int capacity) {
        for (int k = 0; k < pools.size(); k++) {
            EniPool pool = pools.get(k);
            pool.checkInvariants(); // the key's count is its ENIs' sum, its row holds its ENIs in order
            int sum = 0;
            for (HyperplaneEni eni : reference.get(k)) {
                assertTrue(eni.connections() >= 0 && eni.connections() <= capacity, eni + " within its capacity");
                sum += eni.connections();
            }
            assertEquals(sum, pool.connections());
            assertEquals(reference.get(k).size(), ports.keyEniCount(k));
        }
    }

    @Test
    void givingBackMoreThanAnEniHoldsChangesNothing() {
        EniPorts ports = new EniPorts();
        EniPool pool = new EniPool(0, new EniKey("vpc", "s", List.of("sg"), "", ""), 0, 0, 10, ports);
        HyperplaneEni eni = new HyperplaneEni(new EniId(1, "eni-0001", 0, "k", 0, 0, "10.0.0.1"), 1, 10, 0, ports);
        pool.added(eni);
        eni.transition(EniState.InUse, 0);
        pool.becameReady(eni);
        assertEquals(eni.row(), ports.acquireKey(0, 3));
        assertEquals(-1, ports.releaseKey(eni.row(), 4));
        assertEquals(3, eni.connections());
        assertEquals(3, pool.connections());
        assertEquals(EniPorts.NONE, ports.acquireKey(0, 8), "3 + 8 > 10");
    }

    @Test
    void givingBackByAnotherKeyOrMoreThanHeldChangesNothing() {
        EniPorts ports = new EniPorts();
        List<EniPool> pools = new ArrayList<>();
        List<HyperplaneEni> enis = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            EniPool pool = new EniPool(k, new EniKey("vpc", "s", List.of("sg-" + k), "", ""), 0, 0, 10, ports);
            HyperplaneEni eni = new HyperplaneEni(new EniId(1 + k, "eni-000" + k, k, "k", 0, 0, "10.0.0." + k), k, 10,
                    0, ports);
            pool.added(eni);
            eni.transition(EniState.InUse, 0);
            pool.becameReady(eni);
            pools.add(pool);
            enis.add(eni);
        }
        int row = ports.acquireKey(0, 3);
        assertEquals(enis.get(0).row(), row);
        assertEquals(enis.get(1).row(), ports.acquireKey(1, 4));
        assertEquals(-1, ports.releaseKey(row, 1, 2), "not key 1's ENI");
        assertEquals(-1, ports.releaseKey(row, 0, 4), "holds 3");
        assertEquals(3, enis.get(0).connections());
        assertEquals(3, pools.get(0).connections());
        assertEquals(4, pools.get(1).connections());
        assertEquals(1, ports.releaseKey(row, 0, 2), "1 left on key 0's ENIs");
        assertEquals(1, enis.get(0).connections());
        assertEquals(4, pools.get(1).connections(), "the other key untouched");
    }

    @Test
    void aPoolWithAnEniOfAnotherTableLeavesTheSearchToThePoolWhichRefusesIt() {
        EniPorts ports = new EniPorts();
        EniPool pool = new EniPool(0, new EniKey("vpc", "s", List.of("sg"), "", ""), 0, 0, 10, ports);
        pool.added(new HyperplaneEni(new EniId(1, "eni-0001", 0, "k", 0, 0, "10.0.0.1"), 1, 10, 0));
        assertEquals(EniPorts.MORE, ports.acquireKey(0, 1));
        assertThrows(IllegalStateException.class, () -> pool.acquireRow(EniPorts.INLINE, 1));
    }
}
