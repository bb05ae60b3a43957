package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.scenario.ScenarioLoader;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Under the legacy model a function created without a VpcConfig and attached by an update never became a user of its
 * new key: the ENI its next cold start made was deleted as soon as it was ready (its key had no user), while the
 * function's invocations went on using it. Found by an invariant added with the teardown fix (an ENI being created is
 * marked released exactly while its key has no users).
 */
class LegacyAttachByUpdateTest {

    @Test
    void theUpdatedFunctionKeepsTheEniItsColdStartMade() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse("""
                name: legacy-attach
                duration: 10m
                networkModel: legacy
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                    securityGroups: [sg-a]
                functions:
                  - name: f1
                    duration: 100ms
                    arrivals: { constant: 1/s }
                timeline:
                  - { at: 1m, action: updateVpcConfig, function: f1, vpcConfig: { subnetIds: [subnet-a],
                      securityGroupIds: [sg-a] } }
                """, "t.yaml"), 0).checkingInvariants().run();
        assertEquals(1, r.enis().size(), r.enis().toString());
        RunResult.EniLifetime e = r.enis().get(0);
        assertEquals(60, e.createdSeconds(), "the first cold start after the update");
        assertEquals("InUse", e.finalState(), e.toString());
        assertEquals(OptionalDouble.empty(), e.deletionRequestedSeconds());
        assertEquals(0, r.summary().teardowns().size());
    }
}
