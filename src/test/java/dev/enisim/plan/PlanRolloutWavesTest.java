package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The staggered rollout's arithmetic at its edges ({@link Planner#rollout(Scenario, Map)}): EC2's bucket of calls,
 * full at the start and refilled continuously, one call per ENI. Read off the scenario alone: no run. Two subnets,
 * three security groups; a function on sg-x in both subnets has two keys.
 */
class PlanRolloutWavesTest {

    private static Scenario scenario(String duration, int burst, String functions) throws Exception {
        return ScenarioLoader.parse("""
                name: waves
                duration: %s
                vpcs:
                  - id: v
                    subnets:
                      - { id: s1, cidr: 10.0.0.0/24, az: us-east-1a }
                      - { id: s2, cidr: 10.0.1.0/24, az: us-east-1b }
                    securityGroups: [sg-a, sg-b, sg-x]
                hyperplane:
                  ec2RequestLimit: { burst: %d, refill: 1/m }
                functions:
                """.formatted(duration, burst) + functions, "waves");
    }

    private static String fn(String name, String extra, String subnets, String group) {
        return "  - { name: " + name + ", " + extra + "vpcConfig: { subnetIds: [" + subnets + "], securityGroupIds: ["
                + group + "] }, duration: 50ms, arrivals: { poisson: 1/s } }\n";
    }

    /** A function with as many new keys as the bucket holds calls fits it: no reason it cannot be staggered. */
    @Test
    void aFunctionWithAsManyNewKeysAsTheBurstFits() throws Exception {
        Plan.Staggered r = Planner.rollout(scenario("10m", 2, fn("x", "", "s1, s2", "sg-x")));
        assertNull(r.cannot());
        assertEquals(List.of(new Plan.Wave(0, List.of("x"), 2)), r.waves());
    }

    /** A wave waits only when the bucket has fewer calls than it needs: b takes the last one at 0 s. */
    @Test
    void aWaveTakesTheBucketsLastCallWithoutWaiting() throws Exception {
        Plan.Staggered r = Planner.rollout(scenario("10m", 2, fn("a", "", "s1", "sg-a") + fn("b", "", "s1", "sg-b")));
        assertEquals(List.of(new Plan.Wave(0, List.of("a", "b"), 2)), r.waves());
    }

    /**
     * An existing Active function's key, there with one ENI, scales out to 3 with the design's traffic: its 2 calls
     * come out of the bucket of 3 at 0 s, so x's two new keys wait for one more call (a minute) and a second.
     */
    @Test
    void anExistingFunctionsScaleOutIsTakenFromTheBucketAtTheStart() throws Exception {
        Plan.Staggered r = Planner.rollout(scenario("10m", 3, fn("a", "existing: Active, ", "s1", "sg-a")
                + fn("x", "", "s1, s2", "sg-x")), Map.of("s1+[sg-a]", 3L));
        assertEquals(List.of(new Plan.Wave(61, List.of("x"), 2)), r.waves());
    }

    /**
     * A key with the one ENI an existing Active function's key starts with is not scaled out before the run: the
     * rollout says no ENIs in place on such keys (PIT, session 56: {@code there > 1} as {@code >= 1} counted it, and the
     * waves' text would say "the 1 ENIs in place at the start on keys Hyperplane scaled out before the run").
     */
    @Test
    void aKeyWithOneEniAtTheStartIsNotSaidScaledOutBeforeTheRun() throws Exception {
        Plan.Staggered r = Planner.rollout(scenario("10m", 3, fn("a", "existing: Active, ", "s1", "sg-a")
                + fn("x", "", "s1, s2", "sg-x")), Map.of("s1+[sg-a]", 3L));
        assertEquals(0, r.enisInPlace(), r.toString());
    }

    /**
     * The bucket refills while the rollout waits for a function's own creation time: a's two keys empty the bucket of
     * 2 at 0 s; b, created at 30 s, finds half a call there (30 s at 1 a minute) and waits for the other half and a
     * second more: 61 s (PIT, session 56: the refill {@code (t - at) * rate} as a quotient filled the bucket and put b
     * at 30 s, where EC2 would refuse its call).
     */
    @Test
    void theBucketRefillsAtItsRateUntilAFunctionsCreationTime() throws Exception {
        Plan.Staggered r = Planner.rollout(scenario("10m", 2, fn("a", "", "s1, s2", "sg-x")
                + fn("b", "createdAt: 30s, ", "s1", "sg-a")));
        assertEquals(List.of(new Plan.Wave(0, List.of("a"), 2), new Plan.Wave(61, List.of("b"), 1)), r.waves());
    }

    /**
     * A wave waits for the calls of its keys' scale-out too: b's key scales out to 2 ENIs, and the bucket of 2 has 1
     * left after a's, so b waits a minute for the second, and a second more.
     */
    @Test
    void aWaveWaitsForItsKeysScaleOutCallsToo() throws Exception {
        Plan.Staggered r = Planner.rollout(scenario("10m", 2, fn("a", "", "s1", "sg-a") + fn("b", "", "s1", "sg-b")),
                Map.of("s1+[sg-b]", 2L));
        assertEquals(List.of(new Plan.Wave(0, List.of("a"), 1), new Plan.Wave(61, List.of("b"), 1, 1)), r.waves());
    }

    /**
     * A key that scales out to more ENIs than the bucket holds: its function waits for a full bucket (here at once),
     * takes the 2 calls and owes 2 more, so the next function waits for those and its own: 3 calls, 3 minutes, and a
     * second.
     */
    @Test
    void aScaleOutBeyondTheBurstIsPaidByTheNextWave() throws Exception {
        Plan.Staggered r = Planner.rollout(scenario("10m", 2, fn("a", "", "s1", "sg-a") + fn("b", "", "s1", "sg-b")),
                Map.of("s1+[sg-a]", 4L));
        assertEquals(List.of(new Plan.Wave(0, List.of("a"), 1, 3), new Plan.Wave(181, List.of("b"), 1)), r.waves());
    }

    /**
     * Functions go in the order of their creation, not the file's: b, listed first, is created at 5 minutes; a, at
     * 0 s, takes the bucket's one call, which has refilled by b's creation.
     */
    @Test
    void functionsGoInTheOrderOfTheirCreation() throws Exception {
        Plan.Staggered r = Planner.rollout(scenario("10m", 1, fn("b", "createdAt: 5m, ", "s1", "sg-b")
                + fn("a", "", "s1", "sg-a")));
        assertEquals(List.of(new Plan.Wave(0, List.of("a"), 1), new Plan.Wave(300, List.of("b"), 1)), r.waves());
    }

    /** A rollout whose last wave starts when the run ends (61 s) cannot be staggered within it. */
    @Test
    void aLastWaveAtTheRunsEndCannotBeStaggered() throws Exception {
        String two = fn("a", "", "s1", "sg-a") + fn("b", "", "s1", "sg-b");
        Plan.Staggered atEnd = Planner.rollout(scenario("61s", 1, two));
        assertTrue(atEnd.cannot() != null && atEnd.cannot().startsWith("the rollout's last wave (b) would start at"
                + " 61 s, after the run's 61 s"), String.valueOf(atEnd.cannot()));
        assertNull(Planner.rollout(scenario("62s", 1, two)).cannot(), "a second longer: it starts within the run");
    }
}
