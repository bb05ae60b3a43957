package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Each block of the format, in one scenario: a key it does not have is reported at its own path (all at once),
 * and the optional blocks (legacy, scaling, hyperplane, an existing function) are read, not left at defaults.
 */
class EveryBlockTest {

    private static final String FULL = """
            name: blocks
            duration: 1h
            account: { concurrencyLimit: 500, unreservedMinimum: 50 }
            networkModel: legacy
            legacy: { coldStartAttachTime: 9s, ec2ApiBurst: 7, ec2ApiRefill: 3/s, eniLimit: 77 }
            scaling: { model: legacy-burst, newEnvironmentsPer10s: 11, burst: 33, burstIncreasePerMinute: 44,
                       keepAlive: 6m }
            hyperplane: { eniCreateTime: 40s, attachExistingTime: 2s, connectionsPerEni: 1000, eniRetryBackoff: 2m,
                          eniDeleteTime: 5m, idleReclaimAfter: 3d, stuckPendingAfter: 7m }
            vpcs:
              - id: vpc-1
                eniQuota: 123
                subnets: [ { id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a, otherUsedIps: 5 } ]
                securityGroups: [sg-1]
            functions:
              - name: api
                existing: Inactive
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                duration: { dist: uniform, min: 1s, max: 2s }
                arrivals: { diurnal: { peak: 10/s, trough: 1/s, peakAt: 12h, period: 1d } }
              - name: batch
                duration: 1s
                arrivals: { bursts: { base: 1/s, rate: 50/s, duration: 1m, at: [10m, 30m] } }
              - name: waves
                duration: 1s
                arrivals: { schedule: { phases: [ { rate: 5/s, for: 10m }, { quiet: 5m } ], repeat: true } }
            """;

    @Test
    void theOptionalBlocksAreRead() throws Exception {
        Scenario s = ScenarioLoader.parse(FULL, "blocks.yaml");
        assertEquals("LEGACY", s.networkModel().name());
        assertEquals(new Scenario.Legacy(new dev.enisim.workload.DistributionSpec.Constant(9e6), 7, 3.0, 77),
                s.legacy());
        assertEquals("LEGACY_BURST", s.scaling().scaling().model().name());
        assertEquals(11, s.scaling().scaling().newEnvironments());
        assertEquals(33, s.scaling().scaling().burst());
        assertEquals(44, s.scaling().scaling().burstIncrease());
        assertEquals(360_000_000L, s.scaling().keepAliveMicros());
        assertEquals(1000, s.hyperplane().connectionsPerEni());
        assertEquals(120_000_000L, s.hyperplane().eniRetryBackoffMicros());
        assertEquals(300e6, s.hyperplane().eniDeleteTime().mean());
        assertEquals(3 * 86_400_000_000L, s.hyperplane().idleReclaimAfterMicros());
        assertEquals(420_000_000L, s.hyperplane().stuckPendingAfterMicros());
        assertEquals(123, s.vpcs().get(0).eniQuota());
        assertEquals(5, s.vpcs().get(0).subnets().get(0).otherUsedIps());
        assertEquals(Scenario.Function.Existing.INACTIVE, s.functions().get(0).existing());
        assertEquals(Scenario.Function.Existing.NO, s.functions().get(1).existing());
        assertEquals(500, s.account().concurrencyLimit());
        assertEquals(50, s.account().unreservedMinimum());
    }

    @Test
    void aKeyABlockDoesNotHaveIsReportedAtItsPath() {
        String bad = FULL
                .replace("name: blocks", "name: blocks\nnmae: x")
                .replace("unreservedMinimum: 50", "unreservedMinimum: 50, limit: 1")
                .replace("eniLimit: 77", "eniLimit: 77, enis: 1")
                .replace("keepAlive: 6m", "keepAlive: 6m, keep: 1")
                .replace("stuckPendingAfter: 7m", "stuckPendingAfter: 7m, stuck: 1")
                .replace("eniQuota: 123", "eniQuota: 123\n    quota: 1")
                .replace("otherUsedIps: 5", "otherUsedIps: 5, others: 1")
                .replace("existing: Inactive", "existing: Inactive\n    memory: 1")
                .replace("securityGroupIds: [sg-1] }", "securityGroupIds: [sg-1], subnets: [] }")
                .replace("max: 2s", "max: 2s, mean: 1s")
                .replace("period: 1d", "period: 1d, amplitude: 1")
                .replace("at: [10m, 30m]", "at: [10m, 30m], every: 1h")
                .replace("repeat: true", "repeat: true, times: 2")
                .replace("{ quiet: 5m }", "{ quiet: 5m, loud: 1 }")
                .replace("arrivals: { diurnal", "arrivals: { rate: 1, diurnal");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(bad, "blocks.yaml"));
        assertEquals(new TreeSet<>(List.of("nmae", "account.limit", "legacy.enis", "scaling.keep",
                "hyperplane.stuck", "vpcs[0].quota", "vpcs[0].subnets[0].others", "functions[0].memory",
                "functions[0].vpcConfig.subnets", "functions[0].duration.mean", "functions[0].arrivals.rate",
                "functions[0].arrivals.diurnal.amplitude", "functions[1].arrivals.bursts.every",
                "functions[2].arrivals.schedule.times", "functions[2].arrivals.schedule.phases[1].loud")),
                new TreeSet<>(e.problems().stream().map(Problem::path).toList()));
        assertEquals(15, e.problems().size(), "each once");
    }
}
