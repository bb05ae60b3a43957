package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.model.ProvisionedAllocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code scaling.provisionedConcurrency}: its documented defaults, its fields, its bad values at their paths. */
class ProvisionedAllocationReaderTest {

    private static final String BASE = """
            name: p
            duration: 1h
            functions:
              - name: f
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    @Test
    void defaultsAreTheDocumentedFigures() throws ScenarioException {
        ProvisionedAllocation p = ScenarioLoader.parse(BASE, "p.yaml").scaling().provisioned();
        assertEquals(90_000_000L, p.preparationMicros(), "a minute or two [assumed 90 s]");
        assertEquals(6000, p.allocationPerMinute(), "[doc] 6,000 per minute per function");
        assertEquals(true, p.keepsFunctionActive());
    }

    @Test
    void fieldsAreRead() throws ScenarioException {
        ProvisionedAllocation p = ScenarioLoader.parse(BASE + """
                scaling: { provisionedConcurrency: { preparation: 2m, allocationPerMinute: 500,
                           keepsFunctionActive: false } }
                """, "p.yaml").scaling().provisioned();
        assertEquals(new ProvisionedAllocation(120_000_000L, 500, false), p);
    }

    @Test
    void badValuesAreReportedAtTheirPaths() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(BASE + """
                scaling: { provisionedConcurrency: { preparation: 2h, allocationPerMinute: 0, rate: 1 } }
                """, "p.yaml"));
        List<String> paths = e.problems().stream().map(Problem::path).sorted().toList();
        assertEquals(List.of("scaling.provisionedConcurrency.allocationPerMinute",
                "scaling.provisionedConcurrency.preparation", "scaling.provisionedConcurrency.rate"), paths);
    }
}
