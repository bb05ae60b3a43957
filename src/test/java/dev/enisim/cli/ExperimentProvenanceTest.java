package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.cli.CliTest.Result;
import dev.enisim.experiment.EnisimBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's and a sensitivity analysis's CSV files say how they were made, in a sidecar beside them (sweep.json,
 * sensitivity.json): a CSV copied into a notebook or a ticket lost it, the page alone carried some of it (an
 * experimenter's review). The CSVs themselves are unchanged, byte for byte.
 */
class ExperimentProvenanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * sweep.csv of this sweep as the enisim before the sidecar wrote it (the session's start jar, 27e99c7), but for the
     * varied duration, a number of seconds under a column that says so since (it was {@code 161.309s} under
     * {@code hyperplane.eniCreateTime.median}: text to pandas), and for the succeeded invocations the per-ENI-key
     * streams of ENI timings redrew (660.5, 1164 and 2444.5 before; the columns as main writes them).
     */
    private static final String CSV_BEFORE = """
            hyperplane.eniCreateTime.medianSeconds,traffic,enis.peak.mean,enis.peak.ciLow,enis.peak.ciHigh,\
            invocations.succeeded.mean,invocations.succeeded.ciLow,invocations.succeeded.ciHigh,problem
            161.309,0.904331,4,4,4,510.5,0,1685.8239380961638,
            117.149,1.18127,4,4,4,991.5,0,2611.5411038622797,
            47.558,1.69047,4,4,4,2226.5,136.32932089925453,4316.6706791007455,
            """;

    @Test
    void aSweepSaysInSweepJsonHowItsCsvWasMade() throws Exception {
        Path f = EngineEquivalenceTest.scenario(dir);
        Path out = dir.resolve("out");
        Result r = CliTest.run("sweep", f.toString(), "--design", "lhs", "--points", "3", "--design-seed", "5",
                "--replications", "2", "--vary", "hyperplane.eniCreateTime.median=20s..3m", "--vary",
                "traffic=0.5..2", "--set", "seed=9", "--set", "duration=5m", "--metric", "enis.peak", "--metric",
                "invocations.succeeded", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        byte[] csv = Files.readAllBytes(out.resolve("sweep.csv"));
        assertEquals(CSV_BEFORE, new String(csv, java.nio.charset.StandardCharsets.UTF_8), "sweep.csv unchanged");

        JsonNode j = JSON.readTree(out.resolve("sweep.json").toFile());
        assertEquals("enisim sweep", j.path("madeBy").asText());
        assertEnisim(j);
        JsonNode s = j.path("scenario");
        assertEquals(f.toString(), s.path("file").asText());
        assertEquals(sha256(Files.readAllBytes(f)), s.path("sha256").asText());
        assertEquals("engines", s.path("name").asText());
        assertEquals(9, s.path("seed").asLong(), "the seed the runs used: --set seed=9");
        assertEquals(List.of("seed=9", "duration=5m"), strings(j.path("set")));
        assertEquals(List.of("hyperplane.eniCreateTime.median=20s..3m", "traffic=0.5..2"), strings(j.path("vary")));
        assertEquals("lhs", j.path("design").path("kind").asText());
        assertEquals(3, j.path("design").path("points").asInt());
        assertEquals(5, j.path("design").path("designSeed").asLong());
        assertEquals(2, j.path("replications").asInt());
        assertEquals(List.of("enis.peak", "invocations.succeeded"), strings(j.path("metrics")));
        assertEquals(sha256(csv), j.path("files").path("sweep.csv").path("sha256").asText());
        assertEquals(3, j.path("files").path("sweep.csv").path("rows").asInt());

        // a grid names no design seed (it has none); the default metrics are named
        Path grid = dir.resolve("grid");
        assertEquals(0, CliTest.run("sweep", f.toString(), "--vary", "traffic=1,2", "--set", "duration=2m", "--out",
                grid.toString(), "-q").code());
        JsonNode g = JSON.readTree(grid.resolve("sweep.json").toFile());
        assertEquals("grid", g.path("design").path("kind").asText());
        assertEquals(2, g.path("design").path("points").asInt());
        assertFalse(g.path("design").has("designSeed"), g.toString());
        assertEquals(5, g.path("scenario").path("seed").asLong(), "the scenario's own seed");
        assertEquals(1, g.path("replications").asInt());
        // the defaults name the failures too (a sweep showed a size whose runs failed as lean and "0 failed")
        assertEquals(List.of("invocations.succeeded", "invocations.invokeErrors", "functionsFailed",
                "invocations.throttled", "enis.peak", "latencyMillis.p99"), strings(g.path("metrics")));
    }

    @Test
    void aSensitivityAnalysisSaysInSensitivityJsonHowItsCsvFilesWereMade() throws Exception {
        Path f = EngineEquivalenceTest.scenario(dir);
        Path out = dir.resolve("sens");
        Result r = CliTest.run("sensitivity", f.toString(), "--method", "morris", "--samples", "2", "--design-seed",
                "3", "--metric", "enis.peak", "--vary", "hyperplane.eniCreateTime.median=20s..3m", "--set",
                "duration=3m", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(out.resolve("sensitivity.json").toFile());
        assertEquals("enisim sensitivity", j.path("madeBy").asText());
        assertEnisim(j);
        assertEquals(sha256(Files.readAllBytes(f)), j.path("scenario").path("sha256").asText());
        assertEquals(5, j.path("scenario").path("seed").asLong());
        assertEquals(List.of("duration=3m"), strings(j.path("set")));
        assertEquals(List.of("hyperplane.eniCreateTime.median=20s..3m"), strings(j.path("vary")));
        assertEquals("morris", j.path("design").path("method").asText());
        assertEquals(2, j.path("design").path("samples").asInt());
        assertEquals(3, j.path("design").path("designSeed").asLong());
        assertEquals(4, j.path("design").path("points").asInt(), "2 trajectories of 2 points");
        assertEquals(1, j.path("replications").asInt());
        assertEquals(List.of("enis.peak"), strings(j.path("metrics")));
        for (String csv : List.of("sensitivity.csv", "points.csv")) {
            assertEquals(sha256(Files.readAllBytes(out.resolve(csv))), j.path("files").path(csv).path("sha256")
                    .asText(), csv);
        }
        assertEquals(4, j.path("files").path("points.csv").path("rows").asInt());
    }

    private static void assertEnisim(JsonNode j) {
        EnisimBuild here = EnisimBuild.current();
        assertEquals(here.version(), j.path("enisim").path("version").asText());
        assertEquals(here.build(), j.path("enisim").path("build").asText());
        assertTrue(here.build().matches("[0-9a-f]{12}"), "the test's classes folder has a build: " + here);
        assertNotEquals(EnisimBuild.UNKNOWN, here.version(), "Maven filtered version.properties");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
