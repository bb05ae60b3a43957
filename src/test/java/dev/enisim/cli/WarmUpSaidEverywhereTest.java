package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output whose figures are after a warm-up says so in the same words (report/WarmUpWords): the sweep's and
 * compare's pages and terminals did, the sensitivity page and {@code run --replications}' table and summary.json did
 * not, and their figures read as the whole runs'.
 */
class WarmUpSaidEverywhereTest {

    private static final String EVERY_RUN = "Statistics after a 1m warm-up (--warm-up) in every run";

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        return Files.writeString(dir.resolve("w.yaml"), dev.enisim.scenario.OneSubnetYaml.of(
                "name: w\nduration: 3m", """
                name: api
                duration: { dist: constant, value: 100ms }
                arrivals: { poisson: 5/s }
                """));
    }

    @Test
    void theSensitivityPageSaysItUnderItsHeadingAsItsTerminalDoes() throws Exception {
        Path f = scenario();
        Path out = dir.resolve("sens");
        Result r = CliTest.run("sensitivity", f.toString(), "--vary", "traffic=0.5..2", "--samples", "2",
                "--metric", "invocations.total", "--out", out.toString(), "-q", "--warm-up", "1m");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(EVERY_RUN + "\n"), r.out());
        String page = Files.readString(out.resolve("sensitivity.html"));
        assertTrue(page.contains("</h1><p class=\"sub\">" + EVERY_RUN + "</p>"), "under the heading");
        Path plain = dir.resolve("plain");
        assertEquals(0, CliTest.run("sensitivity", f.toString(), "--vary", "traffic=0.5..2", "--samples", "2",
                "--metric", "invocations.total", "--out", plain.toString(), "-q").code());
        assertFalse(Files.readString(plain.resolve("sensitivity.html")).contains("warm-up"), "nothing without one");
    }

    @Test
    void replicationsSayItOverTheTableAndInSummaryJson() throws Exception {
        Path f = scenario();
        Result warm = CliTest.run("run", f.toString(), "--replications", "2", "--warm-up", "60s", "--set",
                "seed=4", "--out", dir.resolve("warm").toString());
        assertEquals(0, warm.code(), warm.err());
        // after the headline and the overrides, as sweep's terminal says it over its figures
        assertTrue(warm.out().startsWith("w: 2 replications (seed 4), mean and 95% confidence interval\nRun with"
                + " overrides: --set seed=4\n" + EVERY_RUN + "\n  invocations.total "), warm.out());
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("warm").resolve("summary.json").toFile());
        assertEquals("1m", summary.get("warmUp").asText(), "as sweep.json and sensitivity.json say it");
        Result whole = CliTest.run("run", f.toString(), "--replications", "2", "--out",
                dir.resolve("whole").toString());
        assertEquals(0, whole.code(), whole.err());
        assertFalse(whole.out().contains("warm-up"), whole.out());
        assertFalse(new ObjectMapper().readTree(dir.resolve("whole").resolve("summary.json").toFile())
                .has("warmUp"), "absent without one");
    }

    @Test
    void oneRunAndCompareSayTheSameWords() throws Exception {
        Path f = scenario();
        Result run = CliTest.run("run", f.toString(), "--warm-up", "1m", "--out", dir.resolve("one").toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("\nStatistics after a 1m warm-up (--warm-up): events, invocations,"), run.out());
        assertTrue(Files.readString(dir.resolve("one").resolve("report.html")).contains(", statistics after a"
                + " 00:01:00 warm-up (--warm-up), "), "the page's line under its heading");
        Result compare = CliTest.run("compare", f.toString(), "--set", "functions[0].arrivals.poisson=6/s",
                "--replications", "2", "--warm-up", "1m");
        assertEquals(0, compare.code(), compare.err());
        assertTrue(compare.out().contains("; statistics after a 1m warm-up (--warm-up) in every run\n"),
                compare.out());
    }
}
