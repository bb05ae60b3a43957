package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The teacher's findings 4 and 11 in the terminal: its "Invocations 10,000" counted throttles, unlike CloudWatch's
 * Invocations (timeseries.csv: 3,000), and a run without a VPC printed an empty "Subnets" heading.
 */
class TerminalRequestsTest {

    @Test
    void burstScalingsTotalIsRequestsAndSaysCloudWatchsInvocationsAndThatThereIsNoVpc() throws Exception {
        StringWriter out = new StringWriter();
        TerminalSummary.print(new PrintWriter(out), new Simulation(ScenarioLoader.load(
                Path.of("src/test/resources/report/burst-only.yaml")), 0).run());
        String text = out.toString();
        assertTrue(text.contains("\nInvocation requests 10,000: 3,000 succeeded, 7,000 throttled, 0 function errors, 0"
                + " invoke errors (CloudWatch's Invocations, as in timeseries.csv, counts only those that ran:"
                + " 3,000)\n"), text);
        assertTrue(text.contains("\nNo VPC: no function is attached to one, no ENI, no subnet IP used\n"), text);
        assertFalse(text.contains("Subnets ("), text);
        assertTrue(text.contains("  api-backend              Active       10,000 requests, 3,000 ok"), text);
    }
}
