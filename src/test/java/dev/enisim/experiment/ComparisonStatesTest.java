package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An SRE's review, rebuilding a deploy whose new function went Failed on EC2's request limit: {@code compare} with
 * the limit lifted never said "worker Failed -> Active", and set A's Failed transition (at 3,600 s) against B's
 * Active one (3,724.2 s) as a "significant" difference of {@code transitions[1].atSeconds}. And with 3 replications
 * the invocations that failed, 2,462.7 -> 0 in every replication, were "not significant" in a Holm family of 71
 * that held the event counts and the variances.
 */
class ComparisonStatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A replication's summary: worker's final state, its transitions, a failure count and bookkeeping. */
    private static JsonNode tree(String state, String reason, String lastTransition, double at, long failed,
            long events, double variance) throws Exception {
        return JSON.readTree("{\"events\": {\"total\": " + events + "},"
                + " \"invocations\": {\"errors\": {\"SubnetIPAddressLimitReachedException\": " + failed + "}},"
                + " \"eniKeys\": {\"subnet-a+[sg]\": {\"connectionsVariance\": " + variance + "}},"
                + " \"functions\": {\"worker\": {\"finalState\": \"" + state + "\", \"finalReasonCode\": "
                + (reason == null ? "null" : "\"" + reason + "\"") + ", \"transitions\": ["
                + "{\"atSeconds\": 3600.0, \"state\": \"Pending\"},"
                + "{\"atSeconds\": " + at + ", \"state\": \"" + lastTransition + "\"}]}}}");
    }

    private static List<JsonNode> failed() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        out.add(tree("Failed", "EC2RequestLimitExceeded", "Failed", 3600, 2400, 70_000, 2.1));
        out.add(tree("Failed", "EC2RequestLimitExceeded", "Failed", 3600, 2500, 71_000, 2.3));
        out.add(tree("Failed", "EC2RequestLimitExceeded", "Failed", 3600, 2488, 72_500, 2.2));
        return out;
    }

    private static List<JsonNode> fixed() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        out.add(tree("Active", null, "Active", 3724.2, 0, 80_000, 3.1));
        out.add(tree("Active", null, "Active", 3720.9, 0, 81_500, 3.6));
        out.add(tree("Active", null, "Active", 3727.4, 0, 82_000, 3.3));
        return out;
    }

    @Test
    void aFunctionsFinalStateChangeIsSaidAndTransitionsAreNotMatchedByPosition() throws Exception {
        Comparison.Outcome o = Comparison.ofTrees(failed(), fixed());
        assertEquals(List.of(new Comparison.StateChange("worker", "Failed (EC2RequestLimitExceeded)", "Active")),
                o.states());
        assertEquals("worker Failed (EC2RequestLimitExceeded) -> Active", o.states().get(0).line());
        assertTrue(o.rows().stream().noneMatch(r -> r.metric().contains("transitions[")), o.rows().toString());
        assertTrue(o.partial().isEmpty() && o.onlyA().isEmpty() && o.onlyB().isEmpty(), o.toString());
        // the same states on both sides: no state row
        assertTrue(Comparison.ofTrees(failed(), failed()).states().isEmpty());
    }

    @Test
    void replicationsThatDisagreeAreCounted() throws Exception {
        List<JsonNode> mixed = fixed();
        mixed.set(0, failed().get(0));
        assertEquals("Failed (EC2RequestLimitExceeded) in 1 of 3, Active in 2 of 3",
                Comparison.stateText(mixed, "worker"));
    }

    @Test
    void theHolmFamilyHoldsTheOutcomesNotTheBookkeeping() throws Exception {
        Comparison.Outcome o = Comparison.ofTrees(failed(), fixed());
        assertEquals(1, o.tested(), "only the failed invocations are an outcome here");
        Comparison.Row failedRow = row(o, "invocations.errors.SubnetIPAddressLimitReachedException");
        assertTrue(failedRow.significant(), failedRow.toString());
        assertEquals(failedRow.p(), failedRow.adjustedP(), 1e-12);
        for (String internal : List.of("events.total", "eniKeys.subnet-a+[sg].connectionsVariance")) {
            Comparison.Row r = row(o, internal);
            assertFalse(r.significant(), r.toString());
            assertTrue(Double.isNaN(r.adjustedP()) && !Double.isNaN(r.p()), r.toString());
        }
        assertTrue(Comparison.isInternal("events.total") && Comparison.isInternal("simulatedSeconds")
                && !Comparison.isInternal("invocations.errors.ENILimitReachedException"));
    }

    @Test
    void anOutcomeThatMovedInEveryPairButIsNotSignificantIsListed() throws Exception {
        // a count that fell in each of 3 pairs by very different amounts: the t-test cannot call it, the pairs can
        List<JsonNode> a = failed();
        List<JsonNode> b = new ArrayList<>();
        long[] after = {2399, 100, 2000};
        for (int r = 0; r < 3; r++) {
            b.add(tree("Failed", "EC2RequestLimitExceeded", "Failed", 3600, after[r], 70_000, 2.1));
        }
        Comparison.Outcome o = Comparison.ofTrees(a, b);
        assertFalse(row(o, "invocations.errors.SubnetIPAddressLimitReachedException").significant());
        assertEquals(List.of("invocations.errors.SubnetIPAddressLimitReachedException"), o.everyPair());
        // a significant one is not listed again
        assertTrue(Comparison.ofTrees(failed(), fixed()).everyPair().isEmpty());
    }

    private static Comparison.Row row(Comparison.Outcome o, String metric) {
        return o.rows().stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow();
    }
}
