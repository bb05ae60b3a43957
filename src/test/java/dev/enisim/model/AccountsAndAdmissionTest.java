package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.random.RandomStreams;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Admission details a planner's figures rest on: each account's own concurrency limit and ENI keys, what an execution
 * is reported as (provisioned, warm or cold, its init and run time), spillover beyond provisioned concurrency, and the
 * timeout's exact boundary.
 */
class AccountsAndAdmissionTest {

    @Test
    void eachAccountHasItsOwnLimitAndItsOwnEnis() {
        WorldHarness h = WorldHarness.standard();
        IllegalStateException first = assertThrows(IllegalStateException.class, () -> h.build.addAccount("222", 1));
        assertEquals("name account 0 first (setFirstAccount)", first.getMessage());
        h.build.setFirstAccount("000");
        h.build.setFirstAccount("111"); // named again: the first name is replaced, not kept
        assertEquals(1, h.build.addAccount("222", 1));
        int a = h.function("a", List.of("subnet-1"), List.of("sg-a"));
        int b = h.build.addFunction(TestFunction.of("b", 900 * SEC, -1, 1, List.of("subnet-1"), List.of("sg-a")),
                new RandomStreams(1, 0).stream("function/b/subnet"), () -> 0L, 1);
        h.create(a, 0);
        h.create(b, 0);
        h.advanceTo(60 * SEC);
        assertEquals("111", h.world().fleet().pools.get(h.world().function(a).binding().keys()[0]).eniKey().account());
        assertEquals("222", h.world().fleet().pools.get(h.world().function(b).binding().keys()[0]).eniKey().account());
        assertEquals(Outcome.SUCCESS, h.invoke(b, SEC));
        assertEquals(Outcome.THROTTLED_ACCOUNT, h.invoke(b, SEC), "account 222's limit is 1");
        assertEquals(Outcome.SUCCESS, h.invoke(a, SEC), "account 111's 1,000 are untouched");
        assertEquals(2, h.world().accountInFlight());
        assertEquals(1, h.world().concurrency().inFlight(0));
        assertEquals(1, h.world().concurrency().inFlight(1));
    }

    /** "p": one provisioned environment, cold-start init 400 ms, no VPC. */
    @Test
    void invocationsBeyondProvisionedConcurrencySpillOverToColdStarts() {
        WorldHarness h = WorldHarness.standard();
        int p = h.function("p", 128, List.of(), List.of(), 0, 1, 400_000);
        int off = h.function("off", List.of(), List.of(), 0, 1);
        h.create(p, 0);
        h.create(off, 0);
        h.advanceTo(0);
        assertEquals(Outcome.SUCCESS, h.invoke(p, 10 * SEC));
        assertEquals(Outcome.SUCCESS, h.invoke(p, 10 * SEC));
        assertEquals(Outcome.THROTTLED_RESERVED, h.invoke(off, 10 * SEC));
        assertEquals(List.of("0 SUCCESS warm provisioned 0 10000000", "0 SUCCESS cold 400000 10000000"),
                h.seen.executions, "a throttled request got no environment: no execution");
        assertEquals(1, h.seen.spillovers);
        assertEquals(List.of(10 * SEC, 10_400_000L), h.latencies);
    }

    @Test
    void anInvocationOfExactlyItsTimeoutSucceedsAndOneMicrosecondMoreTimesOut() {
        WorldHarness h = WorldHarness.standard();
        h.timeoutMicros = 3 * SEC;
        int f = h.activeWithoutVpc("t");
        assertEquals(Outcome.SUCCESS, h.invoke(f, 3 * SEC));
        assertEquals(Outcome.FUNCTION_ERROR_TIMEOUT, h.invoke(f, 3 * SEC + 1));
        assertEquals(List.of("0 SUCCESS cold 0 3000000", "0 FUNCTION_ERROR_TIMEOUT cold 0 3000000"),
                h.seen.executions);
        assertEquals(List.of(3 * SEC), h.latencies, "only successes have a latency");
        h.advanceTo(3 * SEC - 1);
        assertEquals(2, h.world().accountInFlight());
        h.advanceTo(3 * SEC);
        assertEquals(0, h.world().accountInFlight(), "the timed-out one is cut at 3 s");
    }
}
