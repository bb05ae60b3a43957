package dev.enisim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.experiment.Replications;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code enisim bench --parallel-scaling}, {@code --memory-model}, {@code --report-time} and {@code loss-100} over
 * {@code loss}: the figures the issue asks to be shown, written to the JSON, computed from what was measured; the serial and parallel ways give every replication the same
 * numbers, and a digest tells different runs apart.
 */
class ParallelScalingTest {

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        BenchCommandTest.Run r = BenchCommandTest.bench(args);
        return new String[] {Integer.toString(r.code()), r.out(), r.err()};
    }

    @Test
    void theParallelFigureIsMeasuredBothWaysAndWrittenToTheJson() throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, BenchTest.TINY_LOSS);
        Path json = dir.resolve("bench.json");
        String[] r = run("--parallel-scaling", "3", "--parallel-workload", scenario.toString(),
                // 40,000 simulated seconds: each part takes some 200 ms of CPU, where the 14 ms of 3,000 s could read
                // as 0 (the process's CPU time counts in 10 ms ticks; a busy host flaked it)
                "--parallel-duration", "40000s", "--json", json.toString());
        assertEquals("0", r[0], r[2]);
        assertFalse(r[1].contains("events/s (min-max)"), "no workload table when only the extra figures are asked");
        assertTrue(r[1].contains("3 replications") && r[1].contains("the same numbers both ways: yes"), r[1]);
        assertTrue(r[2].contains("serially") && r[2].contains("threads"), r[2]);

        JsonNode p = new ObjectMapper().readTree(json.toFile()).get("parallelScaling");
        assertEquals(3, p.get("replications").asInt());
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(cores, p.get("cores").asInt());
        assertEquals(Math.min(cores, 3), p.get("threads").asInt());
        assertEquals(40000, p.get("simulatedSeconds").asDouble(), "--parallel-duration applies");
        double serial = p.get("serialWallSeconds").asDouble();
        double parallel = p.get("parallelWallSeconds").asDouble();
        assertTrue(serial > 0 && parallel > 0, p.toString());
        assertEquals(serial / parallel, p.get("speedup").asDouble(), 1e-9, "the ratio of the measured times");
        // the process's CPU time (HotSpot on Linux measures it): each part simulates, so each costs some
        assertTrue(p.get("serialCpuSeconds").asDouble() > 0 && p.get("parallelCpuSeconds").asDouble() > 0,
                p.toString());
        assertTrue(p.get("identical").asBoolean());

        // the digests are the replications' own: those of the same replications run directly, all different
        Scenario cut = ScenarioLoader.parse(BenchTest.TINY_LOSS.replace("duration: 20000s", "duration: 40000s"), "t");
        List<ParallelScaling.Digested> direct = Replications.run(cut, 3, 1, ParallelScaling::digest);
        for (int i = 0; i < 3; i++) {
            assertEquals(direct.get(i).sha256(), p.get("digests").get(i).asText());
        }
        assertNotEquals(direct.get(0).sha256(), direct.get(1).sha256(), "replications are independent");
        assertEquals(direct.get(0).events(), p.get("eventsPerReplication").asLong());
    }

    @Test
    void aDigestTellsRunsApartAndGivesTheSameRunTheSameDigest() throws Exception {
        Scenario s = BenchTest.tinyLoss();
        Scenario shorter = s.withDuration(s.durationMicros() / 2, s.bucketMicros());
        assertEquals(ParallelScaling.digest(new Simulation(s, 0).run()),
                ParallelScaling.digest(new Simulation(s, 0).run()));
        assertNotEquals(ParallelScaling.digest(new Simulation(s, 0).run()).sha256(),
                ParallelScaling.digest(new Simulation(shorter, 0).run()).sha256());
        assertThrows(IllegalArgumentException.class, () -> ParallelScaling.measure("t", s, 1, line -> { }));
    }

    @Test
    void badParallelOptionsAreBadInputBeforeAnythingRuns() throws Exception {
        String[] one = run("--parallel-scaling", "1");
        assertEquals("2", one[0]);
        assertTrue(one[2].contains("--parallel-scaling needs at least 2 replications, got 1"), one[2]);
        String[] zero = run("--parallel-scaling", "0"); // was taken as not given: the bench ran without it
        assertEquals("2", zero[0], zero[2]);
        assertTrue(zero[2].contains("--parallel-scaling needs at least 2 replications, got 0"), zero[2]);
        String[] duration = run("--parallel-scaling", "2", "--parallel-duration", "soon");
        assertEquals("2", duration[0]);
        assertTrue(duration[2].contains("duration") && duration[2].contains("--parallel-duration soon"), duration[2]);
        assertFalse(duration[2].contains("warm-up"), "nothing ran");
        assertFalse(duration[2].contains("Exception"), duration[2]);
    }

    @Test
    void memoryPerFunctionAndPerKeyIsMeasuredAndWrittenToTheJson() throws Exception {
        Path json = dir.resolve("bench.json");
        String[] r = run("--memory-model", "--set", "duration=1m", "--json", json.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("per function") && r[1].contains("per key"), r[1]);
        JsonNode m = new ObjectMapper().readTree(json.toFile()).get("memoryModel");
        JsonNode points = m.get("points");
        assertEquals(3, points.size());
        assertEquals(60, m.get("simulatedSeconds").asDouble(), "--set applies");
        int[][] expected = {{1000, 1000}, {2000, 1000}, {1000, 100}};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i][0], points.get(i).get("functions").asInt());
            assertEquals(expected[i][1], points.get(i).get("keys").asInt());
            assertTrue(points.get(i).get("events").asLong() > expected[i][0] * 30L, "about 1/s per function");
        }
        long few = points.get(0).get("retainedHeapBytes").asLong();
        long many = points.get(1).get("retainedHeapBytes").asLong();
        long fewKeys = points.get(2).get("retainedHeapBytes").asLong();
        assertEquals((many - few) / 1000.0, m.get("bytesPerFunction").asDouble(), 1e-9);
        assertEquals((few - fewKeys) / 900.0, m.get("bytesPerKey").asDouble(), 1e-9);
    }

    @Test
    void theManyFunctionsWorkloadTakesItsSecurityGroupSets() throws Exception {
        Scenario s = ScenarioLoader.parseTree(Workloads.manyFunctions(100, 50), "m");
        assertEquals(100, s.functions().size());
        assertEquals(Workloads.manyFunctions(100).toString(), Workloads.manyFunctions(100, 500).toString());
        assertThrows(IllegalArgumentException.class, () -> Workloads.manyFunctions(100, 55));
    }

    @Test
    void lossOneHundredIsGivenOverLossWhenBothRun() throws Exception {
        Path json = dir.resolve("bench.json");
        String[] r = run("loss", "loss-100", "--repeat", "1", "--no-references", "--set", "duration=100s", "--json",
                json.toString());
        assertEquals("0", r[0], r[2]);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        JsonNode w = root.get("workloads");
        double cpu = w.get(1).get("eventsPerCpuSecond").asDouble() / w.get(0).get("eventsPerCpuSecond").asDouble();
        double wall = w.get(1).get("eventsPerSecond").asDouble() / w.get(0).get("eventsPerSecond").asDouble();
        assertEquals(cpu, root.get("loss100OverLoss").get("eventsPerCpuSecond").asDouble(), 1e-12);
        assertEquals(wall, root.get("loss100OverLoss").get("eventsPerSecond").asDouble(), 1e-12);
        assertTrue(r[1].contains(String.format(java.util.Locale.ROOT, "loss-100 over loss: %.2fx per CPU second",
                cpu)), r[1]);
        assertFalse(new ObjectMapper().readTree(json.toFile()).has("parallelScaling"), "not asked");
    }

    @Test
    void theMonthsReportIsTimedAndWrittenToTheJson() throws Exception {
        Path json = dir.resolve("bench.json");
        String[] r = run("--report-time", "--repeat", "3", "--set", "duration=3d", "--json", json.toString());
        assertEquals("0", r[0], r[2]);
        assertFalse(r[1].contains("events/s (min-max)"), "no workload table when only the extra figures are asked");
        assertTrue(r[1].contains("report of month (3 days simulated)"), r[1]);
        JsonNode t = new ObjectMapper().readTree(json.toFile()).get("reportWriting");
        assertEquals("month", t.get("workload").asText());
        assertEquals(3 * 86_400, t.get("simulatedSeconds").asDouble(), "--set applies");
        assertEquals(3, t.get("repeats").asInt());
        double min = t.get("secondsMin").asDouble();
        double median = t.get("seconds").asDouble();
        assertTrue(0 < min && min <= median && median <= t.get("secondsMax").asDouble(), t.toString());
        // the files are the month's whole report, as enisim run writes it
        Scenario month = ScenarioLoader.parseTree(dev.enisim.scenario.Overrides.apply(
                ScenarioLoader.readTree(Path.of("scenarios/bench/month.yaml")), List.of("duration=3d"), "month"), "month");
        java.util.Map<String, byte[]> files = dev.enisim.report.ReportWriter.render(new Simulation(month, 0).run());
        assertEquals(files.size(), t.get("files").asInt());
        assertTrue(files.containsKey("report.html") && files.containsKey("summary.json"), files.keySet().toString());
        assertEquals(files.values().stream().mapToLong(b -> b.length).sum(), t.get("bytes").asLong());
    }
}
