package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A key is a subnet and a security-group set: a function asleep in the runs on subnets a and b, on the security
 * groups of an awake function that is on a alone, shares a's key (made by the awake one) but not b's, which the run
 * never made and which needs an address when the function wakes. Taking a key of the same groups made on another
 * subnet for this subnet's (a mutant applied by hand, session 51) left b's asleep key out of its size and headroom.
 */
class PlanAsleepKeyPerSubnetTest {

    private static final String SCENARIO = """
            name: asleep-two-subnets
            seed: 1
            duration: 3m
            bucket: 10s
            vpcs:
              - id: v
                subnets:
                  - { id: a, cidr: 10.1.0.0/28, az: az-1, otherUsedIps: 5 }
                  - { id: b, cidr: 10.1.1.0/28, az: az-2, otherUsedIps: 10 }
                securityGroups: [sg-1]
            functions:
              - { name: awake, existing: Active, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] },
                  duration: 100ms, arrivals: { poisson: 1/s } }
              - { name: asleep, existing: Inactive, vpcConfig: { subnetIds: [a, b], securityGroupIds: [sg-1] },
                  duration: 100ms, arrivals: { none: true } }
            """;

    @Test
    void anAsleepFunctionNeedsAKeyOnASubnetWhereOnlyAnotherSubnetsKeyWasMade() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse(SCENARIO, "asleep-two-subnets"), 1, line -> { })
                .warmUp(30_000_000L).plan();
        Plan.SubnetAdvice a = p.subnets().get(0);
        Plan.SubnetAdvice b = p.subnets().get(1);
        assertEquals(List.of("a", "b"), List.of(a.subnet(), b.subnet()));
        assertEquals(0, a.inactiveKeys(), "a's key is the awake function's, made in the run: " + a);
        assertEquals(1, b.inactiveKeys(), "b's key of sg-1 was never made: " + b);
        assertEquals(List.of("asleep"), b.inactiveFunctions(), b.toString());
        assertEquals(11 - 10 - 1, b.headroomIps(), "11 usable - 10 others - the asleep key's address: " + b);
        assertEquals(1, p.vpcs().get(0).inactiveKeys(), p.vpcs().toString());
    }

    /**
     * On groups of its own, the asleep function has a key on each of its subnets: the VPC's quota counts both (a
     * mutant applied by hand, session 51, kept the last subnet's count only).
     */
    @Test
    void theVpcCountsTheAsleepKeysOfEverySubnet() throws Exception {
        String yaml = SCENARIO.replace("securityGroups: [sg-1]", "securityGroups: [sg-1, sg-2]")
                .replace("subnetIds: [a, b], securityGroupIds: [sg-1]", "subnetIds: [a, b], securityGroupIds: [sg-2]");
        Plan p = new Planner(ScenarioLoader.parse(yaml, "asleep-two-subnets"), 1, line -> { })
                .warmUp(30_000_000L).plan();
        assertEquals(List.of(1L, 1L), p.subnets().stream().map(Plan.SubnetAdvice::inactiveKeys).toList(),
                p.subnets().toString());
        Plan.VpcAdvice v = p.vpcs().get(0);
        assertEquals(2, v.inactiveKeys(), "a's and b's keys of sg-2: " + v);
        assertEquals(500 - 1 - 2, v.room(), "the quota less the awake key and the two asleep ones: " + v);
    }
}
