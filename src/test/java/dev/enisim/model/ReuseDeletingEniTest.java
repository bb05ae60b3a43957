package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code hyperplane.reuseDeletingEni} [assumed]: f1 (existing, key subnet-a+[sg-1]) is deleted at 5 min, its ENI's
 * deletion takes 20 min; f2, of the same key, is created at 10 min, while the ENI is being deleted (the domain
 * expert's reproducer p15). AWS documents nothing about a new user of a key during the deletion delay.
 */
class ReuseDeletingEniTest {

    private static final String SCENARIO = """
            name: reuse-deleting
            seed: 1
            duration: 1h
            bucket: 1m
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                securityGroups: [sg-1]
            hyperplane:
              eniDeleteTime: 20m
              eniCreateTime: 30s
            %s
            functions:
              - name: f1
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                duration: 100ms
                arrivals: { constant: 1/m }
              - name: f2
                createdAt: 10m
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                duration: 100ms
                arrivals: { constant: 1/m }
            timeline:
              - { at: 5m, action: deleteFunction, function: f1 }
            """;

    private static RunResult run(String reuseLine) throws Exception {
        return new Simulation(ScenarioLoader.parse(SCENARIO.formatted(reuseLine), "reuse.yaml"), 0)
                .checkingInvariants().run();
    }

    /** By default f2 takes the ENI back: one ENI, no new IP, Active after attachExistingTime (5 s). */
    @Test
    void byDefaultTheNewFunctionTakesTheEniBackAndTheTeardownSaysItWasCancelled() throws Exception {
        RunResult r = run("");
        assertEquals(1, r.summary().enis().created(), "no second ENI");
        assertEquals(1, r.enis().size());
        RunSummary.Teardown t = r.summary().teardowns().get(0);
        assertEquals("f1", t.function());
        assertNull(t.waitSeconds(), "the deletion never finished");
        assertEquals(List.of(new RunSummary.Cancelled("eni-0001", 600.0, "f2")), t.cancelled(),
                "the teardown says why its wait is null");
        assertTrue(r.actions().stream().anyMatch(a -> a.atSeconds() == 600.0
                && a.description().startsWith("Deletion of eni-0001 cancelled: f2 took it back")),
                r.actions().toString());
        assertEquals(List.of("Pending@600.0", "Active@605.0"), states(r, "f2"));
    }

    /** With false, the ENI finishes deleting at 25 min and f2 waits for a new one (eniCreateTime, 30 s). */
    @Test
    void withoutReuseTheNewFunctionGetsANewEniWhileTheOldOneFinishesDeleting() throws Exception {
        RunResult r = run("  reuseDeletingEni: false");
        assertEquals(2, r.summary().enis().created(), "a second ENI for the same key");
        assertEquals(2, r.summary().enis().peak(), "two IPs and two quota slots held at once");
        RunSummary.Teardown t = r.summary().teardowns().get(0);
        assertEquals(1200.0, t.waitSeconds(), "f1's ENI deleted after its 20 minutes");
        assertNull(t.cancelled());
        assertEquals(List.of("Pending@600.0", "Active@630.0"), states(r, "f2"));
        assertTrue(r.actions().stream().noneMatch(a -> a.description().contains("cancelled")));
        assertEquals(1, r.summary().eniKeys().get("subnet-a+[sg-1]").finalEnis());
    }

    /** A key that was never being deleted: no cancellation is recorded, the teardown has no cancelled list. */
    @Test
    void aTeardownWithoutReuseHasNoCancelledList() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(SCENARIO.formatted("").replace("createdAt: 10m",
                "createdAt: 40m"), "reuse.yaml"), 0).checkingInvariants().run();
        RunSummary.Teardown t = r.summary().teardowns().get(0);
        assertEquals(1200.0, t.waitSeconds());
        assertNull(t.cancelled());
    }

    private static List<String> states(RunResult r, String name) {
        return r.summary().functions().get(name).transitions().stream()
                .map(t -> t.state() + "@" + t.atSeconds()).toList();
    }
}
