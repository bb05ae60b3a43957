package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The plan's small words and rules, at their edges: a failed fraction as a percentage, a time in minutes or seconds,
 * and when a warm-up (plan --warm-up) leaves anything out of a run.
 */
class PlanWordsTest {

    @Test
    void aFailedFractionHasOneDecimalFromOnePercentAndTwoSignificantDigitsUnder() {
        assertEquals("4.7%", Planner.percent(0.047));
        assertEquals("1.0%", Planner.percent(0.01), "from 1% up: one decimal");
        assertEquals("0.1%", Planner.percent(0.001));
        assertEquals("0.0039%", Planner.percent(0.000039));
        assertEquals("0.0039%", Planner.percent(39, 1_000_000));
        assertEquals("50.0%", Planner.percent(1, 2));
        assertEquals("0%", Planner.percent(0, 0), "nothing of nothing");
    }

    /** The port-refusal note: a formula equal to the peak holds "that"; it said "the peak, which is more". */
    @Test
    void theRecommendedSizeHoldsTheFormulaUnlessThePeakIsMore() {
        assertEquals("that", Planner.holds(12, 10));
        assertEquals("that", Planner.holds(10, 10), "an equal peak is not more");
        assertEquals("the peak, which is more", Planner.holds(9, 10));
    }

    /** The port-refusal note said "needs 1 ENIs" and "its peak of 1 IPs" (nat-hot-destination's plan). */
    @Test
    void aCountOfOneIsSingular() {
        assertEquals("1 ENI", Planner.count(1, "ENI"));
        assertEquals("16 ENIs", Planner.count(16, "ENI"));
        assertEquals("1,024 IPs", Planner.count(1024, "IP"));
        assertEquals("0 IPs", Planner.count(0, "IP"));
    }

    @Test
    void aTimeIsInWholeMinutesElseInSeconds() {
        assertEquals("5 min", Planner.minutes(300_000_000L));
        assertEquals("90 s", Planner.minutes(90_000_000L));
        assertEquals("0 min", Planner.minutes(0));
    }

    /** bench/month.yaml's teardown said "updateVpcConfig web at 7200 min": days from two days on, hours kept. */
    @Test
    void aTimeOfDaysIsInDaysAndHours() {
        long hour = 3_600_000_000L;
        assertEquals("5 d", Planner.minutes(120 * hour));
        assertEquals("2 d", Planner.minutes(48 * hour));
        assertEquals("2 d 6 h", Planner.minutes(54 * hour));
        assertEquals("2820 min", Planner.minutes(47 * hour), "below two days: minutes");
        assertEquals("3001 min", Planner.minutes(3001 * 60_000_000L), "not whole hours: minutes");
    }

    @Test
    void aWarmUpAppliesWhenABucketCanTellItApartAndTheRunIsLongerThanTwiceIt() {
        long min = 60_000_000L;
        assertTrue(Planner.warmUpApplies(5 * min, min, 60 * min));
        assertTrue(Planner.warmUpApplies(5 * min, 5 * min, 60 * min), "a bucket as long as the warm-up tells it apart");
        assertFalse(Planner.warmUpApplies(5 * min, 5 * min + 1, 60 * min), "a bucket longer than the warm-up");
        assertFalse(Planner.warmUpApplies(5 * min, min, 10 * min), "a run of just twice it");
        assertTrue(Planner.warmUpApplies(5 * min, min, 10 * min + 1));
        assertFalse(Planner.warmUpApplies(0, min, 60 * min), "no warm-up asked for");
    }

    @Test
    void theWarmUpNoteSaysItsLength() {
        assertEquals(", all in the warm-up (the first 5 min of the run or of a function's turning Active)",
                Planner.warmUpNote(300_000_000L));
    }
}
