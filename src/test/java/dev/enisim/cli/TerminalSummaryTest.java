package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalSummaryTest {

    @TempDir
    Path tmp;

    @Test
    void aSummaryOf200FunctionsShowsTheTopTenAndCountsTheRest() throws Exception {
        StringBuilder y = new StringBuilder("name: many\nseed: 1\nduration: 2m\nbucket: 1m\nfunctions:\n");
        for (int i = 0; i < 200; i++) {
            y.append("  - { name: fn-").append(String.format("%03d", i)).append(", duration: 10ms, arrivals: "
                    + "{ constant: ").append(i + 1).append("/m } }\n");
        }
        Path f = tmp.resolve("many.yaml");
        Files.writeString(f, y);
        StringWriter out = new StringWriter();
        TerminalSummary.print(new PrintWriter(out), new Simulation(ScenarioLoader.load(f), 0).run());
        String text = out.toString();
        long lines = text.lines().count();
        assertTrue(lines < 25, lines + " lines:\n" + text);
        assertTrue(text.contains("... 190 more functions in summary.json"), text);
        assertTrue(text.contains("fn-199"), "the busiest first: " + text);
    }
}
