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
public class ScaleOutRefusedStoryTest {

    /** Environments holding 60 connections each on ENIs of 100 ports: the second environment needs a scale-out. */
    public static final String FULL = """
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

    /**
     * The last pass's leftover: the story said "the subnet had no free address" but not which; only the report's
     * Capacity table named it. The failure line names it once (with its CIDR, size and free IPs), and the report's
     * "What failed" table says the same.
     */
    @Test
    void theStoryNamesTheFullSubnetOnce() throws Exception {
        RunResult r = run();
        String all = String.join("\n", Narrative.lines(r));
        String named = "full: subnet-a (10.0.0.0/28, 0 of 11 usable IPs free)";
        assertTrue(all.contains("invocations of api failed with SubnetIPAddressLimitReachedException (HTTP 502) between 00:02:00"
                + " and 00:02:09, a scale-out refused; " + named), all);
        assertEquals(1, all.split(java.util.regex.Pattern.quote(named), -1).length - 1, all);
        Headlines.Failure f = Headlines.failures(r).stream()
                .filter(x -> x.outcome().equals("SubnetIPAddressLimitReachedException")).findFirst().orElseThrow();
        assertTrue(f.why().endsWith("(a scale-out); " + named), f.why());
    }

    /**
     * Two spells of refusals (api deleted and created again between them, its key's ENI kept by another function):
     * the subnet is named at the first only.
     */
    @Test
    void aSecondSpellDoesNotNameTheSubnetAgain() throws Exception {
        String yaml = FULL.replace("at: [2m]", "at: [2m, 6m]").replace("""
                            timeline:
                            """, """
                              - name: keeper
                                existing: Active
                                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg] }
                                duration: 1s
                                arrivals: { bursts: { rate: 1/s, duration: 1s, at: [9m] } }
                            timeline:
                              - { at: 3m, action: deleteFunction, function: api }
                              - { at: 4m, action: createFunction, function: api }
                            """);
        List<String> s = Narrative.lines(new Simulation(ScenarioLoader.parse(yaml, "t"), 0).run());
        String all = String.join("\n", s);
        List<String> spells = s.stream().filter(l -> l.contains("failed with SubnetIPAddressLimitReachedException"))
                .toList();
        assertEquals(2, spells.size(), all);
        assertTrue(spells.get(0).endsWith("full: subnet-a (10.0.0.0/28, 0 of 11 usable IPs free)"), all);
        assertFalse(spells.get(1).contains("full:"), all);
    }

    /** Of a function's two subnets only the full one is named. */
    @Test
    void onlyTheFullSubnetIsNamed() throws Exception {
        String yaml = FULL.replace("subnets: [{ id: subnet-a, cidr: 10.0.0.0/28, az: a, otherUsedIps: 2 }]",
                "subnets: [{ id: subnet-a, cidr: 10.0.0.0/28, az: a, otherUsedIps: 2 },"
                        + " { id: subnet-b, cidr: 10.0.1.0/28, az: b, otherUsedIps: 2 }]")
                .replace("subnetIds: [subnet-a]", "subnetIds: [subnet-a, subnet-b]")
                .replace("rate: 5/s", "rate: 10/s");
        String all = String.join("\n", Narrative.lines(new Simulation(ScenarioLoader.parse(yaml, "t"), 0).run()));
        assertTrue(all.contains("a scale-out refused; full: subnet-a (10.0.0.0/28, 0 of 11 usable IPs free)\n"), all);
        assertFalse(all.contains("full: subnet-b") || all.contains(", subnet-b (10.0.1.0/28"), all);
    }

    /** The ENI-quota variant names the VPC's quota with its figure. */
    @Test
    void aRefusalByTheVpcsEniQuotaNamesTheVpcAndItsQuota() throws Exception {
        String yaml = FULL.replace("cidr: 10.0.0.0/28", "cidr: 10.0.0.0/24").replace("otherUsedIps: 2 }]",
                "otherUsedIps: 2 }]\n    eniQuota: 3").replace(
                "action: setOtherUsedIps, subnet: subnet-a, otherUsedIps: 10",
                "action: setOtherUsedEnis, vpc: v, otherUsedEnis: 2");
        RunResult r = new Simulation(ScenarioLoader.parse(yaml, "t"), 0).run();
        String all = String.join("\n", Narrative.lines(r));
        String named = "full: v's ENI quota (3 Hyperplane ENIs, other services' counted)";
        assertTrue(all.contains("invocations of api failed with ENILimitReachedException (HTTP 502) between 00:02:00 and"
                + " 00:02:09, a scale-out refused; " + named + "\n"), all);
        Headlines.Failure f = Headlines.failures(r).stream()
                .filter(x -> x.outcome().equals("ENILimitReachedException")).findFirst().orElseThrow();
        assertTrue(f.why().endsWith("; " + named), f.why());
    }

    /** Failures within one second read "between 00:02:00 and 00:02:00": said as one instant. */
    @Test
    void aSpellWithinOneSecondIsToldAsOneInstant() throws Exception {
        String yaml = FULL.replace("{ rate: 5/s, duration: 10s, at: [2m] }", "{ rate: 40/s, duration: 500ms, at: [2m] }");
        String all = String.join("\n", Narrative.lines(new Simulation(ScenarioLoader.parse(yaml, "t"), 0).run()));
        assertTrue(all.contains("invocations of api failed with SubnetIPAddressLimitReachedException (HTTP 502) at 00:02:00,"
                + " within one second"), all);
        assertTrue(!all.matches("(?s).*between (\\d\\d:\\d\\d:\\d\\d) and \\1.*"), all);
    }
}
