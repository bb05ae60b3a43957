package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run --replications printed seven figures without separators and nothing of the subnets or the errors. */
class RunReplicationsTextTest {

    @TempDir
    Path dir;

    @Test
    void theTerminalGivesTheErrorsThatHappenedAndTheFullestSubnetsWithSeparators() throws Exception {
        Path f = Files.writeString(dir.resolve("small.yaml"), CheckCommandTest.SMALL.replace("otherUsedIps: 3",
                "otherUsedIps: 11").replace("poisson: 5/s", "poisson: 500/s"));
        CliTest.Result r = CliTest.run("run", f.toString(), "--replications", "2", "--out",
                dir.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  invocations.errors.SubnetIPAddressLimitReachedException"), r.out());
        assertTrue(r.out().matches("(?s).*invocations\\.total +\\d{3},\\d{3}\\.\\d\\d  \\[.*"), "thousands: " + r.out());
        assertTrue(r.out().contains("  subnets.subnet-a.minAvailableIps "), r.out());
        assertTrue(r.out().contains("  latencyMillis.p99 ") && r.out().contains("none in some run"),
                "nothing succeeded: no latency, said: " + r.out());
        assertTrue(!r.out().contains("invocations.errors.ENILimitReachedException"), "an error that did not happen");
    }
}
