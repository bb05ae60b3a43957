package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * summary.json's {@code settings} (the run's inputs, for a grader's {@code check}) are not outcomes: a compare with
 * {@code --set hyperplane.idleReclaimAfter=1d} listed {@code settings.hyperplane.idleReclaimAfterSeconds} and
 * {@code settings.overriddenCount} among its significant differences, and {@code run --replications} gave every
 * setting a mean and an interval. Both leave them out; {@code check} still reads them.
 */
class SettingsNotOutcomesTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        return Files.writeString(dir.resolve("small.yaml"), """
                name: small
                duration: 3m
                vpcs:
                  - id: v
                    subnets: [{ id: subnet-a, cidr: 10.0.0.0/24, az: a }]
                    securityGroups: [sg-1]
                functions:
                  - name: api
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                    duration: 100ms
                    arrivals: { poisson: 5/s }
                    existing: Active
                """);
    }

    @Test
    void compareDoesNotListTheSettingsAsDifferences() throws Exception {
        Path f = scenario();
        Result r = CliTest.run("compare", f.toString(), "--set", "hyperplane.idleReclaimAfter=1d", "--replications",
                "2");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("settings."), r.out());
    }

    @Test
    void replicatedSummaryHasNoStatisticsOfTheSettingsButCheckReadsThem() throws Exception {
        Path f = scenario();
        Path out = dir.resolve("out");
        Result r = CliTest.run("run", f.toString(), "--replications", "2", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        summary.path("metrics").fieldNames().forEachRemaining(k -> assertFalse(k.startsWith("settings"), k));
        assertTrue(summary.path("metrics").has("invocations.succeeded"), summary.path("metrics").toString());

        Result c = CliTest.run("check", f.toString(), "--replications", "2", "--set",
                "expect=[\"settings.hyperplane.idleReclaimAfterSeconds == 1209600\"]");
        assertEquals(0, c.code(), c.out() + c.err());
    }
}
