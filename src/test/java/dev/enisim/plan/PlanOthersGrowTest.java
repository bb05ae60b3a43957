package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Other tenants and other services that grow during the run: the plan sized a subnet for the start's tenants (the
 * run then failed in it, the plan showed "15 IPs spare"), and left other services' ENIs out of the quota's headroom.
 */
class PlanOthersGrowTest {

    /** Other tenants of sn-b and other services' ENIs in vpc-p growing at 1h (PlanVerdictFindingsTest builds on it). */
    static final String SCENARIO = """
            name: grows
            seed: 3
            duration: 2h
            vpcs:
              - id: vpc-p
                eniQuota: 20
                otherUsedEnis: 5
                subnets:
                  - { id: sn-b, cidr: 10.1.0.64/27, az: a, otherUsedIps: 10 }
                securityGroups: [sg-web, sg-db]
            functions:
              - name: api
                vpcConfig: { subnetIds: [sn-b], securityGroupIds: [sg-web] }
                duration: 150ms
                arrivals: { poisson: 5/s }
              - name: worker
                vpcConfig: { subnetIds: [sn-b], securityGroupIds: [sg-db] }
                duration: 150ms
                arrivals: { poisson: 5/s }
            timeline:
              - { at: 1h, action: setOtherUsedIps, subnet: sn-b, otherUsedIps: 26 }
              - { at: 1h, action: setOtherUsedEnis, vpc: vpc-p, otherUsedEnis: 18 }
            """;

    @Test
    void theSubnetIsSizedForTheOthersAtTheirMostAndTheQuotaCountsOtherServices() throws Exception {
        Scenario s = ScenarioLoader.parse(SCENARIO, "grows.yaml");
        Plan p = new Planner(s, 1, line -> { }).plan();
        Plan.SubnetAdvice b = p.subnets().get(0);
        assertEquals(26, b.otherUsedIps(), "the most others hold, from 1h on");
        assertEquals(2, b.peakLambdaIps(), "a key each");
        assertEquals(-1, b.headroomIps(), "27 usable, 26 others and two ENIs: one short");
        assertEquals(26, b.recommendedPrefix(), "/27 (27 usable) cannot hold 26 others and two ENIs: /26");
        Plan.VpcAdvice v = p.vpcs().get(0);
        assertEquals(18, v.otherUsedEnis());
        assertEquals(20 - v.peakEnis() - 18, v.room());
        String text = PlanReport.text(p);
        assertTrue(text.contains("vpc-p: peak " + v.peakEnis() + " + 18 ENIs already in place (other services', or"
                + " Lambda's beyond those its functions start with; at their most) of 20"), text);
    }
}
