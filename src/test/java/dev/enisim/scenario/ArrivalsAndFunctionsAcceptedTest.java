package dev.enisim.scenario;

import static dev.enisim.scenario.FieldRulesTest.GOOD;
import static dev.enisim.scenario.FieldRulesTest.fn;
import static dev.enisim.scenario.FieldRulesTest.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.SimEvent;
import dev.enisim.workload.ArrivalSpec;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arrivals, functions and the timeline at the edges of what scenarios/README.md allows: accepted with their values
 * (rates per second, times in microseconds, the timeline in time order), and the bad shapes' problems.
 */
class ArrivalsAndFunctionsAcceptedTest {

    private static final long SEC = 1_000_000L;
    private static final long MIN = 60 * SEC;

    private static ArrivalSpec arrivals(String spec) throws Exception {
        return ScenarioLoader.parse(GOOD.replace("arrivals: { poisson: 5/s }", "arrivals: " + spec), "t.yaml")
                .functions().get(0).arrivals();
    }

    @Test
    void arrivalShapesAtTheirEdges() throws Exception {
        // a list of one process is that process; of two, their sum
        assertEquals(new ArrivalSpec.Poisson(5, 0, Long.MAX_VALUE), arrivals("[{ poisson: 5/s }]"));
        assertEquals(new ArrivalSpec.Superposition(List.of(new ArrivalSpec.Poisson(5, 0, Long.MAX_VALUE),
                new ArrivalSpec.Constant(2.0 / 60, 10 * MIN, Long.MAX_VALUE))),
                arrivals("[{ poisson: 5/s }, { constant: 2/m, from: 10m }]"));
        // a window of one microsecond
        assertEquals(new ArrivalSpec.Poisson(5, MIN, MIN + 1), arrivals("{ poisson: 5/s, from: 1m, until: 60000001us }"));
        // a flat diurnal (trough = peak), a period of 1us; the README's defaults: peak at 14h, a period of 1d
        assertEquals(new ArrivalSpec.Diurnal(5, 5, 14 * 60 * MIN, 1, 0, Long.MAX_VALUE),
                arrivals("{ diurnal: { peak: 5/s, trough: 5/s, period: 1us } }"));
        assertEquals(new ArrivalSpec.Diurnal(5, 0, 14 * 60 * MIN, 24 * 60 * MIN, 0, Long.MAX_VALUE),
                arrivals("{ diurnal: { peak: 5/s, trough: 0/s } }"));
        // bursts end to end (each starts as the previous ends), a base rate, starts sorted
        ArrivalSpec.Bursts b = (ArrivalSpec.Bursts) arrivals("{ bursts: { base: 2/m, rate: 5/s, duration: 1m, at: [6m, 5m] } }");
        assertArrayEquals(new long[] {5 * MIN, 6 * MIN}, b.startsMicros());
        assertEquals(2.0 / 60, b.basePerSecond(), 1e-15);
        assertEquals(5.0, b.burstPerSecond());
        assertEquals(MIN, b.burstMicros());
        assertEquals(0.0, ((ArrivalSpec.Bursts) arrivals("{ bursts: { rate: 5/s, duration: 1m, at: [5m] } }"))
                .basePerSecond(), "no base: no traffic between bursts");
    }

    @Test
    void functionsAtTheirEdges() throws Exception {
        // an existing function created at 0s is what existing means
        assertEquals(Scenario.Function.Existing.ACTIVE, ScenarioLoader.parse(fn("existing: Active\ncreatedAt: 0s"), "t")
                .functions().get(0).existing());
        assertEquals(Scenario.Function.Existing.INACTIVE, ScenarioLoader.parse(fn("existing: Inactive"), "t")
                .functions().get(0).existing());
        assertEquals(Scenario.Function.Existing.NO, ScenarioLoader.parse(GOOD, "t").functions().get(0).existing());
        // AWS: at most 16 subnets and 5 security groups per function
        StringBuilder subnets = new StringBuilder();
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            subnets.append("      - { id: s").append(i).append(", cidr: 10.1.").append(i).append(".0/28, az: us-east-1a }\n");
            ids.append(i == 0 ? "" : ", ").append('s').append(i);
        }
        String wide = GOOD.replace("    securityGroups: [sg-app, sg-db]\n",
                        subnets + "    securityGroups: [sg-app, sg-db, sg-3, sg-4, sg-5]\n")
                .replace("subnetIds: [subnet-a], securityGroupIds: [sg-app]",
                        "subnetIds: [" + ids + "], securityGroupIds: [sg-app, sg-db, sg-3, sg-4, sg-5]");
        Scenario.VpcConfig v = ScenarioLoader.parse(wide, "t").functions().get(0).vpcConfig();
        assertEquals(16, v.subnetIds().size());
        assertEquals(5, v.securityGroupIds().size());
        assertTrue(v.attached());
        // both lists empty: not attached
        assertFalse(ScenarioLoader.parse(GOOD.replace("subnetIds: [subnet-a], securityGroupIds: [sg-app]",
                "subnetIds: [], securityGroupIds: []"), "t").functions().get(0).vpcConfig().attached());
    }

    @Test
    void theTimelineIsInTimeOrderAndKeepsTheFileOrderForEqualTimes() throws Exception {
        Scenario s = ScenarioLoader.parse(GOOD + """
                timeline:
                  - { at: 10m, action: deleteFunction, function: f }
                  - { at: 5m, action: putProvisionedConcurrencyConfig, function: f, provisionedConcurrency: 100 }
                  - { at: 5m, action: deleteProvisionedConcurrencyConfig, function: f }
                  - { at: 1m, action: azOutage, az: us-east-1b, until: 60000001us }
                  - { at: 5m, action: deleteOrphanedEnis, subnet: subnet-b }
                  - { at: 5m, action: setOtherUsedEnis, vpc: vpc-main, otherUsedEnis: 0 }
                """, "t");
        assertEquals(List.of(
                new Scenario.At(MIN, new SimEvent.AzAvailability(1, true)),
                new Scenario.At(MIN + 1, new SimEvent.AzAvailability(1, false)),
                new Scenario.At(5 * MIN, new SimEvent.PutProvisionedConcurrency(0, 100)),
                new Scenario.At(5 * MIN, new SimEvent.PutProvisionedConcurrency(0, 0)),
                new Scenario.At(5 * MIN, new SimEvent.DeleteOrphanedEnis(OptionalInt.of(1))),
                new Scenario.At(5 * MIN, new SimEvent.SetOtherUsedEnis(0, 0)),
                new Scenario.At(10 * MIN, new SimEvent.DeleteFunction(0))), s.timeline());
        // without a reservation, provisioned concurrency up to the unreserved 900
        Scenario open = ScenarioLoader.parse(GOOD.replace("    reservedConcurrency: 100\n", "") + """
                timeline:
                  - { at: 5m, action: putProvisionedConcurrencyConfig, function: f, provisionedConcurrency: 900 }
                """, "t");
        assertEquals(List.of(new Scenario.At(5 * MIN, new SimEvent.PutProvisionedConcurrency(0, 900))), open.timeline());
    }

    static Stream<Arguments> badEdits() {
        return Stream.of(
                row("arrivals that are a rate", GOOD.replace("arrivals: { poisson: 5/s }", "arrivals: 5/s"),
                        "functions[0].arrivals: expected an object (key: value pairs), got '5/s'"),
                row("bursts that are a rate", GOOD.replace("arrivals: { poisson: 5/s }", "arrivals: { bursts: 5/s }"),
                        "functions[0].arrivals.bursts: expected an object (key: value pairs), got '5/s'"),
                row("a schedule that is a rate", GOOD.replace("arrivals: { poisson: 5/s }", "arrivals: { schedule: 5/s }"),
                        "functions[0].arrivals.schedule: expected an object (key: value pairs), got '5/s'"),
                row("a trace that is a file name", GOOD.replace("arrivals: { poisson: 5/s }", "arrivals: { trace: t.csv }"),
                        "functions[0].arrivals.trace: expected an object (key: value pairs), got 't.csv'"),
                row("a phase with a bad rate", GOOD.replace("arrivals: { poisson: 5/s }",
                                "arrivals: { schedule: { phases: [{rate: 5, for: 1m}] } }"),
                        "functions[0].arrivals.schedule.phases[0].rate: expected a positive rate with a unit, like 50/s or "
                                + "3000/m, got 5"),
                row("functions an empty list", GOOD.substring(0, GOOD.indexOf("functions:")) + "functions: []\n",
                        "functions: at least one function is required"),
                row("functions not a list", GOOD.substring(0, GOOD.indexOf("functions:")) + "functions: f\n",
                        "functions: expected a list, got 'f'", "functions: at least one function is required"),
                row("an unknown first subnet of two", GOOD.replace("subnetIds: [subnet-a]", "subnetIds: [subnet-x, subnet-a]"),
                        "functions[0].vpcConfig.subnetIds[0]: unknown subnet 'subnet-x' (known: subnet-a, subnet-b); did "
                                + "you mean 'subnet-a'?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEdits")
    void eachBadEditGivesExactlyItsProblems(String what, String yaml, List<String> expected) {
        new FieldRulesTest().eachBadEditGivesExactlyItsProblems(what, yaml, expected);
    }

    @Test
    void smallTablesOfThePackage() {
        assertEquals(List.of("documented", "field"), AssumptionPreset.labels());
        assertEquals(PriceTable.DEFAULT.arm64(), PriceTable.DEFAULT.rates("arm64"));
        assertEquals(PriceTable.DEFAULT.x86_64(), PriceTable.DEFAULT.rates("x86_64"));
        // the README's assumptions table lists the field reports and enisim's assumptions, not AWS's documentation
        assertTrue(Defaults.Source.FIELD.assumption());
        assertTrue(Defaults.Source.ASSUMED.assumption());
        assertFalse(Defaults.Source.DOCUMENTED.assumption());
        assertFalse(Defaults.Source.DOCUMENTED_OLD.assumption());
        assertFalse(Defaults.Source.ENISIM.assumption());
    }
}
