package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.metrics.RunSummary;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Under the legacy network model a provisioned environment takes its slot on one of the function's ENIs, as a cold
 * start's does. It took {@code connectionsPerEnvironment} ports instead (the Hyperplane rule): none by default, so
 * provisioned environments held no ENI at all; with a database pool, an ENI its scale-out made stayed Creating for
 * ever (no cold start waited for it to set its ready time) and kept its IP after the function was deleted. Found by
 * EveryFeatureProperties (the teardown left an ENI Creating).
 */
class LegacyProvisionedEniTest {

    private static String scenario(String extra) {
        return """
                name: legacy-provisioned
                duration: 30m
                networkModel: legacy
                vpcs:
                  - id: vpc-0
                    subnets: [{ id: subnet-a, cidr: 10.0.0.0/27, az: az-0 }]
                    securityGroups: [sg-1]
                functions:
                  - name: f0
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                    existing: Active
                    memoryMb: 3008
                    provisionedConcurrency: 2
                    duration: 100ms
                    arrivals: { none: true }
                %s
                timeline:
                  - { at: 1m, action: deleteFunction, function: f0 }
                """.formatted(extra);
    }

    @Test
    void provisionedEnvironmentsTakeTheirSlotsAndGiveBackTheirEnis() throws Exception {
        for (String extra : new String[] {"", "    connectionsPerEnvironment: 1"}) {
            RunResult result = new Simulation(ScenarioLoader.parse(scenario(extra), "test"), 0).checkingInvariants()
                    .run();
            RunSummary r = result.summary();
            // 3,008 MB: one environment per ENI (3 GB / 3,008 MB), so two provisioned environments hold two ENIs
            assertEquals(2, r.enis().created() - r.enis().inPlaceAtStart(), "an ENI per provisioned environment ("
                    + extra + ")");
            for (RunResult.EniLifetime e : result.enis()) {
                assertEquals("Deleted", e.finalState(), e + " (" + extra + ")");
            }
            assertEquals(27, r.subnets().get("subnet-a").finalAvailableIps(), "every IP back (" + extra + ")");
        }
    }
}
