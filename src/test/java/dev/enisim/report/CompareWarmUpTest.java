package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.experiment.Comparison;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * compare --warm-up --html: the run page's charts shade the warm-up its figures leave out, the compare page's did not,
 * and its heading did not say that the tables' figures are after one (the terminal did). Now the page's chart data
 * carry the warm-up (charts.js draws the band and says it in each chart's text alternative), a note under Charts says
 * it, and the line under the heading says the statistics are after it.
 */
public class CompareWarmUpTest {

    /** The compare page of burst-scaling against itself at twice the traffic, both with a warm-up of {@code micros}. */
    public static String page(long micros) throws Exception {
        Scenario a = ScenarioLoader.load(Path.of("scenarios/burst-scaling.yaml"));
        Scenario b = ScenarioLoader.load(Path.of("scenarios/burst-scaling.yaml"), List.of("traffic=2"), null);
        RunResult ra = new Simulation(a, 0).warmingUp(micros).run();
        RunResult rb = new Simulation(b, 0).warmingUp(micros).run();
        List<Comparison.Row> rows = Comparison.ofTrees(List.of(dev.enisim.run.SummaryShape.tree(ra.summary())),
                List.of(dev.enisim.run.SummaryShape.tree(rb.summary())))
                .rows();
        return ComparePage.compare("burst-scaling.yaml", ra, "traffic x2", rb, rows, 1, false);
    }

    @Test
    void theChartsShadeTheWarmUpAndThePageSaysIt() throws Exception {
        String html = page(120_000_000L);
        String data = html.substring(html.indexOf("<script type=\"application/json\" id=\"enisim-data\">"));
        assertTrue(data.contains("\"warmUpSeconds\":120.0"), "the band's end in the charts' data");
        assertTrue(html.contains("A = burst-scaling.yaml, B = traffic x2; statistics after a 2m warm-up"
                + " (--warm-up) in every run</p>"), "under the heading, as the terminal's first line");
        int charts = html.indexOf("<h2>Charts</h2>");
        assertTrue(html.indexOf("<p class=\"note\">Each chart shades the first 2m, the warm-up (--warm-up) that the"
                + " tables' figures leave out, light grey and labelled warm-up; the lines draw every bucket.</p>",
                charts) > charts, "said under the charts' heading");
    }

    @Test
    void withoutAWarmUpNoBandAndNoWord() throws Exception {
        String html = page(0);
        String data = html.substring(html.indexOf("<script type=\"application/json\" id=\"enisim-data\">"));
        assertFalse(data.substring(0, data.indexOf("</script>")).contains("warmUpSeconds"), "no band");
        assertFalse(html.contains("warm-up (--warm-up)"), "no word");
    }
}
