package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same experiment on the in-process engine and on Apache Spark (embedded, local[2], from the test class
 * path) writes byte-identical output files: a sweep over a Latin hypercube and a sensitivity analysis.
 */
class EngineEquivalenceTest {

    /** Ten simulated minutes: a shared key and a second security group, so ENI times matter. */
    static final String SCENARIO = """
            name: engines
            seed: 5
            duration: 10m
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/28, az: us-east-1a, otherUsedIps: 8 }
                  - { id: subnet-b, cidr: 10.0.2.0/24, az: us-east-1b }
                securityGroups: [sg-app, sg-other]
            hyperplane:
              eniCreateTime: { dist: lognormal, median: 60s, p99: 5m }
            functions:
              - name: api
                vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-app] }
                duration: { dist: lognormal, median: 100ms, p99: 1s }
                arrivals: { poisson: 5/s }
              - name: jobs
                vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-other] }
                duration: 200ms
                arrivals: { poisson: 2/s }
                createdAt: 2m
            """;

    @TempDir
    Path dir;

    static Path scenario(Path dir) throws IOException {
        Path f = dir.resolve("engines.yaml");
        Files.writeString(f, SCENARIO);
        return f;
    }

    @Test
    void sweepAndSensitivityWriteTheSameBytesOnSparkAsInProcess() throws Exception {
        Path f = scenario(dir);
        String[] sweep = {"sweep", f.toString(), "--design", "lhs", "--points", "8", "--replications", "2",
            "--vary", "hyperplane.eniCreateTime.median=20s..3m", "--vary", "traffic=0.5..2", "-q"};
        String[] sens = {"sensitivity", f.toString(), "--method", "morris", "--samples", "3",
            "--metric", "invocations.errors.ResourceConflictException", "--metric", "enis.peak",
            "--vary", "hyperplane.eniCreateTime.median=20s..3m", "--vary", "hyperplane.attachExistingTime=1s..30s",
            "-q"};
        for (String[] args : List.of(sweep, sens)) {
            Path local = dir.resolve(args[0] + "-in-process");
            Path spark = dir.resolve(args[0] + "-spark");
            Result a = CliTest.run(concat(args, "--out", local.toString()));
            assertEquals(0, a.code(), a.err());
            Result b = CliTest.run(concat(args, "--out", spark.toString(), "--engine", "spark", "--spark-master",
                    "local[2]"));
            assertEquals(0, b.code(), b.err());
            assertTrue(a.out().contains(", 0 could not run") || a.out().contains("sensitivity.html"), a.out());
            assertEquals(a.out().replace(local.toString(), "DIR"), b.out().replace(spark.toString(), "DIR"));
            assertSameFiles(local, spark);
        }
    }

    static void assertSameFiles(Path a, Path b) throws IOException {
        List<String> names = names(a);
        assertFalse(names.isEmpty());
        assertEquals(names, names(b));
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n);
        }
        assertFalse(Files.exists(a.resolveSibling("." + a.getFileName() + ".progress.jsonl")),
                "the progress file goes once the outputs are written");
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void sparkIsNamedWhenTheEngineIsUnknown() throws Exception {
        Result r = CliTest.run("sweep", scenario(dir).toString(), "--vary", "traffic=1,2", "--engine", "flink");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("expected in-process or spark"), r.err());
    }
}
