package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.metrics.Metric;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A key's scale-out inside another function's warm-up counts for its subnet and VPC though the ENIs are gone before
 * the run ends ({@link Planner#peaks}: a bucket in some function's warm-up still counts through the keys outside
 * their own). 3 minutes in buckets of 10 s, a warm-up of 30 s, ENIs of 10 connections made in 2 s and deleted in 5 s:
 * <ul>
 * <li>{@code api} (s1, sg-a), Active from the start: 2/s of 1 s, 40/s from 55 to 70 s, then deleted at 75 s (a
 * deleteFunction on the timeline): its key scales out from 1 ENI to 6 and Lambda deletes them all.</li>
 * <li>{@code batch} (s1, sg-b), created at 50 s, Active at 52 s: its warm-up lasts to 82 s (buckets 5 to 8), the
 * whole of api's scale-out (besides the run's first 30 s, every function's).</li>
 * </ul>
 * api's 6 ENIs were held outside its own warm-up, so the subnet and the VPC held them; only batch's ENI, in its own
 * warm-up there, is left out. PIT (session 61) left the mutants that ignore this alive: the tests' keys all held
 * their ENIs to the run's end, whose bucket counts anyway, so "a key outside its own warm-up held ENIs" never
 * decided a figure; read without it, s1 and v peaked at 1 (batch's ENI after its warm-up, api's before the burst).
 */
class PlanScaleOutInAnotherWarmUpTest {

    static final String YAML = """
            name: handover
            seed: 3
            duration: 3m
            bucket: 10s
            hyperplane: { connectionsPerEni: 10, eniCreateTime: 2s, eniDeleteTime: 5s }
            vpcs:
              - id: v
                subnets:
                  - { id: s1, cidr: 10.1.0.0/24, az: a }
                securityGroups: [sg-a, sg-b]
            functions:
              - name: api
                existing: Active
                vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-a] }
                initDuration: 0s
                duration: 1s
                arrivals: { schedule: { phases: [ { rate: 2/s, for: 55s }, { rate: 40/s, for: 15s },
                    { rate: 2/s, for: 5s } ] } }
              - name: batch
                createdAt: 50s
                vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-b] }
                initDuration: 0s
                duration: 1s
                arrivals: { poisson: 1/s, from: 50s }
            timeline:
              - { at: 75s, action: deleteFunction, function: api }
            """;

    @Test
    void aScaleOutGoneBeforeTheEndCountsThroughAnotherFunctionsWarmUp() throws Exception {
        Scenario s = ScenarioLoader.parse(YAML, "handover");
        RunResult res = new Simulation(s, 0).run();
        // the premises: api's key scales out in buckets 5 to 8 and holds nothing from bucket 9; batch's from bucket 5
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 4, 6, 6, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                res.timeSeries().get(Metric.HYPERPLANE_ENI_COUNT, Metric.Scope.ENI_KEY, "s1+[sg-a]").values());
        assertArrayEquals(new long[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
                res.timeSeries().get(Metric.HYPERPLANE_ENI_COUNT, Metric.Scope.ENI_KEY, "s1+[sg-b]").values());
        boolean[] batchWarm = Planner.warmUpBuckets(res.timeSeries(), res.summary().functions().get("batch"),
                30_000_000L, s.durationMicros());
        for (int i = 0; i < batchWarm.length; i++) {
            assertEquals(i <= 2 || i >= 5 && i <= 8, batchWarm[i], "the run's and batch's warm-ups, bucket " + i);
        }
        Planner.Peaks p = new Planner(s, 1, line -> { }).warmUp(30_000_000L).peaks(res);
        assertEquals(Map.of("s1+[sg-a]", 6L, "s1+[sg-b]", 1L), p.keyEnis(),
                "api's ENIs made after its warm-up count whole");
        assertEquals(Map.of("s1", 6L), p.subnetIps(), "api's 6 in batch's warm-up; batch's own ENI left out there");
        assertEquals(Map.of("v", 6L), p.vpcEnis(), "the VPC likewise");
    }
}
