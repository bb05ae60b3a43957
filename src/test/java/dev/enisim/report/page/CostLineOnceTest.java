package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.HtmlReport;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The answers' cost line said the cost, then the average execution environments, then the cold starts with their
 * outcomes and the invocations refused before getting an environment, by error: shared-eni-65k's ran to 600
 * characters (five lines at 420 px) and named NoFreePortOnEni and ResourceConflictException, which the failures table
 * under it gives with their counts, times and causes. It says the cost once, in one sentence; the environments and the
 * cold-start share are rows of the Summary table, beside its cold starts.
 */
class CostLineOnceTest {

    @Test
    void theCostLineSaysTheCostAndLeavesFailuresToTheirTable() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/shared-eni-65k.yaml")), 0).run();
        assertEquals("Estimated cost $6.61 for the 30m simulated (requests $0.274, duration $6.34, INIT $0.00183) at"
                + " us-east-1 list prices of 2026-11-30; no charge for ENIs (Hyperplane or not). " + CostLine.LEFT_OUT,
                CostLine.text(r.summary()));
        String answers = Headlines.html(r);
        String cost = answers.substring(answers.indexOf("<p class=\"cost\">"));
        cost = cost.substring(0, cost.indexOf("</p>"));
        for (String failure : new String[] {"NoFreePortOnEni", "ResourceConflictException", "refused", "Cold starts"}) {
            assertFalse(cost.contains(failure), failure + " in " + cost);
        }
        String page = HtmlReport.render(r, Map.of(), "test");
        assertTrue(page.contains("<tr><th scope=\"row\">Cold-start share (of the invocations that got an execution"
                + " environment)</th><td class=\"n\">1.0% of 1,371,225</td></tr>"), page);
        assertTrue(page.contains("<tr><th scope=\"row\">Execution environments on average</th><td class=\"n\">"
                + "2,311.1: busy 1,688.7, idle 622.4</td></tr>"), page);
    }
}
