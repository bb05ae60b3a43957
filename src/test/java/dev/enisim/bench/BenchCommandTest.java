package dev.enisim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code enisim bench} on a tiny workload: the table, the JSON's shape, and bad input (exit 2). */
class BenchCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsTheTableAndWritesTheJson() throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, BenchTest.TINY_LOSS);
        Path json = dir.resolve("bench.json");
        Run r = bench(scenario.toString(), "--repeat", "2", "--json", json.toString(),
                "--set", "duration=10000s");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("events/s (min-max)"), r.out());
        assertTrue(r.out().contains("vs Erlang B(5, 3) = 0.11"), r.out());
        assertTrue(r.err().contains("run 2 of 2"), r.err());

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(Runtime.getRuntime().availableProcessors(), root.get("cores").asInt());
        assertTrue(root.get("java").isTextual());
        JsonNode w = root.get("workloads").get(0);
        assertEquals(scenario.toString(), w.get("workload").asText());
        assertEquals(2, w.get("repeats").asInt());
        assertEquals(10_000, w.get("simulatedSeconds").asDouble(), "--set applies");
        for (String field : new String[] {"events", "arrivals", "completions", "otherEvents", "invocations",
            "wallSeconds", "eventsPerSecond", "eventsPerSecondMin", "eventsPerSecondMax", "invocationsPerSecond",
            "invocationsPerSecondMin", "invocationsPerSecondMax", "peakHeapBytes", "retainedHeapBytes",
            "bytesPerEvent"}) {
            assertTrue(w.get(field).isNumber(), field + " in " + w);
        }
        assertEquals(w.get("events").asLong() / w.get("wallSeconds").asDouble(),
                w.get("eventsPerSecond").asDouble(), 1e-6 * w.get("eventsPerSecond").asDouble());
        JsonNode e = w.get("erlangB");
        assertEquals(5, e.get("servers").asInt());
        assertTrue(e.get("passed").isBoolean());
    }

    @Test
    void unknownWorkloadsAreBadInputBeforeAnythingRuns() {
        Run r = bench("loss", "no-such-workload", "--repeat", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no workload 'no-such-workload'"), r.err());
        assertFalse(r.err().contains("warm-up"), "nothing ran");
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void badOptionsAreBadInput() throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, BenchTest.TINY_LOSS);
        Run zero = bench(scenario.toString(), "--repeat", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--repeat must be at least 1"), zero.err());
        Run json = bench(scenario.toString(), "--json", dir.resolve("missing/bench.json").toString());
        assertEquals(2, json.code());
        assertTrue(json.err().contains("no such directory"), json.err());
        Run set = bench(scenario.toString(), "--set", "functions[0].memoryMb=lots");
        assertEquals(2, set.code());
        assertTrue(set.err().contains("memoryMb"), set.err());
    }
}
