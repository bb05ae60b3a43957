package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command whose output folder holds another command's output says it replaces it (an SRE team's wish, session 49:
 * a run's report folder given to sweep --out was replaced with no word).
 */
class OtherOutputReplacedTest {

    @TempDir
    Path dir;

    @Test
    void aSweepIntoARunsFolderSaysSoAndIntoItsOwnSaysNothing() throws Exception {
        Path f = Files.writeString(dir.resolve("o.yaml"), YAML);
        Path out = dir.resolve("out");
        Result run = CliTest.run("run", f.toString(), "--out", out.toString(), "-q");
        assertEquals(0, run.code(), run.err());
        String[] sweep = {"sweep", f.toString(), "--vary", "traffic=1,2", "--metric", "enis.peak", "--out",
            out.toString(), "-q"};
        Result first = CliTest.run(sweep);
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains("warning: " + out + " holds the output of enisim run (summary.json, "
                + "timeseries.csv and "), first.err());
        assertTrue(first.err().contains(" more files): sweep replaces it as a whole\n"), first.err());
        assertTrue(Files.exists(out.resolve("sweep.csv")) && !Files.exists(out.resolve("summary.json")));
        Result again = CliTest.run(sweep);
        assertEquals(0, again.code(), again.err());
        assertFalse(again.err().contains("holds the output"), "its own output: " + again.err());
    }

    /** The wish's own example: a sweep's folder given to {@code run --out}, and a run's to {@code plan --out}. */
    @Test
    void aRunIntoASweepsFolderAndAPlanIntoARunsSaySo() throws Exception {
        Path f = Files.writeString(dir.resolve("o.yaml"), YAML);
        Path out = dir.resolve("out");
        Result sweep = CliTest.run("sweep", f.toString(), "--vary", "traffic=1,2", "--metric", "enis.peak", "--out",
                out.toString(), "-q");
        assertEquals(0, sweep.code(), sweep.err());
        Result run = CliTest.run("run", f.toString(), "--out", out.toString(), "-q");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("warning: " + out + " holds the output of enisim sweep (") && run.err().contains(
                "): run replaces it as a whole\n"), run.err());
        assertTrue(Files.exists(out.resolve("summary.json")) && !Files.exists(out.resolve("sweep.csv")));
        Result again = CliTest.run("run", f.toString(), "--out", out.toString(), "-q");
        assertFalse(again.err().contains("holds the output"), "its own output: " + again.err());
        Result plan = CliTest.run("plan", f.toString(), "--out", out.toString(), "-q", "--threads", "1");
        assertEquals(0, plan.code(), plan.err());
        assertTrue(plan.err().contains("warning: " + out + " holds the output of enisim run (summary.json, ")
                && plan.err().contains("): plan replaces it as a whole\n"), plan.err());
    }

    /** The one-subnet scenario of these tests: one function, a call a second. */
    private static final String YAML = dev.enisim.scenario.OneSubnetYaml.of("name: o\nduration: 2m", """
            name: api
            memoryMb: 512
            timeout: 10s
            duration: { dist: constant, value: 100ms }
            arrivals: { constant: 1/s }
            """);

    @Test
    void theWriterIsToldByTheFilesOnlyItWrites() {
        assertEquals("run", OtherOutput.writer(List.of("summary.json", "timeseries.csv", "report.html")));
        assertEquals("run", OtherOutput.writer(List.of("summary.json", "summary-replication-0.json")));
        assertEquals("sweep", OtherOutput.writer(List.of("sweep.csv", "sweep.json")));
        assertEquals("sensitivity", OtherOutput.writer(List.of("sensitivity.json", "points.csv")));
        assertEquals("plan", OtherOutput.writer(List.of("plan-field.json", "plan-documented.json")));
        assertEquals("gate", OtherOutput.writer(List.of("gate.md")));
        assertNull(OtherOutput.writer(List.of("summary.json")), "a folder still being written: not told");
        assertNull(OtherOutput.replacing(dir.resolve("none"), "run"));
    }
}
