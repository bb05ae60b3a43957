package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.ProvisionedAllocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two assumptions made named parameters: {@code hyperplane.reuseDeletingEni} (a new user of a key takes back its
 * ENIs being deleted) and {@code scaling.provisionedConcurrency.requestRateCap} (what 10 x provisioned concurrency
 * caps), with their defaults (today's behaviour), their bad values at their paths, and the warning of a function
 * whose traffic passes 10 x its provisioned concurrency under the default reading.
 */
class ReuseAndRateCapReaderTest {

    private static final String BASE = """
            name: p
            duration: 5m
            bucket: 1m
            functions:
              - name: f
                existing: Active
                provisionedConcurrency: 1
                duration: 10ms
                arrivals: { constant: 50/s }
            """;

    @Test
    void defaultsKeepTodaysBehaviour() throws ScenarioException {
        Scenario s = ScenarioLoader.parse(BASE, "p.yaml");
        assertTrue(s.hyperplane().reuseDeletingEni(), "a new user takes a deleting ENI back");
        assertTrue(s.reuseDeletingEni());
        assertTrue(s.scaling().provisioned().rateCapsAllRequests(), "10 x PC caps every request");
        assertTrue(Scenario.Hyperplane.DEFAULT.reuseDeletingEni());
        assertTrue(ProvisionedAllocation.DEFAULT.rateCapsAllRequests());
    }

    @Test
    void fieldsAreRead() throws ScenarioException {
        Scenario s = ScenarioLoader.parse(BASE + """
                hyperplane: { reuseDeletingEni: false }
                scaling: { provisionedConcurrency: { requestRateCap: provisionedOnly } }
                """, "p.yaml");
        assertFalse(s.hyperplane().reuseDeletingEni());
        assertFalse(s.reuseDeletingEni());
        assertEquals(new ProvisionedAllocation(90_000_000L, 6000, true, false), s.scaling().provisioned());
        assertTrue(ScenarioLoader.parse(BASE + """
                scaling: { provisionedConcurrency: { requestRateCap: allRequests } }
                """, "p.yaml").scaling().provisioned().rateCapsAllRequests());
    }

    @Test
    void badValuesAreReportedAtTheirPaths() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(BASE + """
                hyperplane: { reuseDeletingEni: sometimes }
                scaling: { provisionedConcurrency: { requestRateCap: spillover } }
                """, "p.yaml"));
        List<String> paths = e.problems().stream().map(Problem::path).sorted().toList();
        assertEquals(List.of("hyperplane.reuseDeletingEni", "scaling.provisionedConcurrency.requestRateCap"), paths);
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("allRequests")
                && p.message().contains("provisionedOnly") && p.message().contains("'spillover'")), e.toString());
    }

    /** 50/s against 10 x 1: under the default reading most of it is throttled, which the run says up front. */
    @Test
    void trafficAbove10xProvisionedConcurrencyWarnsUnderTheDefaultReading() throws ScenarioException {
        List<String> w = ScenarioLoader.warnings(ScenarioLoader.parse(BASE, "p.yaml"));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("p.yaml: functions[f]: its traffic reaches 50.0 requests/s, above 10 x its"
                + " provisionedConcurrency (1) = 10/s"), w.get(0));
        assertTrue(w.get(0).contains("requestRateCap: allRequests") && w.get(0).contains("provisionedOnly"), w.get(0));
    }

    /**
     * The throttle reason the warning names is the one the run reports: with reserved concurrency it is
     * ReservedFunctionInvocationRateLimitExceeded (a migrating architect's payments-auth was warned of the other).
     */
    @Test
    void theWarningNamesTheThrottleReasonTheRunUses() throws ScenarioException {
        List<String> plain = ScenarioLoader.warnings(ScenarioLoader.parse(BASE, "p.yaml"));
        assertTrue(plain.get(0).contains("the excess is throttled (FunctionInvocationRateLimitExceeded),"),
                plain.get(0));
        List<String> reserved = ScenarioLoader.warnings(ScenarioLoader.parse(BASE.replace("provisionedConcurrency: 1",
                "provisionedConcurrency: 1\n    reservedConcurrency: 2"), "p.yaml"));
        assertEquals(1, reserved.size(), reserved.toString());
        assertTrue(reserved.get(0).contains("the excess is throttled (ReservedFunctionInvocationRateLimitExceeded, as"
                + " it has reserved concurrency),"), reserved.get(0));
    }

    @Test
    void noWarningUnderProvisionedOnlyOrWithinTheCap() throws ScenarioException {
        assertEquals(List.of(), ScenarioLoader.warnings(ScenarioLoader.parse(BASE + """
                scaling: { provisionedConcurrency: { requestRateCap: provisionedOnly } }
                """, "p.yaml")));
        assertEquals(List.of(), ScenarioLoader.warnings(ScenarioLoader.parse(
                BASE.replace("provisionedConcurrency: 1", "provisionedConcurrency: 5"), "p.yaml")), "50/s = 10 x 5");
        assertEquals(List.of(), ScenarioLoader.warnings(ScenarioLoader.parse(
                BASE.replace("provisionedConcurrency: 1", "provisionedConcurrency: 0"), "p.yaml")), "no PC, no cap");
    }

    /** A burst the run's mean hides: 1 minute of 100/s in 5 minutes (a mean of 20/s) passes 10 x 5. */
    @Test
    void thePeakBucketIsCompared() throws ScenarioException {
        Scenario s = ScenarioLoader.parse(BASE.replace("provisionedConcurrency: 1", "provisionedConcurrency: 5")
                .replace("{ constant: 50/s }", "{ constant: 100/s, from: 2m, until: 3m }"), "p.yaml");
        assertEquals(1, ScenarioLoader.warnings(s).size(), ScenarioLoader.warnings(s).toString());
    }
}
