package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 5: EC2RequestLimitExceeded (StateReasonCode and LastUpdateStatusReasonCode [doc: API enums]) when
 * EC2 refuses Lambda's ENI creations for their rate, and ENINotReadyException (502 [doc: API_Invoke]) for a
 * request meeting its key's scale-out, each with fixed figures.
 */
class Ec2LimitAndEniNotReadyTest {

    static WorldHarness world(HyperplaneNetworking networking, int connectionsPerEni) {
        WorldHarness h = WorldHarness.hyperplane(1000, connectionsPerEni, 60 * SEC, 5 * SEC, networking);
        h.build.addVpc("vpc-1", 500);
        for (String g : List.of("sg-a", "sg-b", "sg-c")) {
            h.build.addSecurityGroup("vpc-1", g);
        }
        h.build.addSubnet("vpc-1", "subnet-2", dev.enisim.model.network.Cidr.parse("10.0.2.0/24"), "az-2", 0);
        return h;
    }

    /**
     * EC2 takes 2 creations at once and one more a minute: of three functions created together, each on its own
     * key, two get their ENI and go Active, the third goes Failed with EC2RequestLimitExceeded and its invocations
     * get EC2ThrottledException.
     */
    @Test
    void aCreationPastEc2sRateFailsTheFunctionWithEc2RequestLimitExceeded() {
        WorldHarness h = world(new HyperplaneNetworking(2, 1.0 / 60, false), 65_000);
        int a = h.function("a", List.of("subnet-2"), List.of("sg-a"));
        int b = h.function("b", List.of("subnet-2"), List.of("sg-b"));
        int c = h.function("c", List.of("subnet-2"), List.of("sg-c"));
        h.create(a, 0);
        h.create(b, 0);
        h.create(c, 0);
        h.advanceTo(120 * SEC);
        assertEquals(State.Active, h.state(a));
        assertEquals(State.Active, h.state(b));
        assertEquals(State.Failed, h.state(c));
        assertEquals(StateReasonCode.EC2RequestLimitExceeded, h.world().snapshot().functions().get(c).reason());
        assertEquals(2, h.world().snapshot().enis().size(), "the refused call made no ENI");
        assertEquals(Outcome.EC2_THROTTLED, h.invoke(c, SEC));
        assertEquals("EC2ThrottledException", Outcome.EC2_THROTTLED.exception());
    }

    /** ENIs that exist when the run starts were made before it: they take no EC2 call, however small the bucket. */
    @Test
    void existingEnisTakeNoEc2Call() {
        WorldHarness h = world(new HyperplaneNetworking(1, 1.0 / 3600, false), 65_000);
        int a = h.function("a", List.of("subnet-2"), List.of("sg-a"));
        int b = h.function("b", List.of("subnet-2"), List.of("sg-b"));
        h.at(0, new SimEvent.ExistingFunction(a, true));
        h.at(0, new SimEvent.ExistingFunction(b, true));
        int c = h.function("c", List.of("subnet-2"), List.of("sg-c"));
        h.create(c, 10 * SEC);
        h.advanceTo(120 * SEC);
        assertEquals(State.Active, h.state(a));
        assertEquals(State.Active, h.state(b));
        assertEquals(State.Active, h.state(c), "the bucket's one call is still there for the new function");
    }

    /**
     * An update that needs a new ENI while EC2's bucket is empty (1 call, refilled once every 1,000 s, taken by
     * the creation at 0 s): LastUpdateStatus Failed with EC2RequestLimitExceeded; the function stays Active on its
     * previous configuration.
     */
    @Test
    void anUpdatePastEc2sRateFailsTheUpdateWithEc2RequestLimitExceeded() {
        WorldHarness h = world(new HyperplaneNetworking(1, 1.0 / 1000, false), 65_000);
        int f = h.function("api", List.of("subnet-2"), List.of("sg-a"));
        h.create(f, 0);
        h.advanceTo(90 * SEC);
        assertEquals(State.Active, h.state(f));
        h.at(100 * SEC, new SimEvent.UpdateVpcConfig(f, h.vpc(List.of("subnet-2"), List.of("sg-b"))));
        h.advanceTo(200 * SEC);
        WorldSnapshot.FunctionView v = h.world().snapshot().functions().get(f);
        assertEquals(State.Active, v.state());
        assertEquals(LastUpdateStatus.Failed, v.lastUpdateStatus());
        assertEquals(List.of("100s api LastUpdateStatus Failed/EC2RequestLimitExceeded"),
                h.log.stream().filter(l -> l.contains("LastUpdateStatus Failed")).toList());
        assertEquals(Outcome.SUCCESS, h.invoke(f, SEC), "still served on its previous key");
    }

    /**
     * Two ports per ENI, two long invocations hold them; the third finds the key full and starts a new ENI (60 s):
     * it and the fourth get ENINotReadyException; once the ENI is ready (at 160 s) the fifth succeeds. Without the
     * option the same requests run without their connection (NoFreePortOnEni).
     */
    @Test
    void aRequestMeetingItsKeysScaleOutGetsEniNotReady() {
        for (boolean notReady : new boolean[] {true, false}) {
            WorldHarness h = world(new HyperplaneNetworking(0, 0, notReady), 2);
            int f = h.function("api", List.of("subnet-2"), List.of("sg-a"));
            h.create(f, 0);
            h.advanceTo(100 * SEC);
            assertEquals(Outcome.SUCCESS, h.invoke(f, 600 * SEC));
            assertEquals(Outcome.SUCCESS, h.invoke(f, 600 * SEC));
            Outcome expected = notReady ? Outcome.ENI_NOT_READY : Outcome.FUNCTION_ERROR_NO_PORT;
            assertEquals(expected, h.invoke(f, SEC), "the third starts the scale-out");
            assertEquals(expected, h.invoke(f, SEC), "the fourth meets it");
            assertEquals(2, h.world().snapshot().enis().size(), "one new ENI, not two");
            h.advanceTo(170 * SEC);
            assertEquals(Outcome.SUCCESS, h.invoke(f, SEC), "the new ENI is ready");
            if (notReady) {
                assertEquals(502, Outcome.ENI_NOT_READY.httpStatus());
                assertEquals("ENINotReadyException", Outcome.ENI_NOT_READY.exception());
                assertEquals(2, h.outcomes.get(Outcome.ENI_NOT_READY));
                assertNull(h.outcomes.get(Outcome.FUNCTION_ERROR_NO_PORT));
            } else {
                assertEquals(2, h.outcomes.get(Outcome.FUNCTION_ERROR_NO_PORT));
                assertNull(h.outcomes.get(Outcome.ENI_NOT_READY));
            }
        }
    }
}
