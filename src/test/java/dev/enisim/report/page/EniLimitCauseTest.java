package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.Narrative;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * EniLimitExceeded comes from either of two limits, the VPC's ENI quota or the Region's network interfaces: the page
 * names the one the run filled, and the narrative's why names both with the scenario's figures. Both said "the VPC
 * reached its quota" when the Region's 3 network interfaces were what ran out (the domain expert's review).
 */
class EniLimitCauseTest {

    /** Two keys in vpc-1; f2's ENI finds the Region's limit ({@code %s}) or vpc-1's quota ({@code %s}) full. */
    private static final String SCENARIO = """
            name: eni-limit
            duration: 10m
            account: { networkInterfacesPerRegion: %s }
            vpcs:
              - id: vpc-1
                eniQuota: %s
                subnets: [{ id: subnet-a, cidr: 10.0.1.0/24, az: a }]
                securityGroups: [sg-a, sg-b]
            functions:
              - { name: f1, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }, duration: 100ms,
                  arrivals: { constant: 1/m } }
              - { name: f2, createdAt: 10s, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-b] },
                  duration: 100ms, arrivals: { constant: 1/m } }
            """;

    private static String why(RunResult r) {
        return Headlines.failures(r).stream().filter(x -> x.outcome().equals("ENILimitReachedException"))
                .findFirst().orElseThrow().why();
    }

    @Test
    void theRegionsNetworkInterfacesAreNamedWhenTheyRanOut() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(SCENARIO.formatted(1, 500), "t"), 0).run();
        assertEquals("the function is Failed: the Region's network interfaces were all in use (1, every VPC's and"
                + " service's ENIs; account.networkInterfacesPerRegion), though vpc-1 had room in its ENI quota",
                why(r));
        String narrative = String.join("\n", Narrative.lines(r));
        assertTrue(narrative.contains("the Region's network interfaces (account.networkInterfacesPerRegion, 1 here,"),
                narrative);
    }

    @Test
    void theVpcsQuotaIsNamedWhenItWasFull() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(SCENARIO.formatted(5000, 1), "t"), 0).run();
        assertEquals("the function is Failed: vpc-1 reached its ENI quota (1, other services' ENIs included)",
                why(r));
    }
}
