package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function whose creation failed before the run ({@code existing: Failed}, as {@code enisim import} writes a function
 * saved {@code "State": "Failed"}): it starts in the state a creation that fails during the run leaves a function in
 * (domain.md section 2: "a function whose creation failed must be deleted and recreated"), not created again.
 */
class ExistingFailedFunctionTest {

    private static final long SEC = 1_000_000;

    @Test
    void anExistingFailedFunctionIsFailedAsARunTimeFailureLeavesIt() {
        WorldHarness h = WorldHarness.standard();
        int ran = h.function("ran", List.of("subnet-1"), List.of("sg-a"));
        int old = h.function("old", List.of("subnet-2"), List.of("sg-b"));
        h.at(0, new SimEvent.SetOtherUsedIps(0, 11)); // subnet-1 full: ran's creation fails in the run
        h.create(ran, 0);
        h.at(0, new SimEvent.ExistingFunction(old, true, StateReasonCode.SubnetOutOfIPAddresses));
        h.advanceTo(SEC);
        for (int f : new int[] {ran, old}) {
            assertEquals(State.Failed, h.state(f));
        }
        assertEquals(StateReasonCode.SubnetOutOfIPAddresses, h.world().snapshot().functions().get(old).reason());
        assertEquals(List.of("0s ran Pending/Creating", "0s ran Failed/SubnetOutOfIPAddresses",
                "0s old Pending/Creating", "0s old Failed/SubnetOutOfIPAddresses"), h.log,
                "as a run-time failure: no ENI is created for it");
        assertTrue(h.world().snapshot().enis().isEmpty(), "no ENI");
        assertTrue(h.seen.actions.contains("0s Existing function old with subnets subnet-2 and security groups [sg-b]"
                + " (Failed, SubnetOutOfIPAddresses: its creation failed before the run)"), "the action: " + h.seen.actions);
        long free = h.world().snapshot().subnets().get(1).availableIps();
        assertEquals(h.world().snapshot().subnets().get(1).usableIps(), free, "no IP of its subnet taken");
        for (int i = 0; i < 20; i++) {
            assertEquals(h.invoke(ran, SEC), h.invoke(old, SEC), "the run-time Failed function's outcome");
        }
        assertEquals(Outcome.SUBNET_IP_LIMIT_REACHED, h.invoke(old, SEC));
        assertTrue(h.world().snapshot().enis().isEmpty(), "its invocations make no ENI either");
    }

    @Test
    void eachReasonGivesTheRunTimeOutcomeOfItsCause() {
        for (StateReasonCode reason : StateReasonCode.FAILED_CREATION) {
            WorldHarness h = WorldHarness.standard();
            int f = h.function("old", List.of("subnet-2"), List.of("sg-a"));
            h.at(0, new SimEvent.ExistingFunction(f, true, reason));
            h.advanceTo(SEC);
            assertEquals(State.Failed, h.state(f), reason.name());
            assertEquals(EniFailure.of(reason).invokeError(), h.invoke(f, SEC), reason.name());
            assertEquals(LambdaFunction.rejection(State.Failed, reason), EniFailure.of(reason).invokeError());
        }
    }

    @Test
    void anExistingFailedFunctionCanOnlyBeDeletedThenRecreated() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("api", List.of("subnet-2"), List.of("sg-a"));
        h.at(0, new SimEvent.ExistingFunction(f, false, StateReasonCode.EniLimitExceeded));
        h.at(10 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-2"), List.of("sg-b"))));
        h.at(20 * SEC, new SimEvent.DeleteFunction(f));
        h.at(30 * SEC, new SimEvent.CreateFunction(f, h.vpc(List.of("subnet-2"), List.of("sg-a"))));
        h.advanceTo(15 * SEC);
        assertEquals(State.Failed, h.state(f), "an update of a Failed function is refused, as for a run-time one");
        assertEquals(StateReasonCode.EniLimitExceeded, h.world().snapshot().functions().get(0).reason());
        h.advanceTo(90 * SEC);
        assertEquals(State.Active, h.state(f));
        assertEquals(List.of("0s api Pending/Creating", "0s api Failed/EniLimitExceeded", "20s api Deleted",
                "30s api Pending/Creating", "30s eni-0001 Creating", "90s eni-0001 InUse", "90s api Active"), h.log);
    }
}
