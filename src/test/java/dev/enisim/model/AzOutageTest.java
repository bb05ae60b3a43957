package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.network.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An Availability Zone outage (domain.md section 2: ENIs in that AZ's subnets carry no traffic; invocations use the
 * function's other subnets; a function with subnets in one AZ only fails): warm environments there are lost with the
 * connections they held, provisioned ones there are not used, and cold starts go to the healthy AZ's subnets only.
 * Functions hold a pool of 10 connections per environment and 1 per invocation; subnet-1 is in az-1, subnet-2 in az-2.
 */
class AzOutageTest {

    private static int keyConnections(WorldHarness h, int key) {
        return h.world().snapshot().keys().get(key).connections();
    }

    @Test
    void aWarmEnvironmentInTheDownAzIsLostWithItsPool() {
        WorldHarness h = WorldHarness.standard();
        int f = h.warmWithPool("one");
        h.advanceTo(61 * SEC);
        assertEquals(10, keyConnections(h, 0), "the idle environment's pool");
        h.at(100 * SEC, new SimEvent.AzAvailability(0, true));
        h.advanceTo(100 * SEC);
        assertEquals(Outcome.SERVICE_EXCEPTION, h.invoke(f, SEC), "its only AZ is down");
        assertEquals(0, keyConnections(h, 0));
        assertEquals(0, h.world().function(f).environments().total());
        assertEquals(0, h.seen.environments.get(f));
    }

    @Test
    void aProvisionedEnvironmentInTheDownAzIsNotUsed() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("p", 128, List.of("subnet-1"), List.of("sg-a"), 10, 1, 0);
        h.create(f, 0);
        h.at(100 * SEC, new SimEvent.AzAvailability(0, true));
        h.advanceTo(100 * SEC);
        assertEquals(Outcome.SERVICE_EXCEPTION, h.invoke(f, SEC));
        assertEquals(1, h.world().function(f).environments().provisionedIdle(), "kept, unused");
        h.at(200 * SEC, new SimEvent.AzAvailability(0, false));
        h.advanceTo(200 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC));
        assertEquals(List.of("0 SUCCESS warm provisioned 0 1000000"), h.seen.executions);
    }

    /** A function without a VPC is in no AZ: an AZ outage leaves its provisioned environment in use. */
    @Test
    void aFunctionWithoutAVpcKeepsUsingItsProvisionedEnvironmentDuringAnOutage() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("plain", 128, List.of(), List.of(), 0, 1, 0);
        h.create(f, 0);
        h.at(100 * SEC, new SimEvent.AzAvailability(0, true));
        h.advanceTo(100 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC));
        assertEquals(List.of("0 SUCCESS warm provisioned 0 1000000"), h.seen.executions);
    }

    @Test
    void coldStartsGoToTheHealthyAzsSubnetsOnly() {
        WorldHarness h = WorldHarness.standard();
        h.build.addSubnet("vpc-1", "subnet-3", Cidr.parse("10.0.3.0/24"), "az-2", 0);
        int f = h.function("multi", 128, List.of("subnet-1", "subnet-2", "subnet-3"), List.of("sg-a"), 10, 0, 0);
        h.create(f, 0);
        h.at(100 * SEC, new SimEvent.AzAvailability(0, true));
        h.advanceTo(100 * SEC);
        for (int i = 0; i < 20; i++) {
            assertEquals(Outcome.SUCCESS, h.invoke(f, 50 * SEC));
        }
        assertEquals(0, keyConnections(h, 0), "az-1 is down");
        int k2 = keyConnections(h, 1);
        int k3 = keyConnections(h, 2);
        assertEquals(20 * 11, k2 + k3, "20 pools of 10 + 20 invocations' own connections");
        assertTrue(k2 > 0 && k3 > 0, "both subnets of az-2 are used: " + k2 + " / " + k3);
    }
}
