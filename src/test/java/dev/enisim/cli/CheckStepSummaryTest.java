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
        // GitHub Actions' own name for the file, which an earlier step appended to
        Path summary = dir.resolve("step_summary_1cb22d7f-5663-41a8-9ffc-13472605c76c");
        Files.writeString(summary, "an earlier step's summary\n");
        Result r = CliTest.run("check", scenario().toString(), "--step-summary", summary.toString());
        assertEquals(1, r.code(), r.err());
        String md = Files.readString(summary);
        assertTrue(md.startsWith("an earlier step's summary\n<!-- enisim step summary -->\n### enisim check: FAILED\n\n1 scenario(s), 2 assertion(s),"
                + " 1 failed.\n"), md);
        int fail = md.indexOf("| small (" + dir.resolve("small.yaml") + ") | `enis.peak == 2` at " + dir.resolve("small.yaml")
                + ":15: expect[1] | **FAIL** | 1 |");
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

    /** A safety review appended the verdicts to the scenario being checked, which then no longer parsed. */
    @Test
    void theScenarioItselfOrTheJUnitFileIsRefusedAndLeftAsItWas() throws Exception {
        Path f = scenario();
        String before = Files.readString(f);
        Result r = CliTest.run("check", f.toString(), "--step-summary", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("expected the CI job's Markdown summary file"), r.err());
        assertEquals(before, Files.readString(f));

        Path plain = Files.writeString(dir.resolve("scenario"), before); // a scenario without an extension
        Result same = CliTest.run("check", plain.toString(), "--step-summary", dir.resolve("./scenario").toString());
        assertEquals(2, same.code(), same.err());
        assertTrue(same.err().contains("which this command reads or writes"), same.err());
        assertEquals(before, Files.readString(plain));

        Path junit = dir.resolve("check-results");
        Result j = CliTest.run("check", f.toString(), "--junit", junit.toString(), "--step-summary", junit.toString());
        assertEquals(2, j.code(), j.err());
        assertTrue(j.err().contains("which this command reads or writes"), j.err());
        assertFalse(Files.exists(junit), "refused before anything was written");
    }

    /**
     * A full disk part-way through the append leaves the summary as it was (it kept half a table): a child JVM whose
     * file-size limit (ulimit -f, 8 blocks of 512 bytes) stops the append past 4,096 bytes of a 4,000-byte summary.
     */
    @Test
    void anAppendThatFailsPartWayIsUndone() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        Path summary = Files.writeString(dir.resolve("step_summary_x"), "x".repeat(4000));
        String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("/bin/sh", "-c", "ulimit -f 8 && exec \"$0\" -XX:-UsePerfData -cp \"$1\" "
                + "dev.enisim.cli.Main check \"$2\" --step-summary \"$3\"", jvm, System.getProperty(
                "java.class.path"), scenario().toString(), summary.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor(), out);
        assertTrue(out.contains("enisim: cannot append to the step summary " + summary + ": "), out);
        assertEquals("x".repeat(4000), Files.readString(summary), "cut back to what it was");
    }

    /** A trace the scenario reads is an input too: it had the verdicts appended (a re-check of the safety review). */
    @Test
    void aTraceTheScenarioReadsIsRefused() throws Exception {
        // under the runner's folder, where a summary may be appended to: the trace is refused as the trace it is
        Path runner = Files.createDirectories(dir.resolve("_runner_file_commands"));
        Path trace = Files.writeString(runner.resolve("counts"), "seconds,count\n0,60\n60,60\n");
        Path f = Files.writeString(dir.resolve("traced.yaml"), dev.enisim.scenario.OneSubnetYaml.traced(
                "name: traced\nduration: 2m\nexpect:\n  - invocations.total >= 0", "_runner_file_commands/counts"));
        Result r = CliTest.run("check", f.toString(), "--step-summary", trace.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("it is the trace " + trace + " that " + f + " reads"), r.err());
        assertEquals("seconds,count\n0,60\n60,60\n", Files.readString(trace));
    }
}
