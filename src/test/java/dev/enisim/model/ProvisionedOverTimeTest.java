package dev.enisim.model;

import static dev.enisim.model.WorldHarness.DAY;
import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.function.State;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Provisioned concurrency changed on the timeline (PutProvisionedConcurrencyConfig, DeleteProvisionedConcurrencyConfig)
 * with the documented allocation: usable "after a minute or two" (90 s assumed) plus 1 / 6,000 of a minute per
 * environment, all at once. "db" holds a pool of 10 connections per environment on subnet-1's ENI and 1 connection per
 * invocation; it is Active at 60 s.
 */
class ProvisionedOverTimeTest {

    /** "db" (pool 10, 1 connection an invocation) in the standard world's subnet-1, Active at 60 s. */
    static WorldHarness db() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("db", 128, List.of("subnet-1"), List.of("sg-a"), 10, 0, 0);
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(State.Active, h.state(f));
        return h;
    }

    private static int keyConnections(WorldHarness h) {
        return h.world().snapshot().keys().get(0).connections();
    }

    private static void assertAction(WorldHarness h, String expected) {
        assertTrue(h.seen.actions.contains(expected), () -> "no '" + expected + "' in " + h.seen.actions);
    }

    @Test
    void aRaiseIsUsableAllAtOnceAfterItsAllocationAndALoweringEndsIdleEnvironmentsAtOnce() {
        WorldHarness h = db();
        h.at(100 * SEC, new SimEvent.PutProvisionedConcurrency(0, 3));
        h.advanceTo(100 * SEC);
        assertAction(h, "100s PutProvisionedConcurrencyConfig db 3: IN_PROGRESS, 3 environments usable in 90 s");
        assertArrayEquals(new int[] {3, 0}, h.seen.provisioned.get(0), "requested 3, allocated 0");
        long ready = 100 * SEC + 90 * SEC + 30_000; // 3 x 60 s / 6,000 = 30 ms
        h.advanceTo(ready - 1);
        assertEquals(0, h.world().function(0).environments().provisioned());
        assertEquals(0, keyConnections(h));
        h.advanceTo(ready);
        assertAction(h, "190s Provisioned concurrency of db READY: 3 allocated");
        assertArrayEquals(new int[] {3, 3}, h.seen.provisioned.get(0));
        assertEquals(3, h.world().function(0).environments().provisioned());
        assertEquals(30, keyConnections(h), "3 pools of 10");
        assertArrayEquals(new int[] {0, 0, 3}, h.seen.levels.get(0));

        h.advanceTo(200 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(0, 200 * SEC)); // on a provisioned environment, until 400 s
        assertEquals(List.of("0 SUCCESS warm provisioned 0 200000000"), h.seen.executions);
        assertEquals(0, h.coldStarts);
        assertEquals(31, keyConnections(h));

        h.at(300 * SEC, new SimEvent.PutProvisionedConcurrency(0, 0));
        h.advanceTo(300 * SEC);
        assertAction(h, "300s DeleteProvisionedConcurrencyConfig db: provisioned concurrency now 0");
        assertEquals(11, keyConnections(h), "the two idle ones end now; the busy one keeps its pool");
        assertEquals(1, h.seen.environments.get(0));
        h.advanceTo(400 * SEC);
        assertEquals(0, keyConnections(h), "the busy one ends with its invocation");
        assertEquals(0, h.seen.environments.get(0));
        assertEquals(0, h.world().function(0).environments().provisioned());
    }

    @Test
    void aLoweringKeepsTheRestOfTheAllocationAndALaterRequestSupersedesOneUnderWay() {
        WorldHarness h = db();
        h.at(100 * SEC, new SimEvent.PutProvisionedConcurrency(0, 3));
        h.at(200 * SEC, new SimEvent.PutProvisionedConcurrency(0, 1));
        h.advanceTo(200 * SEC);
        assertAction(h, "200s PutProvisionedConcurrencyConfig db 1: provisioned concurrency now 1");
        assertEquals(1, h.world().function(0).environments().provisioned());
        assertEquals(10, keyConnections(h));
        h.at(300 * SEC, new SimEvent.PutProvisionedConcurrency(0, 5)); // usable at 390.04 s
        h.at(320 * SEC, new SimEvent.PutProvisionedConcurrency(0, 2)); // supersedes it: usable at 410.01 s
        h.advanceTo(400 * SEC);
        assertEquals(1, h.world().function(0).environments().provisioned(), "the request for 5 was superseded");
        assertArrayEquals(new int[] {2, 1}, h.seen.provisioned.get(0));
        h.advanceTo(410 * SEC + 10_000);
        assertEquals(2, h.world().function(0).environments().provisioned());
        assertEquals(20, keyConnections(h));
    }

    /** By default provisioned concurrency keeps a function Active; once it is removed, the function goes idle. */
    @Test
    void provisionedConcurrencyKeepsAFunctionActiveUntilItIsRemoved() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("warm", 128, List.of("subnet-1"), List.of("sg-a"), 0, 2, 0);
        h.create(f, 0);
        h.at(20 * DAY, new SimEvent.PutProvisionedConcurrency(f, 0));
        h.advanceTo(60 * SEC + 14 * DAY);
        assertEquals(State.Active, h.state(f), "not invoked for 14 days, but provisioned");
        h.advanceTo(60 * SEC + 28 * DAY - 1);
        assertEquals(State.Active, h.state(f), "looked at again one idle period later");
        h.advanceTo(60 * SEC + 28 * DAY);
        assertEquals(State.Inactive, h.state(f));
    }
}
