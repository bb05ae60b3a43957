package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import dev.enisim.experiment.Designs;
import dev.enisim.experiment.Experiment;
import dev.enisim.experiment.PointRunner;
import dev.enisim.experiment.PointSpec;
import dev.enisim.experiment.PointTask;
import dev.enisim.experiment.SweepDesign;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's progress file has the mode of the sweep's report files (an SRE team's wish, session 49): it was made
 * owner-only (rw-------, a temporary file's) beside reports made with the umask (rw-r--r--). The command set the mode
 * once the file was made; the file is now made with it ({@code Experiment.replace}, {@code ProgressFileAccessTest}).
 */
class ProgressFileModeTest {

    @TempDir
    Path dir;

    /** Notes the progress file's mode when the points start, then dies as a kill would, leaving the file. */
    private static final class NotingRunner implements PointRunner {
        private final Path file;
        Set<PosixFilePermission> seen;

        NotingRunner(Path file) {
            this.file = file;
        }

        @Override
        public void run(PointSpec spec, List<PointTask> tasks, Consumer<String> sink) {
            try {
                seen = Files.getPosixFilePermissions(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("killed");
        }

        @Override
        public String describe() {
            return "noting";
        }
    }

    @Test
    void theProgressFileHasTheReportFilesMode() throws Exception {
        Path f = EngineEquivalenceTest.scenario(dir);
        List<String> vary = List.of("traffic=0.5,1");
        Path whole = dir.resolve("whole");
        Result a = CliTest.run("sweep", f.toString(), "--vary", vary.get(0), "--metric", "enis.peak", "--out",
                whole.toString(), "-q");
        assertEquals(0, a.code(), a.err());
        Set<PosixFilePermission> report = Files.getPosixFilePermissions(whole.resolve("sweep.csv"));

        Path out = dir.resolve("out");
        PointSpec spec = PointSpec.of(ScenarioLoader.readTree(f), f.toString(), List.of("enis.peak"), 1);
        NotingRunner runner = new NotingRunner(Experiment.progressFile(out));
        assertThrows(IllegalStateException.class, () -> ExperimentRun.points(spec,
                SweepDesign.of(vary, Designs.Kind.GRID, 0, 1).points(), runner, out, true,
                new PrintWriter(new StringWriter())));
        assertEquals(PosixFilePermissions.toString(report), PosixFilePermissions.toString(runner.seen),
                "while the points run");
        assertEquals(PosixFilePermissions.toString(report), PosixFilePermissions.toString(
                Files.getPosixFilePermissions(Experiment.progressFile(out))), "as a kill leaves it");
        assertTrue(report.contains(PosixFilePermission.OWNER_WRITE));
    }
}
