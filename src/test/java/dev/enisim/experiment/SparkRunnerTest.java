package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;

/**
 * The Spark engine, embedded: the same result lines as the in-process engine for every point, in batches of any
 * size; embedded Spark without its web UI; the context stopped on close (the next engine gets its own master).
 */
class SparkRunnerTest {

    private static List<String> lines(PointRunner runner, PointSpec spec, List<PointTask> tasks) {
        List<String> out = new ArrayList<>();
        runner.run(spec, tasks, out::add);
        out.sort(null);
        return out;
    }

    @Test
    void sparkReturnsTheInProcessLinesAndStopsOnClose() throws Exception {
        JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(SweepTest.TINY);
        PointSpec spec = PointSpec.of(tree, "tiny", List.of("invocations.total"), 1);
        List<PointTask> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("traffic", Double.toString(0.5 + i / 4.0));
            tasks.add(PointTask.of(i, v));
        }
        List<String> expected = lines(new InProcessRunner(2), spec, tasks);
        assertEquals(5, expected.size());
        SparkContext first;
        try (PointRunner spark = PointRunners.create("spark", 1, null, 0)) {
            assertTrue(spark.describe().startsWith("spark local[*], "), spark.describe());
            first = SparkContext.getOrCreate();
            assertEquals("false", first.getConf().get("spark.ui.enabled"), "embedded: no web UI");
            assertEquals(expected, lines(spark, spec, tasks));
            spark.run(spec, List.of(), line -> {
                throw new AssertionError(line);
            });
        }
        assertTrue(first.isStopped(), "closed: the context is stopped");
        SparkContext second;
        try (PointRunner spark = PointRunners.create("spark", 1, "local[2]", 2)) {
            assertEquals("spark local[2], 2 slots", spark.describe());
            second = SparkContext.getOrCreate();
            assertEquals(expected, lines(spark, spec, tasks), "in batches of two points");
        }
        assertTrue(second.isStopped());
    }
}
