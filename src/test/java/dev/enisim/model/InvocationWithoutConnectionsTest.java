package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A VPC function whose invocations open no connection takes no port of its key's ENIs: its starts and ends report
 * no connections (the key's count is another function's business), while a function of one connection on the same
 * key reports its own.
 */
class InvocationWithoutConnectionsTest {

    @Test
    void anInvocationOfNoConnectionsReportsNone() {
        WorldHarness h = WorldHarness.standard();
        int quiet = h.function("quiet", List.of("subnet-1"), List.of("sg-a"), -1, 0);
        int api = h.function("api", List.of("subnet-1"), List.of("sg-a"), -1, 1);
        h.create(quiet, 0);
        h.create(api, 0);
        h.advanceTo(60 * SEC);
        h.seen.recordCalls();
        assertEquals(Outcome.SUCCESS, h.invoke(quiet, 2 * SEC));
        assertEquals(List.of("concurrency 0 1 1", "latency 0 2000000 true", "execution 0 SUCCESS true false 0 2000000",
                "invocation 0 SUCCESS", "environments 0 1", "environmentLevels 0 1 0 0"), h.seen.calls);
        h.seen.recordCalls();
        h.advanceTo(63 * SEC);
        assertEquals(List.of("concurrency 0 0 0", "environmentLevels 0 0 1 0"), h.seen.calls);
        h.seen.recordCalls();
        assertEquals(Outcome.SUCCESS, h.invoke(api, 2 * SEC)); // the same key: its one connection
        assertEquals(List.of("connections 0 1", "concurrency 1 1 1", "latency 1 2000000 true",
                "execution 1 SUCCESS true false 0 2000000", "invocation 1 SUCCESS", "environments 1 1",
                "environmentLevels 1 1 0 0"), h.seen.calls);
    }
}
