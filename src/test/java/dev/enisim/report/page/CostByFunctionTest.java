package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A FinOps review: the run page gave the account's cost only; per-function figures were in summary.json alone
 * (provisioned-billing's own comment compares checkout with its on-demand twin). The answers have a table under the
 * cost line: the costliest ten functions with their parts, then how many more and what they cost together; cards on a
 * phone (each cell labelled).
 */
class CostByFunctionTest {

    /** Twelve functions, fn-01 the cheapest (10 ms) to fn-12 the dearest (120 ms), one NAT-free subnet. */
    private static RunResult twelve() throws Exception {
        StringBuilder b = new StringBuilder("name: twelve\nseed: 1\nduration: 5m\nfunctions:\n");
        for (int i = 1; i <= 12; i++) {
            b.append(String.format("  - { name: fn-%02d, duration: %dms, arrivals: { poisson: 2/s } }%n", i, i * 10));
        }
        return new Simulation(ScenarioLoader.parse(b.toString(), "twelve.yaml"), 0).run();
    }

    @Test
    void theCostliestTenWithTheirPartsThenTheRest() throws Exception {
        RunResult r = twelve();
        RunSummary s = r.summary();
        String answers = Headlines.html(r);
        int at = answers.indexOf("<h3>Cost by function</h3>");
        assertTrue(at > answers.indexOf("<p class=\"cost\">"), answers);
        String table = answers.substring(at, answers.indexOf("</table>", at));
        assertTrue(table.contains("<table class=\"answers costs\">"), table);
        RunSummary.Cost top = s.functions().get("fn-12").cost();
        assertTrue(table.contains("<tr><td>fn-12</td><td class=\"n\" data-label=\"cost\">" + CostLine.dollars(top.total())
                + "</td><td class=\"n\" data-label=\"requests\">" + CostLine.dollars(top.requests()) + "</td><td class=\"n\""
                + " data-label=\"duration\">" + CostLine.dollars(top.duration()) + "</td>"), table);
        assertTrue(table.indexOf("fn-12") < table.indexOf("fn-11") && table.indexOf("fn-04") < table.indexOf("fn-03"),
                "costliest first: " + table);
        assertTrue(!table.contains("fn-02") && !table.contains("fn-01"), "ten at most: " + table);
        double rest = s.functions().get("fn-01").cost().total() + s.functions().get("fn-02").cost().total();
        assertTrue(answers.contains("<p class=\"note\">And 2 more functions, " + CostLine.dollars(rest) + " together"
                + " (each in summary.json, <code>functions.&lt;name&gt;.cost</code>).</p>"), answers);
    }

    @Test
    void oneFunctionHasNoTable() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse("name: one\nduration: 5m\nfunctions:\n  - { name: f,"
                + " duration: 10ms, arrivals: { poisson: 2/s } }\n", "one.yaml"), 0).run();
        assertEquals("", CostLine.functionsHtml(r.summary()));
        assertTrue(!dev.enisim.report.HtmlReport.render(r, Map.of(), "t").contains("Cost by function"));
    }
}
