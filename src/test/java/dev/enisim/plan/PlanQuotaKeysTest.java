package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ENI quota section counts every key the design holds, as the subnet section counts their addresses.
 * <p>
 * A key made in a warm-up that lasts to the run's end (a function deployed in its last minutes): a review's
 * b14-late-deploy (quota 10; 2 existing functions and 4 deployed at 55m of 1h, 12 ENIs) read "As it is, this scenario
 * already fails: new6 ends Failed (EniLimitExceeded)" and then "vpc-x: peak 4 of 10 (6 ENIs spare) ... 12 during the
 * 5 min warm-up, not counted", no warning, plan.json {@code peakEnis: 4}. A key's ENI stays until Lambda deletes it:
 * it is no start-up ramp. The smallest case: quota 2, one existing function and two made at 10m of 12m.
 * <p>
 * A key of a function asleep in the demand runs ({@code existing: Inactive}, not invoked): never made, yet it needs
 * an ENI when the function wakes; the subnets' sizes counted an address for it, the quota's room did not.
 */
class PlanQuotaKeysTest {

    static final String LATE = """
            name: late-keys
            seed: 1
            duration: 12m
            bucket: 30s
            vpcs:
              - id: v
                eniQuota: 2
                subnets:
                  - { id: a, cidr: 10.1.0.0/24, az: az-1 }
                securityGroups: [sg-1, sg-2, sg-3]
            functions:
              - { name: old, existing: Active, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] },
                  duration: 100ms, arrivals: { poisson: 1/s } }
              - { name: new2, createdAt: 10m, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-2] },
                  duration: 100ms, arrivals: { poisson: 1/s } }
              - { name: new3, createdAt: 10m, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-3] },
                  duration: 100ms, arrivals: { poisson: 1/s } }
            """;

    @Test
    void keysMadeInAWarmUpThatLastsToTheRunsEndCountAgainstTheQuota() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse(LATE, "late-keys"), 1, line -> { }).plan();
        assertTrue(p.failsAsIs().stream().anyMatch(l -> l.contains("EniLimitExceeded")), p.failsAsIs().toString());
        Plan.VpcAdvice v = p.vpcs().get(0);
        assertEquals(3, v.peakEnis(), "the existing key and the two made at 10m, each held to the end: " + v);
        assertEquals(-1, v.room(), v.toString());
        assertEquals(0, v.warmUpPeakEnis(), "the warm-up held no more than the peak: " + v);
        assertEquals(List.of("a+[sg-1]", "a+[sg-2]", "a+[sg-3]"),
                v.keys().stream().map(Plan.KeyUse::key).sorted().toList(), v.toString());
        assertEquals(3, p.subnets().get(0).peakLambdaIps(), "their addresses are in the peak too: " + p.subnets());
        String text = PlanReport.text(p);
        assertTrue(text.contains("Warning: v's design needs 1 ENI more than its quota of 2."), text);
        assertTrue(text.contains("   v: peak 3 of 2 (1 ENI short)"), text);
        assertFalse(text.contains("during the 5 min warm-up, not counted"), text);
        String json = PlanReport.json(p);
        assertTrue(json.contains("\"peakEnis\" : 3,"), json);
        assertFalse(json.contains("warmUpPeakEnis"), json);
    }

    /** The asleep function's key against a quota of 2 with the awake one's: at the quota, not "1 ENI spare". */
    @Test
    void theKeyOfAnAsleepFunctionCountsInTheRoom() throws Exception {
        Plan p = asleep(2);
        Plan.VpcAdvice v = p.vpcs().get(0);
        assertEquals(1, v.peakEnis(), "the run made the awake function's key only: " + v);
        assertEquals(1, v.inactiveKeys(), v.toString());
        assertEquals(List.of("asleep"), v.inactiveFunctions(), v.toString());
        assertEquals(0, v.room(), "2 - 1 - the asleep key: " + v);
        String text = PlanReport.text(p);
        assertTrue(text.contains("   v: peak 1 + 1 for the keys of Inactive functions of 2 (at the quota)"), text);
        assertTrue(text.contains("   (v: 1 key of functions Inactive in the demand runs had no ENI there (asleep); it"
                + " needs one when its functions wake (the first invocation after a quiet spell restores a function):"
                + " the room against the quota and one security-group set per subnet count it, the peak and the keys"
                + " do not)"), text);
        assertTrue(text.contains("Warning: v is at its quota of 2 ENIs at the design's peak, 1 of them for the keys of"
                + " its Inactive functions: no room for one more key."), text);
        String page = PlanReport.html(p);
        assertTrue(page.contains("<p class=\"note\">v: 1 key of functions Inactive in the demand runs"), page);
        assertTrue(page.contains("<td class=\"bad\">at the quota</td>"), page);
        String json = PlanReport.json(p);
        int vpcs = json.indexOf("\"vpcs\"");
        assertTrue(json.indexOf("\"inactiveKeys\" : 1", vpcs) > vpcs, json);
        assertTrue(json.indexOf("\"inactiveFunctions\" : [ \"asleep\" ]", vpcs) > vpcs, json);
    }

    /** Short only of the asleep key: the run had no ENI failure, and the warning says why it will. */
    @Test
    void aQuotaShortOnlyOfAnAsleepKeyIsSaidSo() throws Exception {
        Plan p = asleep(1);
        assertEquals(-1, p.vpcs().get(0).room(), p.vpcs().toString());
        String text = PlanReport.text(p);
        assertTrue(text.contains("Warning: v's design needs 1 ENI more than its quota of 1: it holds today's traffic"
                + " only while its Inactive function sleeps (asleep); when it wakes (the first invocation after a"
                + " quiet spell restores a function), its key needs an ENI."), text);
    }

    /**
     * One security-group set per subnet counts the asleep key as the room does (2 ENIs: the awake key's and the
     * asleep one's): on the awake key's subnet the asleep key joins it, one ENI for both, so it saves 1. It compared
     * the awake key alone with the peak: "would save nothing (1 needed either way)", beside "peak 1 + 1".
     */
    @Test
    void oneSetPerSubnetCountsTheAsleepKeyOnTheAwakeKeysSubnet() throws Exception {
        Plan.VpcAdvice v = asleep(2).vpcs().get(0);
        assertEquals(1, v.inactiveKeys(), v.toString());
        assertEquals(1, v.consolidatedEnis(), "one key for the subnet: " + v);
        assertEquals(1, v.savedByConsolidating(), "2 (the peak's 1 + the asleep key) less 1: " + v);
        Plan p = asleep(2);
        assertTrue(PlanReport.text(p).contains("   v: peak 1 + 1 for the keys of Inactive functions of 2 (at the"
                + " quota); one security-group set per subnet would need 1 (saves 1)"), PlanReport.text(p));
        assertTrue(PlanReport.html(p).contains("<td>would need 1 ENI (saves 1)</td>"), PlanReport.html(p));
    }

    /**
     * Asleep on a subnet where no key was made, the asleep key is that subnet's one key: one ENI more than the awake
     * key's, 2 needed either way. It read "would save nothing (1 needed either way)" where 2 are.
     */
    @Test
    void oneSetPerSubnetCountsAnAsleepKeyAloneOnItsSubnetAsAnEni() throws Exception {
        String yaml = PlanInactiveKeysTest.SCENARIO.replace("  - id: v\n", "  - id: v\n    eniQuota: 2\n")
                .replace("      - { id: a, cidr: 10.1.0.0/28, az: az-1, otherUsedIps: 10 }\n",
                        "      - { id: a, cidr: 10.1.0.0/24, az: az-1 }\n      - { id: b, cidr: 10.1.1.0/24, az: az-1 }\n")
                .replace("name: asleep, existing: Inactive, vpcConfig: { subnetIds: [a]",
                        "name: asleep, existing: Inactive, vpcConfig: { subnetIds: [b]");
        Plan p = new Planner(ScenarioLoader.parse(yaml, "asleep-key"), 1, line -> { }).warmUp(30_000_000L).plan();
        Plan.VpcAdvice v = p.vpcs().get(0);
        assertEquals(1, v.peakEnis(), v.toString());
        assertEquals(1, v.inactiveKeys(), v.toString());
        assertEquals(2, v.consolidatedEnis(), "a's key and b's asleep one: " + v);
        assertEquals(0, v.savedByConsolidating(), v.toString());
        assertTrue(PlanReport.text(p).contains("(at the quota); one security-group set per subnet would save nothing"
                + " (2 needed either way)"), PlanReport.text(p));
        assertTrue(PlanReport.json(p).contains("\"consolidatedEnis\" : 2,"), PlanReport.json(p));
    }

    private static Plan asleep(int quota) throws Exception {
        String yaml = PlanInactiveKeysTest.SCENARIO.replace("  - id: v\n", "  - id: v\n    eniQuota: " + quota + "\n")
                .replace("cidr: 10.1.0.0/28, az: az-1, otherUsedIps: 10", "cidr: 10.1.0.0/24, az: az-1");
        return new Planner(ScenarioLoader.parse(yaml, "asleep-key"), 1, line -> { }).warmUp(30_000_000L).plan();
    }
}
