package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.enisim.experiment.MetricStats;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A data scientist's review: a metric only one of two replications measured had a zero-width "95% interval"
 * ({@code "ciLow":121.429,"ciHigh":121.429}, the terminal {@code 121.429 [121.429, 121.429]: 1 of 2 replications})
 * where sweep.csv leaves the interval empty and README says one replication has none.
 */
class ReplicatedOneValueTest {

    private static ReplicatedSummary.Prepared run(JsonNode wait) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        leaves.put("invocations.total", JsonNodeFactory.instance.numberNode(100));
        leaves.put("teardowns[0].waitSeconds", wait);
        return new ReplicatedSummary.Prepared(leaves, "{}".getBytes(StandardCharsets.UTF_8), List.of());
    }

    @Test
    void aMetricOneReplicationMeasuredHasNoInterval() throws Exception {
        Scenario scenario = ScenarioLoader.parse("name: one\nduration: 1m\nfunctions:\n  - { name: api, duration: 10ms,"
                + " arrivals: { constant: 1/s } }\n", "one");
        List<ReplicatedSummary.Prepared> runs = List.of(run(JsonNodeFactory.instance.numberNode(121.429)),
                run(JsonNodeFactory.instance.nullNode()));
        Map<String, MetricStats> stats = ReplicatedSummary.stats(runs);
        JsonNode m = new ObjectMapper().readTree(ReplicatedSummary.files(scenario, runs, stats).get("summary.json"))
                .get("metrics").get("teardowns[0].waitSeconds");
        assertEquals(1, m.get("n").asInt(), m.toString());
        assertTrue(m.get("ciLow").isNull() && m.get("ciHigh").isNull(), "no interval from one value: " + m);
        assertEquals(1, m.get("none").asInt(), m.toString());
        String text = ReplicatedSummary.text(scenario, 2, stats);
        assertTrue(text.contains("teardowns[0].waitSeconds 121.429 no interval: 1 of 2 replications; 1 had none"),
                text);
        assertFalse(text.contains("[121.429, 121.429]"), text);
        // two values: an interval, as before
        JsonNode total = new ObjectMapper().readTree(ReplicatedSummary.files(scenario, runs, stats)
                .get("summary.json")).get("metrics").get("invocations.total");
        assertTrue(total.get("ciLow").isNumber() && total.get("ciHigh").isNumber(), total.toString());
    }
}
