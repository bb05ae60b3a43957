package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Which keys have ENIs in place at the start ({@link Planner#enisInPlace}, {@code vpcs[*].enisAtStart}): only those an
 * {@code existing: Active} function of the entry's account uses, and none under the legacy model, as the run makes
 * them. PIT (session 56) left each of these choices unchecked: an entry the run warns of and does not use (a function
 * set Inactive to try it, the legacy model of a both-models plan) read as ENIs in place, in the formula column and the
 * note under the table; and a second account's entry read as no ENI in place at all. A second or two a plan.
 */
class PlanEnisInPlaceKeysTest {

    /** One key in a /28 shared with 6 others, an entry of 3 ENIs in place for it; its function set by {@code existing}. */
    private static String scenario(String existing) {
        return """
                name: in-place
                seed: 1
                duration: 2m
                bucket: 10s
                hyperplane: { connectionsPerEni: 10 }
                vpcs:
                  - id: v
                    subnets: [{ id: s1, cidr: 10.1.0.0/28, az: a, otherUsedIps: 6 }]
                    securityGroups: [sg-1]
                    enisAtStart: [{ subnetId: s1, securityGroupIds: [sg-1], enis: 3 }]
                functions:
                  - { name: f, existing: EXISTING, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] },
                      initDuration: 0s, duration: 1s, arrivals: { constant: 1/s } }
                """.replace("EXISTING", existing);
    }

    private static Plan plan(String yaml, boolean bothModels) throws Exception {
        return new Planner(ScenarioLoader.parse(yaml, "in-place"), 1, bothModels, line -> { }).warmUp(0).plan();
    }

    /**
     * A function set Inactive has no ENI at the start (its ENIs were reclaimed): the entry is warned of and the run
     * makes one ENI when the traffic wakes it. The formula says that one, not the entry's 3, and no note of ENIs in
     * place.
     */
    @Test
    void anEntryForAnInactiveFunctionsKeyPutsNoEniInPlace() throws Exception {
        Plan plan = plan(scenario("Inactive"), false);
        Plan.SubnetAdvice s = plan.subnets().get(0);
        assertEquals(1, s.peakLambdaIps(), "the run this test is made of: the function wakes with one ENI");
        assertEquals(1, s.analyticLambdaIps(), s.toString());
        assertEquals(0, s.enisInPlace(), s.toString());
        assertFalse(PlanReport.text(plan).contains("ENIs in place at the start"), PlanReport.text(plan));
    }

    /**
     * The same key used by an Active function has its 3 in place under the Hyperplane model; the legacy model's sizes
     * beside them (a both-models plan) have none: legacy ENIs are made by cold starts, and the run warns of the entry.
     */
    @Test
    void theLegacyModelsSizesHaveNoEnisInPlace() throws Exception {
        Plan plan = plan(scenario("Active"), true);
        assertEquals(3, plan.subnets().get(0).enisInPlace(), "the Hyperplane model's: the premise");
        Plan.SubnetAdvice legacy = plan.subnetsUnderOtherModel().get(0);
        assertEquals(0, legacy.enisInPlace(), legacy.toString());
    }

    /**
     * Two accounts' Active functions on one shared subnet and group set: two keys, account 222222222222's scaled out to
     * 3 before the run. The run holds 1 + 3; the formula counts 222222222222's 3 in place and the note says them.
     */
    @Test
    void aSecondAccountsKeyHasItsEnisInPlace() throws Exception {
        String yaml = """
                name: in-place-accounts
                seed: 1
                duration: 2m
                bucket: 10s
                hyperplane: { connectionsPerEni: 10 }
                accounts:
                  - { id: "111111111111" }
                  - { id: "222222222222" }
                vpcs:
                  - id: v
                    owner: "111111111111"
                    subnets: [{ id: s1, cidr: 10.1.0.0/28, az: a, otherUsedIps: 5 }]
                    securityGroups: [sg-1]
                    enisAtStart: [{ subnetId: s1, securityGroupIds: [sg-1], account: "222222222222", enis: 3 }]
                functions:
                  - { name: one, account: "111111111111", existing: Active, initDuration: 0s, duration: 1s,
                      arrivals: { constant: 1/s }, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] } }
                  - { name: two, account: "222222222222", existing: Active, initDuration: 0s, duration: 1s,
                      arrivals: { constant: 1/s }, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] } }
                """;
        Plan plan = plan(yaml, false);
        Plan.SubnetAdvice s = plan.subnets().get(0);
        assertEquals(4, s.peakLambdaIps(), "the run this test is made of: one's key 1 ENI, two's 3");
        assertEquals(4, s.analyticLambdaIps(), s.toString());
        assertEquals(3, s.enisInPlace(), s.toString());
    }
}
