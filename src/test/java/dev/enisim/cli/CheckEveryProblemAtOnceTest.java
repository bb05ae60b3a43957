package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review 54 (r6, B3): an unknown metric or function of expect: was said only once the assertions' syntax errors were
 * fixed (two CI round-trips), and an unknown function was then said twice (a warning without its line, and the
 * error). Every problem of the file is said at once, each once.
 */
class CheckEveryProblemAtOnceTest {

    @TempDir
    Path dir;

    private Path scenario(String... expect) throws Exception {
        return CheckCommandTest.small(dir, expect);
    }

    @Test
    void unknownMetricsAreSaidWithTheSyntaxErrors() throws Exception {
        Path f = scenario("enis.peek == 1", "enis.peak =< 1", "functions.nope.finalState == Active",
                "enis.peak == 1");
        Result r = CliTest.run("check", f.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(f + ":14: expect[0]: unknown metric 'enis.peek'"), r.err());
        assertTrue(r.err().contains(f + ":15: expect[1]: expected 'METRIC OP VALUE'"), r.err());
        assertTrue(r.err().contains(f + ":16: expect[2]: 'functions.nope.finalState' names function 'nope', which the"
                + " scenario does not have"), r.err());
        assertFalse(r.err().contains("expect[3]"), r.err());
        assertTrue(r.err().indexOf("expect[0]") < r.err().indexOf("expect[1]")
                && r.err().indexOf("expect[1]") < r.err().indexOf("expect[2]"), "in the file's order: " + r.err());
    }

    @Test
    void anUnknownFunctionIsSaidOnce() throws Exception {
        Path f = scenario("functions.nope.finalState == Active");
        Result r = CliTest.run("check", f.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().filter(l -> l.contains("nope")).count(), r.err());
        assertFalse(r.err().contains("warning:"), r.err());
    }
}
