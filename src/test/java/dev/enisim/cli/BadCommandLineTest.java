package dev.enisim.cli;

import static dev.enisim.cli.Scratch.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Session 49, an SRE's review: `run --html` answered "Unknown option: '--html'" and the command's whole usage, 40
 * lines. A command line picocli cannot read is now its problem, the suggestions for a misspelt option, and where the
 * options are: a few lines, exit 2.
 */
class BadCommandLineTest extends InScratch {

    @Test
    void anUnknownOptionIsAFewLines() throws IOException {
        Scratch.Result r = s.run("run", "scenario.yaml", "--html");
        assertExit(2, r);
        assertEquals("""
                Unknown option: '--html'
                enisim run always writes report.html into its report folder (--out DIR): no option needed.
                See 'enisim run --help' for its options.
                """, r.err().replace("\r\n", "\n"));
        assertFalse(r.err().contains("Usage:"), r.err());
    }

    @Test
    void aMisspeltOptionGetsItsSuggestion() throws IOException {
        Scratch.Result r = s.run("run", "scenario.yaml", "--replicaton", "3");
        assertExit(2, r);
        assertTrue(r.err().contains("Possible solutions: --replications"), r.err());
        assertTrue(r.err().contains("See 'enisim run --help' for its options."), r.err());
        assertTrue(r.err().lines().count() <= 4, r.err());
    }

    @Test
    void aMissingParameterNamesItAndTheHelp() throws IOException {
        Scratch.Result r = s.run("sweep");
        assertExit(2, r);
        assertTrue(r.err().startsWith("Missing required options and parameters: '--vary=PATH=VALUES', 'SCENARIO'"),
                r.err());
        assertTrue(r.err().contains("See 'enisim sweep --help' for its options."), r.err());
    }
}
