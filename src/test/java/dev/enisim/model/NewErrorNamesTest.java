package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13 item 5: the Reasons and answers AWS uses today. */
class NewErrorNamesTest {

    /** A function with reserved concurrency past the scaling rate: ReservedFunctionInvocationRateLimitExceeded. */
    @Test
    void aReservedFunctionOverTheScalingRateGetsTheReservedReason() {
        WorldHarness h = new WorldHarness(5000, 65_000, 60 * SEC, 5 * SEC);
        int f = h.function("reserved", List.of(), List.of(), 2000, 1);
        h.create(f, 0);
        h.advanceTo(0);
        for (int i = 0; i < 1500; i++) {
            h.invoke(f, 600 * SEC);
        }
        assertEquals(1000, h.outcomes.get(Outcome.SUCCESS), "1,000 new environments per 10 s");
        assertEquals(500, h.outcomes.get(Outcome.THROTTLED_RESERVED_RATE));
        assertEquals("ReservedFunctionInvocationRateLimitExceeded", Outcome.THROTTLED_RESERVED_RATE.reason());
    }

    /**
     * UpdateFunctionConfiguration into a full subnet: accepted, the function stays Active on its previous
     * configuration, LastUpdateStatus Failed with LastUpdateStatusReasonCode SubnetOutOfIPAddresses
     * (functions-states.html: "Lambda aborts the update and the function's previous code and configuration remain
     * available").
     */
    @Test
    void anUpdateIntoAFullSubnetFailsTheUpdateNotTheFunction() {
        WorldHarness h = WorldHarness.standard(); // subnet-1: /28, 11 usable, 3 used by others
        int f = h.function("api", List.of("subnet-2"), List.of("sg-a"));
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        h.at(100 * SEC, new SimEvent.SetOtherUsedIps(0, 11));
        h.at(200 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-1"), List.of("sg-a"))));
        h.advanceTo(300 * SEC);
        assertEquals(State.Active, h.state(f));
        WorldSnapshot.FunctionView v = h.world().snapshot().functions().get(f);
        assertEquals(LastUpdateStatus.Failed, v.lastUpdateStatus());
        assertEquals(List.of("200s api LastUpdateStatus Failed/SubnetOutOfIPAddresses"),
                h.log.stream().filter(l -> l.contains("LastUpdateStatus Failed")).toList());
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC), "still served on subnet-2");
    }
}
