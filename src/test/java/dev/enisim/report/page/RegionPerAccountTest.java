package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.report.Narrative;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * EC2's "Network interfaces per Region" is a quota of each account: with several accounts on a shared VPC, a
 * function's ENIs count against its own account's quota (a participant's resources count against the participant's
 * quotas [doc]), the VPC's otherUsedEnis against its owner's. enisim counted every account's ENIs once, against the
 * first account's figure: a small second account was never refused, and a small first account refused the others'.
 */
class RegionPerAccountTest {

    private static final String A = "111111111111";
    private static final String B = "222222222222";

    /**
     * Network account {@code A} owns vpc-shared (two subnets, one security group) and shares it with {@code B}; each
     * account has a function on both subnets (two keys each: two ENIs each); {@code b-api} is created at 10 s. The
     * accounts are listed in the order given, {@code B} with {@code networkInterfacesPerRegion: 1}.
     */
    private static String scenario(String first, String second) {
        return """
                name: region-per-account
                duration: 10m
                accounts:
                  - { id: "%s"%s }
                  - { id: "%s"%s }
                vpcs:
                  - id: vpc-shared
                    owner: "111111111111"
                    subnets:
                      - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                      - { id: subnet-b, cidr: 10.0.2.0/24, az: us-east-1b }
                    securityGroups: [sg-app]
                functions:
                  - { name: a-api, account: "111111111111", duration: 100ms, arrivals: { constant: 1/m },
                      vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-app] } }
                  - { name: b-api, account: "222222222222", createdAt: 10s, duration: 100ms,
                      arrivals: { constant: 1/m },
                      vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-app] } }
                """.formatted(first, quota(first), second, quota(second));
    }

    private static String quota(String account) {
        return account.equals(B) ? ", networkInterfacesPerRegion: 1" : "";
    }

    private static RunResult run(String yaml) throws Exception {
        return new Simulation(ScenarioLoader.parse(yaml, "t.yaml"), 0).checkingInvariants().run();
    }

    /** B's second ENI passes B's quota of 1: b-api Failed (EniLimitExceeded), the page's why naming B's quota. */
    @Test
    void theSmallAccountsEnisAreRefusedByItsOwnQuota() throws Exception {
        RunResult r = run(scenario(A, B));
        RunSummary s = r.summary();
        assertEquals("Active", s.functions().get("a-api").finalState());
        assertEquals("Failed", s.functions().get("b-api").finalState());
        assertEquals("EniLimitExceeded", String.valueOf(s.functions().get("b-api").finalReasonCode()));
        Map<String, RunSummary.Region> byAccount = new LinkedHashMap<>();
        byAccount.put(A, new RunSummary.Region(5000, 2, 2, 0));
        byAccount.put(B, new RunSummary.Region(1, 1, 1, 0));
        assertEquals(new RunSummary.Region(null, 3, 3, 0, null, byAccount), s.region(),
                "every account's together, and each account's against its own quota");
        assertEquals(Map.of(B, byAccount.get(B)), s.region().full());
        String why = Headlines.failures(r).stream().filter(x -> x.outcome().equals("ENILimitReachedException"))
                .findFirst().orElseThrow().why();
        assertEquals("the function is Failed: account 222222222222's network interfaces per Region were all in use"
                + " (1, its functions' ENIs and the other ENIs of its VPCs and services;"
                + " accounts[1].networkInterfacesPerRegion), though vpc-shared had room in its ENI quota", why);
        String narrative = String.join("\n", Narrative.lines(r));
        // which limit was full, and only that account (review r2, session 60: every account's quota was listed)
        assertTrue(narrative.contains("why: EC2 refused the function's ENI: in this run account 222222222222's network"
                + " interfaces per Region (accounts[1].networkInterfacesPerRegion, 1: its functions' ENIs, also in a"
                + " VPC shared with it, the otherUsedEnis of the VPCs it owns and its otherNetworkInterfaces) was"
                + " full (each account's"), narrative);
        assertFalse(narrative.contains("5,000 for 111111111111"), narrative);
        assertFalse(narrative.contains("VPC vpc-shared's ENI quota"), narrative);
        String page = new String(dev.enisim.report.ReportWriter.render(r).get("report.html"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(page.contains("EC2's quota is each account's: 111111111111 peak 2 of 5,000, 222222222222 peak 1"
                + " of 1 (full)</p>"), page);
    }

    /** B listed first, with its quota of 1: A's ENIs do not count against it, and A's function is Active. */
    @Test
    void anotherAccountsEnisAreNotRefusedByTheFirstAccountsQuota() throws Exception {
        RunSummary s = run(scenario(B, A)).summary();
        assertEquals("Active", s.functions().get("a-api").finalState(), "A's ENIs against A's own 5,000");
        assertEquals("Failed", s.functions().get("b-api").finalState());
        assertEquals(2, s.region().byAccount().get(A).finalLambdaEnis());
        assertEquals(1, s.region().byAccount().get(B).finalLambdaEnis());
        assertEquals(List.of(B, A), List.copyOf(s.region().byAccount().keySet()), "the scenario's order");
    }

    /**
     * An Active function of B whose key's ENIs are full: its scale-out is refused by B's quota (2, one of them an
     * interface in no VPC's quota), and the story names B's quota with its figure; A's function on the same subnet
     * and security group scales out (its own key, its own quota).
     */
    @Test
    void aScaleOutRefusedByAnAccountsQuotaNamesTheAccount() throws Exception {
        String yaml = """
                name: scale-out
                duration: 10m
                accounts:
                  - { id: "111111111111" }
                  - { id: "222222222222", networkInterfacesPerRegion: 2, otherNetworkInterfaces: 1 }
                vpcs:
                  - id: v
                    subnets: [{ id: subnet-a, cidr: 10.0.0.0/24, az: a }]
                    securityGroups: [sg]
                hyperplane: { connectionsPerEni: 100 }
                functions:
                  - name: a-api
                    account: "111111111111"
                    existing: Active
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg] }
                    duration: 2s
                    connectionsPerEnvironment: 60
                    arrivals: { bursts: { rate: 5/s, duration: 10s, at: [2m] } }
                  - name: b-api
                    account: "222222222222"
                    existing: Active
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg] }
                    duration: 2s
                    connectionsPerEnvironment: 60
                    arrivals: { bursts: { rate: 5/s, duration: 10s, at: [2m] } }
                """;
        RunResult r = run(yaml);
        RunSummary s = r.summary();
        assertEquals(0, s.functions().get("a-api").invocations().errors().getOrDefault("ENILimitReachedException",
                0L), "A's scale-outs are not refused");
        assertTrue(s.region().byAccount().get(A).peakNetworkInterfaces() > 1, "A scaled out");
        assertTrue(s.functions().get("b-api").invocations().errors().getOrDefault("ENILimitReachedException", 0L)
                > 0, "B's scale-outs are refused");
        assertEquals(new RunSummary.Region(2, 2, 1, 0, 1L), s.region().byAccount().get(B));
        assertEquals(1L, s.region().otherNetworkInterfaces(), "the accounts' interfaces in no VPC's quota");
        String all = String.join("\n", Narrative.lines(r));
        assertTrue(all.contains("a scale-out refused; full: account 222222222222's 2 network interfaces per Region"),
                all);
        assertFalse(all.contains("the Region's 5,000 network interfaces"), all);
    }

    /** One account: summary.json's region keeps its shape (no byAccount, the limit given). */
    @Test
    void oneAccountKeepsTheRegionsShape() throws Exception {
        String yaml = scenario(A, B).replaceAll("(?s)accounts:.*?vpcs:", "vpcs:").replace("    owner: \"111111111111\"\n",
                "").replace("account: \"111111111111\", ", "").replace("account: \"222222222222\", ", "");
        RunSummary s = run(yaml).summary();
        assertNull(s.region().byAccount());
        assertEquals(new RunSummary.Region(5000, 2, 2, 0), s.region());
        assertEquals(Map.of(), s.region().full());
    }
}
