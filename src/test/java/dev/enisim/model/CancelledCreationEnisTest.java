package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * {@code hyperplane.cancelledCreationKeepsEnis} [assumed]: an SRE's review. worker's ENI takes 9 minutes to create;
 * a PublishVersion at 7 minutes Pending makes Lambda cancel the creation (the function goes Failed). The ENI became
 * ready 2 minutes later and held its IP until the end, while the docs said a Failed function holds no ENI: the
 * Failed function uses no key, and an ENI no function uses is deleted (domain reference, section 2).
 */
public class CancelledCreationEnisTest {

    /** The scenario; {@code %s}: a line of the hyperplane block. */
    public static final String SCENARIO = """
            name: cancelled-creation
            seed: 3
            duration: 1h
            bucket: 30s
            vpcs:
              - id: vpc-prod
                subnets:
                  - { id: subnet-b, cidr: 10.0.8.64/26, az: eu-west-1b }
                securityGroups: [sg-worker]
            hyperplane:
              eniCreateTime: 9m
              eniDeleteTime: 5m
            %s
            functions:
              - name: worker
                timeout: 30s
                vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg-worker] }
                duration: 300ms
                arrivals: { poisson: 1/s }
            timeline:
              - { at: 7m, action: publishVersion, function: worker }
            """;

    public static RunResult run(String line) throws Exception {
        return new Simulation(ScenarioLoader.parse(SCENARIO.formatted(line), "cancelled.yaml"), 0)
                .checkingInvariants().run();
    }

    @Test
    void byDefaultTheCancelledCreationsEniIsDeletedOnceReady() throws Exception {
        RunResult r = run("");
        assertEquals("Failed", r.summary().functions().get("worker").finalState());
        assertEquals(1, r.enis().size());
        RunResult.EniLifetime eni = r.enis().get(0);
        // ready at 9 min, then deleted after eniDeleteTime (5 min): gone at 14 min, its IP freed
        assertEquals(840.0, eni.endedSeconds().orElseThrow(), 1e-6, eni.toString());
        assertEquals(0, r.summary().enis().fin(), r.summary().enis().toString());
        RunSummary.Teardown t = r.summary().teardowns().get(0);
        assertEquals("cancelled creation", t.action());
        assertEquals(420.0, t.requestedAtSeconds(), 1e-6);
        assertEquals(1, t.enis());
    }

    @Test
    void keptTheEniStaysWithItsIpUntilTheEnd() throws Exception {
        RunResult r = run("  cancelledCreationKeepsEnis: true");
        assertEquals("Failed", r.summary().functions().get("worker").finalState());
        assertTrue(r.enis().get(0).endedSeconds().isEmpty(), r.enis().toString());
        assertEquals(1, r.summary().enis().fin());
        assertTrue(r.summary().teardowns().isEmpty(), r.summary().teardowns().toString());
    }
}
