package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A restore refused with EniLimitExceeded: the story's why said "the VPC had no room left in its ENI quota" whichever
 * quota refused it. It names both now, with this scenario's figures, and which one was full in the run: the Region's
 * network interfaces (one account, or the account whose), else the VPC's quota.
 */
class RestoreRefusalNamesItsQuotaTest {

    private static final String BASE = """
            name: restore-quota
            duration: 5m
            %s
            vpcs:
              - id: v
                %s
                subnets: [{ id: subnet-a, cidr: 10.0.0.0/24, az: a }]
                securityGroups: [sg]
            functions:
              - name: nightly
                existing: Inactive
                %s
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    private static String why(String accounts, String vpc, String function) throws Exception {
        List<String> s = Narrative.lines(new Simulation(ScenarioLoader.parse(String.format(BASE, accounts, vpc,
                function), "restore-quota"), 0).run());
        String all = String.join("\n", s);
        int back = s.indexOf("00:00:01  nightly -> Inactive (EniLimitExceeded): restoring failed: EniLimitExceeded");
        assertTrue(back > 0 && s.get(back + 1).startsWith("          why: Restoring the function's ENIs failed: "), all);
        assertFalse(all.contains("the VPC had no room left in its ENI quota"), all);
        return s.get(back + 1);
    }

    @Test
    void theRegionsNetworkInterfacesFullAreNamed() throws Exception {
        String why = why("account: { networkInterfacesPerRegion: 3, otherNetworkInterfaces: 3 }", "", "");
        assertTrue(why.contains("failed: its VPC's ENI quota (vpcs[*].eniQuota, other services' ENIs included) or the"
                + " Region's network interfaces (account.networkInterfacesPerRegion, 3 here, every VPC's and service's"
                + " ENIs) had no room for a new ENI."), why);
        assertTrue(why.endsWith(" In this run the Region's 3 network interfaces were full."), why);
    }

    @Test
    void theVpcsQuotaFullIsNamed() throws Exception {
        String why = why("", "eniQuota: 2\n    otherUsedEnis: 2", "");
        assertTrue(why.contains("(account.networkInterfacesPerRegion, 5,000 here, every VPC's and service's ENIs)"), why);
        assertTrue(why.endsWith(" In this run the Region's network interfaces were never full: it was the VPC's ENI"
                + " quota."), why);
    }

    @Test
    void anAccountsOwnRegionQuotaIsNamed() throws Exception {
        String why = why("""
                accounts:
                  - { id: "111111111111" }
                  - { id: "333333333333", networkInterfacesPerRegion: 20, otherNetworkInterfaces: 20 }""",
                "", "account: \"333333333333\"");
        assertTrue(why.contains(" or its own account's network interfaces per Region"
                + " (accounts[*].networkInterfacesPerRegion, each account's own) had no room for a new ENI."), why);
        assertTrue(why.endsWith(" In this run account 333333333333's 20 network interfaces per Region were full."),
                why);
    }
}
