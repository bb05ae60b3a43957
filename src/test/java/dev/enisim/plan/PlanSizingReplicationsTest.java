package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The subnet size came from one replication and was "verified" on the same random numbers: scale4's replication 0
 * held 6 ENIs, so /27 (27 usable, 21 others') was recommended with "0 failures at /27", while other seeds reach 7
 * ENIs and run out. The demand is now the most over N replications, and the check runs on N others.
 */
class PlanSizingReplicationsTest {

    static final String SCALE4 = oneKey("scale4", "20m", 21, "510/s");

    /**
     * One function on one ENI key of 100 connections per ENI in a /27 that others use {@code otherUsedIps} of,
     * exponential durations of 1 s and Poisson arrivals at {@code rate}: the planner's sizing fixtures (scale4 here,
     * scale2 in {@link PlanRefusedDemandTest}).
     */
    static String oneKey(String name, String duration, int otherUsedIps, String rate) {
        return """
                name: %s
                seed: 1
                duration: %s
                bucket: 1m
                account:
                  concurrencyLimit: 2000
                vpcs:
                  - id: vpc-a
                    subnets:
                      - { id: subnet-a, cidr: 10.0.1.0/27, az: us-east-1a, otherUsedIps: %d }
                    securityGroups: [sg-a]
                hyperplane:
                  connectionsPerEni: 100
                functions:
                  - name: f
                    existing: Active
                    timeout: 900s
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                    duration: { dist: exponential, mean: 1s }
                    connectionsPerInvocation: 1
                    arrivals: { poisson: %s }
                """.formatted(name, duration, otherUsedIps, rate);
    }

    @Test
    void theDemandIsTheMostOverTheReplicationsAndTheCheckRunsOnOthers() throws Exception {
        Scenario s = ScenarioLoader.parse(SCALE4, "scale4");
        List<String> lines = new ArrayList<>();
        Plan.SubnetAdvice a = new Planner(s, 5, lines::add).plan().subnets().get(0);
        assertTrue(a.peakLambdaIps() >= 7, "a replication reaches 7 ENIs: " + a);
        assertEquals(26, a.recommendedPrefix(), "7 + 21 others do not fit a /27's 27: " + a);
        assertEquals(5, a.runsAtRecommended(), a.toString());
        assertEquals(0, a.failuresAtRecommended(), "no other replication runs out at /26: " + a);
        assertTrue(a.failuresOneSmaller() > 0 && a.runsFailedOneSmaller() == 1, "a /27 runs out: " + a);
        assertEquals(5, lines.stream().filter(l -> l.startsWith("every subnet at /16")).count(), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("recommended size, replication 5 of 5, on random numbers"
                + " the sizes were not derived from")), lines.toString());
    }
}
