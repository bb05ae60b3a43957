package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An experimenter's review: {@code compare} of a teardown scenario (75 minutes, the stack deleted at 1 h) with a
 * shorter ENI deletion time, {@code --all}: {@code teardowns[1].waitSeconds}, the question asked, was in no row and
 * in neither "Only in" list, because some replications of both sides ended with an ENI still there (a null wait).
 * It is now listed as not compared, with how many replications of each side had a value.
 */
class ComparisonPartialTest {

    private static List<JsonNode> trees(String... waits) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String w : waits) {
            out.add(new ObjectMapper().readTree("{\"invocations\": {\"total\": 100}, \"teardowns\": [{\"enis\": 3,"
                    + " \"waitSeconds\": " + w + "}]}"));
        }
        return out;
    }

    @Test
    void aMetricNeitherSideHasInEveryReplicationIsSaidNotCompared() throws Exception {
        Comparison.Outcome o = Comparison.ofTrees(trees("813.5", "null", "649", "null"),
                trees("400", "500", "null", "450"));
        assertTrue(o.rows().stream().noneMatch(r -> r.metric().equals("teardowns[0].waitSeconds")));
        assertTrue(o.onlyA().isEmpty() && o.onlyB().isEmpty(), o.toString());
        assertEquals(List.of(new Comparison.Partial("teardowns[0].waitSeconds", 2, 3, 4)), o.partial());
        assertEquals("a value in 2 of 4 replications of A, 3 of 4 of B", o.partial().get(0).counts());
        // one side has it in every replication: "Only in" A, as before, and not listed twice
        Comparison.Outcome a = Comparison.ofTrees(trees("813.5", "700", "649", "900"),
                trees("400", "500", "null", "450"));
        assertEquals("teardowns[0].waitSeconds", a.onlyA().get(0).metric());
        assertTrue(a.partial().isEmpty(), a.toString());
        // both in every replication: compared
        assertTrue(Comparison.ofTrees(trees("1", "2"), trees("3", "4")).partial().isEmpty());
    }
}
