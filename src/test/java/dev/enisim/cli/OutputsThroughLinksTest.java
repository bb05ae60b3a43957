package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import dev.enisim.report.SafeOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two outputs of one command, or an output and the step summary, named as one file through a linked folder
 * ({@code d/x} and {@code dl/x}, {@code dl} a link to {@code d}) are refused before any run, as the same path
 * written twice is (a hostile user's review: the paths were compared as written; {@code check --junit dl/s.md
 * --step-summary d/s.md} appended the Markdown to the JUnit file, exit 0; {@code check --junit d/j.xml --html
 * dl/j.xml} wrote the page and refused the JUnit file after the runs; {@code bench --json X --cost-model X} was not
 * caught at all: the chart written after the workloads, the JSON refused over it, exit 2).
 */
class OutputsThroughLinksTest {

    @TempDir
    Path dir;
    private Path real;
    private Path link;

    @BeforeEach
    void linkedFolder() throws Exception {
        real = Files.createDirectories(dir.resolve("d"));
        link = Files.createSymbolicLink(dir.resolve("dl"), real);
    }

    private Path scenario() throws Exception {
        return Files.writeString(dir.resolve("small.yaml"), dev.enisim.scenario.OneSubnetYaml.of("name: small\n"
                + "duration: 2m\nexpect:\n  - invocations.total > 0", "name: f\nduration: 100ms\n"
                + "arrivals: { poisson: 1/s }"));
    }

    @Test
    void aFileNamedThroughALinkedFolderIsThePlaceItLeadsTo() throws Exception {
        assertTrue(SafeOutput.samePlace(real.resolve("x.xml"), link.resolve("x.xml")), "neither exists yet");
        assertTrue(SafeOutput.samePlace(real.resolve("new/x.xml"), link.resolve("new/x.xml")), "nor their folder");
        assertFalse(SafeOutput.samePlace(real.resolve("x.xml"), link.resolve("y.xml")));
        Files.writeString(real.resolve("x.xml"), "x");
        assertTrue(SafeOutput.samePlace(real.resolve("x.xml"), link.resolve("x.xml")), "it exists");
        assertTrue(SafeOutput.samePlace(link.resolve("x.xml"), real.resolve("x.xml")));
    }

    @Test
    void theJUnitFileAndTheStepSummaryThroughALinkAreRefusedBeforeAnyRun() throws Exception {
        Result r = CliTest.run("check", scenario().toString(), "--junit", link.resolve("s.md").toString(),
                "--step-summary", real.resolve("s.md").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("which this command reads or writes"), r.err());
        assertFalse(r.out().contains("PASS"), "no run: " + r.out());
        assertFalse(Files.exists(real.resolve("s.md")), "nothing written");
    }

    @Test
    void theJUnitFileAndThePageThroughALinkAreRefusedBeforeAnyRun() throws Exception {
        Path base = dir.resolve("base");
        assertEquals(0, CliTest.run("check", scenario().toString(), "--baseline", base.toString(),
                "--update-baseline").code());
        Result r = CliTest.run("check", scenario().toString(), "--baseline", base.toString(), "--junit",
                real.resolve("j.xml").toString(), "--html", link.resolve("j.xml").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--junit and --html name the same file"), r.err());
        assertFalse(r.out().contains("PASS"), "no run: " + r.out());
        assertFalse(Files.exists(real.resolve("j.xml")), "nothing written");
    }

    @Test
    void theBenchsJsonAndChartInOneFileAreRefusedBeforeMeasuring() {
        for (Path chart : new Path[] {real.resolve("b.json"), link.resolve("b.json")}) {
            Result r = CliTest.run("bench", "--no-fork", "--json", real.resolve("b.json").toString(), "--cost-model",
                    chart.toString(), "--cost-model-arrivals", "60000", "--cost-model-functions", "1");
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("--json and --cost-model name the same file"), r.err());
            assertFalse(Files.exists(real.resolve("b.json")), "nothing written");
        }
    }
}
