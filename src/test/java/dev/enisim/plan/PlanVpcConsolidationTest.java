package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a VPC's keys would need consolidated (section 2's "would need N (saves M)"): per subnet, the keys' peak
 * connections over the ENI's capacity, rounded up, and never fewer than the largest key there had itself; keys of
 * different accounts never share an ENI, so each account's keys are consolidated apart. ENIs of 10 connections,
 * constant arrivals of 1 s calls (a key's peak connections are its calls per second, up to what its ENIs carry); a
 * few seconds a plan on a loaded host.
 */
class PlanVpcConsolidationTest {

    private static final String HEAD = """
            seed: 1
            duration: 2m
            bucket: 10s
            hyperplane: { connectionsPerEni: 10 }
            """;

    private static Plan.VpcAdvice vpc(String yaml) throws Exception {
        return new Planner(ScenarioLoader.parse(HEAD + yaml, "consolidate"), 1, line -> { }).warmUp(0).plan().vpcs()
                .get(0);
    }

    /**
     * Three keys in one subnet with 8, 8 and 4 connections, one ENI each: 20 connections fill exactly two ENIs, so
     * they would need 2, not 3 (rounded up from a whole number, nothing added) and not 1 (two more than the largest
     * key's one ENI).
     */
    @Test
    void keysWhoseConnectionsFillWholeEnisNeedExactlyThatMany() throws Exception {
        Plan.VpcAdvice v = vpc("""
                name: whole
                vpcs:
                  - id: v
                    subnets: [{ id: s1, cidr: 10.1.0.0/24, az: a }]
                    securityGroups: [sg-1, sg-2, sg-3]
                functions:
                  - { name: f, existing: Active, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] },
                      initDuration: 0s, duration: 1s, arrivals: { constant: 8/s } }
                  - { name: g, existing: Active, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-2] },
                      initDuration: 0s, duration: 1s, arrivals: { constant: 8/s } }
                  - { name: h, existing: Active, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-3] },
                      initDuration: 0s, duration: 1s, arrivals: { constant: 4/s } }
                """);
        assertEquals(List.of(new Plan.KeyUse("s1+[sg-1]", 1, 8), new Plan.KeyUse("s1+[sg-2]", 1, 8),
                new Plan.KeyUse("s1+[sg-3]", 1, 4)), v.keys(), "the run this test is made of");
        assertEquals(3, v.peakEnis());
        assertEquals(2, v.consolidatedEnis(), "20 connections: two ENIs of 10");
        assertEquals(1, v.savedByConsolidating());
    }

    /**
     * Two accounts (their ids alike but for the last digit) with a key each in one subnet of a shared VPC, 4
     * connections each: 8 would fit one ENI, but each account needs its own, so consolidating saves nothing.
     */
    @Test
    void keysOfTwoAccountsAreNeverConsolidatedTogether() throws Exception {
        Plan.VpcAdvice v = vpc("""
                name: accounts
                accounts:
                  - { id: "111111111111" }
                  - { id: "222222222221" }
                  - { id: "222222222222" }
                vpcs:
                  - id: v
                    owner: "111111111111"
                    subnets: [{ id: s1, cidr: 10.1.0.0/24, az: a }]
                    securityGroups: [sg-1]
                functions:
                  - { name: f, account: "222222222221", existing: Active,
                      vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] }, initDuration: 0s, duration: 1s,
                      arrivals: { constant: 4/s } }
                  - { name: g, account: "222222222222", existing: Active,
                      vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] }, initDuration: 0s, duration: 1s,
                      arrivals: { constant: 4/s } }
                """);
        assertEquals(List.of(new Plan.KeyUse("222222222221:s1+[sg-1]", 1, 4),
                new Plan.KeyUse("222222222222:s1+[sg-1]", 1, 4)), v.keys(), "the run this test is made of");
        assertEquals(2, v.peakEnis());
        assertEquals(2, v.consolidatedEnis(), "one ENI per account");
        assertEquals(0, v.savedByConsolidating());
    }

    /** The keys are listed the most ENIs first, not in the run's order: g's 2 ENIs (15 calls a second) before f's 1. */
    @Test
    void theKeysAreListedTheMostEnisFirst() throws Exception {
        Plan.VpcAdvice v = vpc("""
                name: order
                vpcs:
                  - id: v
                    subnets: [{ id: s1, cidr: 10.1.0.0/24, az: a }]
                    securityGroups: [sg-1, sg-2]
                functions:
                  - { name: f, existing: Active, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] },
                      initDuration: 0s, duration: 1s, arrivals: { constant: 4/s } }
                  - { name: g, existing: Active, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-2] },
                      initDuration: 0s, duration: 1s, arrivals: { constant: 15/s } }
                """);
        assertEquals(List.of(new Plan.KeyUse("s1+[sg-2]", 2, 10), new Plan.KeyUse("s1+[sg-1]", 1, 4)), v.keys());
    }
}
