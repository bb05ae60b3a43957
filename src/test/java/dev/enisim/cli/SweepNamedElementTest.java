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
 * The terminal and sweep.json name the list element a varied path selects by index (a planner's review: only
 * {@code vpcs[0].subnets[1].cidr}, and the planner had to work out that index 1 was lambda-a).
 */
class SweepNamedElementTest {

    @TempDir
    Path dir;

    @Test
    void theTerminalAndSweepJsonNameTheSubnet() throws Exception {
        Path f = Files.writeString(dir.resolve("small.yaml"), dev.enisim.scenario.OneSubnetYaml.of("name: small\n"
                + "duration: 1m", "name: f\nduration: 100ms\narrivals: { poisson: 1/s }"));
        Path out = dir.resolve("sw");
        Result r = CliTest.run("sweep", f.toString(), "--vary", "vpcs[0].subnets[0].cidr=10.0.0.0/24,10.0.0.0/25",
                "--metric", "enis.peak", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("\nvpcs[0].subnets[0].cidr (subnet-a)   enis.peak"), r.out());
        String json = Files.readString(out.resolve("sweep.json"));
        assertTrue(json.contains("\"varyNames\" : {\n    \"vpcs[0].subnets[0].cidr\" : \"subnet-a\"\n  }"), json);
        assertTrue(json.contains("\"vary\" : [ \"vpcs[0].subnets[0].cidr=10.0.0.0/24,10.0.0.0/25\" ]"),
                "the path itself unchanged: " + json);
        assertTrue(Files.readString(out.resolve("sweep.csv")).startsWith("vpcs[0].subnets[0].cidr,"));
    }

    @Test
    void aSweepOfNoListElementHasNoNames() throws Exception {
        Path f = Files.writeString(dir.resolve("small.yaml"), dev.enisim.scenario.OneSubnetYaml.of("name: small\n"
                + "duration: 1m", "name: f\nduration: 100ms\narrivals: { poisson: 1/s }"));
        Path out = dir.resolve("sw");
        Result r = CliTest.run("sweep", f.toString(), "--vary", "traffic=1,2", "--metric", "enis.peak", "--out",
                out.toString(), "-q");
        assertEquals(0, r.code(), r.out() + r.err());
        assertFalse(Files.readString(out.resolve("sweep.json")).contains("varyNames"));
    }
}
