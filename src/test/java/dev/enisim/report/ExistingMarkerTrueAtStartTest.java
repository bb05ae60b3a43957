package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The charts' marker for the existing functions said together tells what is true at time 0, as the narrative's
 * opening does (ExistingOpeningTrueAtStartTest): 30 accounts on one shared VPC, 270 existing Active functions of
 * which the VPC's ENI quota made 20 Failed at once, were marked "270 existing functions start Active" on every chart
 * and on the page while the narrative said 250. Here seven existing Active functions, one key each, in a VPC whose
 * quota holds five ENIs: five start Active, two are Failed at once (EniLimitExceeded).
 */
class ExistingMarkerTrueAtStartTest {

    @Test
    void theMarkerCountsTheActiveAndSaysTheFailedApart() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(ExistingOpeningTrueAtStartTest.quotaFull(),
                "marker-quota"), 0).run();
        Path dir = Path.of("target/existing-marker-true-at-start");
        ReportWriter.write(r, dir, Path.of("").toAbsolutePath());
        String marker = "5 existing functions start Active; 2 Failed at once";
        String page = Files.readString(dir.resolve("report.html"));
        assertTrue(page.contains("{\"t\":0.0,\"label\":\"" + marker + "\"}"), "the page's marker");
        assertFalse(page.contains("7 existing functions start Active"), "not the seven");
        for (String chart : List.of("enis", "invocations", "concurrency")) {
            String svg = Files.readString(dir.resolve("charts/" + chart + ".svg"));
            assertTrue(svg.contains(marker), chart + "'s label");
            assertFalse(svg.contains("7 existing functions start Active"), chart + ": not the seven");
        }
        // the narrative's opening, the same figures in the same words
        List<String> story = Files.readAllLines(dir.resolve("narrative.txt"));
        assertTrue(story.get(0).startsWith("00:00:00  5 existing functions start Active, with 5 ENIs in place"),
                story.get(0));
        assertTrue(story.get(0).contains("; 2 more are Failed at once (EniLimitExceeded), each told below; all 7: fn-0,"
                + " fn-1, fn-2, fn-3, fn-4 and 2 more ("), story.get(0));
        // the group as the charts' one action
        dev.enisim.report.chart.ExistingFunctions.Group g = dev.enisim.report.chart.ExistingFunctions.groups(r)
                .get("fn-0");
        assertEquals(marker, g.label());
        assertEquals(marker + " (EniLimitExceeded): fn-0, fn-1, fn-2, fn-3, fn-4 and 2 more", g.description());
    }

    @Test
    void allActiveKeepsTheCountAlone() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(ExistingFunctionsOnceTest.scenario(7), "marker-all"), 0)
                .run();
        dev.enisim.report.chart.ExistingFunctions.Group g = dev.enisim.report.chart.ExistingFunctions.groups(r)
                .get("fn-0");
        assertEquals("7 existing functions start Active", g.label());
        assertEquals(0, g.failed());
        assertEquals("7 existing functions start Active: fn-0, fn-1, fn-2, fn-3, fn-4 and 2 more", g.description());
    }
}
