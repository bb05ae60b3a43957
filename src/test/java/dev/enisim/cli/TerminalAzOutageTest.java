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
 * A platform team's 600-function account (session 48, h3's review) ran an AZ outage (eu-west-1a from 20m to 50m)
 * and the terminal said nothing of it: which AZ, when, the ENIs there that carried no traffic, which functions it
 * touched and what failed. Now a few lines, from the run's result (the page's verdict counts, report/page/Outages).
 */
class TerminalAzOutageTest {

    private static String print(String file) throws Exception {
        StringWriter out = new StringWriter();
        TerminalSummary.print(new PrintWriter(out), new Simulation(ScenarioLoader.load(Path.of(file)), 0).run());
        return out.toString();
    }

    @Test
    void theOutageItsEnisAndWhatFailedAreSaid() throws Exception {
        String text = print("scenarios/az-outage.yaml");
        // us-east-1a from 30m to 1h30m: subnet-1a, the ENIs of payments' and reports-single-az's keys there
        assertTrue(text.contains("\nAvailability Zone us-east-1a unavailable from 00:30:00 to 01:30:00 (azOutage):"
                + " 1 subnet (subnet-1a), whose 2 ENIs of 2 keys carried no traffic meanwhile\n"), text);
        assertTrue(text.matches("(?s).*\n  1 function with no subnet in an AZ that stayed up: 7,[0-9]{3} invocations"
                + " failed with ServiceException while it lasted: reports-single-az\n.*"), text);
        assertTrue(text.contains("\n  1 function with subnets in other AZs too: no invocation refused by Lambda while"
                + " it lasted (Lambda used its subnets in the AZs still up): payments\n"), text);
    }

    @Test
    void aRunWithoutAnOutageSaysNone() throws Exception {
        assertFalse(print("scenarios/quickstart.yaml").contains("Availability Zone"));
    }
}
