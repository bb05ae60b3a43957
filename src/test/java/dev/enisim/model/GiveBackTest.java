package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An invocation that took an environment but finds no port on its key's ENIs while another ENI is being created gets
 * ENINotReadyException (with {@code eniNotReadyOnScaleOut}), and its environment goes back as it was: a warm one idle
 * again, a provisioned one to the provisioned stack, a cold one never made. ENIs of 10 ports; "f1" and "f2" take 5 per
 * invocation, "f3" 1 and has one provisioned environment; all on subnet-2's key.
 */
class GiveBackTest {

    @Test
    void anEnvironmentTakenForARequestThatGetsNoPortGoesBackAsItWas() {
        WorldHarness h = Ec2LimitAndEniNotReadyTest.world(new HyperplaneNetworking(0, 0, true), 10);
        int f1 = h.function("f1", List.of("subnet-2"), List.of("sg-a"), -1, 5);
        int f2 = h.function("f2", List.of("subnet-2"), List.of("sg-a"), -1, 5);
        int f3 = h.function("f3", 128, List.of("subnet-2"), List.of("sg-a"), 0, 1, 0);
        h.create(f1, 0);
        h.create(f2, 0);
        h.create(f3, 0);
        h.advanceTo(100 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f1, SEC));
        h.advanceTo(102 * SEC); // f1's environment is idle since 101 s
        assertEquals(Outcome.SUCCESS, h.invoke(f2, 600 * SEC));
        assertEquals(Outcome.SUCCESS, h.invoke(f2, 600 * SEC)); // 10 of 10 ports
        assertEquals(Outcome.ENI_NOT_READY, h.invoke(f1, SEC), "warm, no port: a second ENI is started");
        assertEquals(1, h.world().function(f1).environments().idle(), "idle again");
        assertEquals(0, h.world().function(f1).environments().busy());
        assertArrayEquals(new int[] {0, 1, 0}, h.seen.levels.get(f1));
        assertEquals(Outcome.ENI_NOT_READY, h.invoke(f3, SEC), "provisioned, no port");
        assertEquals(1, h.world().function(f3).environments().provisionedIdle());
        assertEquals(0, h.world().function(f3).environments().busy());
        assertEquals(Outcome.ENI_NOT_READY, h.invoke(f2, SEC), "cold, no port");
        assertEquals(2, h.world().function(f2).environments().total(), "the cold one was never made");
        assertEquals(2, h.seen.environments.get(f2));
        assertEquals(2, h.world().snapshot().enis().size());
        assertEquals(2, h.world().accountInFlight(), "only f2's two run");
        h.advanceTo(162 * SEC); // the second ENI is ready
        assertEquals(Outcome.SUCCESS, h.invoke(f1, SEC));
        assertEquals(Outcome.SUCCESS, h.invoke(f3, SEC));
        assertEquals(16, h.world().snapshot().keys().get(0).connections(),
                "f2's 10 on the first ENI, f1's 5 and f3's 1 on the second");
    }
}
