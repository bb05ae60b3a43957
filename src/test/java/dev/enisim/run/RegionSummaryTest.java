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
        RunSummary s = new Simulation(ScenarioLoader.parse("""
                name: region
                duration: 10m
                account: { networkInterfacesPerRegion: 60 }
                vpcs:
                  - id: vpc-a
                    otherUsedEnis: 40
                    subnets:
                      - { id: subnet-a1, cidr: 10.0.1.0/24, az: us-east-1a }
                      - { id: subnet-a2, cidr: 10.0.2.0/24, az: us-east-1b }
                    securityGroups: [sg-a]
                  - id: vpc-b
                    otherUsedEnis: 7
                    subnets:
                      - { id: subnet-b1, cidr: 10.1.1.0/24, az: us-east-1a }
                    securityGroups: [sg-b]
                functions:
                  - name: api
                    vpcConfig: { subnetIds: [subnet-a1, subnet-a2], securityGroupIds: [sg-a] }
                    duration: 50ms
                    arrivals: { poisson: 2/s }
                """, "region.yaml"), 0).run().summary();
        assertEquals(40, s.vpcs().get("vpc-a").otherUsedEnis());
        assertEquals(2, s.vpcs().get("vpc-a").peakEnis());
        assertEquals(7, s.vpcs().get("vpc-b").otherUsedEnis());
        assertEquals(new RunSummary.Region(60, 40 + 7 + 2, 2, 47), s.region());
    }
}
