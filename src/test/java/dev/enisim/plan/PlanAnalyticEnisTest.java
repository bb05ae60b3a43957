package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A subnet's ENIs by the formula (section 1's analytic figure): each key's peak connections over the ENI's capacity,
 * rounded up. A key whose connections fill exactly one ENI (10 of 10: constant 10 calls a second of 1 s) needs one,
 * not two. A key Hyperplane scaled out before the run ({@code vpcs[*].enisAtStart}) needs at least the ENIs it has in
 * place. A second or two each.
 */
class PlanAnalyticEnisTest {

    /** One key of 10 connections (constant 10 calls a second of 1 s), an ENI holding 10. */
    static final String EXACT = """
            name: exact
            seed: 1
            duration: 2m
            bucket: 10s
            hyperplane: { connectionsPerEni: 10 }
            vpcs:
              - id: v
                subnets: [{ id: s1, cidr: 10.1.0.0/24, az: a }]
                securityGroups: [sg-1]
            functions:
              - { name: f, existing: Active, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] },
                  initDuration: 0s, duration: 1s, arrivals: { constant: 10/s } }
            """;

    private static Plan plan(String yaml) throws Exception {
        return new Planner(ScenarioLoader.parse(yaml, "exact"), 1, line -> { }).warmUp(0).plan();
    }

    /** {@link #EXACT} in a /28 shared with 6 other addresses, its key scaled out to {@code enis} before the run. */
    private static String scaledOut(int enis, String arrivals) {
        return EXACT.replace("cidr: 10.1.0.0/24, az: a }", "cidr: 10.1.0.0/28, az: a, otherUsedIps: 6 }")
                .replace("    securityGroups: [sg-1]\n", "    securityGroups: [sg-1]\n    enisAtStart: [{ subnetId: s1,"
                        + " securityGroupIds: [sg-1], enis: " + enis + " }]\n")
                .replace("{ constant: 10/s }", arrivals);
    }

    @Test
    void aKeyWhoseConnectionsFillExactlyOneEniNeedsOne() throws Exception {
        Plan plan = plan(EXACT);
        assertEquals(new Plan.KeyUse("s1+[sg-1]", 1, 10), plan.vpcs().get(0).keys().get(0),
                "the run this test is made of");
        assertEquals(1, plan.subnets().get(0).analyticLambdaIps(), plan.subnets().get(0).toString());
        assertEquals(0, plan.subnets().get(0).enisInPlace(), "no key scaled out before the run");
        assertFalse(PlanReport.text(plan).contains("ENIs in place at the start"), PlanReport.text(plan));
    }

    /**
     * A subnet's formula counts only its own functions' keys: g, on s1 alone, has no key on s2, so s2 needs f's one
     * ENI (PIT, session 56: the design's keys the run never made were taken from every function, whatever its subnets,
     * and s2 read "formula 2").
     */
    @Test
    void aSubnetsFormulaCountsOnlyTheKeysOfItsOwnFunctions() throws Exception {
        Plan plan = plan(EXACT.replace("subnets: [{ id: s1, cidr: 10.1.0.0/24, az: a }]", "subnets: [{ id: s1, cidr:"
                + " 10.1.0.0/24, az: a }, { id: s2, cidr: 10.1.1.0/24, az: b }]").replace("securityGroups: [sg-1]",
                "securityGroups: [sg-1, sg-2]").replace("subnetIds: [s1], securityGroupIds: [sg-1]", "subnetIds: [s1,"
                + " s2], securityGroupIds: [sg-1]") + """
                  - { name: g, existing: Active, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-2] },
                      initDuration: 0s, duration: 1s, arrivals: { constant: 1/s } }
                """);
        assertEquals("s2", plan.subnets().get(1).subnet());
        assertEquals(2, plan.subnets().get(0).analyticLambdaIps(), plan.subnets().get(0).toString());
        assertEquals(1, plan.subnets().get(1).analyticLambdaIps(), plan.subnets().get(1).toString());
    }

    /**
     * The key scaled out to 3 ENIs before the run keeps them at a trickle (1 call a second: 1 connection): the run
     * holds 3 addresses, and the formula said 1 (it took every key to start with one ENI). It counts at least the ENIs
     * in place, and agrees with the simulated peak; the rule is said under the table, on the terminal and the page.
     */
    @Test
    void aKeyScaledOutBeforeTheRunNeedsAtLeastItsEnisInPlace() throws Exception {
        Plan plan = plan(scaledOut(3, "{ constant: 1/s }"));
        Plan.SubnetAdvice s = plan.subnets().get(0);
        assertEquals(3, s.peakLambdaIps(), "the run this test is made of: its 3 ENIs in place, kept all run");
        assertEquals(3, s.analyticLambdaIps(), s.toString());
        assertEquals(3, s.enisInPlace());
        assertEquals(28, s.recommendedPrefix(), "3 of Lambda's and 6 others' in a /28's 11");
        String rule = "s1: 3 ENIs in place at the start on keys Hyperplane scaled out before the run"
                + " (vpcs[*].enisAtStart); such a key keeps them whatever its traffic (Lambda deletes a key's ENIs only"
                + " when no function uses it or after weeks idle, and enisim models no scale-in), so the formula counts"
                + " at least its ENIs in place, as the peak IPs do";
        assertTrue(PlanReport.text(plan).contains("   (" + rule + ")\n"), PlanReport.text(plan));
        assertTrue(PlanReport.html(plan).contains("<p class=\"note\">S" + rule.substring(1) + ".</p>"),
                PlanReport.html(plan));
        assertTrue(PlanReport.json(plan).replaceAll("\\s", "").contains("\"enisInPlace\":3"), PlanReport.json(plan));
    }

    /**
     * The Region's quota of 2 network interfaces, both another service's, refuses the key's 3 ENIs in place: the
     * function starts Failed and the demand run (which lifts the VPC's quota, not the Region's) makes no ENI of it. The
     * formula counts the design's key with its 3 ENIs in place (it counted one, as for a key that starts with one); the
     * peak IPs are what the quota let through, and a note says so.
     */
    @Test
    void aKeyScaledOutBeforeTheRunThatTheRunNeverMadeNeedsItsEnisInPlace() throws Exception {
        Plan plan = plan(scaledOut(3, "{ constant: 1/s }").replace("vpcs:\n", "account: { networkInterfacesPerRegion:"
                + " 2 }\nvpcs:\n").replace("  - id: v\n", "  - id: v\n    otherUsedEnis: 2\n"));
        Plan.SubnetAdvice s = plan.subnets().get(0);
        assertEquals(0, s.peakLambdaIps(), "the run this test is made of: the Region's quota refused the key");
        assertEquals(3, s.analyticLambdaIps(), s.toString());
        assertTrue(plan.sizingNotes().get(0).startsWith("the demand for IPs was measured while the Region's"),
                plan.sizingNotes().toString());
    }

    /**
     * A key whose traffic needs more than it has in place (25 connections of 10 an ENI: 3, 2 in place) needs what its
     * traffic needs, not the sum; as the run, which scales it out to 3.
     */
    @Test
    void aKeyWhoseTrafficNeedsMoreThanItsEnisInPlaceNeedsWhatItsTrafficNeeds() throws Exception {
        Plan.SubnetAdvice s = plan(scaledOut(2, "{ constant: 25/s }")).subnets().get(0);
        assertEquals(3, s.peakLambdaIps(), "the run this test is made of: scaled out from 2 to 3");
        assertEquals(3, s.analyticLambdaIps(), s.toString());
        assertEquals(2, s.enisInPlace());
    }
}
