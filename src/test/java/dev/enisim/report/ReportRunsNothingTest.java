package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reports read only the run's result (style.md): no class of the report package starts a simulation. ComparePage
 * ran replication 0 of both scenarios again for its charts, though {@code compare} had run them already.
 */
class ReportRunsNothingTest {

    @Test
    void noReportClassRunsASimulation() throws Exception {
        List<String> running;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/enisim/report"))) {
            running = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String s = Files.readString(p);
                    return s.contains("new dev.enisim.run.Simulation(") || s.contains("new Simulation(")
                            || s.contains("Replications.run(");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).sorted().toList();
        }
        assertEquals(List.of(), running);
    }
}
