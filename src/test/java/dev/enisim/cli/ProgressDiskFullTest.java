package dev.enisim.cli;

import static dev.enisim.TestFiles.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import dev.enisim.experiment.Experiment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills while a sweep runs: the one file written while the points run is the progress file (a line per
 * point; the outputs are written at the end, staged, then moved into place). Its first write that fails stops the
 * sweep at once, in one line (exit 2), the points not yet run left unrun; the file is cut back to its last whole line
 * (a half line was left in it) and keeps the points done, from which the same command resumes; a file that kept none
 * is removed, with the folders made for it. Here the disk fills as a child JVM's file-size limit (ulimit -f) does.
 */
class ProgressDiskFullTest {

    @TempDir
    Path dir;

    private Path scenario;

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        scenario = EngineEquivalenceTest.scenario(dir);
    }

    private String[] sweep(Path out) {
        return new String[] {"sweep", scenario.toString(), "--vary", "traffic=0.1..3:0.1", "--threads", "1", "-q",
            "--out", out.toString()};
    }

    /** A child JVM running {@code args} whose files may not grow past {@code blocks} blocks of 512 bytes. */
    private static Result limited(int blocks, String... args) throws Exception {
        String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "ulimit -f " + blocks + " && j=\"$1\" && c=\"$2\""
                + " && shift 2 && exec \"$j\" -XX:-UsePerfData -cp \"$c\" dev.enisim.cli.Main \"$@\"", "sh", jvm,
                System.getProperty("java.class.path")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), "", text);
    }

    @Test
    void theFirstFailedWriteStopsTheSweepAndLeavesOnlyWholeLines() throws Exception {
        Path out = dir.resolve("out");
        Path progress = Experiment.progressFile(out);
        Result r = limited(8, sweep(out)); // 4,096 bytes: a few of the 30 points' lines
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        String text = Files.readString(progress);
        assertTrue(text.endsWith("\n"), "no half line left: " + text.substring(Math.max(0, text.length() - 80)));
        Matcher m = Pattern.compile("enisim: cannot write the progress file " + Pattern.quote(progress.toString())
                + ": File too large; stopped at once: the (\\d+) points done"
                + " are kept in it, so the same command run again \\(once it can write there\\) resumes from them")
                .matcher(r.err().strip());
        assertTrue(m.matches(), r.err());
        int kept = Integer.parseInt(m.group(1));
        assertTrue(kept >= 1 && kept < 30, "stopped at the first failed write: " + kept);
        assertEquals(1 + kept, text.lines().count(), "the header and a whole line per point kept");
        assertFalse(Files.exists(out), "no output written");
        assertEquals(List.of(".out.progress.jsonl", "engines.yaml"), names(dir), "nothing else left");

        Result again = CliTest.run(sweep(out)); // room again: resumed, not run from the start
        assertEquals(0, again.code(), again.err());
        Path whole = dir.resolve("whole");
        assertEquals(0, CliTest.run(sweep(whole)).code());
        EngineEquivalenceTest.assertSameFiles(whole, out);
        assertFalse(Files.exists(progress), "the progress file goes once the outputs are written");
    }

    @Test
    void aProgressFileThatKeptNoPointGoesWithTheFoldersMadeForIt() throws Exception {
        Path out = dir.resolve("reports/deep/out");
        Result r = limited(1, sweep(out)); // 512 bytes: the header and the trial writes, not a point's line as well
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of("engines.yaml"), names(dir), "no progress file, no folder made for it");
        assertEquals("enisim: cannot write the progress file " + Experiment.progressFile(out) + ": File too large;"
                + " no point was kept, nothing is left behind", r.err().strip());
    }
}
