package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A platform team's plan of a 600-function account printed 584 identical idle lines ("quiet up to 14.0 days; keep
 * warm every 7.0 days"), and its page as many rows: functions with the same answer are said together past five,
 * the ones that differ still one a line, and every function is still in plan.json.
 */
class PlanIdleManyFunctionsTest {

    private static Plan withIdle(List<Plan.IdleAdvice> idle) {
        Plan s = PlanPageTest.shortPlan();
        return new Plan(s.scenario(), s.seed(), s.networkModel(), s.failsAsIs(), s.failedFunctions(), s.subnets(),
                s.subnetsUnderOtherModel(), s.vpcs(), s.headroom(), s.teardown(), idle, s.assumptions());
    }

    /** {@code n} functions with the 14-day answer, one that stays Active, one the simulation disagrees on. */
    private static List<Plan.IdleAdvice> many(int n) {
        List<Plan.IdleAdvice> idle = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            idle.add(new Plan.IdleAdvice(String.format("fn-%03d", i), 14 * 86_400, 7 * 86_400, true, true,
                    0.000001 * (1 + i % 3)));
            if (i == 2) {
                idle.add(new Plan.IdleAdvice("warm-api", 14 * 86_400, 7 * 86_400, false, true, 0));
                idle.add(new Plan.IdleAdvice("odd-one", 14 * 86_400, 7 * 86_400, true, false, 0.000001));
            }
        }
        return idle;
    }

    @Test
    void sixHundredAlikeAreOneLineNamingTheFirstFive() {
        String text = PlanReport.text(withIdle(many(600)));
        List<String> lines = text.lines().filter(l -> l.contains("quiet up to 14.0 days")).toList();
        assertEquals(2, lines.size(), text);
        assertTrue(lines.get(0).startsWith("   600 functions alike      quiet up to 14.0 days; keep warm every 7.0 days"
                + " or less ($0.00000100 to $0.00000300 a month each,"), lines.get(0)); // 3 significant figures below $1
        assertTrue(lines.get(0).contains("simulated for each: fails after a longer quiet, succeeds after a shorter"
                + " one): fn-000, fn-001, fn-002, fn-003, fn-004 and 595 more (each in plan.json)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("   odd-one                  quiet up to 14.0 days"), lines.get(1));
        assertTrue(text.contains("   warm-api                 stays Active"), text);
        assertFalse(text.contains("fn-599"), "not listed one by one");
        String json = PlanReport.json(withIdle(many(600)), List.of());
        assertTrue(json.contains("\"fn-599\""), "plan.json keeps each");
        String html = PlanReport.html(withIdle(many(600)));
        assertTrue(html.contains("<tr><td><b>600 functions alike</b>: fn-000, fn-001, fn-002, fn-003, fn-004 and"
                + " 595 more (each in plan.json)</td>"), html);
        assertFalse(html.contains("<td>fn-599</td>"), "no row each");
    }

    @Test
    void fiveAlikeKeepALineEach() {
        String text = PlanReport.text(withIdle(many(5)));
        assertEquals(6, text.lines().filter(l -> l.contains("quiet up to 14.0 days")).count(), text);
        assertTrue(text.contains("   fn-004                   quiet up to 14.0 days; keep warm every 7.0 days or less"
                + " ($0.00000200 a month, against"), text);
        assertFalse(text.contains("alike"), text);
    }
}
