package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A warm-up the plan cannot apply is said, with why ({@link Plan#warmUpNotApplied}): a bucket longer than it cannot
 * tell it apart, and a run not longer than twice it would leave as much out as it judges. Tiny plans: one function
 * outside any VPC, one call a second.
 */
class PlanWarmUpNotAppliedTest {

    private static Plan plan(String duration, String bucket, long warmUp) throws Exception {
        return new Planner(ScenarioLoader.parse("""
                name: tiny
                seed: 1
                duration: %s
                bucket: %s
                functions:
                  - { name: f, existing: Active, initDuration: 0s, duration: 10ms, arrivals: { constant: 1/s } }
                """.formatted(duration, bucket), "tiny"), 1, line -> { }).warmUp(warmUp).plan();
    }

    private static final long MINUTE = 60_000_000L;

    private static final String SO = ", so every failure and peak counts, the start-up ramp's too; run the scenario"
            + " longer, or plan --warm-up 0 to judge the whole run on purpose";

    @Test
    void bucketsLongerThanTheWarmUpAreSaid() throws Exception {
        assertEquals("the 1 min warm-up (plan --warm-up) was not applied: the run's buckets (2 min) are longer than it"
                + SO, plan("10m", "2m", MINUTE).warmUpNotApplied());
    }

    /** Buckets as long as the warm-up can tell it apart: here the run is what is too short (2 min, not over 2 x 1). */
    @Test
    void aRunNotLongerThanTwiceTheWarmUpIsSaid() throws Exception {
        assertEquals("the 1 min warm-up (plan --warm-up) was not applied: the run (2 min) is not longer than twice it"
                + SO, plan("2m", "1m", MINUTE).warmUpNotApplied());
    }

    @Test
    void nothingIsSaidOfAWarmUpAppliedOrNoneAskedFor() throws Exception {
        assertNull(plan("3m", "1m", MINUTE).warmUpNotApplied(), "applied: 1 min of buckets of 1 min in a run of 3");
        assertNull(plan("2m", "1m", 0).warmUpNotApplied(), "plan --warm-up 0: the whole run judged on purpose");
    }
}
