package dev.enisim.cli;

import static dev.enisim.TestFiles.chattr;
import static dev.enisim.TestFiles.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that write a file or a folder after their runs ({@code check --junit}, {@code --html} and
 * {@code --update-baseline}, {@code gate}, {@code bench --json} and {@code --cost-model}, {@code validate-model
 * --markdown}, {@code explain --trace}) try it before their first run, as sweep, sensitivity, run and plan try their
 * output folder ({@link OutputTrialWriteTest}): a CI job learnt that its JUnit file could not be written only after
 * every run. One line, exit 2, nothing run, nothing left behind.
 */
class FileTrialWriteTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        return Files.writeString(dir.resolve("checked.yaml"), EngineEquivalenceTest.SCENARIO
                + "expect:\n  - enis.peak >= 0\n");
    }

    /** A child JVM running {@code args} whose file-size limit is 0 (ulimit -f 0): every write of a byte fails. */
    private static Result fullDisk(String... args) throws Exception {
        String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "ulimit -f 0 && j=\"$1\" && c=\"$2\" && shift 2"
                + " && exec \"$j\" -XX:-UsePerfData -cp \"$c\" dev.enisim.cli.Main \"$@\"", "sh", jvm,
                System.getProperty("java.class.path")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), "", text);
    }

    private static String refusal(Path file, Path in) {
        return refusal("", file, in);
    }

    /** As above, for a file an option named: the refusal says the option first ("--junit results.xml: ..."). */
    private static String refusal(String option, Path file, Path in) {
        return "enisim: " + (option.isEmpty() ? "" : option + " ") + file + ": enisim cannot write in " + in + " (File too large), said by a trial write before"
                + " any run; give a folder you may write (not read-only, full or immutable)";
    }

    /** Exit 2, the refusal alone (a partial account's warnings aside), nothing new in {@code dir}. */
    private void refused(Result r, String line, List<String> before) throws Exception {
        assertEquals(2, r.code(), r.err());
        List<String> said = r.err().strip().lines().filter(l -> !l.startsWith("warning: ")).toList();
        assertEquals(List.of(line), said, "one line, and no run's output before it");
        assertEquals(before, names(dir), "the trial left nothing behind");
    }

    @Test
    void aFullDiskIsFoundBeforeTheFirstRunOfEveryCommandThatWritesAFile() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        Path f = scenario();
        List<String> before = names(dir);
        Path junit = dir.resolve("results.xml");
        Path baselines = dir.resolve("baselines");
        Path page = dir.resolve("drift.html");
        Path gate = dir.resolve("gate");
        Path json = dir.resolve("bench.json");
        Path svg = dir.resolve("cost.svg");
        Path table = dir.resolve("validation.md");
        Path trace = dir.resolve("trace.jsonl");
        // each command's own verdict (all said when several fail)
        org.junit.jupiter.api.Assertions.assertAll(
            () -> refused(fullDisk("check", f.toString(), "--junit", junit.toString(), "--step-summary", ""),
                    refusal("--junit", junit, dir), before),
            () -> refused(fullDisk("check", f.toString(), "--baseline", baselines.toString(), "--update-baseline",
                    "--step-summary", ""), refusal(baselines.resolve("engines.summary.json"), dir), before),
            () -> refused(fullDisk("gate", "--account", "src/test/resources/gate/account.yaml", "--template",
                    "src/test/resources/gate/one-group.yaml", "--out", gate.toString(), "--step-summary", ""),
                    refusal(gate, dir), before),
            () -> refused(fullDisk("bench", f.toString(), "--repeat", "1", "--no-fork", "--no-references",
                    "--warmup", "tenth", "--json", json.toString()), refusal("--json", json, dir), before),
            () -> refused(fullDisk("bench", "--cost-model", svg.toString(), "--cost-model-functions", "1",
                    "--cost-model-arrivals", "60000", "--no-fork"), refusal("--cost-model", svg, dir), before),
            () -> refused(fullDisk("validate-model", "--replications", "2", "--markdown", table.toString()),
                    refusal("--markdown", table, dir), before),
            () -> refused(fullDisk("explain", f.toString(), "--trace", trace.toString()), refusal("--trace", trace, dir),
                    before));
        Files.createDirectories(baselines);
        assertEquals(0, CliTest.run("check", f.toString(), "--baseline", baselines.toString(), "--update-baseline",
                "--step-summary", "").code());
        refused(fullDisk("check", f.toString(), "--baseline", baselines.toString(), "--html", page.toString(),
                "--step-summary", ""), refusal("--html", page, dir), names(dir));
    }

    /** A JUnit file made immutable (chattr +i, refused to root too) is found before the runs, not by the write after. */
    @Test
    void anImmutableJUnitFileIsRefusedBeforeTheFirstRun() throws Exception {
        Path f = scenario();
        Path junit = dir.resolve("results.xml");
        Result first = CliTest.run("check", f.toString(), "--junit", junit.toString(), "--step-summary", "");
        assertEquals(0, first.code(), first.err());
        assertEquals(List.of("checked.yaml", "results.xml"), names(dir), "no trial left behind");
        String written = Files.readString(junit);
        refusedAsImmutable(f, junit, written);
        assertEquals(0, CliTest.run("check", f.toString(), "--junit", junit.toString(), "--step-summary", "").code(),
                "writable again, the same command writes it");
        assertEquals(List.of("checked.yaml", "results.xml"), names(dir), "no trial file nor link left behind");
    }

    /**
     * {@code junit} (written by a check of {@code f}, as {@code written}) made immutable: the same check is refused in
     * one line before any scenario runs, and nothing is left or changed (skipped where chattr is not available).
     */
    private void refusedAsImmutable(Path f, Path junit, String written) throws Exception {
        Assumptions.assumeTrue(chattr("+i", junit), "chattr +i is not available here");
        try {
            Result r = CliTest.run("check", f.toString(), "--junit", junit.toString(), "--step-summary", "");
            assertEquals(2, r.code(), r.err());
            assertEquals("enisim: --junit " + junit + ": enisim cannot replace this file (Operation not permitted: it is"
                    + " immutable or append-only, chattr +i or +a), said by a trial write before any run; lsattr "
                    + junit + " shows it (chattr -i or -a undoes it), or give another file", r.err().strip());
            assertEquals("", r.out(), "no scenario ran");
            assertEquals(List.of("checked.yaml", "results.xml"), names(dir), "the trial left nothing behind");
            assertEquals(written, Files.readString(junit));
        } finally {
            chattr("-i", junit);
        }
    }

    /**
     * The same JUnit file owned by another user: root, whom the kernel lets link it, tells it immutable by the trial
     * too (it was found only by the write after every run: the trial linked only files of the same owner).
     */
    @Test
    void anImmutableJUnitFileOfAnotherUserIsRefusedBeforeTheFirstRunByRoot() throws Exception {
        Path f = scenario();
        Path junit = dir.resolve("results.xml");
        assertEquals(0, CliTest.run("check", f.toString(), "--junit", junit.toString(), "--step-summary", "").code());
        String written = Files.readString(junit);
        Assumptions.assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(junit, "unix:uid")),
                "runs as root only: only root gives a file to another user");
        Files.setAttribute(junit, "unix:uid", 4242);
        refusedAsImmutable(f, junit, written);
    }

    /** A gate's --out made immutable: refused before the account runs, as a sweep's is. */
    @Test
    void anImmutableGateFolderIsRefusedBeforeTheRuns() throws Exception {
        Path out = dir.resolve("gate");
        String[] gate = {"gate", "--account", "src/test/resources/gate/account.yaml", "--template",
            "src/test/resources/gate/one-group.yaml", "--out", out.toString(), "--step-summary", ""};
        Result first = CliTest.run(gate);
        assertTrue(first.code() < 2, first.err());
        Assumptions.assumeTrue(chattr("+i", out), "chattr +i is not available here");
        try {
            List<String> held = names(out);
            Result r = CliTest.run(gate);
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().filter(l -> !l.startsWith("warning: ")).count(), r.err());
            assertTrue(r.err().contains("enisim: " + out + ": enisim cannot write in this folder, which it replaces as"
                    + " a whole (its files are deleted then): Operation not permitted"), r.err());
            assertTrue(r.err().contains("said by a trial write before any run"), r.err());
            assertEquals("", r.out(), "the gate did not run");
            assertEquals(held, names(out));
            assertEquals(List.of("gate"), names(dir));
        } finally {
            chattr("-i", out);
        }
    }
}
