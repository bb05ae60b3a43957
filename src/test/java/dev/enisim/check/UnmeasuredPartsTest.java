package dev.enisim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of "nothing measured": why a metric is null, and which old-baseline zeros are not a drift. */
class UnmeasuredPartsTest {

    private static final ObjectMapper M = new ObjectMapper();

    @Test
    void whyAMetricHasNoValueInTheWordsOfItsNeighbours() {
        assertEquals("no invocation succeeded: functions.api.latencyMillis.count is 0",
                Checker.whyNone("functions.api.latencyMillis.p99"));
        assertEquals("no cold start: latencyMillis.coldStarts is 0", Checker.whyNone("latencyMillis.coldStartP50"));
        assertEquals("no event completed: async.f.eventAgeMillis.count is 0",
                Checker.whyNone("async.f.eventAgeMillis.max"));
        assertEquals("no invocation succeeded: async.f.latencyMillis.count is 0",
                Checker.whyNone("async.f.latencyMillis.p50"));
        assertEquals("an ENI was still there at the end of the run", Checker.whyNone("teardowns[0].waitSeconds"));
        assertEquals("the summary has null there", Checker.whyNone("functions.api.lastUpdateStatus"));
        assertEquals("the summary has null there", Checker.whyNone("p99"), "no parent: not a latency");
        assertEquals("the summary has null there", Checker.whyNone("x.latencyMillisExtra.p99"));
    }

    private static JsonNode latency(String count, String p99, String cold, String coldP50) throws Exception {
        return M.readTree("{\"latencyMillis\": {\"count\": " + count + ", \"p99\": " + p99 + ", \"coldStarts\": "
                + cold + ", \"coldStartP50\": " + coldP50 + "}}");
    }

    private static List<String> drift(JsonNode a, JsonNode b) {
        return Baseline.compare(a, b, 0).stream().map(Baseline.Diff::path).toList();
    }

    @Test
    void anOldZeroAndANullAreTheSameNothingOnlyWhenBothCountsAreZero() throws Exception {
        assertEquals(List.of(), drift(latency("0", "0.0", "0", "0.0"), latency("0", "null", "0", "null")));
        assertEquals(List.of(), drift(latency("0", "null", "0", "null"), latency("0", "0.0", "0", "0.0")),
                "either way round");
        assertEquals(List.of("latencyMillis.coldStartP50"), drift(latency("3", "5.0", "1", "0.0"),
                latency("3", "5.0", "1", "null")), "a cold start counted: a 0 there was measured");
        assertEquals(List.of("latencyMillis.count", "latencyMillis.p99"), drift(latency("1", "0.0", "0", "null"),
                latency("0", "null", "0", "null")), "a count of 1 before: its 0 was a measure");
        assertEquals(List.of("latencyMillis.count", "latencyMillis.p99"), drift(latency("0", "0.0", "0", "null"),
                latency("2", "null", "0", "null")));
        assertEquals(List.of("latencyMillis.p99"), drift(latency("0", "0.5", "0", "null"),
                latency("0", "null", "0", "null")), "only a 0 is the old way of writing nothing");
        assertEquals(List.of("p99"), drift(M.readTree("{\"p99\": 0.0, \"count\": 0}"),
                M.readTree("{\"p99\": null, \"count\": 0}")), "a top-level leaf has no count beside it");
        assertEquals(List.of("latencyMillis.p99"), drift(M.readTree("{\"latencyMillis\": {\"p99\": 0.0}}"),
                M.readTree("{\"latencyMillis\": {\"p99\": null}}")), "no count: not known to be nothing");
        assertEquals(List.of("latencyMillis.p99"), drift(M.readTree("{\"latencyMillis\": {\"count\": 0.0, \"p99\":"
                + " 0.0}}"), M.readTree("{\"latencyMillis\": {\"count\": 0.0, \"p99\": null}}")),
                "a count is a whole number");
        assertEquals(List.of("latencyMillis.p99"), drift(latency("0", "\"0\"", "0", "null"),
                latency("0", "null", "0", "null")), "a text 0 is not a number");
        assertTrue(drift(latency("0", "null", "0", "null"), latency("0", "null", "0", "null")).isEmpty());
        assertEquals(List.of(), drift(latency("3", "5.0", "0", "0.0"), latency("3", "5.0", "0", "null")),
                "a cold-start figure is measured over the cold starts (0 here), not over every invocation (3)");
        assertEquals(List.of("latencyMillis.coldStartP50"), drift(latency("0", "null", "2", "0.0"),
                latency("0", "null", "2", "null")), "cold starts counted: its 0 was a measure");
    }
}
