package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An invocation refused with an invoke error never ran (it is in neither Invocations nor Errors in CloudWatch):
 * the model reports no execution for it, so it is neither a cold start nor a warm start, whatever environment it
 * took on the way (a new one discarded before its init, a warm one given back idle, none when its ENI could not be
 * made). Only what ran is an execution.
 */
class RefusedInvocationsHaveNoExecutionTest {

    /** One port per ENI, and a /28 with 10 of its 11 addresses used by others: the key's ENI cannot scale out. */
    private static WorldHarness oneAddress() {
        WorldHarness h = new WorldHarness(1000, 1, 60 * SEC, 5 * SEC);
        h.build.addVpc("vpc-1", 500);
        h.build.addSecurityGroup("vpc-1", "sg-a");
        h.build.addSubnet("vpc-1", "s", dev.enisim.model.network.Cidr.parse("10.0.0.0/28"), "az-1", 10);
        return h;
    }

    @Test
    void aColdStartRefusedWithSubnetIpLimitIsNoColdStart() {
        WorldHarness h = oneAddress();
        int f = h.function("f", List.of("s"), List.of("sg-a"));
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 800 * SEC));
        for (int i = 0; i < 3; i++) {
            assertEquals(Outcome.SUBNET_IP_LIMIT_REACHED, h.invoke(f, SEC));
        }
        assertEquals(List.of("0 SUCCESS cold 0 800000000"), h.seen.executions,
                "the environments made for the refused ones were discarded before their init: no cold start");
        assertEquals(1, h.seen.environments.get(f), "the one that runs");
        assertArrayEquals(new int[] {1, 0, 0}, h.seen.levels.get(f), "busy, idle, provisioned");
    }

    /**
     * The refused cold starts come while the one environment that exists is busy, at the function's peak: the
     * environments made for them and discarded at that instant never existed, so the highest level told (what
     * {@code peakEnvironments} and {@code Sim.Environments} read) stays 1 (it was 2: one environment too many).
     */
    @Test
    void aColdStartRefusedAtThePeakRaisesNoPeakOfEnvironments() {
        WorldHarness h = oneAddress();
        int f = h.function("f", List.of("s"), List.of("sg-a"));
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 800 * SEC));
        assertEquals(Outcome.SUBNET_IP_LIMIT_REACHED, h.invoke(f, SEC), "its port refused, the subnet full");
        assertEquals(1, h.seen.peakEnvironments.get(f), "only the environment that runs existed");
        assertEquals(1, h.world().environments().accountEnvironments(), "the model's count: the one that runs");
    }

    @Test
    void aWarmEnvironmentGivenBackIsNoWarmStart() {
        WorldHarness h = oneAddress();
        int g = h.function("g", List.of("s"), List.of("sg-a"));
        int f = h.function("f", List.of("s"), List.of("sg-a"));
        h.create(g, 0);
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(g, SEC));
        h.advanceTo(61 * SEC); // g's environment idle, the key's one port free
        assertEquals(Outcome.SUCCESS, h.invoke(f, 800 * SEC)); // takes the port
        assertEquals(Outcome.SUBNET_IP_LIMIT_REACHED, h.invoke(g, SEC), "g's warm environment finds no port");
        assertEquals(List.of("0 SUCCESS cold 0 1000000", "1 SUCCESS cold 0 800000000"), h.seen.executions);
        assertArrayEquals(new int[] {0, 1, 0}, h.seen.levels.get(g), "g's environment went back idle");
    }

    @Test
    void aLegacyColdStartWhoseEniCreationIsThrottledIsNoColdStart() {
        WorldHarness h = new WorldHarness(5000, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT,
                new Legacy(() -> 10 * SEC, 5, 1));
        h.vpcWithSg(5000);
        h.subnet("s", "10.0.0.0/24", "az");
        int f = h.function("f", 3072, List.of("s"), List.of("sg"), 0, 0, 0);
        h.create(f, 0);
        h.advanceTo(0);
        for (int i = 0; i < 20; i++) {
            h.invoke(f, 600 * SEC);
        }
        assertEquals(15, h.outcomes.get(Outcome.EC2_THROTTLED));
        assertEquals(5, h.seen.executions.size(), "the 5 that got an ENI: " + h.seen.executions);
        assertEquals(5, h.seen.environments.get(f));
    }

    /**
     * A cold start whose environment's database pool finds no port fails its init: a function error, which
     * CloudWatch counts in Invocations and Errors. It ran: one execution, a cold start (no run), billed; the
     * environment is not kept.
     */
    @Test
    void aColdStartWhosePoolFindsNoPortIsAColdStartThatFailed() {
        WorldHarness h = EnvironmentsTest.twoPoolsOfFortyInvokedOnce();
        int a = 0;
        assertEquals(Outcome.FUNCTION_ERROR_NO_PORT, h.invoke(a, 100 * SEC), "no room for a third pool of 40");
        assertEquals(List.of("0 SUCCESS cold 0 100000000", "1 SUCCESS cold 0 100000000",
                "0 FUNCTION_ERROR_NO_PORT cold 0 0"), h.seen.executions);
        assertEquals(1, h.seen.environments.get(a), "the failed one's environment is not kept");
    }
}
