package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.experiment.Comparison;
import dev.enisim.metrics.RunSummary;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An SRE's review: the terminal's teardown line "api updateVpcConfig at Tue 15:02:26 ... waited 00:13:33" gave the
 * old ENIs' release as the call's time; compare's terminal never said a function went from Failed to Active.
 */
class SreTerminalTest {

    private static final String UPDATE = """
            name: update
            seed: 3
            duration: 30m
            bucket: 30s
            vpcs:
              - id: vpc-prod
                subnets:
                  - { id: subnet-old-a, cidr: 10.0.0.0/24, az: eu-west-1a }
                  - { id: subnet-new-a, cidr: 10.0.8.0/24, az: eu-west-1a }
                securityGroups: [sg-api]
            hyperplane:
              eniCreateTime: { dist: constant, value: 2m }
            functions:
              - name: api
                existing: Active
                vpcConfig: { subnetIds: [subnet-old-a], securityGroupIds: [sg-api] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            timeline:
              - at: 10m
                action: updateVpcConfig
                function: api
                vpcConfig: { subnetIds: [subnet-new-a], securityGroupIds: [sg-api] }
            """;

    @Test
    void anUpdatesTeardownSaysWhenItWasRequestedAndWhenTheOldEnisWereReleased() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(UPDATE, "update.yaml"), 0).run();
        RunSummary.Teardown t = r.summary().teardowns().get(0);
        assertEquals("updateVpcConfig", t.action());
        assertEquals(600.0, t.requestedAtSeconds(), 1e-6, "the call's time (it held the release until h6)");
        assertEquals(720.0, t.oldEnisReleasedAtSeconds(), 1e-6, "released when the new ENI was ready");
        dev.enisim.report.Narrative.When when = dev.enisim.report.Narrative.When.of(r.scenario());
        assertEquals("updateVpcConfig requested at " + when.at(600_000_000L) + ", old ENIs released at "
                + when.at(720_000_000L), TerminalSummary.when(r, t, when));
        // another action: its own time, as before
        RunSummary.Teardown deletion = new RunSummary.Teardown("api", "deleteFunction", 900.0, 1, 60.0, 0);
        assertEquals("deleteFunction at " + when.at(900_000_000L), TerminalSummary.when(r, deletion, when));
    }

    @Test
    void compareSaysEachFunctionsStateChangeFirst() {
        StringWriter w = new StringWriter();
        PrintWriter out = new PrintWriter(w);
        CompareCommand.states(out, List.of(new Comparison.StateChange("worker", "Failed (EC2RequestLimitExceeded)",
                "Active")));
        CompareCommand.everyPair(out, List.of("invocations.errors.SubnetIPAddressLimitReachedException"), 3);
        out.flush();
        String text = w.toString();
        assertTrue(text.startsWith("Function states at the end (A -> B):\n  worker Failed (EC2RequestLimitExceeded)"
                + " -> Active\n"), text);
        assertTrue(text.contains("Changed the same way in every one of the 3 replication pairs, not significant"
                + " after Holm's correction (1 metric; run more replications to test them):\n"
                + "  invocations.errors.SubnetIPAddressLimitReachedException"), text);
    }
}
