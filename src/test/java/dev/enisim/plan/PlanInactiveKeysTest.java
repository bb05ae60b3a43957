package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A subnet that holds today's traffic only because some of its functions sleep (a platform team's review, fault 3: a
 * full EKS-shared /24 read "/24 recommended, 3 IPs spare" while its own formula and the other tenants came to 253 of
 * 251). An {@code existing: Inactive} function the runs do not invoke has its key made in no demand run, so no ENI
 * and no address in the peak; when it wakes (its first invocation after the quiet restores it) its key needs one.
 * The sizes now count an address for each such key, and the terminal, the page and plan.json say which functions'.
 * The smallest case: a /28 (11 usable) with 10 addresses of other tenants, one Active function (one key, one ENI)
 * and one asleep on another security-group set. It read "/28, 0 spare" and no warning. A few seconds.
 */
class PlanInactiveKeysTest {

    static final String SCENARIO = """
            name: asleep-key
            seed: 1
            duration: 3m
            bucket: 10s
            vpcs:
              - id: v
                subnets:
                  - { id: a, cidr: 10.1.0.0/28, az: az-1, otherUsedIps: 10 }
                securityGroups: [sg-1, sg-2]
            functions:
              - { name: awake, existing: Active, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] },
                  duration: 100ms, arrivals: { poisson: 1/s } }
              - { name: asleep, existing: Inactive, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-2] },
                  duration: 100ms, arrivals: { none: true } }
            """;

    private static Plan plan(String yaml) throws Exception {
        Scenario s = ScenarioLoader.parse(yaml, "asleep-key");
        return new Planner(s, 1, line -> { }).warmUp(30_000_000L).plan();
    }

    @Test
    void theKeyOfAnAsleepFunctionIsCountedInTheSizeAndTheHeadroom() throws Exception {
        Plan p = plan(SCENARIO);
        Plan.SubnetAdvice a = p.subnets().get(0);
        assertEquals(1, a.peakLambdaIps(), "the run made the awake function's key only: " + a);
        assertEquals(2, a.analyticLambdaIps(), "the formula counts the asleep key, as it did: " + a);
        assertEquals(1, a.inactiveKeys(), a.toString());
        assertEquals(List.of("asleep"), a.inactiveFunctions(), a.toString());
        // 11 usable - 10 others - (1 peak + 1 asleep key): one short; it read 0 spare and /28
        assertEquals(-1, a.headroomIps(), a.toString());
        assertEquals(27, a.recommendedPrefix(), "2 of Lambda's + 10 others' need 12 addresses: " + a);

        String text = PlanReport.text(p);
        assertTrue(text.contains("Warning: a is 1 IP short of the design's peak at its size now (recommended /27):"
                + " it holds today's traffic only while its Inactive function sleeps (asleep); when it wakes (the"
                + " first invocation after a quiet spell restores a function), its key needs an ENI."), text);
        assertTrue(text.contains("   (a: 1 key of functions Inactive in the demand runs had no ENI there (asleep); it"
                + " needs one, so an address, when its functions wake (the first invocation after a quiet spell"
                + " restores a function): the formula, the headroom now and the recommended size count it, the peak"
                + " IPs do not)"), text);
        String page = PlanReport.html(p);
        assertTrue(text.contains("0 failures at /27, 0 at /28, where the keys of its Inactive"
                + " functions were not made: the size is for them when they wake, not for failures seen"), text);
        assertTrue(page.contains("<p class=\"verdict warn\">Warning: a is 1 IP short of the design's peak at its size"
                + " now (recommended /27): it holds today's traffic only while its Inactive function sleeps"), page);
        assertTrue(page.contains("<td class=\"bad\">1 IP short</td>"), page);
        assertTrue(page.contains("<p class=\"note\">A: 1 key of functions Inactive in the demand runs had no ENI"),
                page);
        assertTrue(page.contains("demand 12 IPs (Lambda's peak 1 + 1 for the keys of Inactive functions + 10 already"
                + " in use: other tenants', or Lambda's beyond those its functions start with)"), page);
        String json = PlanReport.json(p);
        assertTrue(json.contains("\"inactiveKeys\" : 1"), json);
        assertTrue(json.contains("\"inactiveFunctions\" : [ \"asleep\" ]"), json);
    }

    /**
     * Subnets whose sleeping keys and functions are the same are said in one line: an account's 10 Inactive
     * functions on 13 subnets read 13 lines naming the same functions. Another subnet's differ: a line of its own.
     */
    @Test
    void subnetsWithTheSameAsleepFunctionsAreOneLine() throws Exception {
        Plan s = plan(SCENARIO);
        Plan.SubnetAdvice a = s.subnets().get(0);
        java.util.function.BiFunction<String, List<String>, Plan.SubnetAdvice> like = (id, functions) ->
                new Plan.SubnetAdvice(id, a.cidr(), a.usableIps(), a.otherUsedIps(), a.peakLambdaIps(),
                        a.analyticLambdaIps(), a.recommendedPrefix(), a.recommendedUsableIps(), a.headroomIps(),
                        a.failuresAtRecommended(), a.failuresOneSmaller(), a.demandReplications(),
                        a.runsAtRecommended(), a.runsFailedAtRecommended(), a.runsOneSmaller(),
                        a.runsFailedOneSmaller(), a.warmUpLambdaIps(), a.othersRefusedOneSmaller(),
                        a.cannotGrowInPlace(), 1, functions);
        Plan p = new Plan(s.scenario(), s.seed(), s.networkModel(), s.failsAsIs(), s.failedFunctions(),
                List.of(a, like.apply("b", List.of("asleep")), like.apply("c", List.of("other"))),
                s.subnetsUnderOtherModel(), s.vpcs(), s.headroom(), s.teardown(), s.idle(), s.assumptions());
        String text = PlanReport.text(p);
        assertTrue(text.contains("   (a, b (each): 1 key of functions Inactive in the demand runs had no ENI there"
                + " (asleep);"), text);
        assertTrue(text.contains("   (c: 1 key of functions Inactive in the demand runs had no ENI there (other);"),
                text);
        // the subnets' notes (the VPC's own note on its quota says the same key once more, in other words)
        assertEquals(2, text.split("key of functions Inactive in the demand runs had no ENI there \\([a-z]+\\); it needs"
                + " one, so an address", -1).length - 1, text);
        assertTrue(PlanReport.html(p).contains("<p class=\"note\">A, b (each): 1 key of functions Inactive"),
                PlanReport.html(p));
    }

    /**
     * The asleep function on the awake one's security groups shares its key, whose ENI the run made: nothing more to
     * count, and the plan is what it was (0 spare at /28, no warning, nothing said in plan.json).
     */
    @Test
    void anAsleepFunctionOnAKeyTheRunMadeNeedsNoMoreAddress() throws Exception {
        Plan p = plan(SCENARIO.replace("name: asleep, existing: Inactive, vpcConfig: { subnetIds: [a],"
                + " securityGroupIds: [sg-2] }", "name: asleep, existing: Inactive, vpcConfig: { subnetIds: [a],"
                + " securityGroupIds: [sg-1] }"));
        Plan.SubnetAdvice a = p.subnets().get(0);
        assertEquals(0, a.inactiveKeys(), a.toString());
        assertEquals(0, a.headroomIps(), a.toString());
        assertEquals(28, a.recommendedPrefix(), a.toString());
        assertFalse(PlanReport.text(p).contains("Warning:"), PlanReport.text(p));
        assertFalse(PlanReport.json(p).contains("inactiveKeys"), PlanReport.json(p));
    }

    /** Woken in the run (invoked), its key is made and counted in the peak: no key asleep. */
    @Test
    void anInactiveFunctionTheRunWakesIsInThePeak() throws Exception {
        Plan p = plan(SCENARIO.replace("arrivals: { none: true }", "arrivals: { poisson: 1/s }"));
        Plan.SubnetAdvice a = p.subnets().get(0);
        assertEquals(0, a.inactiveKeys(), a.toString());
        assertEquals(2, a.peakLambdaIps(), a.toString());
        assertEquals(27, a.recommendedPrefix(), a.toString());
    }
}
