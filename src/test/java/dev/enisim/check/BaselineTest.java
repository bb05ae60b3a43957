package dev.enisim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A summary against its baseline, leaf by leaf: what counts as a difference and how it reads. */
class BaselineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    private static final String BASE = "{'enis': {'peak': 8, 'final': 6}, 'latencyMillis': {'p99': 2000.0},"
            + " 'functions': {'api': {'finalState': 'Active'}}, 'teardowns': [{'waitSeconds': 600.5}]}";

    @Test
    void anIdenticalSummaryHasNoDifference() throws Exception {
        assertTrue(Baseline.compare(tree(BASE), tree(BASE), 0).isEmpty());
    }

    @Test
    void everyChangedLeafIsADifferenceInSummaryOrder() throws Exception {
        String now = BASE.replace("'peak': 8", "'peak': 9").replace("'Active'", "'Failed'")
                .replace("600.5", "601.5");
        List<Baseline.Diff> diffs = Baseline.compare(tree(BASE), tree(now), 0);
        assertEquals(List.of("enis.peak: 8 -> 9", "functions.api.finalState: Active -> Failed",
                "teardowns[0].waitSeconds: 600.5 -> 601.5"), diffs.stream().map(Baseline.Diff::toString).toList());
    }

    @Test
    void countsAreExactEvenWithATolerance() throws Exception {
        String now = BASE.replace("'final': 6", "'final': 7");
        assertEquals(List.of("enis.final: 6 -> 7"),
                Baseline.compare(tree(BASE), tree(now), 0.5).stream().map(Baseline.Diff::toString).toList());
    }

    @Test
    void otherNumbersAreExactByDefaultAndWithinTheToleranceWhenGiven() throws Exception {
        String now = BASE.replace("2000.0", "2019.0");
        assertEquals(1, Baseline.compare(tree(BASE), tree(now), 0).size());
        assertTrue(Baseline.compare(tree(BASE), tree(now), 0.01).isEmpty(), "0.95% off, 1% allowed");
        assertEquals(1, Baseline.compare(tree(BASE), tree(now), 0.009).size(), "0.95% off, 0.9% allowed");
    }

    @Test
    void theToleranceIsInclusive() throws Exception {
        // 2.0 against 4.0 is 2.0 apart: exactly half of the larger, so a tolerance of 0.5 allows it
        assertTrue(Baseline.compare(tree("{'x': 2.0}"), tree("{'x': 4.0}"), 0.5).isEmpty());
        assertEquals(1, Baseline.compare(tree("{'x': 2.0}"), tree("{'x': 4.0}"), 0.49).size());
    }

    @Test
    void numbersReadAsDecimalsAreShownAsDoubles() throws Exception {
        JsonNode decimal = JsonNodeFactory.instance.objectNode().set("x",
                JsonNodeFactory.instance.numberNode(new BigDecimal("1E+3")));
        assertEquals(List.of("x: 1000.0 -> 2000.5, y: (none) -> null"), List.of(Baseline.compare(decimal,
                tree("{'x': 2000.5, 'y': null}"), 0).stream().map(Baseline.Diff::toString)
                .reduce((a, b) -> a + ", " + b).orElseThrow()));
        assertEquals("x: null -> 1.5", Baseline.compare(tree("{'x': null}"), tree("{'x': 1.5}"), 0).get(0).toString());
    }

    @Test
    void aNewOrVanishedLeafIsADifference() throws Exception {
        String now = BASE.replace("'final': 6", "'orphaned': 2");
        assertEquals(List.of("enis.final: 6 -> (none)", "enis.orphaned: (none) -> 2"),
                Baseline.compare(tree(BASE), tree(now), 0).stream().map(Baseline.Diff::toString).toList());
    }
}
