package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A teardown replication cut short by its horizon (an ENI still there at the end) counts as a wait longer than the
 * horizon, never as a short one, and the plan says so in its figures, its terminal text, plan.html and plan.json. No
 * scenario field keeps an ENI past the horizon the plan chooses (it outlasts the deletions but about once in 10,000),
 * so these plans give the horizon themselves ({@link Planner#teardownHorizon}, package-private): 10 minutes, against
 * deletions of 20 minutes or of 5 to 15. One ENI, one minute of traffic: each plan takes under a second once warm.
 */
class PlanTeardownCutShortTest {

    private static final long TEN_MINUTES = 600_000_000L;

    /** One function, one subnet, one security group: one ENI, deleted after {@code eniDeleteTime}. */
    private static Scenario oneEni(String eniDeleteTime) throws Exception {
        return ScenarioLoader.parse("""
                name: cut
                seed: 1
                duration: 3m
                bucket: 10s
                hyperplane: { eniDeleteTime: %s }
                vpcs:
                  - id: v
                    subnets: [{ id: sn, cidr: 10.1.0.0/28, az: a }]
                    securityGroups: [sg-1]
                functions:
                  - { name: f, existing: Active, vpcConfig: { subnetIds: [sn], securityGroupIds: [sg-1] },
                      duration: 100ms, arrivals: { poisson: 1/s } }
                """.formatted(eniDeleteTime), "cut");
    }

    private static Plan plan(Scenario s, int replications, long horizonMicros) {
        return new Planner(s, replications, line -> { }).warmUp(30_000_000L).teardownHorizon(horizonMicros).plan();
    }

    /**
     * Every deletion takes 20 minutes and each replication stops 10 minutes after it: all 3 are cut short, and both
     * quantiles are the horizon, said as a lower bound (they were 0 min, the wait of no ENI deleted, before the
     * horizon came from the deletion time).
     */
    @Test
    void everyReplicationCutShortMakesBothQuantilesLongerThanTheHorizon() throws Exception {
        Plan.TeardownWait t = plan(oneEni("20m"), 3, TEN_MINUTES).teardown();
        assertEquals(1, t.enis(), t.toString());
        assertEquals(600, t.horizonSeconds(), 1e-9, "the horizon given");
        assertEquals(3, t.censoredReplications(), "each replication cut short counted once: " + t);
        assertTrue(t.p50Censored() && t.p99Censored(), t.toString());
        assertEquals(600, t.p50Seconds(), 1e-9, "a censored quantile's figure is the horizon, a lower bound");
        assertEquals(600, t.p99Seconds(), 1e-9);
        assertEquals(1200, t.analyticP50Seconds(), 1e-9, "the analytic figures are the deletion time's own");
        assertEquals(1200, t.analyticP99Seconds(), 1e-9);
    }

    /**
     * Deletions of 5 to 15 minutes (seed 1: the five replications' waits, sorted, about 6, 7, 7, 8 minutes and one
     * past 10): one of five is cut short; the median rests on finished waits and stays a number, the p99 rests on
     * the cut one and is "longer than 10 min".
     */
    @Test
    void oneCutShortOfFiveLeavesTheMedianANumberAndMakesTheP99ALowerBound() throws Exception {
        Plan.TeardownWait t = plan(oneEni("{ dist: uniform, min: 5m, max: 15m }"), 5, TEN_MINUTES).teardown();
        assertEquals(1, t.censoredReplications(), t.toString());
        assertFalse(t.p50Censored(), "the median is the third of five finished waits: " + t);
        assertTrue(t.p50Seconds() > 300 && t.p50Seconds() < 600, "a finished wait, within 5 to 10 min: " + t);
        assertTrue(t.p99Censored(), "the p99 rests on the fifth, cut short: " + t);
        assertEquals(600, t.p99Seconds(), 1e-9, t.toString());
    }

    /**
     * What a planner reads for that plan: the terminal's "p99 > 10 min" and its "(!)" line, plan.html's red line and
     * its chart, whose bar for the p99 said "10.0 min" (a plain figure, where the truth is longer than the
     * horizon), and plan.json's flags.
     */
    @Test
    void theOutputsSayTheCutShortQuantileIsLongerThanTheHorizon() throws Exception {
        Plan p = plan(oneEni("{ dist: uniform, min: 5m, max: 15m }"), 5, TEN_MINUTES);
        String text = PlanReport.text(p);
        String p50 = PlanReport.tenths(p.teardown().p50Seconds(), false); // the terminal's, as the page's chart
        assertTrue(text.contains("simulated over 5 replications: p50 " + p50 + ", p99 > 10 min (of 5 runs"), text);
        assertTrue(text.contains("   (!) 1 of 5 replications cut short: an ENI still there 10 min after the deletions;"
                + " counted as longer than that, never as short\n"), text);

        String html = PlanReport.html(p);
        String section = html.substring(html.indexOf("<section id=\"teardown\">"));
        section = section.substring(0, section.indexOf("</section>"));
        assertTrue(section.contains("<p class=\"verdict bad\">1 of 5 replications cut short: an ENI still there 10 min"
                + " after the deletions. Their waits count as longer than that, never as short; a quantile that rests"
                + " on them is shown as \"&gt; 10 min\".</p>"), section);
        String p99Bar = section.substring(section.indexOf(">simulated p99<"), section.indexOf(">analytic p50<"));
        assertTrue(p99Bar.contains(">&gt; 10 min</text>"), "the chart's p99 is a lower bound: " + p99Bar);
        String p50Bar = section.substring(section.indexOf(">simulated p50<"), section.indexOf(">simulated p99<"));
        assertTrue(p50Bar.matches("(?s).*>[0-9]\\.[0-9] min</text>.*"), "the median is a number: " + p50Bar);

        String json = PlanReport.json(p);
        assertTrue(json.contains("\"censoredReplications\" : 1,"), json);
        assertTrue(json.contains("\"horizonSeconds\" : 600.0,"), json);
        assertTrue(json.contains("\"p50Censored\" : false,"), json);
        assertTrue(json.contains("\"p99Censored\" : true"), json);
    }

    /**
     * A horizon of 1,500 minutes (deletions of 40 hours): the "(!)" lines say it as the quantiles do, "1,500", not
     * "1500" beside "> 1,500 min".
     */
    @Test
    void aLongHorizonIsWrittenAsTheQuantilesWriteIt() throws Exception {
        Plan p = plan(oneEni("40h"), 1, 1_500 * 60_000_000L);
        assertEquals(1, p.teardown().censoredReplications(), p.teardown().toString());
        String text = PlanReport.text(p);
        assertTrue(text.contains("p50 > 1,500 min, p99 > 1,500 min"), text);
        assertTrue(text.contains("(!) 1 of 1 replication cut short: an ENI still there 1,500 min after"), text);
        String html = PlanReport.html(p);
        assertTrue(html.contains("an ENI still there 1,500 min after the deletions.") && html.contains("is shown as"
                + " \"&gt; 1,500 min\"."), html);
        assertTrue(html.contains(">&gt; 1,500 min</text>"), html);
    }

    /**
     * One ENI's teardown is said in the singular: the terminal and plan.html's chart read "max of 1 deletion times"
     * (session 44); more than one keeps "max of N deletion times". No "1 ENIs" anywhere in the plan's outputs.
     */
    @Test
    void oneEnisDeletionIsSaidInTheSingular() throws Exception {
        Plan p = plan(oneEni("20m"), 3, TEN_MINUTES);
        String text = PlanReport.text(p);
        assertTrue(text.contains("; analytic (one ENI's deletion time): p50 20.0 min, p99 20.0 min"), text);
        String html = PlanReport.html(p);
        assertTrue(html.contains("the analytic quantiles of one ENI's deletion time</figcaption>"), html);
        for (String out : new String[] {text, html, PlanReport.json(p)}) {
            assertFalse(out.contains("1 deletion times") || out.matches("(?s).*\\b1 ENIs\\b.*"), out);
        }
        assertEquals("max of 3 deletion times", PlanReport.deletionTimes(3));
    }
}
