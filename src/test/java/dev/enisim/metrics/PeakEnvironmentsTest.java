package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code peakEnvironments} (summary.json) and {@code Sim.Environments} (timeseries.csv) count the execution
 * environments that existed: a cold start refused at its port (its key's one ENI full, the subnet with no address
 * for another) made an environment and dropped it at the same instant, before anything ran in it; it is no part
 * of the peak (until round 2's thirty-third pass it was: 2 here, while only one environment ever ran).
 */
class PeakEnvironmentsTest {

    /** One ENI of one port (the /28 has one free address): the first invocation holds it for 30 s. */
    private static final String REFUSED_AT_THE_PEAK = """
            name: refused-at-peak
            description: One ENI of one port; cold starts refused while the one environment runs.
            seed: 1
            duration: 2m
            bucket: 1m
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/28, az: az-1, otherUsedIps: 10 }
                securityGroups: [sg-a]
            hyperplane:
              connectionsPerEni: 1
            functions:
              - name: f
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                timeout: 60s
                duration: { dist: constant, value: 30s }
                arrivals: { constant: 1/s, until: 10s }
            """;

    @Test
    void aColdStartRefusedAtThePeakIsNoEnvironment() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(REFUSED_AT_THE_PEAK, "test.yaml"), 0).run();
        RunSummary.FunctionSummary f = r.summary().functions().get("f");
        assertEquals(1, f.invocations().succeeded(), "the first runs");
        assertEquals(9L, f.invocations().errors().get("SubnetIPAddressLimitReachedException"),
                "the other nine cold starts find no port and no address for another ENI");
        assertEquals(1, f.peakEnvironments(), "only the environment that ran existed");
        long[] series = r.timeSeries().series().stream()
                .filter(s -> s.scope().id().equals("function") && s.id().equals("f") && s.exception() == null
                        && s.metric().metric().equals("Sim.Environments"))
                .findFirst().orElseThrow().values();
        assertEquals(1, Arrays.stream(series).max().orElseThrow(), "Sim.Environments: " + Arrays.toString(series));
    }
}
