package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A key is an account's: two accounts' functions on one shared subnet and the same security-group set hold two keys
 * (Lambda makes a Hyperplane ENI per account, subnet and group set). Two such functions asleep in the runs (existing:
 * Inactive, not invoked) need an address each when they wake. PIT (session 52) left the account's part of the asleep
 * key unchecked: without it, the two were one key, and the subnet's size and headroom counted one address for them.
 */
class PlanAsleepKeysOfTwoAccountsTest {

    private static final String SCENARIO = """
            name: asleep-two-accounts
            seed: 1
            duration: 3m
            bucket: 10s
            accounts:
              - { id: "111111111111" }
              - { id: "222222222222", concurrencyLimit: 20, unreservedMinimum: 0 }
              - { id: "333333333333", concurrencyLimit: 20, unreservedMinimum: 0 }
            vpcs:
              - id: v
                owner: "111111111111"
                subnets:
                  - { id: a, cidr: 10.1.0.0/28, az: az-1, otherUsedIps: 5 }
                securityGroups: [sg-1]
            functions:
              - { name: awake, account: "111111111111", existing: Active, duration: 100ms, arrivals: { poisson: 1/s },
                  vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] } }
              - { name: asleep-b, account: "222222222222", existing: Inactive, duration: 100ms,
                  arrivals: { none: true }, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] } }
              - { name: asleep-c, account: "333333333333", existing: Inactive, duration: 100ms,
                  arrivals: { none: true }, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] } }
            """;

    @Test
    void eachAccountsAsleepFunctionHasItsOwnKey() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse(SCENARIO, "asleep-two-accounts"), 1, line -> { })
                .warmUp(30_000_000L).plan();
        Plan.SubnetAdvice a = p.subnets().get(0);
        // awake's key (account 111..., sg-1) is made in the run; asleep-b's (222..., sg-1) and asleep-c's (333...,
        // sg-1) never were: two keys, an address each
        assertEquals(2, a.inactiveKeys(), "asleep-b's and asleep-c's keys: " + a);
        assertEquals(List.of("asleep-b", "asleep-c"), a.inactiveFunctions(), a.toString());
        assertEquals(2, p.vpcs().get(0).inactiveKeys(), p.vpcs().toString());
    }
}
