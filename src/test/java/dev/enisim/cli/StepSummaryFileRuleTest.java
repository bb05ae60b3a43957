package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which existing file {@code --step-summary} (and {@code $GITHUB_STEP_SUMMARY}) appends to: an adversarial user's
 * review had check's Markdown appended to a {@code .c} file, a {@code .bashrc}, a Makefile and a user's notes. Only
 * a file the CI runner made (or enisim appended to before), an empty one, or a new one is appended to.
 */
class StepSummaryFileRuleTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, CheckCommandTest.SMALL + "expect:\n  - \"enis.peak == 1\"\n");
        return f;
    }

    @Test
    void aUsersFilesAreRefusedAndLeftAsTheyWere() throws Exception {
        Path f = scenario();
        for (String name : new String[] {"b.c", ".bashrc", "Makefile", "notes.md", "README", "a.txt"}) {
            Path user = Files.writeString(dir.resolve(name), "orig\n");
            Result r = CliTest.run("check", f.toString(), "--step-summary", user.toString());
            assertEquals(2, r.code(), name + ": " + r.err());
            assertTrue(r.err().contains("--step-summary " + user + ": not a CI job's summary file, so enisim does not"
                    + " append to it"), r.err());
            assertEquals(1, r.err().strip().split("\n").length, "one line: " + r.err());
            assertFalse(r.out().contains("PASS"), "refused before any run: " + r.out());
            assertEquals("orig\n", Files.readString(user), name);
        }
    }

    @Test
    void aNewAnEmptyOrTheRunnersFileIsAppendedTo() throws Exception {
        Path f = scenario();
        Path fresh = dir.resolve("new-summary.md");
        Path empty = Files.writeString(dir.resolve("empty"), "");
        Path runners = Files.writeString(dir.resolve("step_summary_1cb22d7f"), "## an earlier step\n");
        Path folder = Files.createDirectories(dir.resolve("_work/_temp/_runner_file_commands"));
        Path under = Files.writeString(folder.resolve("summary"), "an earlier step\n");
        for (Path p : new Path[] {fresh, empty, runners, under}) {
            Result r = CliTest.run("check", f.toString(), "--step-summary", p.toString());
            assertEquals(0, r.code(), p + ": " + r.err());
            assertTrue(Files.readString(p).contains("<!-- enisim step summary -->\n### enisim check: passed"),
                    Files.readString(p));
        }
        // a file enisim made carries its marker, so the next step's append is taken (a user's edit after it too)
        Files.writeString(fresh, "a user's line\n", java.nio.file.StandardOpenOption.APPEND);
        Result again = CliTest.run("check", f.toString(), "--step-summary", fresh.toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(2, Files.readString(fresh).split("### enisim check", -1).length - 1);
    }

    @Test
    void theRule() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.md"), "# my notes\n");
        assertFalse(StepSummary.runnersOrOurs(notes, Map.of()));
        assertFalse(StepSummary.runnersOrOurs(notes, Map.of("GITHUB_STEP_SUMMARY", notes.toString())),
                "a stale variable outside a GitHub Actions job");
        assertTrue(StepSummary.runnersOrOurs(notes, Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY",
                notes.toString())), "in a job, the file the runner names (act's SUMMARY.md) is the runner's");
        assertFalse(StepSummary.runnersOrOurs(notes, Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY",
                dir.resolve("other").toString())), "not the file the runner names");
        Path gates = Files.writeString(dir.resolve("gate-summary"), "x\n<!-- enisim gate -->\n## enisim gate\n");
        assertFalse(StepSummary.runnersOrOurs(gates, Map.of()), "gate's marker also begins gate.md: not a summary's");
        Path quoted = Files.writeString(dir.resolve("quoted"), "text <!-- enisim step summary --> in a line\n");
        assertFalse(StepSummary.runnersOrOurs(quoted, Map.of()), "the marker must begin a line");
        assertTrue(StepSummary.runnersOrOurs(Files.writeString(dir.resolve("e"), ""), Map.of()));
        assertEquals("<!-- enisim step summary -->\n# x\n", StepSummary.marked("# x\n"));
        assertEquals("<!-- enisim step summary -->\n<!-- enisim gate -->\n# x\n",
                StepSummary.marked("<!-- enisim gate -->\n# x\n"));
        assertEquals("<!-- enisim step summary -->\n# x\n", StepSummary.marked("<!-- enisim step summary -->\n# x\n"));
    }

    @Test
    void aStaleVariableIsRefusedUnderItsName() throws Exception {
        Path md = Files.writeString(dir.resolve("main.md"), "int main;\n");
        try {
            StepSummary.of(md.toString(), true, dir, "check's verdicts", java.util.List.of());
            throw new AssertionError("not refused");
        } catch (UserInputException e) {
            assertTrue(e.getMessage().startsWith("$GITHUB_STEP_SUMMARY (" + md + "): not a CI job's summary file"),
                    e.getMessage());
        }
        assertEquals("int main;\n", Files.readString(md));
    }
}
