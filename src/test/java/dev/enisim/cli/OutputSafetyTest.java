package dev.enisim.cli;

import static dev.enisim.cli.Scratch.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.SafeOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12, data loss: no path a user or a scenario names makes enisim replace or delete something it did not
 * write. Each case runs in a scratch working folder full of the user's files, which must come out untouched.
 */
class OutputSafetyTest extends InScratch {

    /** The bug: {@code --set name=..} wrote the report over the working folder's parent (exit 0). */
    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "' '", "a/b", ".hidden", "../escape", "x\\\\y"})
    void aScenarioNameThatIsNotAFileNameIsRefusedAndNothingIsTouched(String name) throws Exception {
        Map<String, String> before = s.snapshot();
        Scratch.Result r = s.run("run", "scenario.yaml", "-q", "--set", "name=" + name);
        assertExit(2, r);
        assertTrue(r.err().contains("scenario.yaml: name: "), r.err());
        assertEquals(before, s.snapshot(), "nothing may change");
    }

    @Test
    void theDocumentedRepro_runQuickstartWithNameDotDot_leavesEverythingInPlace() throws Exception {
        Files.copy(Path.of("scenarios/quickstart.yaml"), s.work.resolve("scenarios/quickstart.yaml"));
        Map<String, String> before = s.snapshot();
        assertExit(2, s.exec("run", "scenarios/quickstart.yaml", "--set", "name=.."));
        assertEquals(before, s.snapshot());
    }

    @ParameterizedTest
    @ValueSource(strings = {"notes.txt", ".", "..", "/", "scenarios", "data", "../..", "scenario.yaml"})
    void outIsRefusedUnlessEnisimWroteTheFolder(String out) throws Exception {
        Map<String, String> before = s.snapshot();
        Scratch.Result r = s.run("run", "scenario.yaml", "-q", "--out", out);
        assertExit(2, r);
        assertTrue(r.err().startsWith("enisim: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertEquals(before, s.snapshot(), "nothing may change");
    }

    @Test
    void outIsRefusedInARealProcessToo() throws Exception {
        Map<String, String> before = s.snapshot();
        for (String out : new String[] {"..", "data"}) {
            Scratch.Result r = s.exec("run", "scenario.yaml", "-q", "--out", out);
            assertExit(2, r);
        }
        assertEquals(before, s.snapshot());
    }

    @Test
    void aLinkIsRefused() throws Exception {
        Files.createSymbolicLink(s.work.resolve("link"), s.work.resolve("data"));
        Map<String, String> before = s.snapshot();
        Scratch.Result r = s.run("run", "scenario.yaml", "-q", "--out", "link");
        assertExit(2, r);
        assertTrue(r.err().contains("symbolic link"), r.err());
        assertEquals(before, s.snapshot());
    }

    @Test
    void anEnisimReportIsReplacedButNotOnceTheUserAddedAFile() throws Exception {
        assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "out"));
        Path out = s.work.resolve("out");
        assertTrue(Files.exists(out.resolve(SafeOutput.MARKER)));
        assertTrue(Files.readString(out.resolve(SafeOutput.MARKER)).contains("summary.json"));
        assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "out", "--seed", "9"));
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"seed\" : 9"));
        Files.writeString(out.resolve("my-analysis.txt"), "mine");
        Scratch.Result r = s.run("run", "scenario.yaml", "-q", "--out", "out");
        assertExit(2, r);
        assertTrue(r.err().contains("my-analysis.txt"), r.err());
        assertEquals("mine", Files.readString(out.resolve("my-analysis.txt")));
        assertOnlyExpectedEntries();
    }

    @Test
    void theDefaultReportFolderIsReplacedWhenEnisimWroteIt() throws Exception {
        assertExit(0, s.run("run", "scenario.yaml", "-q"));
        assertTrue(Files.exists(s.work.resolve("reports/scratch/summary.json")));
        assertExit(0, s.run("run", "scenario.yaml", "-q"));
        Files.writeString(s.work.resolve("reports/scratch/charts/mine.png"), "x");
        assertExit(2, s.run("run", "scenario.yaml", "-q"));
        assertTrue(Files.exists(s.work.resolve("reports/scratch/charts/mine.png")));
    }

    /**
     * A folder without the marker is not enisim's, whatever its files are called: a user's test results (summary.json,
     * report.html, charts/coverage.png) were replaced by a report when file names decided. Refused, every file kept.
     */
    @Test
    void aFolderOfReportLikeNamesWithoutTheMarkerIsRefusedAndKept() throws Exception {
        Path old = Files.createDirectories(s.work.resolve("old/charts"));
        Files.writeString(old.resolve("../summary.json"), "{\"myTool\": \"pytest\"}");
        Files.writeString(old.resolve("../report.html"), "<html>coverage</html>");
        Files.writeString(old.resolve("coverage.png"), "png");
        assertExit(2, s.run("run", "scenario.yaml", "-q", "--out", "old"));
        assertEquals("{\"myTool\": \"pytest\"}", Files.readString(s.work.resolve("old/summary.json")));
        assertEquals("png", Files.readString(old.resolve("coverage.png")));
        assertFalse(Files.exists(s.work.resolve("old/" + SafeOutput.MARKER)));
        Path notReport = Files.createDirectories(s.work.resolve("nr"));
        Files.writeString(notReport.resolve("summary.json"), "{}");
        Files.writeString(notReport.resolve("thesis.tex"), "mine");
        assertExit(2, s.run("run", "scenario.yaml", "-q", "--out", "nr"));
        assertTrue(Files.exists(notReport.resolve("thesis.tex")));
    }

    @Test
    void anEmptyFolderIsUsedAndAMissingParentIsCreated() throws Exception {
        Files.createDirectories(s.work.resolve("empty"));
        assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "empty"));
        assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "a/b/c"));
        assertTrue(Files.exists(s.work.resolve("a/b/c/summary.json")));
        assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "glob[{*"));
        assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "glob[{*"));
    }

    /** What a killed run left: removed by the next run if its process is gone and it is ours. */
    @Test
    void staleTemporaryFoldersOfOurOwnAreSweptOthersAreKept() throws Exception {
        long dead = deadPid();
        Path stale = Files.createDirectories(s.work.resolve(".out.tmp-" + dead + "-1"));
        Files.writeString(stale.resolve(SafeOutput.MARKER), SafeOutput.MARKER_HEADER + "summary.json\n");
        Files.writeString(stale.resolve("summary.json"), "half");
        Path live = Files.createDirectories(s.work.resolve(".out.tmp-" + ProcessHandle.current().pid() + "-999"));
        Files.writeString(live.resolve(SafeOutput.MARKER), "in progress");
        Path foreign = Files.createDirectories(s.work.resolve(".out.tmp-" + dead + "-2"));
        Files.writeString(foreign.resolve("user.txt"), "not ours: no marker");
        Path staleFile = s.work.resolve(".junit.xml.tmp-" + dead + "-3");
        Files.writeString(staleFile, "<testsuites");
        assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "out"));
        assertFalse(Files.exists(stale), "a dead run's folder is swept");
        assertTrue(Files.exists(live), "a live process's folder is kept");
        assertTrue(Files.exists(foreign.resolve("user.txt")), "a folder without our marker is kept");
        assertExit(1, s.run("check", "scenarios/mine.yaml", "--junit", "junit.xml",
                "--set", "expect=['invocations.total == -1']"));
        assertFalse(Files.exists(staleFile), "a dead run's temporary file is swept");
    }

    /** A killed run's report moved aside is put back when nothing took its place. */
    @Test
    void aReportMovedAsideByAKilledRunIsPutBack() throws Exception {
        long dead = deadPid();
        assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "out"));
        String summary = Files.readString(s.work.resolve("out/summary.json"));
        Files.move(s.work.resolve("out"), s.work.resolve(".out.old-" + dead + "-1"));
        // the next writer of out/ sweeps first: the report is back before anything replaces it (not deleted)
        try (SafeOutput.Staging unused = SafeOutput.stage(Path.of("out"), s.work)) {
            assertEquals(summary, Files.readString(s.work.resolve("out/summary.json")), "put back as it was");
        }
        assertEquals(summary, Files.readString(s.work.resolve("out/summary.json")), "still there, not committed over");
        assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "out", "--seed", "3"));
        assertTrue(Files.readString(s.work.resolve("out/summary.json")).contains("\"seed\" : 3"));
        assertOnlyExpectedEntries();
    }

    /** SIGTERM while the report is being written: the hidden temporary folder goes with the process. */
    @Test
    void aTerminatedRunLeavesNoTemporaryFolder() throws Exception {
        Files.writeString(s.work.resolve("long.yaml"), Scratch.SCENARIO.replace("duration: 10m", "duration: 6h\n"
                + "bucket: 2s").replace("5/s", "200/s"));
        for (int attempt = 0; attempt < 3; attempt++) {
            Process p = s.start("run", "long.yaml", "-q", "--out", "out");
            Path temp = null;
            long until = System.nanoTime() + 60_000_000_000L;
            while (temp == null && p.isAlive() && System.nanoTime() < until) {
                try (Stream<Path> l = Files.list(s.work)) {
                    temp = l.filter(f -> f.getFileName().toString().startsWith(".out.tmp-")).findFirst().orElse(null);
                }
                Thread.sleep(5);
            }
            p.destroy(); // SIGTERM
            p.waitFor();
            if (temp != null && p.exitValue() != 0 && !Files.exists(s.work.resolve("out"))) {
                // terminated while writing (not after it had committed the report, when nothing is left to remove)
                assertFalse(Files.exists(temp), "the shutdown hook removes " + temp);
                assertOnlyExpectedEntries();
                return;
            }
        }
        throw new AssertionError("the run never got to write its report (too fast to catch three times)");
    }

    @Test
    void singleOutputFilesReplaceOnlyWhatEnisimWrote() throws Exception {
        Files.writeString(s.work.resolve("README.md"), "# my project\n");
        Map<String, String> before = s.snapshot();
        for (String[] args : new String[][] {
            {"validate-model", "--markdown", "README.md"},
            {"explain", "scenario.yaml", "--trace", "notes.txt"},
            {"check", "scenarios/mine.yaml", "--junit", "notes.txt"},
            {"check", "scenarios/mine.yaml", "--junit", "data"},
            {"explain", "scenario.yaml", "--trace", "/proc/self/status"},
        }) {
            Scratch.Result r = s.run(args);
            assertExit(2, r);
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertEquals(before, s.snapshot());
        assertExit(0, s.run("explain", "scenario.yaml", "--trace", "trace.jsonl"));
        assertExit(0, s.run("explain", "scenario.yaml", "--trace", "trace.jsonl", "--seed", "2"));
    }

    /** Files come out with the user's umask, like any program's (they were 0600). */
    @Test
    void filesAreWrittenWithTheUsersUmask() throws Exception {
        Path probe = Files.createFile(s.work.resolve("probe"));
        Set<PosixFilePermission> umasked = Files.getPosixFilePermissions(probe);
        assertExit(1, s.run("check", "scenarios/mine.yaml", "--junit", "junit.xml",
                "--set", "expect=['invocations.total == -1']"));
        assertEquals(umasked, Files.getPosixFilePermissions(s.work.resolve("junit.xml")));
        assertExit(0, s.run("check", "scenarios/mine.yaml", "--baseline", "base", "--update-baseline"));
        assertEquals(umasked, Files.getPosixFilePermissions(s.work.resolve("base/scratch.summary.json")));
        assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "out"));
        assertEquals(umasked, Files.getPosixFilePermissions(s.work.resolve("out/summary.json")));
    }

    /** Environment errors are the user's to fix: exit 2, one line, no stack trace. */
    @ParameterizedTest
    @ValueSource(strings = {"/proc/enisim-out", "/proc/self/enisim", "/dev/null/x", "/"})
    void anUnwritablePlaceIsOneLineAndExitTwo(String out) {
        Scratch.Result r = s.run("run", "scenario.yaml", "-q", "--out", out);
        assertExit(2, r);
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("enisim: "), r.err());
    }

    @Test
    void sweepAndPlanFoldersFollowTheSameRules() throws Exception {
        Map<String, String> before = s.snapshot();
        assertExit(2, s.run("sweep", "scenario.yaml", "--vary", "traffic=1,2", "--out", "data", "-q"));
        assertExit(2, s.run("plan", "scenario.yaml", "--out", "scenarios", "-q"));
        assertEquals(before, s.snapshot());
    }

    private void assertOnlyExpectedEntries() throws IOException {
        try (Stream<Path> l = Files.list(s.work)) {
            for (Path p : l.toList()) {
                String n = p.getFileName().toString();
                assertFalse(n.contains(".tmp-") || n.contains(".old-"), "left behind: " + n);
            }
        }
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
