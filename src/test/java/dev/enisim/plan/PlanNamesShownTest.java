package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.Labels;
import dev.enisim.report.PlanReport;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code plan} labels a subnet, a VPC and a key as the run's terminal and page do ({@link Labels#of}, {@link
 * Labels#key}): "private-a (subnet-0a1b2c3d4e5f60789)" where the scenario names it (an imported Name tag), the id alone
 * where it does not. It said ids alone (and {@link Variants} dropped the names of the scenarios it made). plan.json
 * keeps its figures keyed by id, with the names beside them in {@code names}. A few seconds.
 */
class PlanNamesShownTest {

    static final String NAMED = """
            name: named
            seed: 1
            duration: 2m
            bucket: 10s
            """ + dev.enisim.report.chart.NamedChartsTest.NAMED_VPC + """
            functions:
              - name: api
                existing: Active
                vpcConfig: { subnetIds: [subnet-0a1b2c3d4e5f60789, subnet-0b1c2d3e4f5a60781],
                             securityGroupIds: [sg-0aaaaaaaaaaaaaaa1, sg-0bbbbbbbbbbbbbbb2] }
                duration: 50ms
                arrivals: { poisson: 5/s }
            """;

    private static final String A = "subnet-0a1b2c3d4e5f60789";
    private static final String B = "subnet-0b1c2d3e4f5a60781";

    @Test
    void theTerminalAndThePageLabelNamedSubnetsVpcsAndKeysAsTheRunDoes() throws Exception {
        Scenario s = ScenarioLoader.parse(NAMED, "named.yaml");
        Plan p = new Planner(s, 1, line -> { }).plan();
        String a = Labels.of(s, A);
        assertEquals("private-a (" + A + ")", a);
        String vpc = Labels.of(s, "vpc-0f0e0d0c0b0a09081");
        String key = p.vpcs().get(0).keys().stream().map(Plan.KeyUse::key).filter(k -> k.contains(A)).findFirst()
                .orElseThrow();
        String keyLabel = Labels.key(s, key);
        assertEquals("private-a (" + A + ")+[api-lambda (sg-0aaaaaaaaaaaaaaa1),sg-0bbbbbbbbbbbbbbb2]", keyLabel);

        String text = PlanReport.text(p);
        String rowA = line(text, "   " + a + " ");
        String rowB = line(text, "   " + B + " ");
        String header = line(text, "   subnet ");
        // the subnet column as wide as its longest label: "now" (the CIDR) starts at one column in every row
        assertEquals(header.indexOf(" now ") + 1, rowA.indexOf("10.1.1.0/24"), text);
        assertEquals(header.indexOf(" now ") + 1, rowB.indexOf("10.1.2.0/24"), text);
        assertTrue(text.contains("   " + vpc + ": peak "), text);
        assertTrue(text.contains("     " + keyLabel + " "), text);

        String page = PlanReport.html(p);
        assertTrue(page.contains("<tr><td>" + a + "</td><td>10.1.1.0/24"), page);
        assertTrue(page.contains("<tr><td>" + B + "</td><td>10.1.2.0/24"), page);
        assertTrue(page.contains("<figcaption>" + a + ": demand "), page);
        assertTrue(page.contains("<tr><td>" + vpc + "</td>"), page);
        assertTrue(page.contains("<h3>" + vpc + ": keys by peak ENIs</h3>"), page);
        assertTrue(page.contains("<tr><td>" + keyLabel + "</td>"), page);

        // plan.json: figures keyed by id, the names beside them
        String json = PlanReport.json(p);
        assertTrue(json.contains("\"subnet\" : \"" + A + "\""), json);
        assertTrue(json.contains("\"vpc\" : \"vpc-0f0e0d0c0b0a09081\""), json);
        assertFalse(json.contains("private-a ("), json);
        assertEquals(Map.of("vpc-0f0e0d0c0b0a09081", "payments-vpc", A, "private-a", "sg-0aaaaaaaaaaaaaaa1",
                "api-lambda"), p.names());
        assertTrue(json.contains("\"names\" : {\n    \"vpc-0f0e0d0c0b0a09081\" : \"payments-vpc\",\n    \"" + A
                + "\" : \"private-a\",\n    \"sg-0aaaaaaaaaaaaaaa1\" : \"api-lambda\"\n  }"), json);
    }

    /** A scenario without names: ids alone, the subnet column 26 wide as before, and no {@code names} in plan.json. */
    @Test
    void aScenarioWithoutNamesIsLabelledByItsIds() throws Exception {
        Scenario s = ScenarioLoader.parse(NAMED.replace("    name: payments-vpc\n", "")
                .replace(", name: private-a", "")
                .replace("    securityGroupNames: [{ id: sg-0aaaaaaaaaaaaaaa1, name: api-lambda }]\n", ""),
                "unnamed.yaml");
        Plan p = new Planner(s, 1, line -> { }).plan();
        String text = PlanReport.text(p);
        assertTrue(text.contains(String.format("   %-26s 10.1.1.0/24 ", A)), text);
        assertTrue(text.contains("   vpc-0f0e0d0c0b0a09081: peak "), text);
        assertFalse(PlanReport.json(p).contains("\"names\""), PlanReport.json(p));
    }

    /** The scenarios a plan runs (other sizes, no quota) keep the names: they dropped them. */
    @Test
    void variantsKeepTheNames() throws Exception {
        Scenario s = ScenarioLoader.parse(NAMED, "named.yaml");
        for (Scenario v : List.of(Variants.resize(s, Map.of(A, 20)), Variants.unlimitedQuotas(s))) {
            assertEquals("payments-vpc", v.vpcs().get(0).name());
            assertEquals("private-a", v.vpcs().get(0).subnets().get(0).name());
            assertEquals(Map.of("sg-0aaaaaaaaaaaaaaa1", "api-lambda"), v.vpcs().get(0).groupNames());
        }
        assertEquals(20, Variants.resize(s, Map.of(A, 20)).vpcs().get(0).subnets().get(0).cidr().prefix());
    }

    private static String line(String text, String start) {
        for (String l : text.split("\n")) {
            if (l.startsWith(start)) {
                return l;
            }
        }
        throw new AssertionError("no line starting '" + start + "' in\n" + text);
    }
}
