package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.metrics.Metric;
import dev.enisim.report.chart.Charts;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The simulation expert's review, fault 1: on a long run the latency chart merges buckets into points by their highest
 * percentile (a bucket's percentiles cannot be merged: the run keeps no bucket's distribution), and its title said
 * "p50, p90 and p99 per 72 min", which reads as the window's own percentiles (145 ms drawn where the run's p50 was
 * 100 ms). The title and the image now say what a point is; an unmerged chart keeps its title.
 */
class LatencyMergedBucketsTest {

    // two days of 1-minute buckets (2,880) make points of 5 buckets; a sparse function leaves buckets of 1 to 6 values
    private static final String SPARSE = """
            name: sparse-latency
            seed: 3
            duration: 2d
            bucket: 1m
            functions:
              - name: api
                initDuration: 0s
                duration: { dist: lognormal, median: 100ms, p99: 1s }
                arrivals: { poisson: 0.05/s }
            """;

    private static JsonNode latency(RunResult r) {
        for (JsonNode c : ChartData.build(r).get("charts")) {
            if (c.get("id").asText().equals("latency")) {
                return c;
            }
        }
        return null;
    }

    @Test
    void mergedPointsAreNamedAsTheHighestBucketValue() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(SPARSE, "sparse-latency.yaml"), 0).run();
        JsonNode c = latency(r);
        assertNotNull(c);
        assertEquals("Latency of successful invocations, ms (init + duration; p50, p90 and p99 per minute, each point"
                + " the highest per-minute value in its 5 min)", c.get("title").asText());
        // what the title says is what is drawn: each p50 point is the highest of its five buckets' p50
        long[] p50 = r.timeSeries().account(Metric.LATENCY_P50).values();
        JsonNode drawn = c.get("series").get(0).get("values");
        boolean belowSomeBucket = false;
        for (int g = 0; g < drawn.size(); g++) {
            long highest = -1;
            long lowest = Long.MAX_VALUE;
            for (int i = g * 5; i < Math.min(p50.length, g * 5 + 5); i++) {
                if (p50[i] >= 0) {
                    highest = Math.max(highest, p50[i]);
                    lowest = Math.min(lowest, p50[i]);
                }
            }
            if (highest >= 0) {
                assertEquals(highest / 1000.0, drawn.get(g).asDouble(), 1e-9, "point " + g);
                belowSomeBucket |= lowest < highest;
            }
        }
        assertTrue(belowSomeBucket, "a point that merges differing buckets, so the words matter");
        assertTrue(Charts.latencyMerged(r).startsWith("Each point is the highest of 5 buckets' percentiles (a bucket"
                + " is 1 min), not the percentile of the 5 min"), Charts.latencyMerged(r));
    }

    @Test
    void unmergedChartKeepsItsTitle() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 0).run();
        assertEquals("Latency of successful invocations, ms (init + duration; p50, p90 and p99 per minute)",
                latency(r).get("title").asText());
        assertFalse(Charts.latencyMerged(r) != null, "two hours of minutes are not merged");
    }
}
