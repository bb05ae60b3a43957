package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.report.PlanReport;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The staggered rollout ({@code headroom.staggered}) counted one ENI per new key: a design whose keys scale out
 * (their connections pass an ENI's) asks EC2 for more once its functions take traffic, and the rollout it said (every
 * function at 0 s: their first ENIs fit the burst) was the deploy that EC2's request limit refused, its headroom
 * "first limit at x1.00: EC2-request-rate" like the design's as it is. The waves now leave room for the ENIs each
 * key scales to with the design's traffic (the most it had in the plan's demand runs).
 */
class PlanStaggeredScaleOutTest {

    /**
     * Four services, a key each: each environment keeps 10 connections, about 36 environments a function, so each
     * key passes an ENI's 300 and scales out to 2 ENIs (never 3: 600 is far above its peak); EC2 accepts 5 calls at
     * once, refilled 1 every 3 minutes.
     */
    static final String SCALES = """
            name: scales
            seed: 5
            duration: 20m
            bucket: 30s
            vpcs:
              - id: v
                subnets:
                  - { id: s1, cidr: 10.0.0.0/24, az: us-east-1a }
                securityGroups: [sg-a, sg-b, sg-c, sg-d]
            hyperplane:
              connectionsPerEni: 300
              ec2RequestLimit: { burst: 5, refill: 20/h }
            functions:
              - name: a
                vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-a] }
                duration: 1s
                connectionsPerEnvironment: 10
                arrivals: { poisson: 20/s }
              - name: b
                vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-b] }
                duration: 1s
                connectionsPerEnvironment: 10
                arrivals: { poisson: 20/s }
              - name: c
                vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-c] }
                duration: 1s
                connectionsPerEnvironment: 10
                arrivals: { poisson: 20/s }
              - name: d
                vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-d] }
                duration: 1s
                connectionsPerEnvironment: 10
                arrivals: { poisson: 20/s }
            """;

    private static final Map<String, Long> TWO_EACH = Map.of("s1+[sg-a]", 2L, "s1+[sg-b]", 2L, "s1+[sg-c]", 2L,
            "s1+[sg-d]", 2L);

    @Test
    void eachWaveLeavesRoomForTheEnisItsKeysScaleTo() throws Exception {
        Scenario s = ScenarioLoader.parse(SCALES, "scales");
        // one ENI a key: the four first ENIs fit the bucket of 5, every function at 0 s
        assertEquals(List.of(new Plan.Wave(0, List.of("a", "b", "c", "d"), 4)), Planner.rollout(s).waves());
        // two a key: a and b take 4 calls at 0 s; c's 2 are there 3 minutes later (1 left + 1 refilled), and a
        // second more; d's 2 six minutes after c
        Plan.Staggered r = Planner.rollout(s, TWO_EACH);
        assertNull(r.cannot());
        assertEquals(List.of(new Plan.Wave(0, List.of("a", "b"), 2, 2), new Plan.Wave(181, List.of("c"), 1, 1),
                new Plan.Wave(541, List.of("d"), 1, 1)), r.waves());
        // a key not in the demand runs, or one that did not scale out, costs its first ENI only
        assertEquals(Planner.rollout(s).waves(), Planner.rollout(s, Map.of("s1+[sg-a]", 1L)).waves());
    }

    @Test
    void aFunctionWhoseKeysScaleBeyondTheBurstWaitsForAFullBucketAndTheNextForTheRest() throws Exception {
        Scenario s = ScenarioLoader.parse(SCALES, "scales");
        // a's key scales to 7 ENIs, more than the 5 EC2 takes at once: a goes at 0 s with a full bucket; the bucket
        // owes 2, so b's 2 come after 4 refills (12 minutes), and a second more
        Plan.Staggered r = Planner.rollout(s, Map.of("s1+[sg-a]", 7L, "s1+[sg-b]", 2L));
        assertNull(r.cannot());
        assertEquals(new Plan.Wave(0, List.of("a"), 1, 6), r.waves().get(0));
        assertEquals(new Plan.Wave(721, List.of("b"), 1, 1), r.waves().get(1));
        // c and d do not scale out: their first ENIs come as the bucket has them
        assertEquals(List.of("c"), r.waves().get(2).functions());
        assertTrue(r.waves().get(2).atSeconds() > 721, r.waves().toString());
    }

    @Test
    void anExistingActiveFunctionsScaleOutIsTakenFromTheBucketAtTheStart() throws Exception {
        Scenario s = ScenarioLoader.parse(SCALES.replace("""
                  - name: a
                    vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-a] }
                """, """
                  - name: a
                    existing: Active
                    vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-a] }
                """), "scales");
        // a's key is there with one ENI and scales to 3: 2 of the 5 calls are its; b, c and d's 3 first ENIs fit
        assertEquals(List.of(new Plan.Wave(0, List.of("b", "c", "d"), 3)), Planner.rollout(s, Map.of("s1+[sg-a]",
                3L)).waves());
        // scaling to 4, it leaves 2: b and c at 0 s, d when the bucket has refilled one
        assertEquals(List.of(new Plan.Wave(0, List.of("b", "c"), 2), new Plan.Wave(181, List.of("d"), 1)),
                Planner.rollout(s, Map.of("s1+[sg-a]", 4L)).waves());
    }

    /**
     * {@link #SCALES} with a existing Active and its key scaled out to {@code enis} ENIs before the run ({@code
     * vpcs[*].enisAtStart}).
     */
    static String aScaledOut(int enis) {
        return SCALES.replace("""
                  - name: a
                    vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-a] }
                """, """
                  - name: a
                    existing: Active
                    vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-a] }
                """).replace("    securityGroups: [sg-a, sg-b, sg-c, sg-d]\n", "    securityGroups: [sg-a, sg-b,"
                + " sg-c, sg-d]\n    enisAtStart: [{ subnetId: s1, securityGroupIds: [sg-a], enis: " + enis + " }]\n");
    }

    /**
     * A key scaled out before the run has its ENIs in place: they were made before it (no call to EC2), so only its
     * scale-out beyond them is taken from the bucket at 0 s. The rollout took the key to start with one: scaling to
     * 4 with 3 in place, it took 3 of the 5 calls at 0 s and put d 3 minutes later.
     */
    @Test
    void aKeyScaledOutBeforeTheRunTakesOnlyItsScaleOutBeyondItsEnisInPlace() throws Exception {
        Scenario s = ScenarioLoader.parse(aScaledOut(3), "scales");
        // one call for a's fourth ENI: b, c and d's 3 first ENIs fit the 4 left
        Plan.Staggered r = Planner.rollout(s, Map.of("s1+[sg-a]", 4L));
        assertEquals(List.of(new Plan.Wave(0, List.of("b", "c", "d"), 3)), r.waves());
        assertEquals(3, r.enisInPlace(), "a's key's 3 ENIs in place");
        // no scale-out beyond them: no call at all
        assertEquals(List.of(new Plan.Wave(0, List.of("b", "c", "d"), 3)), Planner.rollout(s, Map.of("s1+[sg-a]",
                3L)).waves());
        // the key's ENIs in place said once, however many existing functions use it
        assertEquals(3, Planner.rollout(ScenarioLoader.parse(aScaledOut(3).replace("""
                  - name: b
                    vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-b] }
                """, """
                  - name: b
                    existing: Active
                    vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-a] }
                """), "scales"), Map.of("s1+[sg-a]", 3L)).enisInPlace());
        // the text says why those ENIs cost no call; a rollout with none in place says nothing of them
        assertTrue(PlanReport.wavesText(r).endsWith("(3 new ENIs) (the 3 ENIs in place at the start on keys"
                + " Hyperplane scaled out before the run, vpcs[*].enisAtStart, hold their addresses already and need"
                + " no call: only those keys' scale-out beyond them is taken from the bucket at 0 s)"),
                PlanReport.wavesText(r));
        assertEquals(0, Planner.rollout(ScenarioLoader.parse(SCALES, "scales")).enisInPlace());
    }

    /**
     * The plan of {@link #aScaledOut}(2) in a /27: a's key has in place the 2 ENIs its traffic needs, so EC2's 5 calls
     * at once are all b's, c's and d's (2 each): b and c at 0 s, d when the bucket has refilled one, 3 minutes on (the
     * rollout took a call for a's key at 0 s and put d 6 minutes on). Deployed so, EC2 refuses no call; the formula
     * and the simulated peak agree (8: 2 ENIs a key, a's in place). With no warm-up: the one call EC2 refuses as it
     * is (6 of 5) is in the first minutes. ENIs are made in a minute each here (a constant, not a draw), so that b's,
     * c's and d's first ENIs are ready at 1 min and their second ones asked for before the bucket refills at 3 min:
     * with drawn times, d's first ENI could take longer than the refill and EC2's limit not bind at all.
     */
    @Test
    void thePlansRolloutCountsTheEnisInPlace() throws Exception {
        Scenario s = ScenarioLoader.parse(aScaledOut(2).replace("cidr: 10.0.0.0/24", "cidr: 10.0.0.0/27")
                .replace("  connectionsPerEni: 300\n", "  connectionsPerEni: 300\n  eniCreateTime: 1m\n"), "scales");
        Plan p = new Planner(s, 1, line -> { }).warmUp(0).plan();
        Plan.SubnetAdvice sn = p.subnets().get(0);
        assertEquals(8, sn.peakLambdaIps(), "the run this test is made of: 2 ENIs a key");
        assertEquals(sn.peakLambdaIps(), sn.analyticLambdaIps(), sn.toString());
        assertEquals(2, sn.enisInPlace());
        Plan.Staggered st = p.headroom().staggered();
        assertNotNull(st, "the fixture: EC2's limit binds at today's traffic");
        assertEquals(List.of(new Plan.Wave(0, List.of("b", "c"), 2, 2), new Plan.Wave(181, List.of("d"), 1, 1)),
                st.waves());
        assertEquals(2, st.enisInPlace());
        assertNotNull(st.headroom());
        assertFalse(st.headroom().probes().get(0).limitsHit().contains(Planner.EC2_REQUEST),
                "EC2 accepts the rollout at today's traffic: " + st.headroom().probes().get(0));
        Scenario design = Variants.resize(s, Map.of("s1", sn.recommendedPrefix()));
        assertEquals(0, throttled(new Simulation(Variants.createdAt(design, Planner.createdAt(st)), 0).run()
                .summary()), "the waves' ENIs are all created");
    }

    @Test
    void theRolloutOfADesignWhoseKeysScaleOutIsOneEc2Accepts() throws Exception {
        Scenario s = ScenarioLoader.parse(SCALES, "scales");
        Plan p = new Planner(s, 1, line -> { }).plan();
        Plan.Headroom h = p.headroom();
        Plan.Headroom last = h.atRecommendedSizes() != null ? h.atRecommendedSizes() : h;
        assertEquals(1.0, last.firstLimitAtMultiplier(), "the fixture: EC2's limit binds at today's traffic");
        assertTrue(last.limitsHit().contains(Planner.EC2_REQUEST), last.limitsHit().toString());
        Plan.Staggered st = h.staggered();
        assertNotNull(st);
        assertEquals(List.of(new Plan.Wave(0, List.of("a", "b"), 2, 2), new Plan.Wave(181, List.of("c"), 1, 1),
                new Plan.Wave(541, List.of("d"), 1, 1)), st.waves(), "each key scales to 2 ENIs in the demand run");
        Plan.Headroom staggered = st.headroom();
        assertNotNull(staggered);
        assertFalse(staggered.probes().get(0).limitsHit().contains(Planner.EC2_REQUEST),
                "EC2 accepts the rollout at today's traffic: " + staggered.probes().get(0));
        assertTrue(staggered.firstLimitAtMultiplier() == null || staggered.firstLimitAtMultiplier() > 1,
                staggered.toString());
        String text = PlanReport.text(p);
        assertTrue(text.contains("     rollout: create at 0 s a, b (2 new ENIs, 2 more as their keys scale out); at"
                + " 181 s (3.0 min) c (1 new ENI, 1 more as its key scales out); at 541 s (9.0 min) d (1 new ENI, 1"
                + " more as its key scales out)\n"), text);
        assertTrue(PlanReport.json(p).replaceAll("\\s", "").contains("\"enis\":2,\"scaleOutEnis\":2}"),
                PlanReport.json(p));

        // in the simulation: the waves said refuse no CreateNetworkInterface call; every function at 0 s (what one
        // ENI a key said) has invocations refused for EC2's rate
        RunSummary waves = new Simulation(Variants.createdAt(s, Planner.createdAt(st)), 0).run().summary();
        RunSummary atOnce = new Simulation(Variants.createdAt(s, Planner.createdAt(Planner.rollout(s))), 0).run()
                .summary();
        assertEquals(0, throttled(waves), "the waves' ENIs are all created");
        assertTrue(throttled(atOnce) > 0, "one ENI a key: EC2 refuses the keys' scale-out");
    }

    private static long throttled(RunSummary r) {
        long n = 0;
        for (RunSummary.FunctionSummary f : r.functions().values()) {
            n += f.invocations().errors().getOrDefault("EC2ThrottledException", 0L);
        }
        return n;
    }
}
