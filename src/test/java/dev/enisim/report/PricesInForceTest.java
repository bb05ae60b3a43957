package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.PriceTable;
import dev.enisim.scenario.ScenarioLoader;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A FinOps review: the run page's "Assumptions in force" listed no price, and its cost line named the table's region
 * only, so a scenario labelled eu-south-1 with us-east-1's rates read as priced at eu-south-1's. The section lists the
 * prices in force, each said as set by the scenario or the default; every field of {@link PriceTable} has its row
 * (a price added to the table without one fails here, as {@link AssumptionsValuesTest} holds the assumed defaults).
 */
class PricesInForceTest {

    /** Both architectures, provisioned concurrency and, when {@code nat}, a NAT gateway: every price in force. */
    private static String scenario(boolean nat) {
        return Vpc1Yaml.head("t", "", nat) + """
                  - { name: api, provisionedConcurrency: 2,
                      vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] },
                      duration: 200ms, arrivals: { poisson: 5/s } }
                  - { name: arm, architecture: arm64,
                      duration: 200ms, arrivals: { poisson: 1/s } }
                """;
    }

    /** Every price's path under prices, from the record's components (nested rates as x86_64.perGbSecond). */
    static Set<String> everyPrice() {
        Set<String> out = new TreeSet<>();
        for (RecordComponent c : PriceTable.class.getRecordComponents()) {
            if (c.getType() == PriceTable.Rates.class) {
                for (RecordComponent r : PriceTable.Rates.class.getRecordComponents()) {
                    out.add("prices." + c.getName() + "." + r.getName());
                }
            } else {
                out.add("prices." + c.getName());
            }
        }
        return out;
    }

    private static List<String> unlisted(String yaml) throws Exception {
        Set<String> listed = new TreeSet<>();
        Assumptions.prices(ScenarioLoader.parse(yaml, "t.yaml")).forEach(p -> listed.add(p.field()));
        List<String> out = new ArrayList<>(everyPrice());
        out.removeAll(listed);
        return out;
    }

    @Test
    void everyPriceOfTheTableHasItsRow() throws Exception {
        assertEquals(List.of(), unlisted(scenario(true)), "prices with no row: give each one in report/Assumptions.prices");
    }

    /** The check above can fail: without a NAT gateway its rates are not in force, so not listed. */
    @Test
    void aPriceNotInForceIsCaught() throws Exception {
        List<String> left = unlisted(scenario(false));
        assertEquals(List.of("prices.natGatewayPerGb", "prices.natGatewayPerHour"), left);
        Map<String, String> rows = new java.util.HashMap<>();
        Assumptions.prices(ScenarioLoader.parse(scenario(false), "t.yaml")).forEach(p -> rows.put(p.field(), p.value()));
        assertTrue(rows.get(Assumptions.NOT_IN_FORCE).contains("prices.natGatewayPerHour and natGatewayPerGb (no NAT"
                + " gateway)"), rows.toString());
    }

    @Test
    void thePageListsThePricesAndWhichTheScenarioSet() throws Exception {
        String yaml = dev.enisim.scenario.OneSubnetYaml.of("name: eu\nduration: 5m\nprices: { region: eu-south-1,"
                + " x86_64: { perGbSecond: 0.0000195172 } }", "name: f\nduration: 100ms\narrivals: { poisson: 1/s }");
        String page = HtmlReport.render(new Simulation(ScenarioLoader.parse(yaml, "eu.yaml"), 0).run(), Map.of(),
                "test");
        int at = page.indexOf("<h3>Prices in force</h3>");
        assertTrue(at > page.indexOf("<section id=\"assumptions\">"), page);
        String prices = page.substring(at, page.indexOf("</table>", at));
        assertTrue(prices.contains("<tr><th scope=\"row\"><code>prices.region</code></th><td><code>eu-south-1</code>"
                + "</td><td>scenario</td></tr>"), prices);
        assertTrue(prices.contains("<tr><th scope=\"row\"><code>prices.x86_64.perGbSecond</code></th><td><code>"
                + "0.0000195172</code></td><td>scenario</td></tr>"), prices);
        assertTrue(prices.contains("<tr><th scope=\"row\"><code>prices.perMillionRequests</code></th><td><code>0.2"
                + "</code></td><td>default</td></tr>"), prices);
        assertTrue(prices.contains("<code>prices.billInit</code></th><td><code>true</code></td><td>default</td>"),
                prices);
        assertTrue(prices.contains("prices.arm64.* (no arm64 function)"), prices);
    }

    /** A region set alone is a label on us-east-1's rates: said in its row. */
    @Test
    void aRegionAloneIsSaidToBeALabel() throws Exception {
        String yaml = dev.enisim.scenario.OneSubnetYaml.of("name: label\nduration: 5m\nprices: { region: ap-east-1 }",
                "name: f\nduration: 100ms\narrivals: { poisson: 1/s }");
        Assumptions.Price region = Assumptions.prices(ScenarioLoader.parse(yaml, "l.yaml")).get(0);
        assertEquals(new Assumptions.Price("prices.region", "ap-east-1 (a label: the rates are us-east-1's)",
                Assumptions.SET), region);
    }
}
