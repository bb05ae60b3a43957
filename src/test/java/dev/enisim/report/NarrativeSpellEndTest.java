package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A spell of failures ends when the failures end, not at the function's next state change: in an AZ outage from
 * 00:10 to 00:20 of a 40-minute run, the one-AZ function's ServiceExceptions are told "between 00:10:00 and 00:19:59"
 * (the last failure's instant: failures are timed one by one; successes end by their last bucket), though the
 * function never changes state.
 */
class NarrativeSpellEndTest {

    @Test
    void failuresOfAnOutageEndWithTheOutageNotWithTheRun() throws Exception {
        String yaml = """
                name: outage-story
                duration: 40m
                bucket: 1m
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-1a, cidr: 10.5.0.0/24, az: us-east-1a }
                    securityGroups: [sg-1]
                functions:
                  - { name: single-az, vpcConfig: { subnetIds: [subnet-1a], securityGroupIds: [sg-1] },
                      duration: 100ms, arrivals: { poisson: 2/s } }
                  - { name: once, duration: 100ms, arrivals: { poisson: 1/h }, createdAt: 0s }
                timeline:
                  - { at: 10m, action: azOutage, az: us-east-1a, until: 20m }
                """;
        RunResult r = new Simulation(ScenarioLoader.parse(yaml, "t.yaml"), 1).run();
        List<String> lines = Narrative.lines(r);
        List<String> outage = lines.stream().filter(l -> l.contains("failed with ServiceException")).toList();
        assertEquals(1, outage.size(), lines.toString());
        assertTrue(outage.get(0).endsWith("between 00:10:00 and 00:19:59"), outage.get(0));
        // the successes (once Active, 53 s in) stop for the outage and go on to the end of the run: told on either
        // side of it, not as one line across it (a "succeeded" line hid the outage's failures)
        assertTrue(lines.stream().anyMatch(l -> l.matches("00:00:44  [0-9,]+ invocations of single-az succeeded from"
                + " 00:00:44, the last by 00:10:00 \\(counted per 1m time-series bucket\\)")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("00:20:00  [0-9,]+ invocations of single-az succeeded between"
                + " 00:20:00 and 00:40:00 \\(counted per 1m time-series bucket\\)")), lines.toString());
    }
}
