package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.cli.CliTest.Result;
import dev.enisim.report.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run --replications, compare and validate-model as a user meets them. */
class ExperimentCommandsTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, CheckCommandTest.SMALL);
        return f;
    }

    @Test
    void aReplicatedRunWritesStatisticsAndTheSameFilesInParallel() throws Exception {
        Path f = scenario();
        Path seq = dir.resolve("seq");
        Path par = dir.resolve("par");
        assertEquals(0, CliTest.run("run", f.toString(), "--replications", "4", "--out", seq.toString(), "-q").code());
        assertEquals(0, CliTest.run("run", f.toString(), "--replications", "4", "--parallel", "--out", par.toString(),
                "-q").code());
        for (String name : new String[] {"summary.json", "summary-replication-0.json", "summary-replication-3.json"}) {
            assertEquals(Files.readString(seq.resolve(name)), Files.readString(par.resolve(name)), name);
        }
        JsonNode s = SummaryJson.mapper().readTree(seq.resolve("summary.json").toFile());
        assertEquals(4, s.get("replications").asInt());
        JsonNode total = s.get("metrics").get("invocations.total");
        assertEquals(4, total.get("n").asInt());
        assertTrue(total.get("ciLow").asDouble() < total.get("mean").asDouble()
                && total.get("mean").asDouble() < total.get("ciHigh").asDouble(), total.toString());
        assertEquals(3000, total.get("mean").asDouble(), 3000 * 0.05, "5/s for 600 s");
        double mean = 0;
        for (int r = 0; r < 4; r++) {
            JsonNode one = SummaryJson.mapper().readTree(seq.resolve("summary-replication-" + r + ".json").toFile());
            assertEquals(r, one.get("replication").asInt());
            mean += one.get("invocations").get("total").asDouble() / 4;
        }
        assertEquals(mean, total.get("mean").asDouble(), 1e-9);
    }

    @Test
    void compareWithItselfShowsNoDifference() throws Exception {
        Result r = CliTest.run("compare", scenario().toString(), "--replications", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(no metric differs)"), r.out());
        Result all = CliTest.run("compare", scenario().toString(), scenario().toString(), "--replications", "3",
                "--all");
        assertTrue(all.out().contains("invocations.total "), all.out());
        // every row "not significant" (said in words since compare's terminal opens with the account's rows); the
        // heading "Differences (significant first, ...)" names the order only
        assertTrue(all.out().contains("not significant"), all.out());
        assertTrue(all.out().lines().noneMatch(l -> l.contains("significant") && !l.contains("not significant")
                && !l.startsWith("Differences (")), all.out());
    }

    @Test
    void compareShowsASignificantChange() throws Exception {
        Result r = CliTest.run("compare", scenario().toString(), "--replications", "5", "--parallel", "--set",
                "functions[api].arrivals.poisson=10/s");
        assertEquals(0, r.code(), r.err());
        String line = r.out().lines().filter(l -> l.startsWith("invocations.total ")).findFirst().orElseThrow();
        assertTrue(line.endsWith("significant"), line);
        Result bad = CliTest.run("compare", scenario().toString(), "--set", "functions[apx].memoryMb=512");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("did you mean 'api'?"), bad.err());
    }

    /** VALIDATION.md shows what the command prints today: regenerate it when the model changes the figures. */
    @Test
    void validationMdHoldsTheTableTheCommandPrints() throws Exception {
        Result r = CliTest.run("validate-model", "--parallel");
        assertEquals(0, r.code(), r.out() + r.err());
        String doc = Files.readString(Path.of("VALIDATION.md"));
        assertTrue(doc.contains(r.out()), "VALIDATION.md is out of date; regenerate its table with the command it "
                + "gives. Now:\n" + r.out());
        assertTrue(!r.out().contains("FAIL"), r.out());
    }

    @Test
    void validateModelNeedsTwoReplications() {
        Result r = CliTest.run("validate-model", "--replications", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("at least 2"), r.err());
    }
}
