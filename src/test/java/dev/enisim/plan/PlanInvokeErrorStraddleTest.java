package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.JournalEntry;
import dev.enisim.metrics.Metric;
import dev.enisim.metrics.Series;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A spell of invoke errors straddling the warm-up's end is split by the function's series of that exception (PIT's
 * survivors of session 52: invokeErrors' lookup and warmCounts' choice of series, which no test reached because the
 * straddling spells of the other tests are throttles). An existing function in one zone, whose zone is down from 2 to
 * 8 minutes: its cold starts fail with ServiceException (no healthy subnet) in one spell from 2 min to about 8 min.
 * The buckets wholly inside the warm-up (2 to 5 min) hold its failures in the warm-up; the rest count.
 */
class PlanInvokeErrorStraddleTest {

    static final String SCENARIO = """
            name: outage-straddle
            seed: 1
            duration: 12m
            bucket: 1m
            vpcs:
              - id: v
                subnets: [{ id: s1, cidr: 10.0.0.0/24, az: a }]
                securityGroups: [sg]
            functions:
              - { name: f, existing: Active, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg] }, duration: 1s,
                  arrivals: { poisson: 2/s } }
            timeline:
              - { at: 2m, action: azOutage, az: a, until: 8m }
            """;

    private static final long MIN = 60_000_000L;

    @Test
    void theSpellsFailuresInTheWarmUpAreThoseOfItsSeriesBucketsInside() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(SCENARIO, "outage-straddle.yaml"), 0).run();
        List<JournalEntry> spells = r.journal().stream().filter(e -> e.kind() == JournalEntry.Kind.INVOCATIONS
                && e.state().equals("SERVICE_EXCEPTION")).toList();
        assertEquals(1, spells.size(), spells.toString());
        JournalEntry spell = spells.get(0);
        assertTrue(spell.atMicros() < 3 * MIN && spell.lastMicros() > 7 * MIN, "straddles 5 min: " + spell);
        Series series = null;
        for (Series s : r.timeSeries().invokeErrorsByException(Metric.Scope.FUNCTION, "f")) {
            if (s.exception().equals("ServiceException")) {
                series = s;
            }
        }
        long inside = series.values()[2] + series.values()[3] + series.values()[4];
        assertTrue(inside > 0 && inside < spell.count(), inside + " of " + spell.count());
        Planner.WarmCounts warm = Planner.warmCounts(r, Planner.DEFAULT_WARM_UP_MICROS);
        assertEquals(inside, warm.byKind().get("error:ServiceException"), "the buckets from 2 to 5 min");
        assertEquals(inside, warm.byFunction().get("f").get("error:ServiceException"));
        assertTrue(!Planner.failsAsIs(r, Planner.DEFAULT_WARM_UP_MICROS).get(0).contains("all in the warm-up"));
        // the plan says the failures after the warm-up, and those in it apart
        Plan p = new Planner(ScenarioLoader.parse(SCENARIO, "outage-straddle.yaml"), 1, line -> { }).plan();
        assertEquals(1, p.failsAsIs().size(), p.failsAsIs().toString());
        assertTrue(p.failsAsIs().get(0).startsWith((spell.count() - inside) + " invocations"), p.failsAsIs().toString());
        assertTrue(p.failsAsIs().get(0).endsWith("; " + inside + " more in the warm-up, not counted"),
                p.failsAsIs().toString());
    }
}
