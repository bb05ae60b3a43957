package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.metrics.RunSummary;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * summary.json's per-VPC block shows the other services' ENIs on the same quota, and the Region's network
 * interfaces against EC2's limit: fixed figures (two VPCs, 40 and 7 ENIs of other services, one function with two
 * subnets in the first VPC: 2 Lambda ENIs).
 */
class RegionSummaryTest {

    @Test
    void theSummaryCountsOtherServicesPerVpcAndTheRegionAcrossVpcs() throws Exception {
        RunSummary s = new Simulation(ScenarioLoader.parse(region("name: region\naccount: { networkInterfacesPerRegion:"
                + " 60 }", """
                  - id: vpc-b
                    otherUsedEnis: 7
                    subnets:
                      - { id: subnet-b1, cidr: 10.1.1.0/24, az: us-east-1a }
                    securityGroups: [sg-b]
                """), "region.yaml"), 0).run().summary();
        assertEquals(40, s.vpcs().get("vpc-a").otherUsedEnis());
        assertEquals(2, s.vpcs().get("vpc-a").peakEnis());
        assertEquals(7, s.vpcs().get("vpc-b").otherUsedEnis());
        assertEquals(new RunSummary.Region(60, 40 + 7 + 2, 2, 47), s.region());
    }

    /**
     * A 10-minute scenario of {@code head}'s fields: VPC vpc-a (40 other services' ENIs, two subnets), the VPCs in
     * {@code moreVpcs} (YAML list items), and the function api on vpc-a at 2/s.
     */
    private static String region(String head, String moreVpcs) {
        return head.strip() + "\nduration: 10m\n" + """
                vpcs:
                  - id: vpc-a
                    otherUsedEnis: 40
                    subnets:
                      - { id: subnet-a1, cidr: 10.0.1.0/24, az: us-east-1a }
                      - { id: subnet-a2, cidr: 10.0.2.0/24, az: us-east-1b }
                    securityGroups: [sg-a]
                """ + moreVpcs + """
                functions:
                  - name: api
                    vpcConfig: { subnetIds: [subnet-a1, subnet-a2], securityGroupIds: [sg-a] }
                    duration: 50ms
                    arrivals: { poisson: 2/s }
                """;
    }

    private static final String OTHERS = region("name: outside\naccount: { networkInterfacesPerRegion: 60,"
            + " otherNetworkInterfaces: OUTSIDE }", "");

    /**
     * account.otherNetworkInterfaces: the Region's interfaces in no VPC's quota (EC2 instances', ECS tasks') count
     * in its peak and against its limit (here 18 of 60 leave the second Lambda ENI no room), shown apart; with the
     * VPCs' otherUsedEnis they must fit the limit.
     */
    @Test
    void interfacesInNoVpcsQuotaCountAgainstTheRegionOnly() throws Exception {
        RunSummary s = new Simulation(ScenarioLoader.parse(OTHERS.replace("OUTSIDE", "11"), "o.yaml"), 0).run()
                .summary();
        assertEquals(new RunSummary.Region(60, 40 + 11 + 2, 2, 40, 11L), s.region());
        RunSummary full = new Simulation(ScenarioLoader.parse(OTHERS.replace("OUTSIDE", "19"), "o.yaml"), 0).run()
                .summary();
        assertEquals(60, full.region().peakNetworkInterfaces(), "40 + 19 + the one Lambda ENI that fits");
        assertEquals(1, full.region().finalLambdaEnis());
        dev.enisim.scenario.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.enisim.scenario.ScenarioException.class,
                () -> ScenarioLoader.parse(OTHERS.replace("OUTSIDE", "21"), "o.yaml"));
        assertEquals("[account.otherNetworkInterfaces: 21 other network interfaces and the VPCs' 40 otherUsedEnis"
                + " exceed networkInterfacesPerRegion (60): the Region holds them all from the start]",
                e.problems().toString());
        assertEquals("[account.otherNetworkInterfaces: expected a whole number from 0 to 60, got 61]",
                org.junit.jupiter.api.Assertions.assertThrows(dev.enisim.scenario.ScenarioException.class,
                        () -> ScenarioLoader.parse(OTHERS.replace("OUTSIDE", "61"), "o.yaml")).problems().toString());
        assertEquals(0, ScenarioLoader.parse(OTHERS.replace(", otherNetworkInterfaces: OUTSIDE", ""), "o.yaml")
                .account().otherNetworkInterfaces(), "default 0");
        assertEquals(null, new Simulation(ScenarioLoader.parse(OTHERS.replace(", otherNetworkInterfaces: OUTSIDE",
                ""), "o.yaml"), 0).run().summary().region().otherNetworkInterfaces(), "left out of summary.json");
    }

    /** The report's Region line says how many are in no VPC's quota; without them it reads as before. */
    @Test
    void theReportsRegionLineSaysTheInterfacesInNoVpcsQuota() throws Exception {
        String html = dev.enisim.report.page.Headlines.html(new Simulation(ScenarioLoader.parse(
                OTHERS.replace("OUTSIDE", "11"), "o.yaml"), 0).run());
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("<p>Region: peak 53 of 60 network interfaces (EC2's"
                + " quota across all VPCs, Lambda's and other services'; 11 of them in no VPC's quota: EC2 instances',"
                + " tasks'...)</p>"), html);
        String before = dev.enisim.report.page.Headlines.html(new Simulation(ScenarioLoader.parse(
                OTHERS.replace(", otherNetworkInterfaces: OUTSIDE", ""), "o.yaml"), 0).run());
        org.junit.jupiter.api.Assertions.assertTrue(before.contains("<p>Region: peak 42 of 60 network interfaces"
                + " (EC2's quota across all VPCs, Lambda's and other services')</p>"), before);
    }

    /**
     * Several accounts: each one's otherNetworkInterfaces and the otherUsedEnis of the VPCs it owns count against its
     * own networkInterfacesPerRegion (a quota of each account), and must fit it; the Region's figures add up every
     * account's. They were one count against the first account's 60, and B's 16 failed the load.
     */
    @Test
    void eachAccountsInterfacesCountAgainstItsOwnQuota() throws Exception {
        String two = OTHERS.replace("account: { networkInterfacesPerRegion: 60, otherNetworkInterfaces: OUTSIDE }",
                """
                accounts:
                  - { id: "111111111111", networkInterfacesPerRegion: 60, otherNetworkInterfaces: 5 }
                  - { id: "222222222222", otherNetworkInterfaces: 6 }""");
        var scenario = ScenarioLoader.parse(two, "two.yaml");
        assertEquals(11, scenario.otherNetworkInterfaces());
        java.util.Map<String, RunSummary.Region> byAccount = new java.util.LinkedHashMap<>();
        byAccount.put("111111111111", new RunSummary.Region(60, 40 + 5 + 2, 2, 40, 5L)); // owns vpc-a (the first)
        byAccount.put("222222222222", new RunSummary.Region(5000, 6, 0, 0, 6L));
        assertEquals(new RunSummary.Region(null, 40 + 11 + 2, 2, 40, 11L, byAccount), new Simulation(scenario, 0)
                .run().summary().region());
        assertEquals(5 + 16, ScenarioLoader.parse(two.replace("otherNetworkInterfaces: 6",
                "otherNetworkInterfaces: 16"), "two.yaml").otherNetworkInterfaces(), "loads: B's 16 fit B's own 5,000");
        assertEquals("[accounts[0].otherNetworkInterfaces: 21 other network interfaces and the 40 otherUsedEnis of"
                + " the VPCs it owns (vpc-a) exceed networkInterfacesPerRegion (60): the Region holds them all from the"
                + " start]", org.junit.jupiter.api.Assertions.assertThrows(dev.enisim.scenario.ScenarioException.class,
                        () -> ScenarioLoader.parse(two.replace("otherNetworkInterfaces: 5",
                                "otherNetworkInterfaces: 21"), "two.yaml")).problems().toString());
        String owned = two.replace("  - id: vpc-a\n", "  - id: vpc-a\n    owner: \"222222222222\"\n")
                .replace("- { id: \"222222222222\", otherNetworkInterfaces: 6 }",
                        "- { id: \"222222222222\", networkInterfacesPerRegion: 45, otherNetworkInterfaces: 6 }");
        assertEquals("[accounts[1].otherNetworkInterfaces: 6 other network interfaces and the 40 otherUsedEnis of"
                + " the VPCs it owns (vpc-a) exceed networkInterfacesPerRegion (45): the Region holds them all from the"
                + " start]", org.junit.jupiter.api.Assertions.assertThrows(dev.enisim.scenario.ScenarioException.class,
                        () -> ScenarioLoader.parse(owned, "two.yaml")).problems().toString(),
                "a VPC's otherUsedEnis count against its owner's quota");
    }
}
