package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's event estimate is each point's own (an experimenter's review: the base scenario's estimate times the
 * points said "~1.08e+08 events, about 22s" of a sweep to 1,000x the traffic, which ran for hours; `--max-events`
 * never stopped a sweep whose values raised the traffic or the duration).
 */
class SweepBudgetTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        // 1/s for 10 minutes: 600 arrivals, about 1,800 events a run
        return Files.writeString(dir.resolve("small.yaml"), dev.enisim.scenario.OneSubnetYaml.of("name: small\n"
                + "duration: 10m", "name: f\nduration: 100ms\narrivals: { poisson: 1/s }"));
    }

    @Test
    void aTrafficTheSweepRaisesCountsInTheEstimate() throws Exception {
        Path out = dir.resolve("sw");
        Result r = CliTest.run("sweep", scenario().toString(), "--vary", "traffic=1,1000", "--max-events", "1e5",
                "--out", out.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("small (2 runs) would take ~1.80e+06 events"), r.err());
        assertFalse(Files.exists(out), "nothing ran, nothing written");
    }

    @Test
    void aDurationTheSweepLengthensCountsInTheEstimate() throws Exception {
        Result r = CliTest.run("sweep", scenario().toString(), "--vary", "duration=10m,1000h", "--replications",
                "2", "--max-events", "1e6", "--out", dir.resolve("sw").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("small (4 runs) would take ~2.16e+07 events"), r.err());
    }

    @Test
    void aSweepWithinTheBudgetRunsAndAPointTheScenarioRefusesCountsNothing() throws Exception {
        Result r = CliTest.run("sweep", scenario().toString(), "--vary", "traffic=1,2", "--vary",
                "functions[0].memoryMb=128,1", "--max-events", "1e4", "--out", dir.resolve("sw").toString(), "-q");
        assertEquals(1, r.code(), "a point failed (memoryMb 1), the others ran: " + r.out() + r.err());
        assertTrue(Files.exists(dir.resolve("sw/sweep.csv")), r.err());
    }
}
