package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A VPC's ENI advice (section 2) is read off the demand replication with the most ENIs in the VPC, the first of
 * those tied: its peak, and its keys with their own ENIs and connections. Here (ENIs of 10 connections, three demand
 * runs at /16 with no quota) the VPC's peaks are 5, 6 and 6, and the two runs at 6 differ in their keys'
 * connections; about 5 s.
 */
class PlanVpcPeakTest {

    private static final String YAML = """
            name: vpcpeak
            seed: 9
            duration: 2m
            bucket: 10s
            hyperplane: { connectionsPerEni: 10 }
            vpcs:
              - id: v
                subnets:
                  - { id: s1, cidr: 10.1.0.0/24, az: a }
                  - { id: s2, cidr: 10.1.1.0/24, az: b }
                securityGroups: [sg-1, sg-2]
            functions:
              - { name: f, existing: Active, vpcConfig: { subnetIds: [s1, s2], securityGroupIds: [sg-1] },
                  initDuration: 0s, duration: 1s, arrivals: { poisson: 12/s } }
              - { name: g, existing: Active, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-2] },
                  initDuration: 0s, duration: 1s, arrivals: { poisson: 4/s } }
            """;

    @Test
    void theVpcsAdviceIsTheFirstReplicationWithTheMostEnis() throws Exception {
        Scenario s = ScenarioLoader.parse(YAML, "vpcpeak");
        // the demand runs, as the plan makes them: every subnet at /16, no quota in the way
        Scenario wide = Variants.unlimitedQuotas(Variants.resize(s, Map.of("s1", 16, "s2", 16)));
        List<RunSummary> demand = new ArrayList<>();
        for (int rep = 0; rep < 3; rep++) {
            demand.add(new Simulation(wide, rep).run().summary());
        }
        List<Long> peaks = demand.stream().map(r -> r.vpcs().get("v").peakEnis()).toList();
        assertEquals(List.of(5L, 6L, 6L), peaks, "the runs this test is made of");
        assertEquals(false, keys(demand.get(1)).equals(keys(demand.get(2))), "the tied runs' keys differ");

        Plan.VpcAdvice v = new Planner(s, 3, line -> { }).warmUp(0).plan().vpcs().get(0);
        assertEquals(6, v.peakEnis());
        assertEquals(keys(demand.get(1)), v.keys(), "the second replication's keys, the first with 6 ENIs");
        assertEquals(0, v.warmUpPeakEnis(), "no warm-up: nothing held beyond the peak is said");
        assertEquals(v.peakEnis() - v.consolidatedEnis(), v.savedByConsolidating());
    }

    /** A run's keys in the VPC, the most ENIs first, as the plan lists them. */
    private static List<Plan.KeyUse> keys(RunSummary r) {
        List<Plan.KeyUse> keys = new ArrayList<>();
        r.eniKeys().forEach((key, k) -> {
            if (k.vpc().equals("v") && k.peakEnis() > 0) {
                keys.add(new Plan.KeyUse(key, k.peakEnis(), k.peakConnections()));
            }
        });
        keys.sort(Comparator.comparingLong(Plan.KeyUse::peakEnis).reversed());
        return keys;
    }
}
