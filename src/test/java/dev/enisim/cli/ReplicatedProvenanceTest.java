package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.cli.CliTest.Result;
import dev.enisim.experiment.EnisimBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data engineer's review: run --replications N's summary.json named the scenario, seed and overrides, but not the
 * enisim that made it nor the scenario file's content (sweep.json has both).
 */
class ReplicatedProvenanceTest {

    @TempDir
    Path dir;

    @Test
    void theReplicatedSummarySaysTheEnisimAndTheScenarioFilesHash() throws Exception {
        Path f = Files.writeString(dir.resolve("p.yaml"), dev.enisim.scenario.OneSubnetYaml.of("name: p\nduration: 2m",
                """
                name: api
                memoryMb: 512
                timeout: 10s
                duration: { dist: constant, value: 100ms }
                arrivals: { constant: 1/s }
                """));
        Path out = dir.resolve("out");
        Result r = CliTest.run("run", f.toString(), "--replications", "2", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(EnisimBuild.current().version(), s.path("enisim").path("version").asText());
        assertEquals(EnisimBuild.current().build(), s.path("enisim").path("build").asText());
        assertEquals(f.toString(), s.path("scenarioFile").path("file").asText());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))),
                s.path("scenarioFile").path("sha256").asText());
    }
}
