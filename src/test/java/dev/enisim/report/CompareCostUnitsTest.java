package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A review of compare's page: its costs ("cost.total 0.2002") had no unit and no period, where the run page's cost
 * line says "Estimated cost $0.2002 for the 1h simulated ... at us-east-1 list prices". The cells say "$" and a note
 * under the first table with a cost row says over what time and at what prices.
 */
class CompareCostUnitsTest {

    @Test
    void costsAreInDollarsOverTheRunsDuration() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 0).run();
        String html = ComparePage.compare("A", r, "B", r, List.of(
                CompareRowOrderTest.row("cost.total", 0.2019, 0.2223, true),
                CompareRowOrderTest.row("functions.x.cost.requests", 0.0141712, 0.0084468, true)), 10, false)
                .replace("<wbr/>", "");
        String span = Assumptions.duration(r.summary().simulatedSeconds() * 1e6);
        assertTrue(html.contains("<td>cost.total</td><td class=\"n\">$0.2019</td><td class=\"n\">$0.2223</td>"
                + "<td class=\"n\">$0.0204</td>"), html);
        assertTrue(html.contains("<td class=\"n\">$0.01417</td><td class=\"n\">$0.008447</td><td class=\"n\">"
                + "-$0.005724</td>"), html);
        int headline = html.indexOf("<section id=\"headline\">");
        int note = html.indexOf("<p class=\"note\">Costs (the cost rows) are in US dollars for the " + span
                + " each run simulates, at " + r.summary().cost().region() + " list prices of ");
        assertTrue(note > headline && note < html.indexOf("</section>", headline), html);
    }
}
