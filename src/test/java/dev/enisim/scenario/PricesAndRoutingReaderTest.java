package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.WarmRouting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenario's {@code prices:}, {@code scaling.warmRouting} and {@code functions[*].architecture}. */
class PricesAndRoutingReaderTest {

    private static final String BASE = """
            name: p
            duration: 1h
            functions:
              - name: f
                architecture: arm64
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    @Test
    void defaultsAreTheDocumentedTable() throws ScenarioException {
        Scenario s = ScenarioLoader.parse(BASE, "p.yaml");
        assertEquals(PriceTable.DEFAULT, s.prices());
        assertEquals("us-east-1", s.prices().region());
        assertEquals(0.0000166667, s.prices().x86_64().perGbSecond());
        assertEquals(0.0000133334, s.prices().arm64().perGbSecond());
        assertTrue(s.prices().billInit());
        assertEquals(WarmRouting.MOST_RECENTLY_USED, s.scaling().warmRouting());
        assertEquals("arm64", s.functions().get(0).architecture());
    }

    @Test
    void aPriceTableAndARoutingAreRead() throws ScenarioException {
        Scenario s = ScenarioLoader.parse(BASE + """
                scaling: { warmRouting: newest }
                prices:
                  region: eu-west-1
                  date: 2025-07-01
                  perMillionRequests: 0.25
                  arm64: { perGbSecond: 0.00001 }
                  billInit: false
                """, "p.yaml");
        assertEquals(WarmRouting.NEWEST, s.scaling().warmRouting());
        assertEquals("eu-west-1", s.prices().region());
        assertEquals(0.25, s.prices().perMillionRequests());
        assertEquals(0.00001, s.prices().arm64().perGbSecond());
        assertEquals(PriceTable.DEFAULT.arm64().provisionedPerGbSecond(), s.prices().arm64().provisionedPerGbSecond());
        assertEquals(PriceTable.DEFAULT.x86_64(), s.prices().x86_64());
        assertTrue(!s.prices().billInit());
    }

    @Test
    void badValuesAreReportedAllAtOnce() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(BASE + """
                scaling: { warmRouting: oldest }
                prices:
                  perMillionRequests: -1
                  x86_64: { perGbSecnd: 0.1 }
                  billInit: yes please
                """, "p.yaml"));
        List<String> problems = e.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("scaling.warmRouting: expected 'mostRecentlyUsed'"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("prices.perMillionRequests: expected a price")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("prices.x86_64.perGbSecnd") && p.contains(
                "did you mean 'perGbSecond'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("prices.billInit: expected true")),
                problems.toString());
    }
}
