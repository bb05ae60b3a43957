package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The invocations in flight ({@link Invocations}) against a map of slot to what was stored: random starts and ends
 * in any order; every live invocation's slot gives back exactly what its start stored (its function through the
 * end's payload, its ports row and count, its environment's ENI row and key, generation, provisioned, when made;
 * -1 rows and negative keys included), no two live invocations share a slot, and a freed slot is the next one
 * taken (last freed first), so the slots never outnumber the most in flight at once.
 */
class InvocationsProperties {

    @Provide
    Arbitrary<List<int[]>> operations() {
        return Arbitraries.integers().between(0, 1 << 24).array(int[].class).ofSize(3).list().ofMinSize(1)
                .ofMaxSize(500);
    }

    @Property(tries = 300)
    void slotsGiveBackWhatTheirStartStored(@ForAll("operations") List<int[]> ops) {
        Invocations invocations = new Invocations();
        Map<Integer, long[]> live = new HashMap<>(); // slot -> fn, portsRow, ports, envRow, key, gen, prov, created
        List<Integer> order = new ArrayList<>();
        Deque<Integer> freed = new ArrayDeque<>();
        int mostLive = 0;
        int slotsSeen = 0;
        for (int[] op : ops) {
            if (op[0] % 3 != 0 || live.isEmpty()) {
                long[] v = {op[1] % 10_000, op[2] % 50 - 1, op[1] % 7, op[2] % 30 - 1, op[1] % 9 - 1,
                        op[2] % 1000, op[0] % 2, (long) op[1] * op[2]};
                int s = invocations.start((int) v[0], (int) v[1], (int) v[2], (int) v[3], (int) v[4], (int) v[5],
                        v[6] == 1, v[7]);
                assertTrue(!live.containsKey(s), "slot " + s + " is not live");
                if (!freed.isEmpty()) {
                    assertEquals(freed.pop(), s, "the last freed slot is taken first");
                } else {
                    assertEquals(slotsSeen++, s, "a new slot only when none is free");
                }
                live.put(s, v);
                order.add(s);
                mostLive = Math.max(mostLive, live.size());
            } else {
                int s = order.remove(op[1] % order.size());
                long[] v = live.remove(s);
                long end = Invocations.end((int) v[0], s);
                assertEquals(v[0], Invocations.function(end));
                assertEquals(s, Invocations.slot(end));
                assertEquals(v[1], invocations.portsRow(s));
                assertEquals(v[2], invocations.connections(s));
                assertEquals(v[3], invocations.envRow(s));
                assertEquals(v[4], invocations.envKey(s));
                assertEquals(v[5], invocations.generation(s));
                assertEquals(v[6] == 1, invocations.provisioned(s));
                assertEquals(v[7], invocations.envCreatedMicros(s));
                invocations.finish(s);
                freed.push(s);
            }
        }
        assertEquals(mostLive, invocations.slotsUsed(), "the slots used are the most in flight at once");
    }
}
