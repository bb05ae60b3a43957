package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.Outcome;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniState;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The recorders of the summary's optional sections (NAT gateways, provisioned concurrency, several accounts),
 * each on a scripted run of 100 s in buckets of 30 s ([0, 30), [30, 60), [60, 90), [90, 100]), every figure
 * worked out by hand.
 */
class SectionRecordersTest {

    private static final long S = Seconds.MICROS;

    private static long[] values(List<Series> out, Metric m, Metric.Scope scope, String id) {
        return out.stream().filter(s -> s.metric() == m && s.scope() == scope && s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + m + " " + scope + " " + id)).values();
    }

    /**
     * nat-a holds 5 connections to api:443 from 10 s and 3 from 40 s, and refuses two at 41 s and 42 s; nat-b
     * refuses one at 95 s and one at the very end. Series per gateway: a connection series per destination, then
     * the refused.
     */
    @Test
    void natGatewaysConnectionsAndRefusals() {
        NatRecorder n = new NatRecorder(100 * S, 30 * S, List.of("nat-a", "nat-b"), List.of("db:5432", "api:443"));
        n.connections(0, 1, 5, 10 * S);
        n.connections(0, 1, 3, 40 * S);
        n.refused(0, 41 * S);
        n.refused(0, 42 * S);
        n.refused(1, 95 * S);
        n.refused(1, 100 * S);
        List<Series> out = n.series();
        assertEquals(List.of("nat-a -> db:5432", "nat-a -> api:443", "nat-a", "nat-b -> db:5432", "nat-b -> api:443",
                "nat-b"), out.stream().map(Series::id).toList());
        assertArrayEquals(new long[] {5, 5, 3, 3},
                values(out, Metric.NAT_CONNECTIONS, Metric.Scope.NAT_GATEWAY, "nat-a -> api:443"));
        assertArrayEquals(new long[] {0, 0, 0, 0},
                values(out, Metric.NAT_CONNECTIONS, Metric.Scope.NAT_GATEWAY, "nat-a -> db:5432"));
        assertArrayEquals(new long[] {0, 2, 0, 0},
                values(out, Metric.ERROR_PORT_ALLOCATION, Metric.Scope.NAT_GATEWAY, "nat-a"));
        assertArrayEquals(new long[] {0, 0, 0, 2},
                values(out, Metric.ERROR_PORT_ALLOCATION, Metric.Scope.NAT_GATEWAY, "nat-b"));
        assertEquals(2, n.refusedTotal(0));
        assertEquals(2, n.refusedTotal(1));
    }

    /**
     * api: 5 configured; 10 requested at 20 s, 8 allocated at 40 s, all 10 at 70 s (one allocation completed),
     * deleted (0) at 90 s; an invocation on provisioned concurrency at 10 s, one on demand at 11 s, spillovers
     * at 35 s and at the end. worker: 0 configured, 2 allocated at the start (not a timeline allocation), 4
     * requested and allocated at 50 s; a provisioned invocation at 50 s. plain: none (not tracked).
     */
    @Test
    void provisionedConcurrencyPerFunctionAndForTheAccount() {
        ProvisionedRecorder p = new ProvisionedRecorder(100 * S, 30 * S);
        p.attach(List.of("api", "worker", "plain"), List.of(OptionalInt.of(5), OptionalInt.of(0),
                OptionalInt.empty()));
        assertTrue(p.any());
        p.changed(1, 2, 2, 0);
        p.execution(0, true, 10 * S);
        p.execution(0, false, 11 * S);
        p.execution(2, false, 12 * S);
        p.changed(0, 10, 5, 20 * S);
        p.spillover(0, 35 * S);
        p.changed(0, 10, 8, 40 * S);
        p.execution(1, true, 50 * S);
        p.changed(1, 4, 4, 50 * S);
        p.changed(0, 10, 10, 70 * S);
        p.changed(0, 0, 0, 90 * S);
        p.spillover(0, 100 * S);
        List<Series> out = p.series();
        assertProvisioned(out, Metric.Scope.FUNCTION, "api", new long[] {1, 0, 0, 0}, new long[] {0, 1, 0, 1},
                new long[] {5, 8, 10, 10});
        assertProvisioned(out, Metric.Scope.FUNCTION, "worker", new long[] {0, 1, 0, 0}, new long[] {0, 0, 0, 0},
                new long[] {2, 4, 4, 4});
        assertTrue(out.stream().noneMatch(s -> s.id().equals("plain")), "plain has no provisioned concurrency");
        // the account: the sum of the functions' series
        assertProvisioned(out, Metric.Scope.ACCOUNT, "", new long[] {1, 1, 0, 0}, new long[] {0, 1, 0, 1},
                new long[] {7, 12, 14, 14});
        assertEquals(9, out.size(), "three series for api, worker and the account");
        var summary = p.summary();
        assertEquals(List.of("api", "worker"), List.copyOf(summary.keySet()));
        assertEquals(new RunSummary.ProvisionedSummary(0, 0, 10, 1, 1, 2), summary.get("api"));
        assertEquals(new RunSummary.ProvisionedSummary(4, 4, 4, 1, 1, 0), summary.get("worker"));
    }

    /**
     * The spells billing reads, from the figures configured (requested), not the allocation: api's 5 from the run's
     * start, 10 from 20 s (allocated at 70 s), deleted at 90 s; worker's 2 from 0, 4 from 50 s, still enabled at
     * the end (100 s); a second spell of api from 95 s, its two puts at 95 s one figure (the last), and a put and
     * a delete at one time no spell.
     */
    @Test
    void provisionedSpellsFollowTheConfiguredFigure() {
        ProvisionedRecorder p = new ProvisionedRecorder(100 * S, 30 * S);
        p.attach(List.of("api", "worker", "plain"), List.of(OptionalInt.of(5), OptionalInt.of(0),
                OptionalInt.empty()));
        p.changed(1, 2, 2, 0);
        p.changed(0, 10, 5, 20 * S);
        p.changed(0, 10, 8, 40 * S);
        p.changed(1, 4, 4, 50 * S);
        p.changed(0, 10, 10, 70 * S);
        p.changed(0, 0, 0, 90 * S);
        p.changed(0, 7, 0, 92 * S);
        p.changed(0, 0, 0, 92 * S);
        p.changed(0, 3, 0, 95 * S);
        p.changed(0, 6, 0, 95 * S);
        assertEquals(List.of(
                new ProvisionedRecorder.Spell(0, 90 * S, false, List.of(new ProvisionedRecorder.Segment(0, 5),
                        new ProvisionedRecorder.Segment(20 * S, 10))),
                new ProvisionedRecorder.Spell(95 * S, 100 * S, true,
                        List.of(new ProvisionedRecorder.Segment(95 * S, 6)))), p.spells(0));
        assertEquals(List.of(new ProvisionedRecorder.Spell(0, 100 * S, true, List.of(
                new ProvisionedRecorder.Segment(0, 2), new ProvisionedRecorder.Segment(50 * S, 4)))), p.spells(1));
        assertEquals(List.of(), p.spells(2));
    }

    private static void assertProvisioned(List<Series> out, Metric.Scope scope, String id, long[] invocations,
            long[] spillover, long[] allocated) {
        assertArrayEquals(invocations, values(out, Metric.PROVISIONED_CONCURRENCY_INVOCATIONS, scope, id), id);
        assertArrayEquals(spillover, values(out, Metric.PROVISIONED_CONCURRENCY_SPILLOVER_INVOCATIONS, scope, id), id);
        assertArrayEquals(allocated, values(out, Metric.PROVISIONED_CONCURRENCY_ALLOCATED, scope, id), id);
    }

    @Test
    void noProvisionedConcurrencyNoSeriesNoSection() {
        ProvisionedRecorder p = new ProvisionedRecorder(100 * S, 30 * S);
        p.attach(List.of("plain"), List.of(OptionalInt.empty()));
        assertFalse(p.any());
        p.execution(0, false, S);
        assertEquals(List.of(), p.series());
        assertNull(p.summary());
    }

    private static EniId eni(int id, int key, String label) {
        return new EniId(id, EniId.name(id), key, label, 0, 0, "10.0.0." + (3 + id));
    }

    /**
     * Two accounts on a shared VPC: a1 in 111111111111, b1 and b2 in 222222222222. Invocations (what ran: successes
     * and function errors) and throttles per bucket, each account's concurrency (the sum of its functions') and
     * ENIs (key 0 is 111111111111's, key 5 222222222222's).
     */
    @Test
    void severalAccountsEachGetTheirOwnRows() {
        String one = "111111111111";
        String two = "222222222222";
        AccountsRecorder r = new AccountsRecorder(100 * S, 30 * S, List.of(one, two), List.of("a1", "b1", "b2"),
                new int[] {0, 1, 1});
        EniId keyOne = eni(1, 0, one + ":subnet-a+[sg-1]");
        EniId keyTwo = eni(2, 5, two + ":subnet-a+[sg-1]");
        EniId keyTwoAgain = eni(3, 5, two + ":subnet-a+[sg-1]");
        r.invocation(0, Outcome.SUCCESS, 5 * S);
        r.eniState(keyOne, null, EniState.Creating, 5 * S);
        r.invocation(1, Outcome.THROTTLED_RESERVED, 6 * S);
        r.eniState(keyTwo, null, EniState.Creating, 6 * S);
        r.concurrency(1, 2, 10 * S);
        r.eniState(keyOne, EniState.Creating, EniState.InUse, 15 * S);
        r.concurrency(2, 3, 20 * S);
        r.invocation(2, Outcome.FUNCTION_ERROR_TIMEOUT, 35 * S);
        r.invocation(2, Outcome.RESOURCE_CONFLICT, 36 * S);
        r.concurrency(1, 0, 40 * S);
        r.eniState(keyTwoAgain, null, EniState.Creating, 40 * S);
        r.concurrency(0, 1, 50 * S);
        r.eniState(keyTwo, EniState.Deleting, EniState.Deleted, 70 * S);
        r.concurrency(2, 1, 95 * S);
        r.invocation(1, Outcome.SUCCESS, 100 * S);
        List<Series> out = r.series();
        assertArrayEquals(new long[] {1, 0, 0, 0}, values(out, Metric.INVOCATIONS, Metric.Scope.ACCOUNT, one));
        assertArrayEquals(new long[] {0, 0, 0, 0}, values(out, Metric.THROTTLES, Metric.Scope.ACCOUNT, one));
        assertArrayEquals(new long[] {0, 1, 1, 1}, values(out, Metric.CONCURRENT_EXECUTIONS, Metric.Scope.ACCOUNT,
                one));
        assertArrayEquals(new long[] {1, 1, 1, 1}, values(out, Metric.HYPERPLANE_ENI_COUNT, Metric.Scope.ACCOUNT,
                one));
        assertArrayEquals(new long[] {0, 1, 0, 1}, values(out, Metric.INVOCATIONS, Metric.Scope.ACCOUNT, two));
        assertArrayEquals(new long[] {1, 0, 0, 0}, values(out, Metric.THROTTLES, Metric.Scope.ACCOUNT, two));
        // b1 2 at 10 s, b2 3 at 20 s: 5; b1 0 at 40 s: 3; b2 1 at 95 s: 1
        assertArrayEquals(new long[] {5, 5, 3, 3}, values(out, Metric.CONCURRENT_EXECUTIONS, Metric.Scope.ACCOUNT,
                two));
        assertArrayEquals(new long[] {1, 2, 2, 1}, values(out, Metric.HYPERPLANE_ENI_COUNT, Metric.Scope.ACCOUNT,
                two));
        var summary = r.summary();
        assertEquals(new RunSummary.AccountSummary(List.of("a1"), 1, 1, 0, 0, 0, 1, 1, 1,
                List.of(one + ":subnet-a+[sg-1]")), summary.get(one));
        assertEquals(new RunSummary.AccountSummary(List.of("b1", "b2"), 4, 1, 1, 1, 1, 5, 2, 2,
                List.of(two + ":subnet-a+[sg-1]")), summary.get(two));
    }

    /**
     * A run of whole buckets (60 s in two of 30 s): what happens at exactly the end counts in the last bucket, and
     * there is no third. Provisioned: 1 configured, re-requested at 30 s (nothing to allocate: not a completed
     * allocation), 2 requested and allocated at the end.
     */
    @Test
    void aRunOfWholeBucketsCountsItsEndInTheLastBucket() {
        ProvisionedRecorder p = new ProvisionedRecorder(60 * S, 30 * S);
        p.attach(List.of("api"), List.of(OptionalInt.of(1)));
        p.changed(0, 1, 1, 30 * S);
        p.execution(0, true, 60 * S);
        p.spillover(0, 60 * S);
        p.changed(0, 2, 2, 60 * S);
        assertProvisioned(p.series(), Metric.Scope.FUNCTION, "api", new long[] {0, 1}, new long[] {0, 1},
                new long[] {1, 2});
        assertEquals(new RunSummary.ProvisionedSummary(2, 2, 2, 1, 1, 1), p.summary().get("api"));
        String one = "111111111111";
        AccountsRecorder a = new AccountsRecorder(60 * S, 30 * S, List.of(one), List.of("a1"), new int[] {0});
        a.invocation(0, Outcome.SUCCESS, 60 * S);
        a.invocation(0, Outcome.THROTTLED_RATE, 60 * S);
        a.concurrency(0, 3, 60 * S);
        a.eniState(eni(1, 0, one + ":subnet-a+[sg-1]"), null, EniState.Creating, 60 * S);
        List<Series> out = a.series();
        assertArrayEquals(new long[] {0, 1}, values(out, Metric.INVOCATIONS, Metric.Scope.ACCOUNT, one));
        assertArrayEquals(new long[] {0, 1}, values(out, Metric.THROTTLES, Metric.Scope.ACCOUNT, one));
        assertArrayEquals(new long[] {0, 3}, values(out, Metric.CONCURRENT_EXECUTIONS, Metric.Scope.ACCOUNT, one));
        assertArrayEquals(new long[] {0, 1}, values(out, Metric.HYPERPLANE_ENI_COUNT, Metric.Scope.ACCOUNT, one));
    }
}
