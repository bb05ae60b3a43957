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
 * run and compare say every problem of their options, their scenarios and their outputs at once (exit 2), as sweep,
 * plan and check do. An adversarial user's review (session 54): {@code run bad.yaml --replications 0 --out a-file
 * --max-events -1} said only the --replications problem; the scenario's own problems and --out's refusal came on the
 * next tries, one at a time.
 */
class RunAndCompareProblemsTogetherTest {

    @TempDir
    Path dir;

    private Path bad() throws Exception {
        return Files.writeString(dir.resolve("bad.yaml"), "name: bad\nduration: -5m\nfunctions: []\n");
    }

    @Test
    void runSaysTheOptionsTheScenarioAndTheOutputTogether() throws Exception {
        Path mine = Files.writeString(dir.resolve("mine.txt"), "the user's\n");
        Result r = CliTest.run("run", bad().toString(), "--replications", "0", "--max-events", "-1", "--out",
                mine.toString(), "-q");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("enisim: --replications must be at least 1\n"), r.err());
        assertTrue(r.err().contains("--max-events must be a finite number of events, 1 or more, got -1"), r.err());
        assertTrue(r.err().contains("duration: a duration cannot be negative: '-5m'"), r.err());
        assertTrue(r.err().contains("functions: at least one function is required"), r.err());
        assertTrue(r.err().contains("mine.txt is a file, not a folder enisim wrote"), r.err());
        assertEquals("the user's\n", Files.readString(mine));
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void compareSaysBothScenariosAndItsOptionsTogether() throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"), CliTest.GOOD);
        Path page = Files.writeString(dir.resolve("mine.html"), "hello\n");
        Result r = CliTest.run("compare", bad().toString(), good.toString(), "--replications", "0", "--html",
                page.toString(), "--set", "duration=-1m");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("enisim: --replications must be at least 1\n"), r.err());
        assertTrue(r.err().contains("--html " + page), r.err());
        assertTrue(r.err().contains("bad.yaml:2: duration: a duration cannot be negative: '-5m'"), r.err());
        assertTrue(r.err().contains("good.yaml: duration: a duration cannot be negative: '-1m' (from --set"
                + " duration=-1m)"), r.err());
        assertEquals("hello\n", Files.readString(page));
    }
}
