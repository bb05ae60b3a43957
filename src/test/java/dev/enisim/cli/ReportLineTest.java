package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Report:" line after a run names each file where it is in the report's folder: the charts under
 * {@code charts/} (it said {@code invocations.png}, which a newcomer looked for beside summary.json).
 */
class ReportLineTest {

    @TempDir
    Path dir;

    @Test
    void everyFileTheReportLineNamesIsInTheReportFolder() throws Exception {
        Path scenario = dir.resolve("good.yaml");
        Files.writeString(scenario, CliTest.GOOD);
        Path out = dir.resolve("out");
        CliTest.Result r = CliTest.run("run", scenario.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String line = r.out().lines().filter(l -> l.startsWith("Report: ")).findFirst().orElseThrow();
        String names = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
        List<String> files = Arrays.asList(names.split(", "));
        assertTrue(files.contains("summary.json") && files.contains("charts/invocations.png"), line);
        for (String f : files) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " is not in " + out + ": " + line);
        }
    }
}
