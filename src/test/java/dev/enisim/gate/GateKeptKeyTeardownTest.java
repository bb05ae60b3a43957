package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.enisim.iac.Change;
import dev.enisim.metrics.RunSummary;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function the change deletes whose key another function still uses releases no ENI: its teardown wait reads "-"
 * (no teardown: the key stays), not "0s" (a planner's review: reconcile-batch's "teardown wait 0s" read as a
 * teardown that took no time). One whose key it alone used still has its measured wait.
 */
class GateKeptKeyTeardownTest {

    @TempDir
    Path dir;

    private static final String ACCOUNT = """
            name: kept-key
            seed: 7
            duration: 2h
            bucket: 1m
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/24, az: eu-west-1a }
                securityGroups: [sg-shared, sg-own]
            functions:
              - name: stays
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-shared] }
                duration: 100ms
                arrivals: { poisson: 1/s }
              - name: shared-gone
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-shared] }
                duration: 100ms
                arrivals: { poisson: 1/s }
              - name: own-gone
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-own] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    private RunSummary runOf(String yaml) throws Exception {
        Path p = Files.writeString(dir.resolve("s" + System.nanoTime() + ".yaml"), yaml);
        return new Simulation(ScenarioLoader.load(p), 0).run().summary();
    }

    private static Change.Function deleted(String name) {
        return new Change.Function(name, "t.yaml: Resources." + name, Change.Action.DELETE, true, List.of(),
                List.of(), null, null, null, 0, false);
    }

    @Test
    void aDeletedFunctionWhoseKeyStaysHasNoTeardownWait() throws Exception {
        RunSummary before = runOf(ACCOUNT);
        RunSummary after = runOf(ACCOUNT + """
                timeline:
                  - { at: 5m, action: deleteFunction, function: shared-gone }
                  - { at: 5m, action: deleteFunction, function: own-gone }
                """);
        // the run records a teardown of no ENI for the function whose key stays
        RunSummary.Teardown none = after.teardowns().stream().filter(t -> t.function().equals("shared-gone"))
                .findFirst().orElseThrow();
        assertEquals(0, none.enis(), none.toString());
        Change change = new Change(List.of(deleted("shared-gone"), deleted("own-gone")), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of("t.yaml"));
        Impact i = Impact.of(before, after, change, 300);
        Impact.FunctionImpact shared = i.functions().stream().filter(f -> f.name().equals("shared-gone")).findFirst()
                .orElseThrow();
        Impact.FunctionImpact own = i.functions().stream().filter(f -> f.name().equals("own-gone")).findFirst()
                .orElseThrow();
        assertNull(shared.teardownSeconds(), "the key stays for 'stays': no teardown, '-' in the table");
        double ownWait = after.teardowns().stream().filter(t -> t.function().equals("own-gone")).findFirst()
                .orElseThrow().waitSeconds();
        assertEquals(ownWait, own.teardownSeconds(), "its own key's ENI: the measured wait");
    }
}
