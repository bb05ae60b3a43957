package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A migrating architect's review: the terminal's function list put a migration's failed VPC updates (each function
 * Active on its old config) under "... N more functions", below busy functions without a VPC, and no line counted
 * them. They come first now, with a line that counts them.
 */
public class TerminalFailedUpdatesTest {

    /**
     * A migration: {@code edges} busy functions without a VPC (edge-0.., 20/s each), pay-a and pay-b (1/s) whose VPC
     * updates at 1m fail (their new subnet, a /28 with 11 used by others, has no IP for an ENI), and broke, saved
     * {@code existing: Failed}, with no traffic.
     */
    public static String migration(int edges) {
        StringBuilder yaml = new StringBuilder("""
                name: migration
                seed: 3
                duration: 5m
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-a, cidr: 10.0.1.0/24, az: eu-west-1a }
                      - { id: subnet-full, cidr: 10.0.2.0/28, az: eu-west-1b, otherUsedIps: 11 }
                    securityGroups: [sg-old, sg-new]
                functions:
                """);
        for (int i = 0; i < edges; i++) {
            yaml.append("  - { name: edge-").append(i).append(", duration: 50ms, arrivals: { poisson: 20/s } }\n");
        }
        for (String f : List.of("pay-a", "pay-b")) {
            yaml.append("  - { name: ").append(f).append(", existing: Active, vpcConfig: { subnetIds: [subnet-a],"
                    + " securityGroupIds: [sg-old] }, duration: 50ms, arrivals: { poisson: 1/s } }\n");
        }
        yaml.append("  - { name: broke, existing: Failed, stateReasonCode: SubnetOutOfIPAddresses, vpcConfig: {"
                + " subnetIds: [subnet-a], securityGroupIds: [sg-old] }, duration: 50ms,"
                + " arrivals: { none: true } }\n");
        yaml.append("timeline:\n");
        for (String f : List.of("pay-a", "pay-b")) {
            yaml.append("  - { at: 1m, action: updateVpcConfig, function: ").append(f).append(", vpcConfig: {"
                    + " subnetIds: [subnet-full], securityGroupIds: [sg-new] } }\n");
        }
        return yaml.toString();
    }

    @Test
    void failedVpcUpdatesAreListedFirstAndCounted() throws Exception {
        StringWriter out = new StringWriter();
        TerminalSummary.print(new PrintWriter(out), new Simulation(ScenarioLoader.parse(migration(12),
                "migration"), 0).run());
        String text = out.toString();
        List<String> fns = text.lines().dropWhile(l -> !l.startsWith("Functions (")).skip(1)
                .takeWhile(l -> l.startsWith("  ")).toList();
        assertEquals("Functions (Failed, or Inactive/Pending for a network cause, first; then those with a"
                + " failed VPC config update; each by invocation requests):", text.lines().filter(l -> l.startsWith(
                "Functions (")).findFirst().orElseThrow());
        // the Failed one first (it cannot serve, though it had no request), then the failed updates
        assertTrue(fns.get(0).startsWith("  broke ") && fns.get(1).startsWith("  pay-") && fns.get(2).startsWith(
                "  pay-"), String.join("\n", fns));
        assertTrue(fns.get(1).contains("LastUpdateStatus Failed"), fns.get(1));
        assertTrue(text.contains("\nOf 15 functions: 1 Failed, 2 with a failed VPC config update (LastUpdateStatus"
                + " Failed: each kept its old config)\n"), text);
    }
}
