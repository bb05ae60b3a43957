package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.iac.Change;
import dev.enisim.metrics.RunSummary;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gate's two runs, before and after a change that creates {@code kept} in a second account: the first account's
 * {@code kept} is {@code kept} before and {@code 100000000000:kept} after, the same function. Matched by account and
 * name, its throttles (a reservation of 1 at 20/s) are in both runs alike: none is the change's, and the created
 * function alone is reported as added. By label, the existing one was a function the change created (its failures
 * counted as the new function's) and the new one went unreported; and its streams, named by its label, drew other
 * arrivals after the change.
 */
class GateSameNameMatchingTest {

    private static final String BEFORE = """
            name: matching
            seed: 7
            duration: 10m
            bucket: 1m
            accounts:
              - { id: "100000000000" }
              - { id: "200000000000" }
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/24, az: eu-west-1a }
                securityGroups: [sg-app]
            functions:
              - name: kept
                existing: Active
                reservedConcurrency: 1
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                duration: { dist: exponential, mean: 500ms }
                arrivals: { poisson: 20/s }
            """;

    private static final String AFTER = BEFORE + """
              - name: kept
                account: "200000000000"
                createdAt: 1m
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                duration: { dist: constant, value: 100ms }
                arrivals: { poisson: 1/s }
            """;

    @Test
    void theFirstAccountsFunctionIsTheSameFunctionAfterASecondAccountsOfItsNameIsCreated() throws Exception {
        Scenario before = ScenarioLoader.parse(BEFORE, "before.yaml");
        Scenario after = ScenarioLoader.parse(AFTER, "after.yaml");
        RunSummary b = new Simulation(before, 0).run().summary();
        RunSummary a = new Simulation(after, 0).run().summary();
        assertEquals(List.of("100000000000:kept", "200000000000:kept"), List.copyOf(a.functions().keySet()));
        long throttled = Impact.failures(b.functions().get("kept"));
        assertTrue(throttled > 100, "kept throttles at a reservation of 1: " + throttled);
        assertEquals(throttled, Impact.failures(a.functions().get("100000000000:kept")),
                "the same draws before and after: the change's effect, not the dice's");
        Change.Function created = new Change.Function("kept", "t.yaml: Resources.Kept", Change.Action.CREATE, true,
                List.of("subnet-a"), List.of("sg-app"), null, null, null, 0, false, null, "200000000000");
        Change change = new Change(List.of(created), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of("t.yaml"));
        Impact i = Impact.of(b, a, change, 60,
                Impact.Matching.of(before, after, change, List.of("200000000000:kept")));
        assertEquals(List.of("200000000000:kept"), i.functions().stream().map(Impact.FunctionImpact::name).toList());
        assertEquals(List.of("create"), i.functions().stream().map(Impact.FunctionImpact::action).toList());
        assertEquals(0, i.extraFailedInvocations(), "the existing function fails as before");
        assertEquals(Map.of(), i.existingErrors());
        long mine = Impact.failures(a.functions().get("200000000000:kept"));
        assertEquals(mine, i.createdErrors().values().stream().mapToLong(Long::longValue).sum(),
                "only the created function's failures are the created functions'");
    }
}
