package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import dev.enisim.workload.ArrivalSpec;
import org.junit.jupiter.api.Test;

/**
 * {@code plan}'s teardown deletes the stack as its traffic left it: a key whose connections (65,000 per ENI)
 * scaled it out to several ENIs waits for all of them. It simulated the functions without traffic, one ENI per key, and so
 * told a planner of one deletion time where the stack waits for the longest of several.
 */
class PlanTeardownScaleOutTest {

    /** Environments of 30,000 connections each on one key (about 3 busy, more kept warm): several ENIs. */
    private static final String SCALED = """
            name: scaled
            seed: 7
            duration: 10m
            vpcs:
              - id: v
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: a }
                securityGroups: [sg-db]
            functions:
              - name: pool
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-db] }
                duration: 1s
                connectionsPerEnvironment: 30000
                arrivals: { poisson: 3/s }
            """;

    @Test
    void theTeardownWaitsForEveryEniTheKeyScaledOutTo() throws Exception {
        Scenario s = ScenarioLoader.parse(SCALED, "scaled");
        RunSummary asIs = new Simulation(s, 0).run().summary();
        long enis = asIs.enis().fin();
        assertTrue(enis > 1, "the premise: the key scales out (" + enis + " ENIs at the end)");
        Plan.TeardownWait t = new Planner(s, 3, line -> { }).plan().teardown();
        assertEquals(enis, t.enis(), "every one of the key's ENIs is deleted with the stack");
        double[] one = Planner.maxQuantiles(s.hyperplane().eniDeleteTime(), 1);
        assertTrue(t.analyticP50Seconds() > one[0], "the analytic wait is the longest of several deletion times");
    }

    /** The traffic stops at the scenario's end: nothing arrives at the deleted functions while they are torn down. */
    @Test
    void noInvocationArrivesAfterTheScenariosEnd() throws Exception {
        Scenario s = ScenarioLoader.parse(SCALED, "scaled");
        Scenario down = Variants.teardown(s, 50 * 60_000_000L);
        assertEquals(s.durationMicros(), down.functions().get(0).arrivals().untilMicros());
        RunSummary r = new Simulation(down, 0).run().summary();
        assertEquals(0L, r.invocations().errors().getOrDefault("ResourceNotFoundException", 0L),
                "no arrival meets a deleted function");
        assertEquals(1, r.teardowns().size(), r.teardowns().toString());
        assertEquals(new Simulation(s, 0).run().summary().enis().fin(), r.teardowns().get(0).enis(),
                "the same run until the end: the ENIs it ends with are the ones deleted");
    }

    /** Cutting a process's window keeps the draws before the cut: the same arrivals until then, none after. */
    @Test
    void untilCutsEveryShapeAtTheGivenTimeAndNotBefore() {
        long cut = 60_000_000L;
        ArrivalSpec[] shapes = {
            new ArrivalSpec.Poisson(5, 0, Long.MAX_VALUE),
            new ArrivalSpec.Constant(5, 0, 30_000_000L),
            new ArrivalSpec.Diurnal(10, 2, 0, 86_400_000_000L, 0, Long.MAX_VALUE),
            new ArrivalSpec.Bursts(1, 10, 5_000_000L, new long[] {10_000_000L}, 0, Long.MAX_VALUE),
            new ArrivalSpec.Schedule(new long[] {10_000_000L}, new double[] {3}, true, 0, Long.MAX_VALUE),
            new ArrivalSpec.Trace(new long[] {0, 90_000_000L}, new long[] {4, 4}, 1_000_000L, 1, "t.csv", 0,
                    Long.MAX_VALUE),
            new ArrivalSpec.Superposition(java.util.List.of(new ArrivalSpec.Poisson(5, 0, Long.MAX_VALUE),
                    new ArrivalSpec.Constant(1, 0, Long.MAX_VALUE))),
        };
        for (ArrivalSpec a : shapes) {
            ArrivalSpec c = a.until(cut);
            assertEquals(Math.min(a.untilMicros(), cut), c.untilMicros(), a.toString());
            assertEquals(a.fromMicros(), c.fromMicros(), a.toString());
            assertEquals(a.meanCount(0, cut), c.meanCount(0, cut), 1e-9, a.toString());
            assertEquals(0, c.meanCount(cut, cut * 10), 1e-9, "nothing after the cut: " + a);
        }
        assertEquals(new ArrivalSpec.None(), new ArrivalSpec.None().until(cut));
    }
}
