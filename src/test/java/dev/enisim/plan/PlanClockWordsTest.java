package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * plan named a replay's timeline "updateVpcConfig orders-api at 70 min" while the run, its narrative and its page said
 * "Sun 23:10:00" (an incident responder): with {@code startsAt} plan says the run's clock words.
 */
class PlanClockWordsTest {

    private static final String NIGHT = """
            name: night
            seed: 3
            duration: 2h
            bucket: 1m
            startsAt: 2026-12-06T22:00:00Z
            vpcs:
              - id: vpc-a
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }
                  - { id: subnet-b, cidr: 10.0.1.0/24, az: us-east-1b }
                securityGroups: [sg-a]
            functions:
              - name: orders-api
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            timeline:
              - at: 70m
                action: updateVpcConfig
                function: orders-api
                vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg-a] }
              - at: 80m30s
                action: setOtherUsedIps
                subnet: subnet-a
                otherUsedIps: 10
            """;

    @Test
    void theTimelineStandingIsSaidInTheRunsClockWordsWithStartsAt() throws Exception {
        Scenario s = ScenarioLoader.parse(NIGHT, "night.yaml");
        assertEquals(List.of("updateVpcConfig orders-api at Sun 23:10:00", "setOtherUsedIps subnet-a at Sun 23:20:30"),
                Variants.said(s));
        assertEquals("Sun 23:10:00", Planner.at(s, 70 * 60_000_000L));
    }

    @Test
    void withoutStartsAtTheyStayMinutesFromTheStart() throws Exception {
        Scenario s = ScenarioLoader.parse(NIGHT.replace("startsAt: 2026-12-06T22:00:00Z\n", ""), "night.yaml");
        assertEquals(List.of("updateVpcConfig orders-api at 70 min", "setOtherUsedIps subnet-a at 4830 s"),
                Variants.said(s));
    }
}
