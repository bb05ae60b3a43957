package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function's execution environments as a deque: which idle one a warm invocation takes under each warm-routing
 * policy (most recently used, newest, random), which ones keep-alive expiry removes (the longest idle), that the order
 * survives taking one from the middle and growing past 16, and the provisioned stack. Which environment is taken
 * decides which ENI (and subnet) an invocation's pool is on, and which ones expire. An environment's ENI is its row in
 * the fleet's ports table.
 */
class EnvironmentsDequeTest {

    /** The ENI row of ENI {@code id} (rows differ from ids, so that a mix-up shows). */
    private static int eni(int id) {
        return 100 + id;
    }

    /** Three idle environments: keys 10, 11, 12 created at 1, 3, 2 and idle since 5, 6, 7. */
    private static Environments three(int a, int b, int c) {
        Environments e = new Environments();
        e.started();
        e.started();
        e.started();
        e.returnIdle(10, a, 1, 5);
        e.returnIdle(11, b, 3, 6);
        e.returnIdle(12, c, 2, 7);
        return e;
    }

    @Test
    void eachWarmRoutingPolicyPicksItsEnvironment() {
        Environments e = three(eni(1), eni(2), eni(3));
        assertEquals(3, e.idle());
        assertEquals(0, e.busy());
        assertEquals(12, e.topIdleKey());
        assertEquals(2, e.choose(WarmRouting.MOST_RECENTLY_USED, WorldSettings.NO_DRAWS), "the last to go idle");
        assertEquals(1, e.choose(WarmRouting.NEWEST, WorldSettings.NO_DRAWS), "created at 3 s, the latest");
        assertEquals(11, e.idleKey(1));
        assertEquals(3, e.idleCreatedAt(1));
        List<Integer> bounds = new ArrayList<>();
        assertEquals(0, e.choose(WarmRouting.RANDOM, n -> {
            bounds.add(n);
            return 0;
        }));
        assertEquals(List.of(3), bounds, "a uniform draw below the number idle");
        assertEquals(-1, new Environments().topIdleKey());
    }

    @Test
    void newestPrefersTheMostRecentlyUsedAmongEnvironmentsCreatedTogether() {
        Environments e = new Environments();
        e.started();
        e.started();
        e.started();
        e.returnIdle(10, Environments.NO_ENI, 4, 5);
        e.returnIdle(11, Environments.NO_ENI, 4, 6);
        e.returnIdle(12, Environments.NO_ENI, 1, 7);
        assertEquals(1, e.choose(WarmRouting.NEWEST, WorldSettings.NO_DRAWS));
    }

    @Test
    void takingFromTheMiddleKeepsTheOthersInIdleOrder() {
        int a = eni(1);
        int b = eni(2);
        int c = eni(3);
        Environments e = three(a, b, c);
        assertEquals(b, e.takeIdle(1));
        assertEquals(2, e.idle());
        assertEquals(1, e.busy());
        assertEquals(10, e.idleKey(0));
        assertEquals(12, e.idleKey(1), "moved down into the gap");
        assertEquals(2, e.idleCreatedAt(1));
        assertEquals(5, e.oldestIdleSince());
        assertEquals(a, e.expireOldest(), "the one idle longest");
        assertEquals(7, e.oldestIdleSince());
        assertEquals(c, e.takeIdle());
        assertEquals(Long.MAX_VALUE, e.oldestIdleSince(), "none idle");
        assertEquals(2, e.busy());
    }

    @Test
    void theDequeGrowsPastSixteenInOrderAfterItsHeadMoved() {
        Environments e = new Environments();
        for (int i = 0; i < 21; i++) {
            e.started();
        }
        e.returnIdle(0, Environments.NO_ENI, 0, 0);
        e.expireOldest(); // the head is now at slot 1: the next 16 wrap around the array
        for (int i = 1; i <= 20; i++) {
            e.returnIdle(i, eni(i), i, 100 + i);
        }
        assertEquals(20, e.idle());
        for (int p = 0; p < 20; p++) {
            assertEquals(p + 1, e.idleKey(p), "position " + p);
            assertEquals(p + 1, e.idleCreatedAt(p));
        }
        assertEquals(101, e.oldestIdleSince());
        assertEquals(1, e.oldestKey());
        assertEquals(20, e.topIdleKey());
        assertEquals(eni(20), e.takeIdle());
        assertEquals(eni(1), e.expireOldest());
        assertEquals(102, e.oldestIdleSince());
    }

    @Test
    void provisionedEnvironmentsAreAStackAndCountApartFromOnDemandOnes() {
        Environments e = new Environments();
        for (int k = 0; k < 6; k++) {
            e.addProvisioned(k, eni(k + 1));
        }
        assertEquals(6, e.provisioned());
        assertEquals(6, e.provisionedIdle());
        assertEquals(5, e.topProvisionedKey());
        assertEquals(eni(6), e.takeProvisioned(), "the last made");
        assertEquals(4, e.topProvisionedKey());
        e.started(); // an on-demand cold start beside it
        assertEquals(2, e.busy());
        assertEquals(1, e.busyOnDemand());
        assertEquals(7, e.total(), "6 provisioned + 1 on-demand");
        e.returnProvisioned(9, eni(9));
        assertEquals(9, e.topProvisionedKey());
        assertEquals(1, e.busyOnDemand(), "the on-demand one is still busy");
        e.discardBusy(false);
        assertEquals(0, e.busy());
        assertEquals(6, e.total());
        e.checkInvariants("f");
        while (e.provisionedIdle() > 0) {
            e.takeProvisioned();
        }
        assertEquals(-1, e.topProvisionedKey());
    }

    @Test
    void aNewGenerationIsCountedFromOne() {
        Environments e = new Environments();
        assertEquals(0, e.generation());
        assertEquals(1, e.newGeneration());
        assertEquals(2, e.newGeneration());
        assertEquals(2, e.generation());
    }
}
