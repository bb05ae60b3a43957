package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Under the legacy model each function has its own ENIs, sized by the 3 GB rule on its own memory. The formula took
 * the memory of the first function in the subnet for every key (1,536 MB for both: 170 ENIs against the 245
 * simulated then), and section 2 advised one security-group set ("would need 1 (saves 244)"), which legacy ENIs cannot
 * follow, calling the environments connections.
 */
class PlanLegacyFormulaTest {

    static final String LEG = """
            name: leg
            seed: 4
            duration: 10m
            bucket: 1m
            networkModel: legacy
            account: { concurrencyLimit: 1000 }
            vpcs:
              - id: vpc-a
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/22, az: us-east-1a }
                securityGroups: [sg-a]
            functions:
              - name: small
                memoryMb: 1536
                timeout: 60s
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                duration: 1s
                arrivals: { constant: 40/s }
              - name: big
                memoryMb: 3072
                timeout: 60s
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                duration: 1s
                arrivals: { constant: 40/s }
            """;

    @Test
    void eachKeyIsSizedOnItsOwnFunctionsMemoryAndNothingIsConsolidated() throws Exception {
        Scenario s = ScenarioLoader.parse(LEG, "leg");
        Plan p = new Planner(s, 1, line -> { }).plan();
        Plan.SubnetAdvice a = p.subnets().get(0);
        // ceil(196 x 1536 / 3072) + ceil(149 x 3072 / 3072) = 98 + 149 (the peak environments since cold starts placed
        // on an ENI still Creating wait for it, session 32: 190 and 150 before, 245)
        assertEquals(247, a.analyticLambdaIps(), a.toString());
        assertEquals(a.peakLambdaIps(), a.analyticLambdaIps(), "formula and simulation agree: " + a);
        Plan.VpcAdvice v = p.vpcs().get(0);
        assertEquals(v.peakEnis(), v.consolidatedEnis(), "no legacy ENI is shared by a security-group set");
        assertEquals(0, v.savedByConsolidating());
        assertEquals(java.util.List.of(), p.idle(), "no keep-warm advice: no Inactive state before Hyperplane");
        String text = PlanReport.text(p);
        assertFalse(text.contains("saves"), text);
        assertFalse(text.contains("connections\n"), "legacy keys hold environments, not connections:\n" + text);
        assertTrue(text.contains("peak 196 environments"), text);
        assertTrue(text.contains("for their rate (legacy.ec2ApiBurst, legacy.ec2ApiRefill), not for want of IPs"), text);
        assertFalse(text.contains("hyperplane.ec2RequestLimit"), "the legacy model's EC2 bucket is legacy.*: " + text);
    }

    @Test
    void theOwnerIsReadFromTheKeyWithOrWithoutAnAccount() throws Exception {
        Planner planner = new Planner(ScenarioLoader.parse(LEG, "leg"), 1, line -> { });
        assertEquals(1536, planner.legacyMemory("small@subnet-a+[sg-a]"));
        assertEquals(3072, planner.legacyMemory("big@subnet-a+[sg-a]"));
        assertEquals(1536, planner.legacyMemory("111111111111:small@subnet-a+[sg-a]"));
    }
    /**
     * Under the legacy model a function makes its ENIs at its cold starts: one never called in the run (its calls
     * start after it) needs no address, and the formula counts none for it (the Hyperplane formula counts one for a
     * key of the design the run never made): the subnet needs its neighbour's 17 ENIs (another security-group set),
     * as simulated.
     */
    @Test
    void aLegacyFunctionNeverCalledNeedsNoAddress() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse("""
                name: quiet
                seed: 4
                duration: 3m
                bucket: 10s
                networkModel: legacy
                vpcs:
                  - id: v
                    subnets: [{ id: s1, cidr: 10.0.0.0/24, az: a }]
                    securityGroups: [sg-a, sg-b]
                functions:
                  - { name: api, memoryMb: 1536, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-a] },
                      duration: 1s, arrivals: { constant: 4/s } }
                  - { name: later, memoryMb: 1536, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-b] },
                      duration: 1s, arrivals: { constant: 4/s, from: 10m } }
                """, "quiet"), 1, line -> { }).warmUp(0).plan();
        Plan.SubnetAdvice a = p.subnets().get(0);
        assertEquals(a.peakLambdaIps(), a.analyticLambdaIps(), "formula and simulation agree: " + a);
        assertEquals(17, a.analyticLambdaIps(), a.toString());
    }

    /**
     * After the warm-up a legacy key's ENIs are what its environments need by the 3 GB rule (1,536 MB: two
     * environments an ENI), not what connections over an ENI's 65,000 would fill: a burst of 30 calls a second in
     * the 30 s warm-up (cold starts wait for their ENIs) leaves 272 environments, kept after it while 6 calls a
     * second come: 136 ENIs, not 1.
     */
    @Test
    void afterTheWarmUpALegacyKeysEnisFollowTheThreeGbRule() throws Exception {
        Scenario s = ScenarioLoader.parse("""
                name: legwarm
                seed: 1
                duration: 3m
                bucket: 10s
                networkModel: legacy
                vpcs:
                  - id: v
                    subnets: [{ id: s1, cidr: 10.0.0.0/24, az: a }]
                    securityGroups: [sg-a]
                functions:
                  - { name: api, memoryMb: 1536, existing: Active,
                      vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-a] }, initDuration: 0s, duration: 1s,
                      arrivals: { schedule: { phases: [ { rate: 30/s, for: 30s }, { rate: 6/s, for: 150s } ] } } }
                """, "legwarm");
        Planner.Peaks p = new Planner(s, 1, line -> { }).warmUp(30_000_000L).peaks(new dev.enisim.run.Simulation(s, 0)
                .run());
        assertEquals(136, p.run().eniKeys().get("api@s1+[sg-a]").peakEnis(), "the run this test is made of");
        assertEquals(272, p.keyConnections().get("api@s1+[sg-a]"), "environments after the warm-up");
        assertEquals(java.util.Map.of("api@s1+[sg-a]", 136L), p.keyEnis());
    }
}
