package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A key's ENIs are left out of the peaks only in its own functions' warm-up, not in another function's on the same
 * subnet. Account 400000000000's c1 bursts at 6 min and its key scales out to 2 ENIs, kept to the end (its
 * connections after the burst fill one); account 300000000000 creates b2 on the same shared subnet at 12 min. The
 * warm-ups were merged per subnet, so b2's (12 to 19 min) made c1's scale-out look like the leftovers of a warm-up
 * and counted it as one ENI: the subnet read peak 2, "headroom now 0" and no warning where the run held 3 addresses
 * and b2 found none; the consumers read 1 + 1, and adding b2 did not add its address to the peak.
 */
class PlanLateConsumerWarmUpTest {

    private static final String YAML = """
            name: late
            seed: 3
            duration: 20m
            bucket: 30s
            accounts:
              - { id: "100000000000" }
              - { id: "300000000000" }
              - { id: "400000000000", concurrencyLimit: 3000 }
            vpcs:
              - id: vpc-shared
                owner: "100000000000"
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/26, az: eu-west-1a, otherUsedIps: 57 }
                securityGroups: [sg-b, sg-c]
            functions:
              - name: c1
                account: "400000000000"
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-c] }
                duration: 1s
                connectionsPerEnvironment: 500
                arrivals: { bursts: { base: 5/s, rate: 600/s, duration: 1m, at: [6m] } }
              - { name: b2, account: "300000000000", createdAt: 12m, vpcConfig: { subnetIds: [subnet-a],
                  securityGroupIds: [sg-b] }, duration: 200ms, arrivals: { poisson: 5/s, from: 12m } }
            """;

    private static Plan plan(String yaml) throws Exception {
        return new Planner(ScenarioLoader.parse(yaml, "late.yaml"), 1, line -> { }).plan();
    }

    @Test
    void aLaterConsumerAddsItsAddressAndHidesNoScaleOut() throws Exception {
        Plan with = plan(YAML);
        Plan.SubnetAdvice s = with.subnets().get(0);
        assertEquals(3, s.peakLambdaIps(), "c1's 2 ENIs and b2's 1, all held to the end: " + s);
        assertEquals(-1, s.headroomIps(), "59 usable, 57 others, 3 held: " + s);
        String text = PlanReport.text(with);
        assertTrue(text.contains("Warning: subnet-a is 1 IP short of the design's peak at its size now"), text);
        long consumers = with.sharedSubnets().get(0).consumers().stream().mapToLong(Plan.Consumer::peakIps).sum();
        assertEquals(s.peakLambdaIps(), consumers, "the consumers' lines add up to the table's peak: "
                + with.sharedSubnets());
        assertEquals(2, with.vpcs().get(0).keys().stream().filter(k -> k.key().startsWith("400000000000:"))
                .mapToLong(Plan.KeyUse::peakEnis).sum(), with.vpcs().toString());
        assertEquals(3, with.vpcs().get(0).peakEnis(), with.vpcs().toString());

        Plan without = plan(YAML.substring(0, YAML.indexOf("  - { name: b2")));
        assertEquals(s.peakLambdaIps() - 1, without.subnets().get(0).peakLambdaIps(),
                "adding b2 adds its one address, lowers nothing: " + without.subnets());
    }
}
