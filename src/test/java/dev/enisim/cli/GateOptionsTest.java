package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's options are checked before anything runs, every problem named by the option as written. */
class GateOptionsTest {

    @TempDir
    Path dir;

    @Test
    void impossibleThresholdsAndRatesAreBadInputNamingTheirOptionAllAtOnce() {
        CliTest.Result r = CliTest.run("gate", "--account", "src/test/resources/gate/account.yaml", "--template",
                "src/test/resources/gate/one-group.yaml", "--min-free-ips-percent", "150", "--max-new-enis", "-3",
                "--traffic", "Api=abc", "--default-traffic", "0/s", "--replications", "0", "--out",
                dir.resolve("g").toString());
        assertEquals(2, r.code(), r.err());
        for (String s : new String[] {"--max-new-enis: expected a number >= 0, got -3",
            "--min-free-ips-percent: a subnet keeps at most 100% of its IPs, got 150.0",
            "--traffic Api=abc: expected a positive rate with a unit", "--default-traffic 0/s: a rate must be positive",
            "--replications: expected at least 1, got 0"}) {
            assertTrue(r.err().contains(s), s + " in " + r.err());
        }
        assertTrue(!r.err().contains("Exception"), r.err());
    }
}
