package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The idle check (plan's section 5) of a rule no longer than the wait for its probe's first call (10 min in, creation
 * surely over): the function went Inactive before that call, which failed, so plan said "FAILS (!) after a shorter"
 * quiet of every function, and "quiet up to 0.0 days; keep warm every 0.0 days" (idleReclaimAfter: 5m, 2m, 30s, 10m;
 * 11m was right). The probe keeps the function warm until its first call now, and the text and the page give the
 * quiet periods in minutes or seconds, with the periods the check tried. A few seconds.
 */
class PlanIdleBeforeFirstProbeTest {

    /**
     * One created at the start (Pending about 75 s, then Active), one deployed before it (Active from 0), one that
     * starts Inactive (its first call fails whatever the rule: judged by the call after the quiet alone).
     */
    private static Scenario scenario(String idle) throws Exception {
        return ScenarioLoader.parse(PlanIdleShortRuleTest.idleScenario("idle-short", idle, "10.1.0.0/26",
                "sg-1, sg-2, sg-3", """
                  - { name: created, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] },
                      duration: 100ms, arrivals: { poisson: 1/s } }
                  - { name: deployed, existing: Active, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-2] },
                      duration: 100ms, arrivals: { poisson: 1/s } }
                  - { name: asleep, existing: Inactive, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-3] },
                      duration: 100ms, arrivals: { poisson: 1/s } }
                """), "idle-short");
    }

    private static Plan plan(String idle) throws Exception {
        return new Planner(scenario(idle), 1, line -> { }).warmUp(30_000_000L).plan();
    }

    /** Each function fails after the longer quiet and succeeds after the shorter one, as under a rule of days. */
    private static void checkedEitherSide(Plan p, double idleSeconds) {
        assertEquals(3, p.idle().size(), p.idle().toString());
        for (Plan.IdleAdvice i : p.idle()) {
            assertEquals(idleSeconds, i.longestQuietSeconds(), 1e-9, i.toString());
            assertTrue(i.failsAfterLongerQuiet(), "fails after 1.5 x the rule of quiet: " + i);
            assertTrue(i.passesAfterShorterQuiet(), "succeeds after half the rule of quiet: " + i);
        }
        assertFalse(PlanReport.text(p).contains("(!)"), PlanReport.text(p));
    }

    @Test
    void aRuleOfFiveMinutesIsCheckedEitherSide() throws Exception {
        Plan p = plan("5m");
        checkedEitherSide(p, 300);
        String text = PlanReport.text(p);
        assertTrue(text.contains("created                  quiet up to 5.0 min; keep warm every 2.5 min or less ("),
                text);
        assertTrue(text.contains("simulated: fails after 7.5 min of quiet, succeeds after 2.5 min)"), text);
        assertTrue(text.contains("(idle check: the probe's first call 10.0 min in, creation over; the rule being no"
                + " longer than that, each function kept warm until then with a call every 2.5 min)"), text);
        assertFalse(text.contains("0.0 days"), text);
        String page = PlanReport.html(p);
        assertTrue(page.contains("checked by simulation 2.5 min either side (the probe's first call 10.0 min in,"),
                page);
        assertTrue(page.contains("<td class=\"n\">5.0 min</td><td class=\"n\">2.5 min or less</td><td class=\"ok\">"
                + "fails after 7.5 min of quiet, succeeds after 2.5 min</td>"), page);
        assertFalse(page.contains("0.0 days"), page);
        assertFalse(page.contains("one hour either side"), page);
    }

    @Test
    void rulesOfSecondsAndMinutesAreCheckedEitherSide() throws Exception {
        checkedEitherSide(plan("2m"), 120);
        Plan p = plan("30s");
        checkedEitherSide(p, 30);
        assertTrue(PlanReport.text(p).contains("quiet up to 30.0 s; keep warm every 15.0 s or less"),
                PlanReport.text(p));
        assertTrue(PlanReport.text(p).contains("fails after 45.0 s of quiet, succeeds after 15.0 s)"),
                PlanReport.text(p));
    }

    /**
     * Under a second, milliseconds, then microseconds (they read "0.1 s", "0.0 s"); a rule of microseconds is kept
     * warm no more often than every 0.5 ms, so that its plan ends (a call every microsecond: 600 million a run).
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS,
            threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void rulesUnderASecondAreSaidInMilliseconds() throws Exception {
        Plan p = plan("100ms");
        checkedEitherSide(p, 0.1);
        String text = PlanReport.text(p);
        assertTrue(text.contains("quiet up to 100.0 ms; keep warm every 50.0 ms or less"), text);
        assertTrue(text.contains("fails after 150.0 ms of quiet, succeeds after 50.0 ms)"), text);
        assertTrue(text.contains("kept warm until then with a call every 50.0 ms)"), text);
        String micro = idleText("2us");
        assertTrue(micro.contains("kept warm until then with a call every 500.0 us)"), micro);
        assertTrue(micro.contains("quiet up to 2.0 us; keep warm every 1.0 us or less"), micro);
    }

    /** Either side of the boundary: 10 min, the first call's own time (the deployed function went Inactive then). */
    @Test
    void aRuleOfTheFirstCallsOwnWaitIsCheckedEitherSide() throws Exception {
        checkedEitherSide(plan("10m"), 600);
        Plan longer = plan("11m");
        checkedEitherSide(longer, 660);
        String text = PlanReport.text(longer);
        assertFalse(text.contains("(idle check:"), "no keep-warm calls under a rule longer than the wait: " + text);
        assertTrue(text.contains("quiet up to 11.0 min; keep warm every 5.5 min or less"), text);
        assertTrue(text.contains("fails after 16.5 min of quiet, succeeds after 5.5 min)"), text);
    }

    /**
     * Hours from two on, days from one; a rule longer than an hour is checked an hour either side and says so as it
     * always did ("a longer quiet"); a rule of a day and more reads as before ("14.0 days").
     */
    @Test
    void hoursAndDaysKeepTheirWording() throws Exception {
        String twoHours = idleText("2h");
        assertTrue(twoHours.contains("quiet up to 2.0 hours; keep warm every 60.0 min or less"), twoHours);
        assertTrue(twoHours.contains("simulated: fails after a longer quiet, succeeds after a shorter one)"),
                "an hour either side of a rule longer than an hour, as before: " + twoHours);
        String anHour = idleText("1h");
        assertTrue(anHour.contains("quiet up to 60.0 min; keep warm every 30.0 min or less"), anHour);
        assertTrue(anHour.contains("fails after 90.0 min of quiet, succeeds after 30.0 min)"), anHour);
        String days = idleText("14d");
        assertTrue(days.contains("quiet up to 14.0 days; keep warm every 7.0 days or less"), days);
        assertTrue(days.contains("simulated: fails after a longer quiet, succeeds after a shorter one)"), days);
        assertFalse(days.contains("(idle check:"), days);
        assertTrue(PlanReport.html(plan("14d")).contains("checked by simulation one hour either side. "));
    }

    /**
     * The keep-warm calls ride in the probe's two runs: "run k of at most N" counts two per VPC function (four for
     * one that starts Inactive) whatever the rule, and a plan under a rule of minutes stays within it.
     */
    @Test
    void theRunCountIsTheSameUnderARuleOfMinutes() throws Exception {
        Scenario s = scenario("5m");
        assertEquals(Planner.mostRuns(scenario("14d"), 1, false), Planner.mostRuns(s, 1, false));
        List<String> progress = new ArrayList<>();
        Planner planner = new Planner(s, 1, progress::add).warmUp(30_000_000L);
        planner.plan();
        assertTrue(planner.runsStarted() <= Planner.mostRuns(s, 1, false), planner.runsStarted() + " runs: "
                + progress);
    }

    /** Section 5's text of a plan under the rule {@code idle}. */
    private static String idleText(String idle) throws Exception {
        String text = PlanReport.text(plan(idle));
        return text.substring(text.indexOf("5. The idle rule"));
    }
}
