package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.scenario.Defaults;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every assumed default ({@code [assumed]} or {@code [field]} in scenarios/README.md, an assumption of
 * {@link Defaults#TABLE}) has a value the report prints: {@link Assumptions#rows} writes it, or finds it in its
 * {@code VALUES}. A default added to the table without one made every run where its block is in force stop with an
 * internal error (exit 3; a new contributor's review): here it fails the build. The scenarios below put every block
 * in force between them (both network models, both scaling models, asynchronous functions with a destination and a
 * dead-letter queue, a queue, provisioned concurrency, egress, a warm start); a default none of them puts in force
 * fails too, until a scenario here does.
 */
class AssumptionsValuesTest {

    /** Every block a function can put in force, in four functions. */
    private static final String FUNCTIONS = """
              - { name: api, existing: Active, warmEnvironments: 2,
                  vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] },
                  duration: 200ms, arrivals: { poisson: 5/s } }
              - { name: events, invocationType: Event, provisionedConcurrency: 2,
                  eventInvokeConfig: { onFailure: { type: sqs } },
                  vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] },
                  duration: 200ms, arrivals: { poisson: 1/s } }
              - { name: letters, invocationType: Event, deadLetterConfig: { type: sqs },
                  vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] },
                  duration: 200ms, arrivals: { poisson: 1/s } }
              - { name: worker, eventSourceMapping: { type: sqs },
                  egress: { destinations: [{ destination: db }] },
                  vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] },
                  duration: 200ms, arrivals: { poisson: 1/s } }
            """;

    /** Hyperplane and legacy, each under both scaling models. */
    private static final List<String> SCENARIOS = List.of(
            Vpc1Yaml.head("t", "", true) + FUNCTIONS,
            Vpc1Yaml.head("t", "scaling: { model: legacy-burst }\n", true) + FUNCTIONS,
            Vpc1Yaml.head("t", "networkModel: legacy\n", true) + FUNCTIONS,
            Vpc1Yaml.head("t", "networkModel: legacy\nscaling: { model: legacy-burst }\n", true) + FUNCTIONS,
            Vpc1Yaml.head("t", AssumptionsInForceTest.TWO_ACCOUNTS + "\n", true) + FUNCTIONS);

    /** The fields the report printed a value for, over the scenarios (a missing value throws from rows()). */
    static Set<String> printed(List<String> scenarios) throws Exception {
        Set<String> out = new TreeSet<>();
        for (String yaml : scenarios) {
            Assumptions.rows(ScenarioLoader.parse(yaml, "t.yaml")).forEach(r -> out.add(r.field()));
        }
        return out;
    }

    /** The assumed defaults of the table the report printed no value for. */
    static List<String> unprinted(Set<String> printed) {
        List<String> out = new ArrayList<>();
        for (Defaults.Entry e : Defaults.TABLE) {
            if (e.source().assumption() && !printed.contains(e.path())) {
                out.add(e.path());
            }
        }
        return out;
    }

    @Test
    void everyAssumedDefaultHasAValueTheReportPrints() throws Exception {
        assertEquals(List.of(), unprinted(printed(SCENARIOS)),
                "assumed defaults with no value printed in any scenario: give each its row in report/Assumptions"
                        + " (VALUES) and, when no scenario here puts its block in force, add one that does");
    }

    /** The check above can fail: with no queue, no sqs.* value is printed. */
    @Test
    void aBlockNoScenarioPutsInForceIsCaught() throws Exception {
        List<String> left = unprinted(printed(List.of(SCENARIOS.get(0).replace("eventSourceMapping: { type: sqs },", ""))));
        assertEquals(true, left.contains("sqs.minBatches"), left.toString());
    }
}
