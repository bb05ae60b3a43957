package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input review: a run of many functions over many buckets filled the heap hours in and ended out of memory, with
 * nothing said before it started. The heap its time series may need is estimated before the run, and a warning
 * names it when it is above the JVM's maximum.
 */
class MemoryEstimateTest {

    @TempDir
    Path dir;

    /** {@code functions} functions on one subnet and security group, {@code duration} in buckets of {@code bucket}. */
    private static String scenario(int functions, String duration, String bucket) {
        StringBuilder b = new StringBuilder("name: wide\nduration: " + duration + "\nbucket: " + bucket + "\n"
                + "vpcs:\n  - id: vpc-a\n    subnets: [{id: subnet-a, cidr: 10.0.0.0/20, az: us-east-1a},"
                + " {id: subnet-b, cidr: 10.0.16.0/20, az: us-east-1b}]\n"
                + "    securityGroups: [sg-a, sg-b]\nfunctions:\n");
        for (int i = 0; i < functions; i++) {
            b.append("  - {name: f").append(i).append(", duration: 100ms, arrivals: {poisson: 1/s}, vpcConfig: {subnetIds:"
                    + " [subnet-a, subnet-b], securityGroupIds: [").append(i % 2 == 0 ? "sg-a" : "sg-b").append("]}}\n");
        }
        return b.toString();
    }

    @Test
    void theEstimateGrowsWithFunctionsKeysAndBuckets() throws Exception {
        Scenario s = ScenarioLoader.parse(scenario(40, "20d", "1s"), "wide.yaml");
        // 40 functions, 4 keys (2 subnets x 2 groups), 1,728,000 buckets
        double expected = 40 * (Budget.FUNCTION_BYTES + 1_728_000 * Budget.FUNCTION_BUCKET_BYTES)
                + 4 * (Budget.KEY_BYTES + 1_728_000 * Budget.KEY_BUCKET_BYTES);
        assertEquals(expected, Budget.memoryBytes(s), 1);
        String w = Budget.memory(s, 1L << 30).orElseThrow();
        assertTrue(w.startsWith("wide may need about "), w);
        assertTrue(w.contains(" of heap, and this JVM may use 1.0 GiB: its time series, 40 functions and 4 ENI keys over"
                + " 1,728,000 buckets (about 15.2 GiB)"), w);
        Scenario small = ScenarioLoader.parse(scenario(40, "1d", "1m"), "wide.yaml");
        assertTrue(Budget.memory(small, 1L << 30).isEmpty(), "1,440 buckets: about 13 MiB");
    }

    @Test
    void runWarnsBeforeTheRunStarts() throws Exception {
        Path f = Files.writeString(dir.resolve("wide.yaml"), scenario(60, "20d", "1s"));
        Result r = CliTest.run("run", f.toString(), "--out", dir.resolve("out").toString(), "--max-events", "1000");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("warning: wide may need about "), r.err());
        assertTrue(r.err().contains("its time series, 60 functions and 4 ENI keys over 1,728,000 buckets"), r.err());
        assertTrue(r.err().contains("cut the buckets (a shorter --set duration=..., a coarser --set bucket=...), run"
                + " fewer functions, or give more heap"), r.err());
    }

    @Test
    void theQuickstartIsNotWarnedOf() {
        Result r = CliTest.run("validate", "scenarios/quickstart.yaml");
        assertEquals(0, r.code(), r.err());
        assertTrue(!r.err().contains("may need about"), r.err());
        assertTrue(Budget.memory(loadQuiet(), 256L << 20).isEmpty());
    }

    private static Scenario loadQuiet() {
        try {
            return ScenarioLoader.load(Path.of("scenarios/quickstart.yaml"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
