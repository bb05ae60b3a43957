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
}
