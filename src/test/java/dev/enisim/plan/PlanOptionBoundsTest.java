package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The planner's own checks of its options at their edges (plan --max-failed-fraction, --headroom-searches): a
 * failed fraction from 0 (the default: any failure counts) to under 1, at least one headroom search.
 */
class PlanOptionBoundsTest {

    private static Planner planner() throws Exception {
        return new Planner(ScenarioLoader.parse("""
                name: bounds
                duration: 1m
                functions:
                  - { name: f, duration: 1ms, arrivals: { constant: 1/s } }
                """, "bounds"), 1, line -> { });
    }

    @Test
    void aFailedFractionIsFromZeroToUnderOne() throws Exception {
        Planner p = planner();
        assertSame(p, p.maxFailedFraction(0));
        assertSame(p, p.maxFailedFraction(0.999));
        assertThrows(IllegalArgumentException.class, () -> p.maxFailedFraction(1));
        assertThrows(IllegalArgumentException.class, () -> p.maxFailedFraction(-0.001));
        assertThrows(IllegalArgumentException.class, () -> p.maxFailedFraction(Double.NaN));
    }

    @Test
    void oneHeadroomSearchAtLeast() throws Exception {
        Planner p = planner();
        assertSame(p, p.headroomSearches(1));
        assertThrows(IllegalArgumentException.class, () -> p.headroomSearches(0));
    }
}
