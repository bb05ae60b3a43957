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
 * plan, sweep and sensitivity say every problem of their options at once (exit 2, no output folder), as check does:
 * a lone option check ({@code --replications 0}, {@code --headroom-searches 0}, ...) was said on its own, and the
 * next bad option only on the next try.
 */
class OptionProblemsTogetherTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        Path f = dir.resolve("good.yaml");
        Files.writeString(f, CliTest.GOOD);
        return f;
    }

    @Test
    void planSaysEveryBadOptionAtOnce() throws Exception {
        Path out = dir.resolve("out");
        Result r = CliTest.run("plan", scenario().toString(), "--headroom-searches", "0", "--replications", "0",
                "--warm-up", "soon", "--max-failed-fraction", "2", "--assumptions", "guessed", "--max-events", "-5",
                "--threads", "0", "-q", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("enisim: --replications must be at least 1\n"
                + "enisim: --headroom-searches must be at least 1, got 0\n"
                + "enisim: --threads must be at least 1, got 0\n"
                + "enisim: --warm-up: expected a duration such as 5m, 90s or 0, got 'soon'\n"
                + "enisim: --max-failed-fraction: expected a fraction from 0 to under 1 (such as 0.001) or a"
                + " percentage (such as 0.1%), got '2'\n"
                + "enisim: --assumptions: expected documented, field or both, got 'guessed'\n"
                + "enisim: --max-events must be a finite number of events, 1 or more, got -5\n", r.err().replace("\r", ""));
        assertEquals("", r.out());
        assertFalse(Files.exists(out));
    }

    @Test
    void planSaysABadOptionWithTheScenariosProblems() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, CliTest.GOOD.replace("duration: 10m", "duration: soon"));
        Result r = CliTest.run("plan", f.toString(), "--headroom-searches", "0", "-q", "--out",
                dir.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("enisim: --headroom-searches must be at least 1, got 0\n"), r.err());
        assertTrue(r.err().contains("duration"), r.err());
    }

    @Test
    void sweepSaysEveryBadOptionAtOnce() throws Exception {
        Result r = CliTest.run("sweep", scenario().toString(), "--vary", "functions[0].duration=100ms,200ms",
                "--replications", "0", "--metric", "no.such.metric", "--max-events", "0", "-q", "--out",
                dir.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("enisim: --replications must be at least 1\n"
                + "enisim: --max-events must be a finite number of events, 1 or more, got 0\n"
                + "enisim: --metric "), r.err());
        assertFalse(Files.exists(dir.resolve("out")));
        Result design = CliTest.run("sweep", scenario().toString(), "--vary", "functions[0].duration=100ms,200ms",
                "--replications", "0", "--design", "random", "-q");
        assertEquals("enisim: --replications must be at least 1\n"
                + "enisim: --design: expected grid, lhs or sobol, got 'random'\n", design.err().replace("\r", ""));
    }

    @Test
    void sensitivitySaysEveryBadOptionAtOnce() throws Exception {
        Result r = CliTest.run("sensitivity", scenario().toString(), "--metric", "enis.peak", "--method", "sobel",
                "--replications", "0", "--floor", "2", "--samples", "1", "-q", "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        // --samples 1 is said too since every problem of sensitivity's is said at once (h3, session 55)
        assertTrue(r.err().startsWith("enisim: --method: expected morris or sobol, got 'sobel'\n"
                + "enisim: --replications must be at least 1\n"
                + "enisim: --samples must be at least 2\n"
                + "enisim: --floor: expected a share"), r.err());
        Result samples = CliTest.run("sensitivity", scenario().toString(), "--metric", "no.such", "--samples", "1",
                "--replications", "0", "-q", "--out", dir.resolve("out").toString());
        assertEquals(2, samples.code(), samples.err());
        assertTrue(samples.err().startsWith("enisim: --replications must be at least 1\n"
                + "enisim: --samples must be at least 2\n"
                + "enisim: --metric "), samples.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
