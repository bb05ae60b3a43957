package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.experiment.MetricStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data scientist's review: a count 0 in every replication (no throttle, no ENI deleted) read as {@code 0.00 [0.00,
 * 0.30]} with nothing saying the 0.30 is the rule of three's bound, and a probability 0 in every replication (no cold
 * start) got a zero-width [0, 0]. Each now has its one-sided 95% upper bound, said as such where the figure is.
 */
class ZeroInEveryReplicationTest {

    @TempDir
    Path dir;

    /** Ten replications of a summary with no throttle, no ENI deleted and no cold start in 15,000 starts each. */
    private static List<JsonNode> summaries(int replications) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
            out.add(new ObjectMapper().readTree("{\"invocations\": {\"total\": " + (15000 + r) + ", \"throttled\": 0},"
                    + " \"enis\": {\"peak\": 2, \"final\": 0, \"deleted\": 0}, \"coldStarts\": {\"total\": 0,"
                    + " \"warmStarts\": " + (15000 + r) + ", \"probability\": 0.0}}"));
        }
        return out;
    }

    @Test
    void aCountOrAProbabilityZeroInEveryReplicationHasTheRuleOfThreesBound() throws Exception {
        Map<String, MetricStats> s = MetricStats.of(summaries(10));
        for (String count : List.of("invocations.throttled", "enis.deleted")) {
            MetricStats m = s.get(count);
            assertEquals(0, m.mean());
            assertEquals(0, m.ciLow());
            assertEquals(2.995732273553991 / 10, m.ciHigh(), 1e-15, count + ": -ln(0.05)/n");
            assertEquals(-Math.log(0.05) / 10, m.ciHigh(), 0, count);
            assertTrue(m.noneSeen(), count);
            assertEquals("0 in all 10 replications; 95% upper bound 0.2996 per replication (rule of three)",
                    m.noneSeenLabel(count));
        }
        // a probability: no cold start in the 150,045 starts of the ten runs, so below 1 - 0.05^(1/N), about 3/N
        long starts = 150_045;
        MetricStats p = s.get("coldStarts.probability");
        assertEquals(1 - Math.pow(0.05, 1.0 / starts), p.ciHigh(), 1e-15, p.toString());
        assertEquals(-Math.log(0.05) / starts, p.ciHigh(), 1e-9, "the rule of three: about 3/N");
        assertEquals("0 in all 10 replications; 95% upper bound 0.00001997 per start (rule of three, over the starts"
                + " of all 10)", p.noneSeenLabel("coldStarts.probability"));
        // a level 0 in every run (enis.final) and a level above 0 say nothing of the kind
        assertEquals(0, s.get("enis.final").ciHigh());
        assertFalse(s.get("enis.final").noneSeen());
        assertNull(s.get("enis.peak").noneSeenLabel("enis.peak"));
        assertNull(s.get("invocations.total").noneSeenLabel("invocations.total"));
        // one replication: no interval, no bound
        assertNull(MetricStats.of(summaries(1)).get("invocations.throttled").noneSeenLabel("invocations.throttled"));
    }

    /** The replicated run's summary.json and terminal say it, for those metrics only. */
    @Test
    void theReplicatedRunSaysTheBoundInItsSummaryAndOnTheTerminal() throws Exception {
        Path scenario = Files.writeString(dir.resolve("ten.yaml"), CliTest.GOOD);
        Path out = dir.resolve("out");
        CliTest.Result r = CliTest.run("run", scenario.toString(), "--replications", "10", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String label = "0 in all 10 replications; 95% upper bound 0.2996 per replication (rule of three)";
        assertTrue(r.out().replaceAll("\\s+", " ").contains("invocations.throttled 0.00 " + label), r.out());

        JsonNode metrics = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("metrics");
        JsonNode throttled = metrics.get("invocations.throttled");
        assertEquals(label, throttled.get("ruleOfThree").asText());
        assertEquals(-Math.log(0.05) / 10, throttled.get("ciHigh").asDouble(), 0);
        assertEquals(0, throttled.get("ciLow").asDouble());
        int labelled = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode m = e.getValue();
            boolean zero = m.get("mean").asDouble() == 0 && m.get("sd").asDouble() == 0
                    && m.get("ciHigh").asDouble() > 0;
            assertEquals(zero, m.has("ruleOfThree"), e.getKey() + ": the field only where it applies: " + m);
            labelled += zero ? 1 : 0;
        }
        assertTrue(labelled > 1, "the throttles and the other counts never seen");
        assertFalse(metrics.get("invocations.total").has("ruleOfThree"));
    }
}
