package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate's ok line counts in words: "1 function, 1 VPC" (it said "1 functions, 1 VPCs"), "0 VPCs". */
class ValidateOkLineTest {

    @TempDir
    Path dir;

    @Test
    void oneFunctionAndOneVpcAreSingular() throws Exception {
        Path scenario = dir.resolve("good.yaml");
        Files.writeString(scenario, CliTest.GOOD);
        CliTest.Result r = CliTest.run("validate", scenario.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(": ok (cli-test: 1 function, 1 VPC, 10m simulated)"), r.out());
    }

    @Test
    void otherCountsArePlural() throws Exception {
        Path scenario = dir.resolve("no-vpc.yaml");
        Files.writeString(scenario, """
                name: no-vpc
                duration: 10m
                functions:
                  - { name: a, duration: 100ms, arrivals: { poisson: 1/s } }
                  - { name: b, duration: 100ms, arrivals: { poisson: 1/s } }
                """);
        CliTest.Result r = CliTest.run("validate", scenario.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(": ok (no-vpc: 2 functions, 0 VPCs, 10m simulated)"), r.out());
    }
}
