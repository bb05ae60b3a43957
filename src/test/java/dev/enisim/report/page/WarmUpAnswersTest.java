package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The page's answers after a warm-up (run --warm-up) say what their figures cover: a note that the statistics count
 * from the warm-up's end and what stays the whole run's, and the cost line's span the time after it; without a
 * warm-up, neither.
 */
class WarmUpAnswersTest {

    private static RunResult run(long warmUpMicros) throws Exception {
        return new Simulation(ScenarioLoader.load(Path.of("scenarios/burst-scaling.yaml")), 0)
                .warmingUp(warmUpMicros).run();
    }

    @Test
    void theAnswersSayTheFiguresAreAfterTheWarmUp() throws Exception {
        RunResult w = run(120_000_000L);
        String html = Headlines.html(w);
        assertTrue(html.contains("<p class=\"note\" id=\"warm-up\">Figures after the 2m warm-up (<code>--warm-up"
                + "</code>)"), html);
        assertTrue(html.contains("count from 00:02:00"), html);
        String cost = CostLine.text(w.summary());
        assertTrue(cost.startsWith("Estimated cost ") && cost.contains(" for the 8m after the 2m warm-up (requests "),
                cost);
    }

    @Test
    void withoutAWarmUpTheyAreAsTheyWere() throws Exception {
        RunResult r = run(0);
        assertFalse(Headlines.html(r).contains("warm-up"));
        assertTrue(CostLine.text(r.summary()).contains(" for the 10m simulated (requests "),
                CostLine.text(r.summary()));
    }
}
