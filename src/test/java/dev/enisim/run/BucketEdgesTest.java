package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.bench.Workloads;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A run brings the metrics into each time bucket at its first instant, before the bucket's first event
 * ({@link Simulation#run}, {@link dev.enisim.metrics.Observers#reach}): no call of the model's meets a bucket edge, so
 * the one test the metrics make for one is never taken (the JIT's code never meets it taken). The figures are those
 * of metrics crossing at their first call past an edge (the metrics' own properties; the golden outputs).
 */
class BucketEdgesTest {

    @Test
    void aRunCrossesEveryEdgeBeforeAnyCallMeetsIt() throws Exception {
        ObjectNode tree = Workloads.manyFunctions(20, 10);
        tree.put("duration", "61s");
        tree.put("bucket", "5s"); // 13 buckets, the last one second long
        tree.get("functions").forEach(f -> ((ObjectNode) f).put("existing", "Active"));
        Simulation sim = new Simulation(ScenarioLoader.parseTree(tree, "edges"), 0);
        RunResult r = sim.run();
        assertTrue(r.summary().invocations().succeeded() > 1000, "invocations in every bucket");
        assertEquals(13, r.timeSeries().buckets());
        assertEquals(0, sim.crossedAtCalls());
    }
}
