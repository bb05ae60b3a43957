package dev.enisim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.run.SummaryShape;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Nothing was rejected" could not be asserted (review r1 of session 61): summary.json leaves {@code rejectedActions}
 * out when Lambda refused no timeline action, so every path into it was an unknown metric. The check now reads
 * {@code rejectedActions.count} (0 then) and an empty list; summary.json is unchanged.
 */
class RejectedActionsCountTest {

    private static final String UPDATES = """
            name: night
            seed: 3
            duration: 20m
            vpcs:
              - id: vpc-a
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }
                  - { id: subnet-b, cidr: 10.0.1.0/24, az: us-east-1b }
                securityGroups: [sg-a, sg-b]
            hyperplane:
              eniCreateTime: { dist: constant, value: 2m }
            functions:
              - name: api
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            timeline:
              - at: 5m
                action: updateVpcConfig
                function: api
                vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg-b] }
              - at: 5m30s
                action: updateVpcConfig
                function: api
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-b] }
            """;

    /** The first update only: Lambda refuses nothing. */
    private static final String ONE = UPDATES.substring(0, UPDATES.indexOf("  - at: 5m30s"));

    private static List<Checker.Result> check(String yaml, String... sentences) throws Exception {
        Scenario s = ScenarioLoader.parse(yaml, "night.yaml");
        List<Expectation> e = java.util.Arrays.stream(sentences).map(Expectation::parse).toList();
        assertEquals(List.of(), Checker.unknownMetrics(s, e), "validate and check take it before the run");
        RunResult r = new Simulation(s, 0).run();
        return Checker.evaluate(e, List.of(r), "night.yaml");
    }

    @Test
    void nothingRejectedIsACountOfZeroThoughSummaryJsonLeavesTheListOut() throws Exception {
        RunResult quiet = new Simulation(ScenarioLoader.parse(ONE, "night.yaml"), 0).run();
        assertFalse(SummaryShape.tree(quiet.summary()).has("rejectedActions"), "summary.json is unchanged");
        List<Checker.Result> r = check(ONE, "rejectedActions.count == 0");
        assertTrue(r.get(0).passed(), r.toString());
        assertEquals("0", r.get(0).actual());
        assertFalse(check(ONE, "rejectedActions.count > 0").get(0).passed());
    }

    @Test
    void oneRejectedCountsOneAndItsElementReadsAsBefore() throws Exception {
        List<Checker.Result> r = check(UPDATES, "rejectedActions.count == 1",
                "rejectedActions[0].error == ResourceConflictException", "rejectedActions.count == 0");
        assertEquals(List.of(true, true, false), r.stream().map(Checker.Result::passed).toList(), r.toString());
    }

    @Test
    void anElementOfAnEmptyListOrTheWholeListIsSaidPlainly() throws Exception {
        ScenarioException e = assertThrows(ScenarioException.class, () -> check(ONE,
                "rejectedActions[0].error == ResourceConflictException"));
        assertTrue(e.getMessage().contains("unknown metric 'rejectedActions[0].error': 'rejectedActions' has 0"
                + " element(s) in this run"), e.getMessage());
        List<dev.enisim.scenario.Problem> whole = Checker.unknownMetrics(ScenarioLoader.parse(ONE, "night.yaml"),
                List.of(Expectation.parse("rejectedActions == 0")));
        assertEquals("'rejectedActions' is a list, not one figure: name a field of one of its elements"
                + " (rejectedActions[0]...), or how many it holds, rejectedActions.count", whole.get(0).message());
    }
}
