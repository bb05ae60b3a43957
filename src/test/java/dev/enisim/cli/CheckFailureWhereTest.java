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
 * Review 54 (r6, B1): a failing assertion printed no file:line nor field path, while the same assertion's bad input
 * did. The FAIL line, the JUnit testcase (attributes {@code file} and {@code line}) and the step summary's row say
 * where it is written; {@code --github-annotations} prints GitHub's {@code ::error file=...,line=...::} too.
 */
class CheckFailureWhereTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        return Files.writeString(dir.resolve("small.yaml"), CheckCommandTest.SMALL + "expect:\n"
                + "  - \"enis.peak == 1\"\n" // line 14
                + "  - \"enis.peak == 2\"\n"); // line 15
    }

    @Test
    void aFailureSaysItsFileLineAndPathEverywhere() throws Exception {
        Path f = scenario();
        Path junit = dir.resolve("junit.xml");
        Path summary = dir.resolve("summary.md");
        Result r = CliTest.run("check", f.toString(), "--junit", junit.toString(), "--step-summary",
                summary.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("  FAIL  " + f + ":15: expect[1]: enis.peak == 2   (actual 1)"), r.out());
        assertTrue(r.out().contains("  PASS  enis.peak == 1   (actual 1)"), "a pass unchanged: " + r.out());
        assertFalse(r.out().contains("::error"), "annotations only when asked: " + r.out());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("name=\"enis.peak == 2\" file=\"" + f + "\" line=\"15\">"), xml);
        assertTrue(xml.contains("name=\"enis.peak == 1\" file=\"" + f + "\" line=\"14\"/>"), xml);
        String md = Files.readString(summary);
        assertTrue(md.contains("`enis.peak == 2` at " + f + ":15: expect[1] | **FAIL** |"), md);
    }

    @Test
    void githubAnnotationsOnlyWithTheOption() throws Exception {
        Path f = scenario();
        Result r = CliTest.run("check", f.toString(), "--github-annotations", "--step-summary", "");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("::error file=" + f.toString().replace(":", "%3A").replace(",", "%2C")
                + ",line=15,title=enisim check::expect[1]: enis.peak == 2 (actual 1)\n"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("::error")).count(), r.out());
    }

    @Test
    void annotationsEscapeWhatGitHubReads() {
        assertEquals("::error file=a%3Ab%2Cc%25,line=3,title=enisim check::x%25 %0Ay",
                CheckCommand.annotation("a:b,c%", 3, "x% \ny"));
        assertEquals("::error file=f.yaml,title=enisim check::m", CheckCommand.annotation("f.yaml", null, "m"));
    }
}
