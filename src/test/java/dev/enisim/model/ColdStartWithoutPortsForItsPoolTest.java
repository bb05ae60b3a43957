package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.network.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cold start whose environment's own connections (its database pool) find no port on the key's ENIs while a new
 * ENI is made: its init fails, a function error (FUNCTION_ERROR_NO_PORT, in Invocations and Errors), so it is an
 * execution, a cold start that ran nothing (no init, no run) in an environment that is not kept, and it completes
 * at once (what an SQS batch or an async retry that follows up on it reads). On demand while the function has
 * provisioned concurrency, it is a spillover. ENIs of 15 ports; the function's pool takes 10 per environment and
 * each invocation 1, so a second environment does not fit beside the first.
 */
class ColdStartWithoutPortsForItsPoolTest {

    private static WorldHarness world() {
        WorldHarness h = new WorldHarness(1000, 15, 60 * SEC, 5 * SEC);
        h.build.addVpc("vpc-1", 500);
        h.build.addSecurityGroup("vpc-1", "sg-a");
        h.build.addSubnet("vpc-1", "s", Cidr.parse("10.0.0.0/24"), "az-1", 0);
        return h;
    }

    @Test
    void itsPoolFindingNoPortIsAColdStartThatFailedAtOnce() {
        WorldHarness h = world();
        int f = h.function("f", 128, List.of("s"), List.of("sg-a"), 10, 0, 300_000);
        h.create(f, 0);
        h.advanceTo(60 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 100 * SEC));
        assertEquals(60 * SEC + 300_000 + 100 * SEC, h.world().lastCompletionMicros());
        h.advanceTo(70 * SEC);
        h.seen.recordCalls();
        assertEquals(Outcome.FUNCTION_ERROR_NO_PORT, h.invoke(f, SEC), "10 ports asked, 4 free: a second ENI made");
        assertEquals(List.of("0 SUCCESS cold 300000 100000000", "0 FUNCTION_ERROR_NO_PORT cold 0 0"),
                h.seen.executions);
        assertEquals(List.of("execution 0 FUNCTION_ERROR_NO_PORT true false 0 0", "invocation 0 FUNCTION_ERROR_NO_PORT"),
                h.seen.calls, "no start, no environment: only the execution and the invocation");
        assertEquals(70 * SEC, h.world().lastCompletionMicros(), "it ended as it began");
        assertEquals(0, h.seen.spillovers);
        assertEquals(List.of(), h.seen.refusals, "a function error, no limit's refusal");
    }

    @Test
    void onDemandBesideProvisionedConcurrencyItIsASpillover() {
        WorldHarness h = world();
        int f = h.function("p", 128, List.of("s"), List.of("sg-a"), 10, 1, 0);
        h.create(f, 0);
        h.advanceTo(300 * SEC);
        assertEquals(Outcome.SUCCESS, h.invoke(f, 100 * SEC), "on the provisioned environment, its pool's 10 ports");
        assertEquals(Outcome.FUNCTION_ERROR_NO_PORT, h.invoke(f, SEC));
        assertEquals(List.of("0 SUCCESS warm provisioned 0 100000000", "0 FUNCTION_ERROR_NO_PORT cold 0 0"),
                h.seen.executions);
        assertEquals(1, h.seen.spillovers);
    }
}
