package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Only a function that ends the run Inactive is asleep ({@code Planner.asleep}; PIT's survivor of session 52: its
 * {@code "Inactive".equals(finalState)} skipped, a function that ends the run otherwise with no ENI of its key was
 * counted asleep too). Here {@code late} is created at the start on its own security group while the VPC's quota of
 * one ENI is held by {@code awake}'s key: its ENI is refused (EniLimitExceeded) and it ends the run Failed, with no
 * ENI. It is not asleep: no key of it waits to wake, and its failure is the plan's to report, not an address to keep.
 */
class PlanAsleepOnlyInactiveTest {

    private static final String SCENARIO = """
            name: asleep-only-inactive
            seed: 1
            duration: 3m
            bucket: 10s
            vpcs:
              - id: v
                eniQuota: 1
                subnets:
                  - { id: a, cidr: 10.1.0.0/24, az: az-1 }
                securityGroups: [sg-1, sg-2]
            functions:
              - { name: awake, existing: Active, duration: 100ms, arrivals: { poisson: 1/s },
                  vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] } }
              - { name: late, duration: 100ms, arrivals: { poisson: 1/s },
                  vpcConfig: { subnetIds: [a], securityGroupIds: [sg-2] } }
            """;

    @Test
    void aFunctionThatEndsTheRunFailedWithNoEniIsNotAsleep() throws Exception {
        Scenario s = ScenarioLoader.parse(SCENARIO, "asleep-only-inactive");
        var run = new Simulation(s, 0).run().summary();
        assertEquals("Failed", run.functions().get("late").finalState(), run.functions().toString());
        assertEquals(0, run.eniKeys().values().stream().filter(k -> k.peakEnis() > 0)
                .filter(k -> run.eniKeys().entrySet().stream().anyMatch(e -> e.getValue() == k
                        && e.getKey().contains("sg-2"))).count(), run.eniKeys().toString());
        Planner.Asleep asleep = new Planner(s, 1, line -> { }).asleep(run, "a");
        assertEquals(0, asleep.keys(), asleep.toString());
        assertEquals(List.of(), asleep.functions());
    }
}
