package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.experiment.Experiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data scientist's review: Ctrl-C on a sweep exited 130 with no word, so the user could not tell whether the
 * points run were kept. A child JVM running a sweep is interrupted (SIGINT where it is not ignored, else SIGTERM:
 * both run the same shutdown path) once some points are in its progress file; it says how many are kept and that
 * the same command resumes.
 */
class ExperimentInterruptedTest {

    @TempDir
    Path dir;

    @Test
    void anInterruptedSweepSaysHowManyPointsAreKeptAndThatTheSameCommandResumes() throws Exception {
        Path f = EngineEquivalenceTest.scenario(dir);
        Path out = dir.resolve("out");
        Path progress = Experiment.progressFile(out);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "dev.enisim.cli.Main", "sweep",
                f.toString(), "--design", "lhs", "--points", "40", "--threads", "2", "--vary", "duration=1h..2h",
                "--metric", "enis.peak", "-q", "--out", out.toString()));
        Path err = dir.resolve("err.txt");
        Process child = new ProcessBuilder(cmd).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (Experiment.kept(progress) < 2 && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(10);
        }
        child.destroy(); // SIGTERM: the JVM's shutdown, as Ctrl-C's
        int code = child.waitFor();
        int kept = Experiment.kept(progress);
        String text = Files.readString(err);
        assertTrue(code == 143 || code == 130, code + ": " + text);
        assertTrue(kept >= 2 && kept < 40, kept + " points: " + text);
        java.util.regex.Matcher said = java.util.regex.Pattern.compile("enisim: interrupted: (\\d+) of 40 points are"
                + " kept in " + java.util.regex.Pattern.quote(progress.toString()) + "; the same command run again"
                + " resumes from them").matcher(text);
        assertTrue(said.find(), text);
        int n = Integer.parseInt(said.group(1));
        // no point is appended after the count (a data engineer's review: "16 of 30 points are kept" after "17 of 30
        // points done", the file holding 17), and the lock beside the progress file is given up
        assertEquals(kept, n, text);
        assertTrue(!Files.exists(progress.resolveSibling(".out.progress.lock")), "the lock is given up");
    }
}
