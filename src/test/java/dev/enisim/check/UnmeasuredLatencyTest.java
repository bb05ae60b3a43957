package dev.enisim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.metrics.RunSummary;
import dev.enisim.run.SummaryShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A latency nothing measured (no invocation succeeded, no cold start) is {@code null} in summary.json, and a number
 * compared with it fails: it was 0, so {@code latencyMillis.p99 < 500} passed for a function that never succeeded.
 */
class UnmeasuredLatencyTest {

    @TempDir
    Path dir;

    /** subnet-c's 11 usable addresses all used by others: api never gets an ENI, so nothing succeeds. */
    private Path fullSubnet(String... expectations) throws Exception {
        return CheckReviewFixesTest.small(dir, "full", "5m", ", otherUsedIps: 11", expectations);
    }

    @Test
    void percentilesAreNullWhenNothingWasMeasuredAndNumbersOtherwise() {
        JsonNode none = SummaryShape.JSON.valueToTree(new RunSummary.Latency(0, 0, 0, 0, 0, 0, 0, 0));
        assertEquals("{\"count\":0,\"p50\":null,\"p90\":null,\"p99\":null,\"max\":null,\"coldStarts\":0,"
                + "\"coldStartP50\":null,\"coldStartP99\":null}", none.toString());
        JsonNode warm = SummaryShape.JSON.valueToTree(new RunSummary.Latency(7, 1.5, 2, 3, 4, 0, 0, 0));
        assertEquals("{\"count\":7,\"p50\":1.5,\"p90\":2.0,\"p99\":3.0,\"max\":4.0,\"coldStarts\":0,"
                + "\"coldStartP50\":null,\"coldStartP99\":null}", warm.toString(), "no cold start: its own null");
        JsonNode cold = SummaryShape.JSON.valueToTree(new RunSummary.Latency(7, 1.5, 2, 3, 4, 2, 900, 950));
        assertEquals(950.0, cold.get("coldStartP99").doubleValue());
        assertEquals("{\"count\":0,\"p50\":null,\"p99\":null,\"max\":null}",
                SummaryShape.JSON.valueToTree(new RunSummary.Percentiles(0, 0, 0, 0)).toString());
        assertEquals("{\"count\":3,\"p50\":0.0,\"p99\":1.0,\"max\":2.0}",
                SummaryShape.JSON.valueToTree(new RunSummary.Percentiles(3, 0, 1, 2)).toString(),
                "a measured 0 stays 0");
    }

    @Test
    void aNumberComparedWithALatencyNothingMeasuredFailsSayingWhy() throws Exception {
        Checker.ScenarioCheck c = Checker.check(fullSubnet("functions.api.latencyMillis.p99 < 500",
                "latencyMillis.p50 != 0", "functions.api.latencyMillis.p99 == null",
                "latencyMillis.coldStartP99 <= 10000", "invocations.succeeded == 0"), List.of(), 1, 1);
        List<Checker.Result> r = c.results();
        assertFalse(r.get(0).passed());
        assertEquals("none (no invocation succeeded: functions.api.latencyMillis.count is 0)", r.get(0).actual());
        assertFalse(r.get(1).passed(), "!= 0 needs a measured number too");
        assertTrue(r.get(2).passed(), "'== null' asks for exactly this: " + r.get(2).actual());
        assertFalse(r.get(3).passed());
        assertEquals("none (no cold start: latencyMillis.coldStarts is 0)", r.get(3).actual());
        assertTrue(r.get(4).passed());
    }

    @Test
    void withReplicationsItSaysInHowManyThereWasNone() throws Exception {
        Checker.Result r = Checker.check(fullSubnet("ci(latencyMillis.p99) below 500"), List.of(), 2, 1).results()
                .get(0);
        assertFalse(r.passed());
        assertEquals("none in 2 of 2 replications (no invocation succeeded: latencyMillis.count is 0)", r.actual());
    }

    @Test
    void anOldBaselinesZeroForNothingMeasuredIsNotADrift() throws Exception {
        JsonNode now = SummaryShape.tree(Checker.check(fullSubnet("invocations.succeeded == 0"), List.of(), 1, 1)
                .runs().get(0).summary());
        ObjectNode old = now.deepCopy();
        ObjectNode lat = (ObjectNode) old.get("latencyMillis");
        for (String p : List.of("p50", "p90", "p99", "max", "coldStartP50", "coldStartP99")) {
            lat.put(p, 0.0); // as summary.json wrote it before
        }
        assertEquals(List.of(), Baseline.compare(old, now, 0));
        lat.put("count", 1L);
        lat.put("p99", 12.0);
        List<Baseline.Diff> d = Baseline.compare(old, now, 0);
        assertTrue(d.stream().anyMatch(x -> x.path().equals("latencyMillis.p99") && x.actual().equals("null")), "" + d);
        lat.put("count", 0L);
        lat.put("p99", 0.5);
        assertTrue(Baseline.compare(old, now, 0).stream().anyMatch(x -> x.path().equals("latencyMillis.p99")),
                "only a 0 is the old way of writing nothing");
    }
}
