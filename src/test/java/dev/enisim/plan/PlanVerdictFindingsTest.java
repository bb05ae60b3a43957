package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code plan}'s verdicts as a capacity planner reads them (a reviewer's findings, session 47): the terminal, plan.json
 * and plan.html say the same "already fails" (a sizing concern with no failure in the run is a warning); a subnet
 * sized for its other tenants' requested growth says so beside a check that agrees; the warm-up's failures are those
 * inside each function's own warm-up, from its creation, whatever the buckets; a function's own timeouts are said
 * apart from capacity; singular where 1.
 */
class PlanVerdictFindingsTest {

    private static final long FIVE_MIN = 300_000_000L;

    /**
     * The reviewer's q5: a VPC quota of 5 that the design needs exactly (no ENI error), three functions Pending at
     * their creation (one at 0, two and three at 5 min), invoked meanwhile: ResourceConflictException, all in their
     * Pending spells.
     */
    private static String q5(String bucket) {
        return """
                name: quota
                seed: 5
                duration: 30m
                %s
                vpcs:
                  - id: vpc-1
                    eniQuota: 5
                    subnets:
                      - { id: s-a, cidr: 10.0.0.0/28, az: az1, otherUsedIps: 0 }
                      - { id: s-b, cidr: 10.0.1.0/28, az: az2 }
                      - { id: s-c, cidr: 10.0.2.0/28, az: az3, otherUsedIps: 0 }
                    securityGroups: [sg-1, sg-2, sg-3]
                functions:
                  - name: one
                    vpcConfig: { subnetIds: [s-a, s-b], securityGroupIds: [sg-1] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                  - name: two
                    createdAt: 5m
                    vpcConfig: { subnetIds: [s-a, s-b], securityGroupIds: [sg-2] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                  - name: three
                    createdAt: 5m
                    vpcConfig: { subnetIds: [s-c], securityGroupIds: [sg-3] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                """.formatted(bucket);
    }

    /**
     * Other tenants of sn-b asking for more than its /27 leaves them (the run caps them at 25 of 26), a VPC at its
     * quota with other services' ENIs and no ENI error, a subnet sn-c in the way of sn-b's growing in place, and a
     * function with no VPC whose own timeout (1 s) cuts its longer durations (TaskTimedOut).
     */
    private static final String GROWS = before(before(PlanOthersGrowTest.SCENARIO,
            "    securityGroups: [sg-web, sg-db]\n", "      - { id: sn-c, cidr: 10.1.0.96/27, az: b }\n"),
            "timeline:\n", """
              - name: slow
                timeout: 1s
                duration: { dist: uniform, min: 100ms, max: 1100ms }
                arrivals: { poisson: 1/s }
            """);

    /** {@code yaml} with {@code lines} inserted before {@code marker}, which must be in it once. */
    private static String before(String yaml, String marker, String lines) {
        int at = yaml.indexOf(marker);
        if (at < 0 || yaml.indexOf(marker, at + 1) >= 0) {
            throw new IllegalArgumentException("not once in the scenario: " + marker);
        }
        return yaml.substring(0, at) + lines + yaml.substring(at);
    }

    private static Plan grows;

    /** {@link #GROWS}' plan, made once for the tests that read it. */
    private static synchronized Plan grows() throws Exception {
        if (grows == null) {
            grows = new Planner(ScenarioLoader.parse(GROWS, "grows.yaml"), 1, line -> { }).plan();
        }
        return grows;
    }

    /** The page's headline: its verdict paragraph. */
    private static String headline(String html) {
        int at = html.indexOf("<p class=\"verdict ");
        return html.substring(at, html.indexOf("</p>", at));
    }

    // ---- finding 2: one "already fails" in the three outputs --------------------------------------------------

    /**
     * A VPC at its quota and a subnet short at its size now, with no ENI nor IP failure in the run: not "already
     * fails" on the page while the terminal and plan.json say nothing fails; a warning in both, as the same words.
     */
    @Test
    void sizingConcernsWithNoFailureAreWarningsAlikeInTheTerminalAndThePage() throws Exception {
        Plan p = grows();
        assertEquals(List.of(), p.failsAsIs(), "no capacity failure in the run as it is");
        String text = PlanReport.text(p);
        String html = PlanReport.html(p);
        assertFalse(text.contains("already fails"), text);
        assertFalse(headline(html).contains("already fails"), headline(html));
        assertFalse(PlanReport.json(p).contains("\"failsAsIs\" : [ \""), "plan.json's failsAsIs is empty");
        String quota = "Warning: vpc-p is at its quota of 20 ENIs at the design's peak, 18 of them ENIs already in"
                + " place (other services', or Lambda's beyond those its functions start with): no room for one more"
                + " key.";
        assertTrue(text.contains(quota), text);
        assertTrue(html.contains(quota), html);
        String shortOf = "Warning: sn-b is 1 IP short of the design's peak at its size now (recommended /26), though"
                + " the run as it is had no IP failure.";
        assertTrue(text.contains(shortOf), text);
        assertTrue(html.contains(shortOf), html);
    }

    // ---- finding 3: sized for the tenants' growth, and a check that agrees -------------------------------------

    /**
     * sn-b's tenants ask for 26 of its 27 addresses, the run gives them 25 (Lambda's two ENIs hold the rest): /26 is
     * for their growth, and its check one size smaller says /27 runs out for them, not "0 failures" beside it.
     */
    @Test
    void aSizeForTheTenantsGrowthSaysSoAndItsCheckAgrees() throws Exception {
        Plan p = grows();
        Plan.SubnetAdvice b = p.subnets().get(0);
        assertEquals(26, b.recommendedPrefix(), "/27 (27 usable) cannot hold 26 others and two ENIs");
        assertEquals(0, b.failuresOneSmaller(), "no invocation failed for an address at /27");
        assertEquals(1, b.runsFailedOneSmaller(), "/27 ran out for the tenants: a failed run of the check");
        String said = "0 at /27, where the other tenants got 25 of the 26 IPs they asked for: the size is driven by their"
                + " requested growth, not by failures seen";
        assertTrue(PlanReport.text(p).contains(said), PlanReport.text(p));
        assertTrue(PlanReport.html(p).contains(said), PlanReport.html(p));
        assertTrue(PlanReport.json(p).contains("\"othersRefusedOneSmaller\" : 1"), PlanReport.json(p));
    }

    /** A /26 at 10.1.0.64 would take 10.1.0.96/27 too: said, for sn-b only. */
    @Test
    void aSizeThatOverlapsAnotherSubnetSaysItCannotGrowInPlace() throws Exception {
        Plan p = grows();
        String grow = "cannot grow in place: a /26 at 10.1.0.64 overlaps sn-c (10.1.0.96/27)";
        assertTrue(PlanReport.text(p).contains(grow), PlanReport.text(p));
        assertTrue(PlanReport.html(p).contains(grow), PlanReport.html(p));
        Scenario s = ScenarioLoader.parse(GROWS, "grows.yaml");
        assertEquals(null, Planner.cannotGrowInPlace(s.vpcs().get(0), s.vpcs().get(0).subnets().get(1), 28),
                "smaller than it is: nothing to grow");
        assertEquals("a /24 at 10.1.0.0 overlaps sn-b (10.1.0.64/27)", Planner.cannotGrowInPlace(s.vpcs().get(0),
                s.vpcs().get(0).subnets().get(1), 24));
    }

    // ---- finding 6: a function's own timeouts are not capacity ------------------------------------------------

    /** slow's TaskTimedOut: said apart, with its count, not as the scenario failing; in plan.json too. */
    @Test
    void functionTimeoutsAreSaidApartFromCapacity() throws Exception {
        Plan p = grows();
        assertTrue(p.failsAsIs().stream().noneMatch(l -> l.contains("TaskTimedOut")), p.failsAsIs().toString());
        String text = PlanReport.text(p);
        Matcher m = Pattern.compile("Function errors, not capacity \\([^)]*\\): ([\\d,]+) function errors \\(TaskTimedOut;"
                + " [\\d.]+% of [\\d,]+ invocations\\), of slow\\.").matcher(text);
        assertTrue(m.find(), text);
        assertTrue(PlanReport.html(p).contains("Function errors, not capacity"), "the page keeps them visible");
        assertTrue(PlanReport.json(p).contains("\"functionErrors\" : [ \"" + m.group(1) + " function errors"
                + " (TaskTimedOut;"), PlanReport.json(p));
        assertFalse(headline(PlanReport.html(p)).contains("already fails"), headline(PlanReport.html(p)));
    }

    // ---- finding 5: the warm-up's failures, exactly -------------------------------------------------------------

    /**
     * Every ResourceConflictException of q5 falls in its function's Pending spell, from its creation to its Active:
     * all in the warm-up, said apart (one's at the start, two's and three's from 5 min), with 1-minute buckets and
     * with 10-second ones alike.
     */
    @Test
    void pendingFailuresFromCreationAreInTheWarmUpWhateverTheBuckets() throws Exception {
        for (String bucket : List.of("bucket: 1m", "bucket: 10s", "bucket: 5m")) {
            Plan p = new Planner(ScenarioLoader.parse(q5(bucket), "q5.yaml"), 1, line -> { }).warmUp(FIVE_MIN)
                    .plan();
            assertEquals(List.of(), p.failsAsIs(), bucket);
            assertEquals(1, p.failsInWarmUp().size(), bucket + ": " + p.failsInWarmUp());
            assertTrue(p.failsInWarmUp().get(0).endsWith(" fail with ResourceConflictException"),
                    p.failsInWarmUp().toString());
        }
    }

    /**
     * A class with failures both in the warm-up and after it: the count said is after the warm-up, the warm-up's
     * said beside it, the two adding up to the run's.
     */
    @Test
    void aClassAlsoAfterTheWarmUpCountsOnlyWhatCameAfterIt() throws Exception {
        String yaml = PlanLimitsAfterWarmUpTest.RESERVED_FIVE.formatted("{ schedule: { phases: [ { rate: 100/s,"
                + " for: 20s }, { rate: 1/s, for: 100s }, { rate: 100/s, for: 60s } ] } }");
        Scenario s = ScenarioLoader.parse(yaml, "lim.yaml");
        dev.enisim.run.RunResult res = new dev.enisim.run.Simulation(s, 0).run();
        long all = res.summary().invocations().throttled();
        Plan p = new Planner(s, 1, line -> { }).warmUp(30_000_000L).plan();
        assertEquals(1, p.failsAsIs().size(), p.failsAsIs().toString());
        Matcher m = Pattern.compile("^([\\d,]+) invocations \\(.*; ([\\d,]+) more in the warm-up, not counted$")
                .matcher(p.failsAsIs().get(0));
        assertTrue(m.find(), p.failsAsIs().get(0));
        long after = Long.parseLong(m.group(1).replace(",", ""));
        long warm = Long.parseLong(m.group(2).replace(",", ""));
        assertTrue(after > 0 && warm > 0, p.failsAsIs().get(0));
        assertEquals(all, after + warm, "the two add up to the run's throttles");
    }

    // ---- finding 10: the plan's words ---------------------------------------------------------------------------

    /** One replication: "1 replication"; the teardown to the tenth of a minute in the terminal, as on the page. */
    @Test
    void oneReplicationIsSingularAndTheTeardownHasThePagesPrecision() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse(q5("bucket: 1m"), "q5.yaml"), 1, line -> { }).plan();
        String text = PlanReport.text(p);
        String html = PlanReport.html(p);
        assertFalse(text.contains("over 1 replications") || html.contains("over 1 replications"), text);
        String p50 = String.format(java.util.Locale.ROOT, "%.1f min", p.teardown().p50Seconds() / 60);
        assertTrue(text.contains("simulated over 1 replication: p50 " + p50), text);
        assertTrue(html.contains(p50), "the page's chart: " + p50);
        assertTrue(html.contains("at this scenario's peak (in 1 replication)"), html);
    }
}
