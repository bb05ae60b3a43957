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
 * A user's file given as a single output ({@code compare --html}, {@code check --junit}, {@code explain --trace},
 * {@code validate-model --markdown}, {@code import -o}) is refused in one short line that says it is not a file
 * enisim wrote, and is left as it was. An adversarial review: {@code compare --html user.txt} quoted the page's whole
 * expected opening, some 600 characters with its line breaks as \n; the old code quoted each output's opening.
 */
class SingleFileRefusalsTest {

    @TempDir
    Path dir;

    private static final String SAID = " exists and does not look like a file enisim wrote (it does not begin as"
            + " enisim's files of this kind do); enisim will not overwrite it. Give a new file name, or remove it"
            + " yourself";

    @Test
    void eachIsRefusedInOneShortLineAndLeftAsItWas() throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), CliTest.GOOD + "expect:\n  - invocations.total > 0\n");
        Path user = Files.writeString(dir.resolve("user.txt"), "my notes\n");
        String s = scenario.toString();
        String u = user.toString();
        String ex = "scenarios/import-example/";
        String[][] lines = {
            {"--html", "compare", s, "--replications", "2", "--html", u},
            {"--junit", "check", s, "--junit", u},
            {"--trace", "explain", s, "--trace", u},
            {"--markdown", "validate-model", "--markdown", u},
            {"", "import", "--subnets", ex + "subnets.json", "--functions", ex + "functions.json", "-o", u},
        };
        for (String[] line : lines) {
            String[] args = java.util.Arrays.copyOfRange(line, 1, line.length);
            Result r = CliTest.run(args);
            String option = line[0].isEmpty() ? "" : line[0] + " ";
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            String said = r.err().strip();
            assertTrue(said.startsWith("enisim: " + option + u + SAID), said);
            assertEquals(1, said.lines().count(), said);
            assertTrue(said.length() < 300, said.length() + " characters: " + said);
            assertFalse(said.contains("\\n") || said.contains("<?xml") || said.contains("<!DOCTYPE"), said);
            assertEquals("my notes\n", Files.readString(user), String.join(" ", args));
        }
    }
}
