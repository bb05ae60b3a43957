package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Section 2's keys and peaks (the ENI quota and security groups), each on a small plan of two or three minutes: the
 * keys listed are those that held an ENI, and the most ENIs the warm-up held is said beside the peak after it.
 */
class PlanVpcKeysTest {

    /**
     * The Region's quota of one network interface: first's key takes it, second's ENI is refused (it ends Failed,
     * EniLimitExceeded) though the demand runs lift the VPC's quota. second's key held no ENI: it is not listed as a
     * key of the VPC with 0 ENIs.
     */
    @Test
    void aKeyThatNeverHeldAnEniIsNotListed() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse("""
                name: region
                seed: 1
                duration: 2m
                bucket: 10s
                account: { networkInterfacesPerRegion: 1 }
                vpcs:
                  - id: v
                    subnets: [{ id: s1, cidr: 10.0.0.0/24, az: a }]
                    securityGroups: [sg-1, sg-2]
                functions:
                  - { name: first, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] }, duration: 50ms,
                      arrivals: { poisson: 1/s } }
                  - { name: second, createdAt: 30s, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-2] },
                      duration: 50ms, arrivals: { poisson: 1/s, from: 40s } }
                """, "region"), 1, line -> { }).warmUp(0).plan();
        Plan.VpcAdvice v = p.vpcs().get(0);
        assertEquals(List.of(new Plan.KeyUse("s1+[sg-1]", 1, 2)), v.keys());
        assertEquals(1, v.peakEnis());
    }

    /**
     * ENIs of 10 connections, made in 2 s; 1 s calls, 60 a second for 30 s, then 15 a second: the key has 8 ENIs by
     * the second bucket and keeps them, while after the 1 min warm-up its connections (at most 28) fill 3. The peak
     * after the warm-up is said, and beside it the most the VPC held at once, the warm-up's ENIs included (they keep
     * their addresses until Lambda deletes them).
     */
    @Test
    void theMostEnisTheWarmUpHeldIsSaidBesideThePeakAfterIt() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse("""
                name: warm
                seed: 2
                duration: 3m
                bucket: 10s
                hyperplane: { connectionsPerEni: 10, eniCreateTime: 2s }
                vpcs:
                  - id: v
                    subnets: [{ id: s1, cidr: 10.1.0.0/24, az: a }]
                    securityGroups: [sg-a]
                functions:
                  - name: api
                    existing: Active
                    vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-a] }
                    initDuration: 0s
                    duration: 1s
                    arrivals: { schedule: { phases: [ { rate: 60/s, for: 30s }, { rate: 15/s, for: 150s } ] } }
                """, "warm"), 1, line -> { }).warmUp(60_000_000L).plan();
        Plan.VpcAdvice v = p.vpcs().get(0);
        assertEquals(3, v.peakEnis(), v.toString());
        assertEquals(8, v.warmUpPeakEnis(), v.toString());
    }
}
