package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A security review had {@code --step-summary} checked once before the runs and then appended to through a link put
 * in its place meanwhile (the verdicts landed in a user's {@code .bashrc}); and appended to any Markdown holding a
 * line beginning {@code <!-- enisim }: gate's sealed gate.md in its own folder, a checked-in example.
 */
class StepSummarySafetyTest {

    @TempDir
    Path dir;

    @Test
    void aLinkPutInItsPlaceDuringTheRunsIsNotFollowed() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.bashrc"), "export A=1\n");
        String option = dir.resolve("shared-summary.md").toString();
        Path file = StepSummary.of(option, dir, "check's verdicts");
        Files.createSymbolicLink(file, victim);
        UserInputException e = assertThrows(UserInputException.class, () -> StepSummary.append(file, "# x\n"));
        assertTrue(e.getMessage().contains("it is now a link"), e.getMessage());
        assertEquals("export A=1\n", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(file), "the link is not enisim's: left");
    }

    @Test
    void aFileSwappedInDuringTheRunsIsCheckedAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("step_summary_1"), "");
        assertEquals(file, StepSummary.of(file.toString(), dir, "check's verdicts"));
        Path notes = Files.writeString(dir.resolve("notes.md"), "# my notes\n");
        Path swapped = dir.resolve("summary.md");
        assertEquals(swapped, StepSummary.of(swapped.toString(), dir, "check's verdicts"));
        Files.createLink(swapped, notes); // the same file as the user's notes
        UserInputException e = assertThrows(UserInputException.class, () -> StepSummary.append(swapped, "# x\n"));
        assertTrue(e.getMessage().contains("no longer the file it was"), e.getMessage());
        assertEquals("# my notes\n", Files.readString(notes));
        StepSummary.append(file, "# x\n");
        StepSummary.append(file, "<!-- enisim gate -->\n# y\n");
        assertEquals("<!-- enisim step summary -->\n# x\n<!-- enisim step summary -->\n<!-- enisim gate -->\n# y\n",
                Files.readString(file));
        Path local = dir.resolve("local.md"); // gate's block, then check's, in one local file
        StepSummary.append(local, "<!-- enisim gate -->\n# y\n");
        StepSummary.append(StepSummary.of(local.toString(), dir, "check's verdicts"), "# x\n");
        assertEquals(2, Files.readString(local).split("<!-- enisim step summary -->", -1).length - 1);
    }

    @Test
    void aPipePutInItsPlaceDoesNotHangTheAppend() throws Exception {
        Path file = StepSummary.of(dir.resolve("s.md").toString(), dir, "check's verdicts");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", file.toString()).start();
        } catch (java.io.IOException none) {
            mkfifo = null;
        }
        assumeTrue(mkfifo != null && mkfifo.waitFor() == 0, "mkfifo is needed");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(UserInputException.class,
                () -> StepSummary.append(file, "# x\n")));
    }

    @Test
    void enisimsSealedReportsAreNotSummaries() throws Exception {
        Path gate = Files.createDirectories(dir.resolve("g1")).resolve("gate.md");
        String gateMd = "<!-- enisim gate -->\n## enisim gate: PASSED\n\ntext\n\n<!-- enisim sha256 "
                + "0123456789abcdef -->\n";
        Files.writeString(gate, gateMd);
        UserInputException e = assertThrows(UserInputException.class, () -> StepSummary.of(gate.toString(), dir,
                "check's verdicts"));
        assertTrue(e.getMessage().contains("a report enisim wrote and sealed"), e.getMessage());
        String validate = "# Validation\n\n| a | b |\n\n<!-- enisim sha256 0123456789abcdef -->\n";
        Path report = Files.writeString(dir.resolve("VALIDATION.md"), validate);
        assertThrows(UserInputException.class, () -> StepSummary.of(report.toString(), dir, "check's verdicts"));
        Path example = Files.writeString(dir.resolve("gate-plan.md"), "<!-- enisim gate -->\n## enisim gate\n");
        UserInputException notOurs = assertThrows(UserInputException.class, () -> StepSummary.of(example.toString(),
                dir, "check's verdicts"));
        assertTrue(notOurs.getMessage().contains("not a CI job's summary file"), notOurs.getMessage());
        Path cli = dir.resolve("via-cli.md");
        Files.writeString(cli, gateMd);
        CliTest.Result r = CliTest.run("check", "--step-summary", cli.toString(), "nothing.yaml");
        assertEquals(2, r.code(), r.err());
        assertEquals(gateMd, Files.readString(cli));
        assertEquals(gateMd, Files.readString(gate));
        assertFalse(Files.readString(report).contains("enisim step summary"));
    }
}
