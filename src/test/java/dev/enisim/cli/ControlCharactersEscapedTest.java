package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import dev.enisim.scenario.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario's values, keys and trace lines were quoted raw in errors (an adversarial review): an ESC sequence cleared
 * or retitled the reader's terminal, an OSC 52 wrote the clipboard, and a newline in a value made a line of its own,
 * {@code ::error title=pwned::...}, which GitHub Actions reads as a workflow command. Each of the reviewer's inputs:
 * escaped on stderr, in the JUnit file and in the step summary.
 */
class ControlCharactersEscapedTest {

    @TempDir
    Path dir;

    private static final String ESC = "\u001b";
    private static final String BEL = "\u0007";

    private static void assertClean(String text) {
        assertFalse(text.contains(ESC) || text.contains(BEL) || text.contains("\r"), "a raw control character: " + text);
        assertFalse(text.lines().anyMatch(l -> l.startsWith("::")), "a line that is a workflow command: " + text);
    }

    private String checked(String name, String yaml) throws Exception {
        Path f = Files.writeString(dir.resolve(name + ".yaml"), yaml);
        Result v = CliTest.run("validate", f.toString());
        assertEquals(2, v.code(), v.err());
        assertClean(v.err());
        Path junit = dir.resolve(name + "-junit.xml");
        Path summary = dir.resolve(name + "-summary.md");
        Result c = CliTest.run("check", f.toString(), "--junit", junit.toString(), "--step-summary",
                summary.toString());
        assertEquals(2, c.code(), c.err());
        assertClean(c.err());
        assertClean(Files.readString(junit));
        assertClean(Files.readString(summary));
        return v.err();
    }

    @Test
    void aNewlineInAValueMakesNoLineOfItsOwn() throws Exception {
        String err = checked("nl", CliTest.GOOD.replace("duration: 10m",
                "duration: \"5\\n::error title=pwned::injected workflow command\\nm\""));
        assertTrue(err.contains("got '5\\n::error title=pwned::injected workflow command\\nm'"), err);
        assertEquals(1, err.strip().lines().count(), err);
    }

    @Test
    void escapeSequencesInANameAKeyAndAFunctionNameAreShownEscaped() throws Exception {
        String err = checked("esc", CliTest.GOOD.replace("name: cli-test\n", "name: cli-test\n\"bad\\e[2Jkey\": 1\n")
                .replace("memoryMb", "memoryMb").replace("duration: 10m", "duration: \"1\\e]0;pwned\\a\""));
        assertTrue(err.contains("bad\\e[2Jkey"), err);
        assertTrue(err.contains("1\\e]0;pwned\\u0007"), err);
    }

    @Test
    void aTraceLineWithAnOscSequenceIsShownEscaped() throws Exception {
        Files.writeString(dir.resolve("osc.csv"), "seconds,count\n0,1\n1" + ESC + "]52;c;ZWNobw==" + BEL + "\n");
        String err = checked("tr", dev.enisim.scenario.OneSubnetYaml.traced(
                "name: tr\nduration: 2m\nexpect:\n  - invocations.total >= 0", "osc.csv"));
        assertTrue(err.contains("line 3: "), err);
    }

    @Test
    void theEscapes() {
        assertEquals("a\\eb\\nc\\rd\\te\\u0007\\u007f\\u009b\\u202e\\u2028 C:\\x é",
                Problem.escape("a\u001bb\nc\rd\te\u0007\u007f\u009b\u202e\u2028 C:\\x é"));
        assertEquals("plain", Problem.escape("plain"));
        assertEquals("a\\e\nb", Problem.escapeLines("a\u001b\nb"));
    }
}
