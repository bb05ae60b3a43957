package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.enisim.metrics.RunSummary;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * A function deleted while its ENI is still being created: Lambda deletes that ENI once it is ready, and the
 * deletion's teardown waits for it. summary.json said {@code {action: deleteFunction, requestedAtSeconds: 30, enis: 0,
 * waitSeconds: 0}} while enis.csv showed the ENI deleted 630 s after the DeleteFunction (an auditor's scenario): the
 * teardown listed only ENIs in use.
 */
class TeardownWaitsForEnisBeingCreatedTest {

    /** One function on one key; its ENI takes 60 s to create and 10 min to delete; deleted at 30 s. */
    private static final String BASE = """
            name: teardown-while-creating
            duration: 1h
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                securityGroups: [sg-a]
            hyperplane: { eniCreateTime: 60s, eniDeleteTime: 10m }
            functions:
              - name: f1
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                duration: 100ms
                arrivals: { none: true }
            timeline:
              - { at: 30s, action: deleteFunction, function: f1 }
            """;

    private static RunResult run(String timeline) throws Exception {
        return new Simulation(ScenarioLoader.parse(BASE + timeline, "t.yaml"), 0).run();
    }

    @Test
    void theTeardownCountsTheEniAndWaitsFromItsRequestToTheEnisDeletion() throws Exception {
        RunResult r = run("");
        RunSummary.Teardown t = r.summary().teardowns().get(0);
        assertEquals("deleteFunction", t.action());
        assertEquals(30, t.requestedAtSeconds());
        assertEquals(1, t.enis(), "the ENI being created at 30 s is the teardown's");
        assertEquals(630, t.waitSeconds(), "ready at 60 s, deleted 10 min later: 630 s after the DeleteFunction");
        assertEquals(0, t.orphaned());
        assertNull(t.cancelled());
        // the ENI's own lifetime is unchanged: its deletion is requested when it is ready
        RunResult.EniLifetime e = r.enis().get(0);
        assertEquals(OptionalDouble.of(60), e.readySeconds());
        assertEquals(OptionalDouble.of(60), e.deletionRequestedSeconds());
        assertEquals(OptionalDouble.of(660), e.endedSeconds());
    }

    @Test
    void aUserBackBeforeTheEniIsReadyKeepsItAndTheTeardownSaysWhy() throws Exception {
        RunResult r = run("  - { at: 45s, action: createFunction, function: f1 }\n");
        RunSummary.Teardown t = r.summary().teardowns().get(0);
        assertEquals(1, t.enis());
        assertNull(t.waitSeconds(), "the ENI was kept: the teardown never finished");
        assertEquals(List.of(new RunSummary.Cancelled("eni-0001", 45, "f1")), t.cancelled());
        assertEquals("Active", r.summary().functions().get("f1").finalState());
        assertEquals(OptionalDouble.empty(), r.enis().get(0).deletionRequestedSeconds(), "never deleted");
    }

    @Test
    void anEniReleasedWhileCreatingThenTakenBackWhileDeletingIsTheLaterTeardownsOnly() throws Exception {
        // released at 30 s, deleting from 60 s, taken back at 5 min (hyperplane.reuseDeletingEni), deleted again at 20
        // min: the first teardown never finished, the second waited its 10 min
        RunResult r = run("""
                  - { at: 5m, action: createFunction, function: f1 }
                  - { at: 20m, action: deleteFunction, function: f1 }
                """);
        List<RunSummary.Teardown> ts = r.summary().teardowns();
        assertEquals(2, ts.size(), ts.toString());
        assertEquals(1, ts.get(0).enis());
        assertNull(ts.get(0).waitSeconds(), ts.toString());
        assertEquals(List.of(new RunSummary.Cancelled("eni-0001", 300, "f1")), ts.get(0).cancelled());
        assertEquals(1200, ts.get(1).requestedAtSeconds());
        assertEquals(1, ts.get(1).enis());
        assertEquals(600, ts.get(1).waitSeconds(), ts.toString());
    }

    @Test
    void anEniOrphanedWhenReadyIsCountedAndWaitedForUntilDeletedByHand() throws Exception {
        // the role loses its permissions before the ENI is ready: Lambda cannot delete it, it is orphaned at 60 s and
        // deleted by hand at 5 min
        RunResult r = run("""
                  - { at: 40s, action: revokeRolePermissions, role: f1-role }
                  - { at: 5m, action: deleteOrphanedEnis }
                """);
        RunSummary.Teardown t = r.summary().teardowns().get(0);
        assertEquals(1, t.enis());
        assertEquals(1, t.orphaned());
        assertEquals(270, t.waitSeconds());
    }
}
