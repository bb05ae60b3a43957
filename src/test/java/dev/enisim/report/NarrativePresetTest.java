package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code explain} names the runtime preset of a function's cold starts once, when the function appears. */
class NarrativePresetTest {

    @Test
    void thePresetIsToldOnceWithItsWhy() throws Exception {
        String yaml = """
                name: preset-story
                duration: 10m
                functions:
                  - { name: a, runtime: java21, memoryMb: 512, duration: 50ms, arrivals: { poisson: 1/s } }
                  - { name: b, runtime: python3.12, initExtra: 100ms, createdAt: 5m, duration: 50ms,
                      arrivals: { poisson: 1/s } }
                  - { name: c, duration: 50ms, arrivals: { poisson: 1/s } }
                """;
        List<String> lines = Narrative.lines(new Simulation(ScenarioLoader.parse(yaml, "t.yaml"), 0).run());
        List<String> told = lines.stream().filter(l -> l.contains("cold starts: init from the measured preset"))
                .toList();
        assertEquals(2, told.size(), lines.toString());
        assertTrue(told.get(0).startsWith("00:00:00  a's cold starts: init from the measured preset java21 512 MB"
                + " x86_64 Zip"), told.get(0));
        assertTrue(told.get(1).startsWith("00:05:00  b's cold starts: init from the measured preset python3.12"
                + " 128 MB x86_64 Zip") && told.get(1).endsWith("+ its own initExtra"), told.get(1));
        assertEquals(1, lines.stream().filter(l -> l.contains("why: A runtime preset is")).count());
    }
}
