package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --step-summary}: the verdicts as a Markdown table appended to a CI job's summary (GitHub Actions'
 * $GITHUB_STEP_SUMMARY by default), as {@code gate} does; the CI team's review found only the gate had one.
 */
class CheckStepSummaryTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, CheckCommandTest.SMALL + "expect:\n  - \"enis.peak == 1\"\n  - \"enis.peak == 2\"\n");
        return f;
    }

    @Test
    void theVerdictsAreAppendedFailuresFirst() throws Exception {
        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "an earlier step's summary\n");
        Result r = CliTest.run("check", scenario().toString(), "--step-summary", summary.toString());
        assertEquals(1, r.code(), r.err());
        String md = Files.readString(summary);
        assertTrue(md.startsWith("an earlier step's summary\n### enisim check: FAILED\n\n1 scenario(s), 2 assertion(s),"
                + " 1 failed.\n"), md);
        int fail = md.indexOf("| small (" + dir.resolve("small.yaml") + ") | `enis.peak == 2` | **FAIL** | 1 |");
        int pass = md.indexOf("| small (" + dir.resolve("small.yaml") + ") | `enis.peak == 1` | PASS | 1 |");
        assertTrue(fail > 0 && pass > fail, "the failure's row first: " + md);
        CliTest.run("check", scenario().toString(), "--step-summary", summary.toString());
        assertEquals(2, Files.readString(summary).split("### enisim check", -1).length - 1, "appended, not replaced");
    }

    @Test
    void aFolderIsRefusedBeforeAnyRun() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("summary"));
        Result r = CliTest.run("check", scenario().toString(), "--step-summary", folder.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--step-summary " + folder + ": expected a file to append the check's verdicts"
                + " to"), r.err());
        assertFalse(r.out().contains("PASS"), "no scenario ran: " + r.out());
    }

    @Test
    void aFileInAFolderThatIsNotThereIsRefusedBeforeAnyRun() throws Exception {
        Path missing = dir.resolve("nodir/x.md");
        Result r = CliTest.run("check", scenario().toString(), "--step-summary", missing.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--step-summary " + missing + ": no such folder"), r.err());
        assertFalse(r.out().contains("PASS"), "no scenario ran: " + r.out());
        assertFalse(Files.exists(missing.getParent()));
    }

    @Test
    void aCellKeepsItsTableShape() {
        assertEquals("a \\| b 'c' d e", dev.enisim.check.CheckMarkdown.cell("a | b `c` d\ne"));
    }
}
