package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;

/**
 * Browser review, finding 1 (image): charts/latency.png of burst-scaling drew p50, p90 and p99 on one another with no
 * note, where the other images say "Same values throughout".
 */
class LatencySameValuesImageTest {

    @Test
    void latencyImageNamesEqualPercentiles() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/burst-scaling.yaml")), 0).run();
        JFreeChart chart = Charts.latency(r);
        List<String> notes = new ArrayList<>();
        for (Object t : chart.getSubtitles()) {
            if (t instanceof TextTitle tt) {
                notes.add(tt.getText());
            }
        }
        assertTrue(notes.contains("Same values throughout, drawn on one another (dashed): p50 = p90 = p99"),
                notes.toString());
    }
}
