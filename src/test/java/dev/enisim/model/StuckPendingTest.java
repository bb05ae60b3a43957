package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AWS (troubleshooting-invocation.html): "If a function is stuck in the Pending state for more than six minutes,
 * call one of the following API operations to unblock it: UpdateFunctionCode, UpdateFunctionConfiguration,
 * PublishVersion. Lambda cancels the pending operation and puts the function into the Failed state."
 */
class StuckPendingTest {

    /** ENI creation takes 10 minutes here: the function stays Pending past the 6. */
    private static WorldHarness slowEni() {
        WorldHarness h = new WorldHarness(1000, 65_000, 600 * SEC, 5 * SEC);
        h.build.addVpc("vpc-1", 500);
        h.build.addSecurityGroup("vpc-1", "sg-a");
        h.build.addSubnet("vpc-1", "subnet-1", dev.enisim.model.network.Cidr.parse("10.0.1.0/24"), "az-1", 0);
        h.function("api", List.of("subnet-1"), List.of("sg-a"));
        h.create(0, 0);
        return h;
    }

    @Test
    void anUpdateAfterSixMinutesPendingPutsTheFunctionInFailed() {
        WorldHarness h = slowEni();
        h.at(300 * SEC, new SimEvent.UpdateVpcConfig(0, h.vpc(List.of("subnet-1"), List.of("sg-a"))));
        h.advanceTo(300 * SEC);
        assertEquals(State.Pending, h.state(0), "5 minutes: the update is rejected (ResourceConflictException)");
        h.at(361 * SEC, new SimEvent.UpdateVpcConfig(0, h.vpc(List.of("subnet-1"), List.of("sg-a"))));
        h.advanceTo(361 * SEC);
        assertEquals(State.Failed, h.state(0), "6 minutes and 1 s: the pending operation is cancelled");
        assertEquals(StateReasonCode.InternalError, h.world().snapshot().functions().get(0).reason());
        assertEquals(Outcome.RESOURCE_CONFLICT, h.invoke(0, SEC));
        h.advanceTo(700 * SEC);
        assertEquals(State.Failed, h.state(0), "the ENI finishing later does not revive it");
    }

    @Test
    void publishVersionUnblocksItToo() {
        WorldHarness h = slowEni();
        h.at(360 * SEC, new SimEvent.PublishVersion(0));
        h.advanceTo(360 * SEC);
        assertEquals(State.Pending, h.state(0), "exactly 6 minutes is not more than six");
        h.at(400 * SEC, new SimEvent.PublishVersion(0));
        h.advanceTo(400 * SEC);
        assertEquals(State.Failed, h.state(0));
    }
}
