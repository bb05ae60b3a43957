package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * r1 (a FinOps review): {@code prices: {region: ap-east-1}} alone priced the run at us-east-1 rates and the page said
 * "at ap-east-1 list prices", with no word. validate and run now warn; a table with a rate of its own does not.
 */
class PricesRegionLabelWarningTest {

    private static List<String> warnings(String prices) throws Exception {
        return ScenarioLoader.warnings(ScenarioLoader.parse("""
                name: label
                duration: 1m
                functions:
                  - { name: f, duration: 10ms, arrivals: { constant: 1/s } }
                """ + prices, "label.yaml"));
    }

    @Test
    void aRegionWithoutRatesIsWarnedOfAsALabel() throws Exception {
        List<String> w = warnings("prices: { region: ap-east-1 }\n");
        assertTrue(w.stream().anyMatch(s -> s.contains("prices.region: ap-east-1 is a label only: the cost uses"
                + " us-east-1 rates")), w.toString());
        List<String> priced = warnings("prices: { region: ap-east-1, x86_64: { perGbSecond: 0.00002 } }\n");
        assertTrue(priced.stream().noneMatch(s -> s.contains("label only")), priced.toString());
        assertTrue(warnings("").stream().noneMatch(s -> s.contains("label only")));
    }
}
