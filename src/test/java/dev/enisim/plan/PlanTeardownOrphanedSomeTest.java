package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.report.PlanReport;
import dev.enisim.report.SummaryJson;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A teardown that orphans in some replications and not in others, of a design other than the scenario (an EC2
 * request limit: the teardown's design creates every ENI). The role is deleted at 10 s; a function not invoked for
 * 45 s goes Inactive then, and its ENI is orphaned before the end (not the teardown's), while a function invoked
 * often enough keeps its ENI to the end, and the teardown orphans it. Poisson arrivals at 3 a minute over 3 minutes
 * leave such a gap in some replications only: 2 of 5 orphan at the teardown. Every fast scenario before orphaned in all
 * replications or none (reports/mutation/README.md, session 45: {@code lost >= 0} survived, and so did the orphaned
 * page's "Of the design" paragraph). About a second a plan.
 */
class PlanTeardownOrphanedSomeTest {

    private static Plan plan() throws Exception {
        Scenario s = ScenarioLoader.parse("""
                name: some
                seed: 1
                duration: 3m
                bucket: 10s
                hyperplane: { idleReclaimAfter: 45s, ec2RequestLimit: { burst: 10, refill: 1/m } }
                vpcs:
                  - id: v
                    subnets:
                      - { id: a, cidr: 10.1.0.0/28, az: az-1 }
                    securityGroups: [sg-1]
                functions:
                  - { name: f, existing: Active, role: stack-role,
                      vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] },
                      duration: 100ms, arrivals: { poisson: 3/m } }
                timeline:
                  - { at: 10s, action: deleteRole, role: stack-role }
                """, "some");
        return new Planner(s, 5, line -> { }).warmUp(30_000_000L).plan();
    }

    /** Only the replications that orphan an ENI at the teardown are counted (it counted every replication). */
    @Test
    void onlyTheReplicationsThatOrphanAreCounted() throws Exception {
        Plan.TeardownWait t = plan().teardown();
        assertTrue(t.orphaned(), t.toString());
        assertEquals(1, t.orphanedEnis(), t.toString());
        assertEquals(2, t.orphanedReplications(), t.toString());
        assertEquals(5, t.replications(), t.toString());
        assertFalse(Double.isFinite(t.p50Seconds()) || Double.isFinite(t.analyticP99Seconds()), t.toString());
    }

    /** The terminal, plan.html and plan.json say "2 of 5", and the page names the design as the terminal does. */
    @Test
    void everyOutputSaysSomeReplicationsAndTheDesign() throws Exception {
        Plan p = plan();
        String design = "the design the plan recommends: every ENI created (no EC2 request limit refusing them: the"
                + " deployment staggered)";
        assertEquals(design, p.teardown().design());

        String text = PlanReport.text(p);
        String four = text.substring(text.indexOf("\n4. Teardown"), text.indexOf("\n5. "));
        assertTrue(four.startsWith("\n4. Teardown: deleting every function leaves 1 ENI orphaned (in 2 of 5"
                + " replications)\n   (of " + design + ")\n"), four);

        String html = PlanReport.html(p);
        String section = html.substring(html.indexOf("<section id=\"teardown\">"));
        section = section.substring(0, section.indexOf("</section>"));
        assertTrue(section.contains("<p class=\"verdict bad\">No finite wait: deleting every function leaves 1 ENI"
                + " orphaned (in 2 of 5 replications). Lambda cannot delete it"), section);
        assertTrue(section.contains("<p>Of " + design + ".</p>\n<p>With what the scenario's timeline leaves"
                + " standing at its end: deleteRole stack-role at 10 s;"), section);
        assertEquals(1, section.split("<p>Of ", -1).length - 1, "the design said once: " + section);

        JsonNode json = SummaryJson.mapper().readTree(PlanReport.json(p)).path("teardown");
        assertEquals(2, json.path("orphanedReplications").asInt(), json.toString());
        assertEquals(1, json.path("orphanedEnis").asInt(), json.toString());
    }
}
