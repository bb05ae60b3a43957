package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The capacity planner's review, fault 5: the answers said "Subnet subnet-05000000000000005 ran out of free IPs" above
 * a Capacity table that names it shared-ec2-a. A subnet the scenario names is named there as everywhere on the page:
 * {@code name (id)}.
 */
class FullSubnetNamedTest {

    @Test
    void aNamedSubnetThatRanOutIsCalledByItsName() throws Exception {
        String yaml = """
                name: named-full
                duration: 20m
                bucket: 1m
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-05000000000000005, cidr: 10.0.1.0/28, az: us-east-1a, otherUsedIps: 10,
                          name: shared-ec2-a }
                    securityGroups: [sg-a, sg-b]
                functions:
                  - { name: a, vpcConfig: { subnetIds: [subnet-05000000000000005], securityGroupIds: [sg-a] },
                      duration: 100ms, arrivals: { poisson: 1/s } }
                  - { name: b, vpcConfig: { subnetIds: [subnet-05000000000000005], securityGroupIds: [sg-b] },
                      duration: 100ms, arrivals: { poisson: 1/s }, createdAt: 5m }
                """;
        String a = Headlines.html(new Simulation(ScenarioLoader.parse(yaml, "named-full.yaml"), 0).run());
        assertTrue(a.contains("Subnet shared-ec2-a (subnet-05000000000000005) ran out of free IPs"), a);
    }
}
