package dev.enisim.cli;

import static dev.enisim.cli.Scratch.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets every problem at once: a scenario's own mistakes, its expect block's and the command line's
 * {@code --set} assignments' are reported together (validate said "ok" to a broken expect block; check reported the
 * scenario's mistakes first and the expect block's only once they were fixed; a --set path that selects nothing hid
 * the other assignments' mistakes).
 */
class AllProblemsAtOnceTest extends InScratch {

    private List<String> problems(Scratch.Result r) {
        return r.err().lines().filter(l -> l.contains("scenario.yaml: "))
                .map(l -> l.substring(l.indexOf("scenario.yaml: "))).toList();
    }

    @Test
    void validateReadsTheExpectBlockToo() throws Exception {
        Files.writeString(s.work.resolve("scenario.yaml"), Scratch.SCENARIO + "expect:\n  - \"x >>> 3\"\n");
        Scratch.Result r = s.run("validate", "scenario.yaml");
        assertExit(2, r);
        assertTrue(r.err().contains("scenario.yaml:14: expect[0]: expected 'METRIC OP VALUE'"), r.err());
    }

    @Test
    void theScenariosTheExpectBlocksAndTheAssignmentsProblemsComeTogether() throws Exception {
        Files.writeString(s.work.resolve("scenario.yaml"), Scratch.SCENARIO + "expect:\n  - \"nonsense\"\n");
        for (String command : List.of("validate", "check")) {
            Scratch.Result r = s.run(command, "scenario.yaml", "--set", "nope=1", "--set", "functions[zzz].x=1",
                    "--set", "functions[0].memoryMb=abc");
            assertExit(2, r);
            List<String> p = problems(r);
            assertEquals(4, p.size(), command + ": " + r.err());
            assertTrue(p.get(0).startsWith("scenario.yaml: --set functions[zzz].x: no element named 'zzz'"), p.get(0));
            assertTrue(p.stream().anyMatch(l -> l.startsWith("scenario.yaml: nope: unknown key 'nope'")), p.toString());
            assertTrue(p.stream().anyMatch(l -> l.startsWith("scenario.yaml: functions[0].memoryMb: expected a whole"
                    + " number, got 'abc'")), p.toString());
            assertTrue(p.get(3).startsWith("scenario.yaml: expect[0]: expected 'METRIC OP VALUE'"), p.get(3));
        }
    }
}
