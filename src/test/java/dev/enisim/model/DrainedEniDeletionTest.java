package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * An ENI whose deletion waits for invocations that started before its key was released is deleted (or, its role
 * lacking the EC2 permissions, orphaned) at the instant the last of them ends: no poll (the 1 s re-check it replaced
 * put both on a whole second after the deletion request).
 */
class DrainedEniDeletionTest {

    /** One invocation from 0 to 100.3 s on a warm environment; f is deleted at 1 s; the deletion delay is 10 s. */
    private static final String SCENARIO = """
            name: drained-deletion
            seed: 1
            duration: 5m
            bucket: 1m
            hyperplane:
              eniDeleteTime: 10s
            vpcs:
              - id: vpc-a
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: eu-west-1a }
                securityGroups: [sg-a]
            functions:
              - name: f
                existing: Active
                warmEnvironments: 1
                timeout: 900s
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                duration: 100.3s
                arrivals: { constant: 1/h }
            timeline:
            %s  - { at: 1s, action: deleteFunction, function: f }
            """;

    private static RunResult run(String before) throws Exception {
        return new Simulation(ScenarioLoader.parse(SCENARIO.formatted(before), "drained.yaml"), 0)
                .checkingInvariants().run();
    }

    @Test
    void aDeletionPastItsDelayEndsWithTheLastInvocationOnTheEni() throws Exception {
        RunResult r = run("");
        RunResult.EniLifetime eni = r.enis().get(0);
        assertEquals("Deleted", eni.finalState());
        assertEquals(1.0, eni.deletionRequestedSeconds().getAsDouble());
        assertEquals(100.3, eni.endedSeconds().getAsDouble(), 1e-9, "deleted when the invocation ends, not on a 1 s grid");
        assertEquals(99.3, r.summary().teardowns().get(0).waitSeconds(), 1e-9);
    }

    @Test
    void aRefusedDeletionOrphansTheEniWhenTheLastInvocationEnds() throws Exception {
        RunResult r = run("  - { at: 0.5s, action: revokeRolePermissions, role: f-role }\n");
        RunResult.EniLifetime eni = r.enis().get(0);
        assertEquals("Orphaned", eni.finalState());
        assertEquals(100.3, eni.orphanedSeconds().getAsDouble(), 1e-9, "orphaned when the invocation ends");
    }
}
