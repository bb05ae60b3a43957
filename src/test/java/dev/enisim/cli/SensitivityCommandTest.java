package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** enisim sensitivity as a user meets it: the default assumptions, the ranking, the words, bad input. */
class SensitivityCommandTest {

    /** No hyperplane block: every assumption is at its default. */
    private static final String SCENARIO = """
            name: pending
            seed: 2
            duration: 10m
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                securityGroups: [sg-app]
            functions:
              - name: api
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                duration: 100ms
                arrivals: { poisson: 5/s }
            """;

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        Path f = dir.resolve("pending.yaml");
        Files.writeString(f, SCENARIO);
        return f;
    }

    @Test
    void theInvocationsFailedWhilePendingHangOnTheEniCreateTimeAndNotOnTheIdleRule() throws Exception {
        Path out = dir.resolve("out");
        Result r = CliTest.run("sensitivity", scenario().toString(), "--metric",
                "functions.api.invocations.errors.ResourceConflictException", "--samples", "3", "--out",
                out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("sensitivity.csv"));
        assertEquals("metric,rank,parameter,range,mu,muStar,muStarLow,muStarHigh,sigma,verdict", rows.get(0));
        assertEquals(1 + 7, rows.size(), "the seven assumptions of a Hyperplane scenario: " + rows);
        assertTrue(rows.get(1).contains(",1,hyperplane.eniCreateTime.median,30s..240s,")
                && rows.get(1).endsWith(",hangs on it"), rows.get(1));
        String idle = rows.stream().filter(l -> l.contains("idleReclaimAfter")).findFirst().orElseThrow();
        assertTrue(idle.endsWith(",0,0,0,0,0,does not matter"), idle);
        String html = Files.readString(out.resolve("sensitivity.html"));
        assertTrue(html.contains("The answer hangs on hyperplane.eniCreateTime.median (30s..240s)"), html);
        assertTrue(html.contains("hyperplane.idleReclaimAfter") && html.contains("It does not depend on"), html);
        assertTrue(Files.size(out.resolve("sensitivity-1.png")) > 1000);
        assertEquals(1 + 3 * 8, Files.readAllLines(out.resolve("points.csv")).size(), "3 trajectories of 8 points");
        assertTrue(r.out().contains("hyperplane.eniCreateTime.median"), r.out());
    }

    @Test
    void aDesignWithFailedPointsWritesNothingAndLeavesNoProgressFile() throws Exception {
        Path out = dir.resolve("failing");
        Result r = CliTest.run("sensitivity", scenario().toString(), "--metric", "enis.peak", "--samples", "2", "-q",
                "--vary", "functions[api].memoryMb=1..512", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("some points of the design failed"), r.err());
        assertFalse(Files.exists(out), "no output folder");
        assertFalse(Files.exists(dir.resolve(".failing.progress.jsonl")), "no progress file: " + r.err());
    }

    @Test
    void badInputExitsTwoWithTheReason() throws Exception {
        String f = scenario().toString();
        Result method = CliTest.run("sensitivity", f, "--metric", "enis.peak", "--method", "fast");
        assertEquals(2, method.code());
        assertTrue(method.err().contains("expected morris or sobol"), method.err());
        Result metric = CliTest.run("sensitivity", f, "--metric", "enis.peek", "--samples", "2", "-q", "--vary",
                "scaling.keepAlive=5m..15m", "--out", dir.resolve("m").toString());
        assertEquals(2, metric.code());
        assertTrue(metric.err().contains("unknown metric 'enis.peek'"), metric.err());
        Result range = CliTest.run("sensitivity", f, "--metric", "enis.peak", "--vary", "scaling.keepAlive=15m..5m");
        assertEquals(2, range.code());
        assertTrue(range.err().contains("LOW < HIGH"), range.err());
    }
}
