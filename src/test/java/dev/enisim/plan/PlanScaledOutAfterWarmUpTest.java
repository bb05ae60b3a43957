package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The peaks after the warm-up never count a key below the ENIs it has in place at the start ({@code
 * vpcs[*].enisAtStart}): they were made before the run, not by the warm-up, and stay (enisim models no scale-in). r8
 * (an imported account, the api key in lambda-a scaled out to 2, quota 13 = 9 Lambda ENIs + 4 others): plan cut the
 * key to the one ENI its trickle of connections fills, and said "peak 8 + 4 ... of 13 (1 ENI spare)" with no "at its
 * quota" warning, "peak IPs 2" and "headroom now" one too many beside 2 in place, and "peak 9 ENIs ... (8 after it)"
 * in the warm-up line though no ENI was deleted. Here: a key of 2 in place and one of 1, one other service's ENI, a
 * quota of exactly 4. A few seconds.
 */
class PlanScaledOutAfterWarmUpTest {

    static final String YAML = """
            name: scaledwarm
            seed: 1
            duration: 12m
            bucket: 30s
            vpcs:
              - id: v
                eniQuota: 4
                otherUsedEnis: 1
                subnets: [{ id: s1, cidr: 10.1.0.0/24, az: a, otherUsedIps: 2 }]
                securityGroups: [sg-1, sg-2]
                enisAtStart: [{ subnetId: s1, securityGroupIds: [sg-1], enis: 2 }]
            functions:
              - { name: f, existing: Active, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] },
                  duration: 1s, arrivals: { constant: 1/s } }
              - { name: g, existing: Active, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-2] },
                  duration: 1s, arrivals: { constant: 1/s } }
            """;

    private static Plan plan() throws Exception {
        return new Planner(ScenarioLoader.parse(YAML, "scaledwarm"), 1, line -> { })
                .warmUp(Planner.DEFAULT_WARM_UP_MICROS).plan();
    }

    @Test
    void aKeyScaledOutBeforeTheRunKeepsItsEnisInPlaceAfterTheWarmUp() throws Exception {
        Plan p = plan();
        Plan.VpcAdvice v = p.vpcs().get(0);
        assertEquals(3, v.peakEnis(), "2 in place on f's key and 1 on g's, kept all run: " + v);
        assertEquals(new Plan.KeyUse("s1+[sg-1]", 2, v.keys().get(0).peakConnections()), v.keys().get(0),
                v.keys().toString());
        assertEquals(1, v.keys().get(1).peakEnis(), v.keys().toString());
        Plan.SubnetAdvice s = p.subnets().get(0);
        assertEquals(2, s.enisInPlace());
        assertEquals(3, s.peakLambdaIps(), "the addresses the 3 ENIs hold: " + s);
        assertEquals(3, s.analyticLambdaIps(), "the formula, as before: " + s);
        assertEquals(251 - 2 - 3, s.headroomIps(), s.toString());
        String text = PlanReport.text(p);
        assertTrue(text.contains("v is at its quota of 4 ENIs at the design's peak"), text);
        assertTrue(text.contains("v: peak 3 + 1 ENI"), text);
        assertTrue(text.contains("of 4 (at the quota)"), text);
        assertFalse(text.contains("ENI spare"), text);
        assertFalse(text.contains("after it)"), "the warm-up made nothing the peaks leave out: " + text);
        String json = PlanReport.json(p).replaceAll("\\s", "");
        assertTrue(json.contains("\"peakEnis\":3,") && json.contains("\"peakLambdaIps\":3,")
                && json.contains("\"headroomIps\":246"), json);
        String html = PlanReport.html(p);
        assertTrue(html.contains("Lambda's peak 3"), "the chart agrees with the table");
    }
}
