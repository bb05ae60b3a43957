package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.network.Cidr;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A cold start whose environment took its pool's ports, refused afterwards (the invocation's own connections find no
 * port and the key cannot scale out: its subnet is full), gives those ports back at once: the environment was
 * discarded before its init, so nothing holds them. ENIs of 7 ports; the function's pool takes 1 per environment,
 * each invocation 5; the /28 has one address left, the key's first ENI's.
 */
class RefusedColdStartGivesBackItsPoolTest {

    @Test
    void theRefusedEnvironmentsPoolPortsAreReleased() {
        WorldHarness h = new WorldHarness(1000, 7, 60 * SEC, 5 * SEC);
        h.build.addVpc("vpc-1", 500);
        h.build.addSecurityGroup("vpc-1", "sg-a");
        h.build.addSubnet("vpc-1", "s", Cidr.parse("10.0.0.0/28"), "az-1", 10);
        int f = h.build.addFunction(new TestFunction("f", 128, 900 * SEC, OptionalInt.empty(), 5, 1, 0, "f-role",
                List.of("s"), List.of("sg-a")), new dev.enisim.random.RandomStreams(1, 0).stream("function/f/subnet"),
                () -> 0L);
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 800 * SEC));
        assertEquals(6, h.world().snapshot().keys().get(0).connections(), "its environment's 1 and its own 5");
        assertEquals(Outcome.SUBNET_IP_LIMIT_REACHED, h.invoke(f, SEC), "the pool's 1 fits, the 5 do not");
        assertEquals(6, h.world().snapshot().keys().get(0).connections(), "the refused environment's 1 given back");
        h.advanceTo(900 * SEC);
        assertEquals(1, h.world().snapshot().keys().get(0).connections(), "the idle environment's pool only");
    }
}
