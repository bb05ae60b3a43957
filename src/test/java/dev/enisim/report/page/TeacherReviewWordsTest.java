package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.HtmlReport;
import dev.enisim.report.Narrative;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The words a teacher found misleading in the reports (findings 3 and 12 of the teacher's review): cold-start
 * figures labelled apart and consistently, "ENIs are free", ENIs "created" when creation starts, a 0.0% share of
 * 14 failures, a monthly function that runs every 20 days, and a batch job's latencies in ms.
 */
class TeacherReviewWordsTest {

    private static RunResult run(String scenario) throws Exception {
        return new Simulation(ScenarioLoader.load(Path.of("scenarios/" + scenario + ".yaml")), 0).run();
    }

    @Test
    void idleReclaimsColdStartsSayWhatTheirShareIsOf() throws Exception {
        RunResult r = run("idle-reclaim");
        String cold = CostLine.coldStarts(r.summary());
        assertEquals("Cold starts: 11, 84.6% of the 13 invocations that got an execution environment (all"
                + " succeeded); not counted: the 4 invocations refused before getting one"
                + " (ResourceNotReadyException).", cold);
        String line = CostLine.text(r.summary());
        // the cost line says the cost only (CostLineOnceTest); the share is the Summary's, of the same 13
        assertFalse(line.contains("Cold starts"), line);
        assertFalse(line.contains("failed ones included"), line);
        assertTrue(HtmlReport.render(r, Map.of(), "test").contains("<td class=\"n\">84.6% of 13</td>"));
    }

    @Test
    void sharedEniColdStartsTellTheOnesThatDiedWithNoFreePort() throws Exception {
        RunResult r = run("shared-eni-65k");
        String cold = CostLine.coldStarts(r.summary());
        assertTrue(cold.startsWith("Cold starts: 13,897, 1.0% of the 1,371,225 invocations that got an execution"
                + " environment (2,628 succeeded, 11,269 ran but failed with NoFreePortOnEni); not counted: the"
                + " 68,267 invocations refused before getting one (ResourceConflictException)"), cold);
        String page = HtmlReport.render(r, Map.of(), "test");
        // the summary table's figure is the successful ones', labelled so, beside every cold start's
        assertTrue(page.contains("<tr><th scope=\"row\">Cold starts of the successful invocations</th><td class=\"n\">2,628</td>"),
                page);
        assertTrue(page.contains("<tr><th scope=\"row\">Cold starts, whatever their outcome</th><td class=\"n\">13,897</td>"), page);
    }

    @Test
    void aTinyShareOfFailuresIsNotZeroPercent() throws Exception {
        assertEquals("0.015%", Headlines.pct(14, 90_415));
        assertEquals("0%", Headlines.pct(0, 90_415));
        assertEquals("1.0%", Headlines.pct(5, 500));
        assertEquals("0.14%", Headlines.pct(135, 100_000), "two significant figures below 1%, as below 0.1%");
        assertEquals("0.5%", Headlines.pct(5, 1_000));
        assertEquals(">99.9%", Headlines.pct(90_401, 90_415));
        String page = Headlines.html(run("teardown"));
        assertTrue(page.contains("14 of 90,415 invocations did not succeed (0.015%)"), page);
    }

    @Test
    void theCostLineSaysNoChargeNotFree() throws Exception {
        String line = CostLine.text(run("idle-reclaim").summary());
        assertTrue(line.contains("no charge for ENIs (Hyperplane or not"), line);
        assertFalse(line.contains("ENIs are free"), line);
    }

    @Test
    void aBatchJobsLatencyIsInSecondsAndEnisAreBeingCreatedNotCreated() throws Exception {
        RunResult r = run("idle-reclaim");
        String page = HtmlReport.render(r, Map.of(), "test");
        // 13 latencies: p99 the 13th, the exact maximum; p90 the 12th (284.546 s, alone in its bucket of 283.1 to
        // 285.2 s: read as the bucket's middle, 284.2; its edge, 285.2, until the read-out inside the bucket)
        assertTrue(page.contains("<tr><th scope=\"row\">Latency p50 / p90 / p99 / max (s)</th><td class=\"n\">138.9 / 284.2 / 297.3"
                + " / 297.3</td>"), page);
        List<String> story = Narrative.lines(r);
        assertTrue(story.contains("20d 00:00:00  2 ENIs being created: eni-0005 to eni-0006"), story.toString());
        assertFalse(story.stream().anyMatch(l -> l.contains("ENIs created") || l.matches(".*ENI eni-\\d+ created.*")),
                story.toString());
        assertFalse(r.scenario().description().contains("monthly"), r.scenario().description());
        assertTrue(r.scenario().description().contains("every 20 days"), r.scenario().description());
    }
}
