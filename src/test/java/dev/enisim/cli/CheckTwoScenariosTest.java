package dev.enisim.cli;

import static dev.enisim.cli.Scratch.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Two scenarios with one name in a check run wrote and compared one baseline file (a baseline written a moment
 * before failed at once) and made two JUnit suites of one name; the same file named twice was run twice and counted
 * apart from the JUnit file.
 */
class CheckTwoScenariosTest extends InScratch {

    @Test
    void twoScenariosWithOneNameAreBadInputNamingBothFiles() throws Exception {
        Files.createDirectories(s.work.resolve("dup"));
        Files.writeString(s.work.resolve("dup/a.yaml"), Scratch.SCENARIO);
        Files.writeString(s.work.resolve("dup/b.yaml"), Scratch.SCENARIO.replace("otherUsedIps: 3", "otherUsedIps: 5"));
        Scratch.Result r = s.run("check", "dup", "--baseline", "base", "--update-baseline");
        assertExit(2, r);
        assertTrue(r.err().contains("a.yaml and ") && r.err().contains("b.yaml are both scenario 'scratch'"), r.err());
        assertTrue(Files.notExists(s.work.resolve("base")), "nothing written");
    }

    @Test
    void aFileNamedTwiceIsCheckedOnce() throws Exception {
        // with an expectation: a check of scenarios asserting nothing at all is bad input ("nothing to check")
        Files.writeString(s.work.resolve("scenario.yaml"), Scratch.SCENARIO + "expect:\n  - \"enis.peak >= 0\"\n");
        Scratch.Result r = s.run("check", "scenario.yaml", "scenario.yaml", "scenarios/../scenario.yaml");
        assertExit(0, r);
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("scratch (")).count(), r.out());
    }
}
