package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.report.HtmlReport;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Under the legacy network model, an ENI made by the first cold start at 0 (created and ready at once) was told as
 * "in place at the start", and the VPC's limit as its "quota" (which does not apply: legacy.eniLimit does). An
 * existing function's Hyperplane ENIs are still in place at the start.
 */
class LegacyEnisAndLimitTest {

    private static final String YAML = """
            name: legacy-at-zero
            seed: 1
            duration: 2m
            bucket: 1m
            networkModel: %s
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/28, az: us-east-1a }
                securityGroups: [sg-1]
            functions:
              - name: f
                %s
                memoryMb: 3072
                timeout: 30s
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                duration: 10s
                arrivals: { constant: 5/s }
            """;

    private static RunResult run(String model, String existing) throws Exception {
        return new Simulation(ScenarioLoader.parse(YAML.formatted(model, existing), "t.yaml"), 0).run();
    }

    private static String terminal(RunResult r) {
        StringWriter out = new StringWriter();
        TerminalSummary.print(new PrintWriter(out), r);
        return out.toString();
    }

    @Test
    void aLegacyColdStartsEniAtZeroIsCreatedByTheRun() throws Exception {
        RunResult r = run("legacy", "");
        RunSummary.Enis enis = r.summary().enis();
        assertEquals(11, enis.created(), "a /28's 11 addresses, one 3 GB environment per ENI");
        assertEquals(0, enis.inPlaceAtStart(), "the first was made by the cold start at 0");
        String text = terminal(r);
        assertTrue(text.contains("Legacy ENIs: 11 created, peak 11, 11 at the end\n"), text);
    }

    @Test
    void aLegacyVpcIsHeldToTheLegacyLimitNotTheQuota() throws Exception {
        RunResult r = run("legacy", "");
        assertEquals(5000, r.summary().vpcs().get("vpc-1").eniQuota(), "the limit that applies: legacy.eniLimit");
        String text = terminal(r);
        assertTrue(text.contains("  vpc-1                peak 11 of legacy.eniLimit 5000 (EC2 network interfaces:"
                + " the Hyperplane ENI quota does not apply)\n"), text);
        assertFalse(text.contains("of quota"), text);
        String page = HtmlReport.render(r, Map.of(), "test");
        assertTrue(page.contains("vpc-1 legacy.eniLimit 5,000 (all keys)"), "the ENI chart's line");
        assertFalse(page.contains("vpc-1 quota 5,000"), "the ENI chart's line");
    }

    @Test
    void anExistingFunctionsHyperplaneEnisAreInPlaceAndItsVpcHasItsQuota() throws Exception {
        RunResult r = run("hyperplane", "existing: Active");
        assertEquals(1, r.summary().enis().inPlaceAtStart());
        assertEquals(1, r.summary().enis().created());
        String text = terminal(r);
        assertTrue(text.contains("Hyperplane ENIs: 1 in place at the start, 0 created during the run"), text);
        assertTrue(text.contains("  vpc-1                peak 1 of quota 500\n"), text);
    }
}
