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
 * A product manager's review: run --replications 5 printed means and intervals only, the function that ended Failed
 * (SubnetOutOfIPAddresses) in every replication unsaid, with none of the single run's what to do. The terminal says
 * each function that did not end Active, in how many replications, what to do and why; summary.json has every
 * function's end states.
 */
class ReplicatedEndStatesTest {

    @TempDir
    Path dir;

    /** One /28 (11 usable addresses), two Active functions of their own security groups, 10 addresses used by others. */
    private Path scenario(int others) throws Exception {
        return tight(dir.resolve("tight-" + others + ".yaml"), "3m", others);
    }

    /**
     * The tight subnet's scenario at {@code file}: a /28 with {@code others} addresses used by other tenants, two
     * Active functions (one and two) of their own security groups at 1/s, for {@code duration} (also
     * {@link SweepFailuresShownTest}'s).
     */
    static Path tight(Path file, String duration, int others) throws Exception {
        return Files.writeString(file, """
                name: tight
                duration: DURATION
                vpcs:
                  - id: v
                    subnets: [{ id: subnet-a, cidr: 10.0.0.0/28, az: a, otherUsedIps: OTHERS }]
                    securityGroups: [sg-1, sg-2]
                functions:
                  - name: one
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                    existing: Active
                  - name: two
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-2] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                    existing: Active
                """.replace("DURATION", duration).replace("OTHERS", String.valueOf(others)));
    }

    @Test
    void theFailedFunctionIsSaidWithWhatToDoAndSummaryJsonHasTheEndStates() throws Exception {
        Path out = dir.resolve("r3");
        Result r = CliTest.run("run", scenario(10).toString(), "--replications", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("\n  two ended Failed (SubnetOutOfIPAddresses) in 3 of 3 replications: it stays"
                + " Failed: delete and recreate it\n"), r.out());
        assertTrue(r.out().contains("(Failed (SubnetOutOfIPAddresses): The subnet had no free address for a new ENI."),
                r.out());
        assertFalse(r.out().contains("  one ended"), "an Active function is not listed: " + r.out());
        JsonNode ends = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("endStates");
        assertEquals("{\"one\":{\"Active\":3},\"two\":{\"Failed (SubnetOutOfIPAddresses)\":3}}", ends.toString());
    }

    @Test
    void everyFunctionActiveSaysNothingMore() throws Exception {
        Result r = CliTest.run("run", scenario(0).toString(), "--replications", "2", "--out",
                dir.resolve("ok").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertFalse(r.out().contains("did not end Active"), r.out());
    }
}
