package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.report.page.CostLine;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run whose scale-out is refused for want of an address (an existing function, 100 connections per ENI, 200/s of
 * 1 s invocations, one address left): the 502s never ran, so the cold starts are the 100 environments made, as the
 * latency's cold starts, the INIT billed and the sentence tell them.
 */
class ColdStartsOfRefusedInvocationsTest {

    private static final String YAML = """
            name: scaleout-noip
            seed: 1
            duration: 2m
            bucket: 1m
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/28, az: us-east-1a, otherUsedIps: 10 }
                securityGroups: [sg-1]
            hyperplane:
              connectionsPerEni: 100
            functions:
              - name: f
                existing: Active
                timeout: 10s
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                duration: 1s
                connectionsPerInvocation: 1
                arrivals: { constant: 200/s }
            """;

    @Test
    void aRequestRefusedWithAnEniErrorIsNoColdStart() throws Exception {
        RunSummary s = new Simulation(ScenarioLoader.parse(YAML, "t.yaml"), 0).run().summary();
        long refused = s.invocations().errors().get("SubnetIPAddressLimitReachedException");
        assertEquals(true, refused > 10_000, "most requests are refused: " + refused);
        RunSummary.ColdStarts c = s.coldStarts();
        assertEquals(new RunSummary.ColdStarts(100, s.invocations().succeeded() - 100,
                100.0 / s.invocations().succeeded(), Map.of("Success", 100L)), c);
        assertEquals(c.total(), s.latencyMillis().coldStarts(), "every cold start succeeded");
        assertEquals(s.invocations().total(), c.total() + c.warmStarts() + refused, "ran, or refused");
        assertEquals(c, s.functions().get("f").coldStarts());
        assertEquals(String.format(java.util.Locale.ROOT, "Cold starts: 100, %s of the %,d invocations that got"
                + " an execution environment (all succeeded); not counted: the %,d invocations refused before getting"
                + " one (SubnetIPAddressLimitReachedException).",
                dev.enisim.report.chart.Wording.pct(100, c.total() + c.warmStarts()), c.total() + c.warmStarts(),
                refused), CostLine.coldStarts(s));
    }
}
