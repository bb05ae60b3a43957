package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The legacy model's ENI attach ({@code legacy.coldStartAttachTime}) is the platform's wait, not the function's init
 * code: it is in the cold start's latency, and not in the INIT that is billed (AWS bills the init phase the
 * function's code runs, not the ENI Lambda attaches).
 */
class LegacyAttachNotBilledTest {

    private static RunSummary run(String init) throws Exception {
        String yaml = """
                name: legacy-attach
                seed: 7
                duration: 2m
                networkModel: legacy
                legacy: { coldStartAttachTime: 9s }
                vpcs:
                  - id: v
                    subnets: [{ id: s, cidr: 10.8.0.0/24, az: us-east-1a }]
                    securityGroups: [sg]
                functions:
                  - name: f
                    memoryMb: 1024
                    timeout: 60s
                    vpcConfig: { subnetIds: [s], securityGroupIds: [sg] }
                    duration: 100ms
                    INIT
                    arrivals: { poisson: 2/s }
                prices: { billInit: true }
                """.replace("INIT", init);
        return new Simulation(ScenarioLoader.parse(yaml, "legacy-attach.yaml"), 0).run().summary();
    }

    @Test
    void theAttachWaitIsInTheLatencyButNotInTheBilledInit() throws Exception {
        RunSummary none = run("initDuration: 0ms");
        assertTrue(none.coldStarts().total() > 0, "cold starts");
        assertEquals(0, none.cost().init(), "no init code: no INIT billed, whatever the 9 s attach");
        RunSummary withInit = run("initDuration: 500ms");
        long cold = withInit.coldStarts().total();
        // each cold start bills its 500 ms of init at 1 GB and the x86_64 rate, not 9.5 s
        assertEquals(cold * 0.5 * 0.0000166667, withInit.cost().init(), 1e-9);
    }
}
