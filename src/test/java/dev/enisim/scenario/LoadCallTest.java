package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ScenarioLoader.load(file, overrides, seed): the one call commands make. */
class LoadCallTest {

    private static final String YAML = """
            name: tiny
            seed: 7
            duration: 10m
            functions:
              - name: f
                arrivals: {poisson: 5/s}
                duration: {dist: constant, value: 100ms}
            """;

    @Test
    void appliesOverridesThenTheSeed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("tiny.yaml"), YAML);
        Scenario plain = ScenarioLoader.load(file, List.of(), null);
        assertEquals(7, plain.seed());
        Scenario varied = ScenarioLoader.load(file, List.of("duration=20m"), 99L);
        assertEquals(99, varied.seed());
        assertEquals(2 * plain.durationMicros(), varied.durationMicros());
    }

    @Test
    void reportsProblemsOfTheOverriddenScenario(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("tiny.yaml"), YAML);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(file, List.of("duration=-5m"), null));
        assertTrue(e.getMessage().contains("duration"), e.getMessage());
    }
}
