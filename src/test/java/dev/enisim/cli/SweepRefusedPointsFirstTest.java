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
 * A --vary value the scenario refuses is found before any point runs. An adversarial user's review (session 54): with
 * {@code --vary duration=-1m,abc} only the first problem was said, {@code abc} never; a path typo
 * ({@code memoryMB}) read as "every one of the 2 points failed (bad values)", the field unnamed; and with one good value
 * the good point ran first, then "1 of 2 points failed" said nothing of which value or why on the terminal.
 */
class SweepRefusedPointsFirstTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        return dev.enisim.scenario.OneSubnetYaml.small(dir);
    }

    @Test
    void everyRefusedValueIsSaidAtOnceAndNothingRunsOrIsWritten() throws Exception {
        Path out = dir.resolve("sw");
        Result r = CliTest.run("sweep", scenario().toString(), "--vary", "duration=-1m,abc", "--out", out.toString(),
                "-q");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("every one of the 2 points is refused by the scenario"), r.err());
        assertTrue(r.err().contains("duration: a duration cannot be negative: '-1m'"), r.err());
        assertTrue(r.err().contains("got 'abc'"), "the second bad value is said too:\n" + r.err());
        assertTrue(r.err().contains("(--vary point duration=abc)"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aPathTypoIsNamedOnceWithThePointsItRefuses() throws Exception {
        Result r = CliTest.run("sweep", scenario().toString(), "--vary", "functions[0].memoryMB=128,256", "--out",
                dir.resolve("sw").toString(), "-q");
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().split("unknown key 'memoryMB'", -1).length - 1, r.err());
        assertTrue(r.err().contains("did you mean 'memoryMb'?"), r.err());
        assertTrue(r.err().contains("(--vary points functions[0].memoryMB=128; functions[0].memoryMB=256)"), r.err());
    }

    @Test
    void aRefusedValueBesideGoodOnesIsNamedBeforeTheRuns() throws Exception {
        Path out = dir.resolve("sw");
        Result r = CliTest.run("sweep", scenario().toString(), "--vary", "functions[0].memoryMb=lots,256", "--out",
                out.toString(), "-q", "--threads", "1");
        assertEquals(1, r.code(), "a sweep with a failed point exits 1, as documented:\n" + r.out() + r.err());
        assertTrue(r.err().startsWith("warning: 1 of 2 points are refused by the scenario and will not run"), r.err());
        assertTrue(r.err().contains("functions[0].memoryMb: expected a whole number, got 'lots'"), r.err());
        assertTrue(r.err().contains("(--vary point functions[0].memoryMb=lots)"), r.err());
        assertTrue(Files.readString(out.resolve("sweep.csv")).contains("lots"), "the good point ran and was written");
    }
}
