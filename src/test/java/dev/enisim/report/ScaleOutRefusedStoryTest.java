package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.page.Headlines;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An Active function whose key's ENIs are full, in a subnet other tenants have filled meanwhile: Lambda's
 * scale-out ENI finds no IP and requests fail with SubnetIPAddressLimitReachedException while the function stays
 * Active. The report's "What failed, when and why" said "the function is Failed: a subnet had no free IP for its
 * ENI" (the function was Active in the table below it), and the story gave no why at all for those failures.
 */
class ScaleOutRefusedStoryTest {

    /** Environments holding 60 connections each on ENIs of 100 ports: the second environment needs a scale-out. */
    private static final String FULL = """
            name: scale-out-refused
            duration: 10m
            vpcs:
              - id: v
                subnets: [{ id: subnet-a, cidr: 10.0.0.0/28, az: a, otherUsedIps: 2 }]
                securityGroups: [sg]
            hyperplane: { connectionsPerEni: 100 }
            functions:
              - name: api
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg] }
                duration: 2s
                connectionsPerEnvironment: 60
                arrivals: { bursts: { rate: 5/s, duration: 10s, at: [2m] } }
            timeline:
              - { at: 1m, action: setOtherUsedIps, subnet: subnet-a, otherUsedIps: 10 }
            """;

    private static RunResult run() throws Exception {
        return new Simulation(ScenarioLoader.parse(FULL, "scale-out-refused"), 0).run();
    }

    @Test
    void theReportDoesNotCallAnActiveFunctionFailed() throws Exception {
        RunResult r = run();
        assertEquals("Active", r.summary().functions().get("api").finalState());
        Headlines.Failure f = Headlines.failures(r).stream()
                .filter(x -> x.outcome().equals("SubnetIPAddressLimitReachedException")).findFirst().orElseThrow();
        assertFalse(f.why().contains("Failed"), f.why());
        assertTrue(f.why().contains("Active") && f.why().contains("scale-out"), f.why());
    }

    @Test
    void theStorySaysWhyTheScaleOutFailed() throws Exception {
        List<String> s = Narrative.lines(run());
        String all = String.join("\n", s);
        int at = NarrativeTeachesTest.lastLine(s,
                l -> l.contains("invocations of api failed with SubnetIPAddressLimitReachedException"));
        assertTrue(at >= 0, all);
        String why = s.get(at + 1);
        assertTrue(why.contains("why: The function is Active, but every ENI of the key already carried 100"
                + " connections (hyperplane.connectionsPerEni)"), all);
        assertTrue(why.contains("the subnet had no free address for it") && why.contains("5m later"
                + " (hyperplane.eniRetryBackoff)"), why);
    }

    /** Failures within one second read "between 00:02:00 and 00:02:00": said as one instant. */
    @Test
    void aSpellWithinOneSecondIsToldAsOneInstant() throws Exception {
        String yaml = FULL.replace("{ rate: 5/s, duration: 10s, at: [2m] }", "{ rate: 40/s, duration: 500ms, at: [2m] }");
        String all = String.join("\n", Narrative.lines(new Simulation(ScenarioLoader.parse(yaml, "t"), 0).run()));
        assertTrue(all.contains("invocations of api failed with SubnetIPAddressLimitReachedException at 00:02:00,"
                + " within one second"), all);
        assertTrue(!all.matches("(?s).*between (\\d\\d:\\d\\d:\\d\\d) and \\1.*"), all);
    }
}
