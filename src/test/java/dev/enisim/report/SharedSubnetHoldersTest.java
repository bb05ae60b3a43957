package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function of one account Failed (SubnetOutOfIPAddresses) on a subnet shared with several accounts: the story said
 * "no ENI could be created for 300000000000:subnet-a+[sg-c]" and never who held the addresses (a landing zone owner's
 * review). Its why now names each account's ENIs in the subnet then, and the other tenants'.
 */
class SharedSubnetHoldersTest {

    private static final String SCENARIO = """
            name: shared-full
            duration: 3m
            accounts:
              - { id: "100000000000" }
              - { id: "300000000000" }
              - { id: "400000000000" }
            vpcs:
              - id: v
                owner: "100000000000"
                subnets: [{ id: subnet-a, cidr: 10.0.0.0/28, az: a, otherUsedIps: 8 }]
                securityGroups: [sg-b, sg-c, sg-d]
            functions:
              - { name: b1, account: "300000000000", existing: Active, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-b] }, duration: 100ms, arrivals: { poisson: 1/s } }
              - { name: c1, account: "400000000000", existing: Active, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-c] }, duration: 100ms, arrivals: { poisson: 1/s } }
              - { name: d1, account: "400000000000", existing: Active, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-d] }, duration: 100ms, arrivals: { poisson: 1/s } }
              - { name: b2, account: "300000000000", createdAt: 1m, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-c] }, duration: 100ms, arrivals: { poisson: 1/s, from: 1m } }
            """;

    @Test
    void theFailuresWhyNamesWhoHeldTheSharedSubnet() throws Exception {
        List<String> s = Narrative.lines(new Simulation(ScenarioLoader.parse(SCENARIO, "shared-full"), 0).run());
        String all = String.join("\n", s);
        int failed = s.indexOf("00:01:00  b2 -> Failed (SubnetOutOfIPAddresses): no ENI could be created for"
                + " 300000000000:subnet-a+[sg-c]");
        assertTrue(failed > 0, all);
        assertTrue(s.get(failed + 1).startsWith("          why: The subnet had no free address"), all);
        assertEquals("          why: subnet-a's 11 usable addresses at 00:01:00: account 400000000000 held 2"
                + " (1 on subnet-a+[sg-c], 1 on subnet-a+[sg-d]), account 300000000000 held 1 (subnet-a+[sg-b]),"
                + " other tenants 8 (otherUsedIps), 0 free (each account's ENIs take their own addresses of a subnet"
                + " shared with it).", s.get(failed + 2), all);
    }
}
