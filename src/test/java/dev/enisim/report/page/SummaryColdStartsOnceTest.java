package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.HtmlReport;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A teacher's pass over the pages: the Summary read "Cold starts of the successful invocations: 111" and, under it,
 * "Cold starts, whatever their outcome: 111" in every run whose cold starts all succeeded (21 of the 22 scenarios).
 * The second row is shown when it says something else (shared-eni-65k: 2,635 and 11,318, TeacherReviewWordsTest).
 */
class SummaryColdStartsOnceTest {

    @Test
    void coldStartsThatAllSucceededAreToldOnce() throws Exception {
        String page = HtmlReport.render(new Simulation(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 0)
                .run(), Map.of(), "test");
        assertTrue(page.contains("<tr><th scope=\"row\">Cold starts of the successful invocations</th><td class=\"n\">"
                + "111</td>"), page);
        assertFalse(page.contains("Cold starts, whatever their outcome"), page);
    }
}
