package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.Metric;
import dev.enisim.metrics.Series;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * What scenarios/README.md's {@code azOutage} row says happens after {@code until}: the AZ's subnets take new
 * environments again, while the environments made in the healthy AZ meanwhile stay there (nothing is moved back).
 * A product manager's review read the recovered AZ's zero connections after an outage as traffic that "never returns":
 * it returns with the new environments a rise in traffic makes. The function runs at 5/s through a 10-minute outage
 * of eu-west-1a, then at 50/s from 20 minutes: the cold starts of the rise land in both AZs.
 */
class AzRecoveryPlacementTest {

    private static final String SCENARIO = """
            name: az-recovery
            seed: 11
            duration: 40m
            bucket: 1m
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.1.0.0/24, az: eu-west-1a }
                  - { id: subnet-b, cidr: 10.1.1.0/24, az: eu-west-1b }
                securityGroups: [sg-api]
            functions:
              - name: api
                vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-api] }
                duration: { dist: lognormal, median: 200ms, p99: 1s }
                existing: Active
                arrivals: { schedule: { phases: [ { rate: 5/s, for: 20m }, { rate: 50/s, for: 20m } ] } }
            timeline:
              - { at: 2m, action: azOutage, az: eu-west-1a, until: %s }
            """;

    private static long peak(RunResult r, String key, int fromMinute, int toMinute) {
        Series s = r.timeSeries().get(Metric.ENI_CONNECTIONS, Metric.Scope.ENI_KEY, key);
        long max = 0;
        long[] v = s.values();
        for (int m = fromMinute; m < toMinute && m < v.length; m++) {
            max = Math.max(max, v[m]);
        }
        return max;
    }

    private static RunResult run(String until) throws Exception {
        return new Simulation(ScenarioLoader.parse(String.format(SCENARIO, until), "az-recovery.yaml"), 0).run();
    }

    @Test
    void theRecoveredAzTakesTheNewEnvironmentsOfARise() throws Exception {
        RunResult r = run("12m");
        assertEquals(0, peak(r, "subnet-a+[sg-api]", 3, 12), "no connection on the AZ while it is down");
        long before = peak(r, "subnet-a+[sg-api]", 13, 20);
        long after = peak(r, "subnet-a+[sg-api]", 25, 40);
        long other = peak(r, "subnet-b+[sg-api]", 25, 40);
        assertTrue(after > before + 5, "the rise's new environments land in the recovered AZ: " + before + " -> " + after);
        assertTrue(after * 4 > other, "a fair share of the rise in the recovered AZ: " + after + " against " + other);
    }

    @Test
    void anOutageThatDoesNotEndKeepsTheRiseOutOfTheAz() throws Exception {
        RunResult r = run("40m");
        assertEquals(0, peak(r, "subnet-a+[sg-api]", 3, 40), "the AZ down to the end takes nothing");
    }
}
