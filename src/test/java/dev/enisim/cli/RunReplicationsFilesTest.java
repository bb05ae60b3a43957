package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A planner's review: {@code run --help} promised report.html and narrative.txt, which {@code run --replications N}
 * does not write. The help says what replications write, and the run says where the per-replication files are.
 */
class RunReplicationsFilesTest {

    @TempDir
    Path dir;

    @Test
    void theHelpAndTheRunSayWhatReplicationsWrite() throws Exception {
        Result help = CliTest.run("run", "--help");
        String flat = help.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains("With --replications N (2 or more) it writes instead summary.json")
                && flat.contains("summary-replication-<r>.json") && flat.contains("no report.html, narrative.txt"),
                help.out());
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                name: s
                duration: 1m
                functions:
                  - name: api
                    duration: 100ms
                    arrivals: { poisson: 2/s }
                """);
        Path out = dir.resolve("out");
        Result r = CliTest.run("run", f.toString(), "--replications", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("summary-replication-0.json .. summary-replication-2.json: each one's summary."
                + " No report.html or narrative.txt with --replications"), r.out());
        assertTrue(Files.exists(out.resolve("summary-replication-2.json")));
    }
}
