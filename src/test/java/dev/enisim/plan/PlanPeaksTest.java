package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A demand run's figures after the warm-up ({@link Planner#peaks}), read off one small run (3 minutes in buckets of
 * 10 s, a warm-up of 30 s: buckets 0 to 2), figure by figure. ENIs of 10 connections each, created in 2 s:
 * <ul>
 * <li>{@code api} (subnets s1 and s2, sg-a): 60/s of 1 s in the warm-up, 10/s, then 30/s. Its keys keep the ENIs the
 * warm-up made (4 in s1, 5 in s2), but after it their connections (at most 24 and 29) fill 3: 3 each.</li>
 * <li>{@code late} (s1, sg-b): 5/s, then 100/s from minute 2: its key grows past the 2 ENIs it had in the warm-up, to
 * 13, and those made after it count whole; it refuses connections while they are made (773 after the warm-up).</li>
 * <li>{@code plain}: no VPC. s3 and VPC w: no function.</li>
 * </ul>
 * Per subnet the addresses Lambda held less the ENIs the warm-up left beyond the need; per VPC its ENIs likewise.
 */
class PlanPeaksTest {

    static final String YAML = """
            name: peaks
            seed: 3
            duration: 3m
            bucket: 10s
            hyperplane: { connectionsPerEni: 10, eniCreateTime: 2s }
            vpcs:
              - id: v
                subnets:
                  - { id: s1, cidr: 10.1.0.0/24, az: a, otherUsedIps: 5 }
                  - { id: s2, cidr: 10.1.1.0/24, az: b, otherUsedIps: 7 }
                  - { id: s3, cidr: 10.1.2.0/24, az: c }
                securityGroups: [sg-a, sg-b]
              - id: w
                subnets:
                  - { id: t1, cidr: 10.2.0.0/24, az: a }
                securityGroups: [sg-w]
            functions:
              - name: api
                existing: Active
                vpcConfig: { subnetIds: [s1, s2], securityGroupIds: [sg-a] }
                initDuration: 0s
                duration: 1s
                arrivals: { schedule: { phases: [ { rate: 60/s, for: 30s }, { rate: 10/s, for: 90s },
                    { rate: 30/s, for: 60s } ] } }
              - name: late
                existing: Active
                vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-b] }
                initDuration: 0s
                duration: 1s
                arrivals: { schedule: { phases: [ { rate: 5/s, for: 120s }, { rate: 100/s, for: 60s } ] } }
              - name: plain
                initDuration: 0s
                duration: 1s
                arrivals: { poisson: 5/s }
            """;

    private static final long WARM_UP = 30_000_000L;

    private static RunResult run(Scenario s) {
        return new Simulation(s, 0).run();
    }

    @Test
    void afterTheWarmUpEachFigureIsWhatTheTrafficAfterItNeeds() throws Exception {
        Scenario s = ScenarioLoader.parse(YAML, "peaks");
        RunResult res = run(s);
        RunSummary r = res.summary();
        // the premises: the whole run's peaks
        assertEquals(4, r.eniKeys().get("s1+[sg-a]").peakEnis());
        assertEquals(5, r.eniKeys().get("s2+[sg-a]").peakEnis());
        assertEquals(13, r.eniKeys().get("s1+[sg-b]").peakEnis());
        assertEquals(163, refusals(r, "api"), "api's refusals, all but one in its first 10 s");
        assertEquals(775, refusals(r, "late"));
        Planner.Peaks p = new Planner(s, 1, line -> { }).warmUp(WARM_UP).peaks(res);
        assertTrue(p.excluded(), "the warm-up's buckets were left out");
        assertEquals(Map.of("s1+[sg-a]", 3L, "s2+[sg-a]", 3L, "s1+[sg-b]", 13L), p.keyEnis(),
                "the warm-up's ENIs beyond the connections' need do not count; those made after it count whole");
        assertEquals(Map.of("s1+[sg-a]", 24L, "s2+[sg-a]", 29L, "s1+[sg-b]", 126L), p.keyConnections(),
                "the most connections after the warm-up");
        // s1: 251 usable - 5 others - 229 free = 17 held at the end, 2 of them api's ENIs beyond its need (4 - 2 at
        // 20 connections); s2: 251 - 7 - 239 = 5, less 2 (5 - 3 at 24 connections); s3 and t1: none
        assertEquals(Map.of("s1", 15L, "s2", 3L, "s3", 0L, "t1", 0L), p.subnetIps());
        // v: 22 ENIs at the end, less the same 2 + 2; w: none
        assertEquals(Map.of("v", 18L, "w", 0L), p.vpcEnis());
        assertEquals(Map.of("api", 0L, "late", 773L, "plain", 0L), p.refused(),
                "at most each function's errors after the warm-up: api's were all in it, late's all but 2 after it");
        assertEquals(Map.of("api", 150_000_000L, "late", 150_000_000L, "plain", 150_000_000L), p.judgedMicros(),
                "3 min less the warm-up's three buckets of 10 s");
    }

    /** No warm-up, or one a bucket cannot tell apart (buckets of 10 s, a warm-up of 5 s): the run's own figures. */
    @Test
    void withNothingLeftOutTheFiguresAreTheRunsOwn() throws Exception {
        Scenario s = ScenarioLoader.parse(YAML, "peaks");
        RunResult res = run(s);
        RunSummary r = res.summary();
        for (long warmUp : new long[] {0, 5_000_000L}) {
            Planner.Peaks p = new Planner(s, 1, line -> { }).warmUp(warmUp).peaks(res);
            assertFalse(p.excluded(), "nothing left out at a warm-up of " + warmUp);
            assertEquals(Map.of("s1+[sg-a]", 4L, "s2+[sg-a]", 5L, "s1+[sg-b]", 13L), p.keyEnis());
            assertEquals(Map.of("s1+[sg-a]", 34L, "s2+[sg-a]", 40L, "s1+[sg-b]", 126L), p.keyConnections());
            assertEquals(Map.of("s1", 17L, "s2", 5L, "s3", 0L, "t1", 0L), p.subnetIps(), "251 - others - fewest free");
            assertEquals(Map.of("v", 22L, "w", 0L), p.vpcEnis());
            assertEquals(Map.of("api", 163L, "late", 775L, "plain", 0L), p.refused());
            assertEquals(Map.of("api", 180_000_000L, "late", 180_000_000L, "plain", 180_000_000L), p.judgedMicros());
        }
    }

    /**
     * An ENI made after the warm-up counts whole though the connections never fill it: a burst of 8 s (60/s of 1 s
     * on ENIs of 10 connections) asks for a second ENI, which Lambda keeps while the traffic falls back to 2/s (at
     * most 10 connections, one ENI's worth, in any bucket after the warm-up).
     */
    @Test
    void anEniMadeAfterTheWarmUpCountsWholeThoughItsConnectionsFillLess() throws Exception {
        String burst = "{ schedule: { phases: [ { rate: 2/s, for: 90s }, { rate: 60/s, for: 8s },"
                + " { rate: 2/s, for: 82s } ] } }";
        Scenario s = ScenarioLoader.parse(PlanLimitsAfterWarmUpTest.vpcRun("20s", "", "10.1.0.0/24", burst), "burst");
        Planner.Peaks p = new Planner(s, 1, line -> { }).warmUp(WARM_UP).peaks(run(s));
        assertEquals(Map.of("s1+[sg-1]", 10L), p.keyConnections(), "one ENI's worth at most");
        assertEquals(Map.of("s1+[sg-1]", 2L), p.keyEnis(), "the second ENI, made after the warm-up, counts whole");
        assertEquals(Map.of("s1", 2L), p.subnetIps());
        assertEquals(Map.of("v", 2L), p.vpcEnis());
    }

    private static long refusals(RunSummary r, String function) {
        Map<String, Long> c = r.functions().get(function).invocations().functionErrorCauses();
        return c.getOrDefault("NoFreePortOnEni", 0L) + c.getOrDefault("ErrorPortAllocation", 0L);
    }
}
