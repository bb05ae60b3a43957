package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A scenario not read from a file (a bench workload, an in-memory test) has its parsed form in report.html: with
 * bursts, a schedule or a trace, that form printed their arrays by identity ({@code startsMicros=[J@5af5def9}), so
 * the same scenario and seed gave a different report.html in each run (found by EveryFeatureProperties).
 */
class InMemoryScenarioReportTest {

    private static final String SCENARIO = """
            name: in-memory
            duration: 2m
            bucket: 30s
            functions:
              - name: f
                duration: 100ms
                arrivals:
                  - { bursts: { base: 0.5/s, rate: 5/s, duration: 10s, at: [10s, 1m] } }
                  - { schedule: { phases: [{ rate: 1/s, for: 20s }, { quiet: 10s }], repeat: true } }
            """;

    @Test
    void theSameScenarioAndSeedGiveTheSameReport() throws Exception {
        byte[] a = ReportWriter.render(new Simulation(ScenarioLoader.parse(SCENARIO, "in-memory"), 0).run())
                .get("report.html");
        byte[] b = ReportWriter.render(new Simulation(ScenarioLoader.parse(SCENARIO, "in-memory"), 0).run())
                .get("report.html");
        assertArrayEquals(a, b, "report.html of one scenario and seed, twice");
        String html = new String(a, StandardCharsets.UTF_8);
        assertFalse(html.contains("[J@") || html.contains("[D@"), "no array printed by identity");
        assertTrue(html.contains("startsMicros=[10000000, 60000000]"), "the burst times, by value");
        assertTrue(html.contains("phaseMicros=[20000000, 10000000], ratesPerSecond=[1.0, 0.0]"), "the phases");
    }
}
