package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A teacher's review: compare-network-models showed Hyperplane with thousands of ResourceConflictException and the
 * legacy model with none, and nothing said why (a function is Pending while its ENIs are created; legacy has no
 * Pending). The terminal and the page now say it; nothing is said when there are none.
 */
class CompareNetworkModelsNoteTest {

    @TempDir
    Path dir;

    private static final String SCENARIO = """
            name: pending-calls
            seed: 1
            duration: 10m
            bucket: 1m
            vpcs:
              - id: vpc-1
                subnets: [{ id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }]
                securityGroups: [sg-1]
            functions:
              - name: api
                %s
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                duration: 100ms
                arrivals: { constant: 1/s }
            """;

    @Test
    void hyperplanesPendingCallsAreExplainedInTheTerminalAndThePage() throws Exception {
        Path yaml = Files.writeString(dir.resolve("s.yaml"), SCENARIO.formatted("createdAt: 0s"));
        Path html = dir.resolve("cmp.html");
        CliTest.Result r = CliTest.run("compare-network-models", yaml.toString(), "--html", html.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ResourceConflictException under Hyperplane: calls made while a function was"
                + " Pending"), r.out());
        assertTrue(r.out().contains("The legacy model has no Pending state"), r.out());
        String page = Files.readString(html);
        assertTrue(page.contains("ResourceConflictException under Hyperplane: calls made while a function was"
                + " Pending"), page);
    }

    @Test
    void noNoteWithoutThem() throws Exception {
        Path yaml = Files.writeString(dir.resolve("s.yaml"), SCENARIO.formatted("existing: Active"));
        CliTest.Result r = CliTest.run("compare-network-models", yaml.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("under Hyperplane: calls made while"), r.out());
    }
}
